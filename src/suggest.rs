//! "Did you mean …?": nearest strings by edit distance, for unknown ids, sources and
//! vocabulary words.

/// Edit distance between two character sequences (insertions, deletions, substitutions).
pub fn levenshtein_chars(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Edit distance between two strings, case-insensitively.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    levenshtein_chars(&a, &b)
}

/// Up to `max` candidates close to `word`: within a third of its length in edits, or
/// containing it (or contained in it), nearest first.
pub fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let lw = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let lc = c.to_lowercase();
            let d = distance(word, c);
            let contains = lw.len() >= 3 && (lc.contains(&lw) || lw.contains(&lc));
            (d <= limit || contains).then_some((if contains { d.min(limit) } else { d }, c))
        })
        .collect();
    scored.sort();
    scored.dedup();
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_close_and_containing_words() {
        let ids = ["denis-kapustin", "caesar", "russian-volunteer-corps"];
        assert_eq!(nearest("caeser", ids, 3), ["caesar"]);
        assert_eq!(nearest("kapustin", ids, 3), ["denis-kapustin"]);
        assert!(nearest("zzz", ids, 3).is_empty());
        assert_eq!(distance("kitten", "Sitting"), 3);
    }
}
