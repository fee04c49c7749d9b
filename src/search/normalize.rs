//! Folding text for search: diacritics dropped (`César` → `Cesar`), typographic quotes
//! and dashes made plain, and a map from each folded character back to the original
//! character, so match positions can be highlighted in the original text.

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// Folds `s` for search; returns the folded text and, for each of its characters, the
/// index of the original character it came from.
pub fn fold_for_search(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let plain = match c {
            '\u{2019}' | '\u{2018}' => Some('\''),
            '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => Some('"'),
            '\u{2013}' | '\u{2014}' => Some('-'),
            _ => None,
        };
        if let Some(p) = plain {
            out.push(p);
            map.push(i);
            continue;
        }
        let mut any = false;
        for d in std::iter::once(c).nfd() {
            if !is_combining_mark(d) {
                out.push(d);
                map.push(i);
                any = true;
            }
        }
        if !any {
            out.push(c);
            map.push(i);
        }
    }
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_diacritics_and_maps_back() {
        let (f, map) = fold_for_search("César «Ё»");
        assert_eq!(f, "Cesar \"Е\"");
        assert_eq!(map, vec![0, 1, 2, 3, 4, 5, 6, 7, 8]);
    }
}
