//! Folding text for search: diacritics dropped (`César` → `Cesar`), typographic quotes
//! and dashes made plain, and a map from each folded character back to the original
//! character, so match positions can be highlighted in the original text.

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// The folded text of [`fold_for_search`] alone: `s` itself when it is ASCII (nothing
/// in ASCII folds), without building the map that only highlighting needs. Indexing
/// 1.2 million entries at 100,000 dossiers spent 7% of the browser's start folding,
/// most of it on ASCII claims and on maps thrown away (BENCHMARKS.md).
pub fn fold_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(fold_for_search(s).0)
    }
}

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

    /// The shortcut gives what the full fold gives, ASCII or not, and borrows exactly
    /// when the text is ASCII.
    #[test]
    fn fold_text_is_the_folded_half_of_fold_for_search() {
        for s in [
            "",
            "Volga Corps",
            "a-b 'c' \"d\" ~\t",
            "César «Ё» – x",
            "Škoda’s",
            "Легион",
        ] {
            let f = fold_text(s);
            assert_eq!(f, fold_for_search(s).0, "{s:?}");
            assert_eq!(
                matches!(f, std::borrow::Cow::Borrowed(_)),
                s.is_ascii(),
                "{s:?}"
            );
        }
        for c in (0u8..128).map(char::from) {
            let s = c.to_string();
            assert_eq!(fold_text(&s), fold_for_search(&s).0, "{c:?}");
        }
    }

    #[test]
    fn drops_diacritics_and_maps_back() {
        let (f, map) = fold_for_search("César «Ё»");
        assert_eq!(f, "Cesar \"Е\"");
        assert_eq!(map, vec![0, 1, 2, 3, 4, 5, 6, 7, 8]);
    }
}
