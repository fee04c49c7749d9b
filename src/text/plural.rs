//! A count and its noun, agreed: "1 claim", "2 claims", "1 alias", "3 aliases",
//! "1 entry", "5 entries". Every place in the views and the subcommands where a number
//! meets a noun goes through here, so none says "1 claims".

/// The noun in the number `n` asks for: `noun` itself for exactly one, else its plural.
pub fn noun(n: usize, noun: &str) -> String {
    if n == 1 {
        noun.to_owned()
    } else {
        plural_of(noun)
    }
}

/// `n` and its noun: "1 claim", "0 claims", "2 aliases".
pub fn count(n: usize, singular: &str) -> String {
    format!("{n} {}", noun(n, singular))
}

/// The regular English plural of a lower-case noun: "-s", "-es" after a sibilant
/// ("aliases", "matches"), "-ies" after a consonant and "y" ("entries"). The nouns the
/// program counts are all regular.
fn plural_of(noun: &str) -> String {
    let sibilant = ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| noun.ends_with(e));
    if sibilant {
        return format!("{noun}es");
    }
    if let Some(stem) = noun.strip_suffix('y') {
        let vowel_before = stem.chars().last().is_some_and(|c| "aeiou".contains(c));
        if !vowel_before && !stem.is_empty() {
            return format!("{stem}ies");
        }
    }
    format!("{noun}s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_every_other_count_plural() {
        assert_eq!(count(1, "claim"), "1 claim");
        assert_eq!(count(0, "claim"), "0 claims");
        assert_eq!(count(2, "claim"), "2 claims");
        assert_eq!(count(1, "alias"), "1 alias");
        assert_eq!(count(3, "alias"), "3 aliases");
        assert_eq!(count(1, "passage"), "1 passage");
        assert_eq!(count(11, "passage"), "11 passages");
        assert_eq!(count(1, "dated entry"), "1 dated entry");
        assert_eq!(count(46, "dated entry"), "46 dated entries");
        assert_eq!(count(2, "day"), "2 days");
        assert_eq!(count(2, "match"), "2 matches");
        assert_eq!(count(1, "disputed claim"), "1 disputed claim");
        assert_eq!(noun(1, "citation"), "citation");
        assert_eq!(noun(5, "citation"), "citations");
    }
}
