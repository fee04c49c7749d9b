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
        let mut out = String::with_capacity(s.len());
        fold_into(s, &mut out);
        std::borrow::Cow::Owned(out)
    }
}

/// Appends the folded text of `s` ([`fold_for_search`]'s, without the map) to `out`:
/// its ASCII runs copied whole, only the other characters folded one by one. The
/// passage search folds the sentences that need it as it reads them rather than
/// keeping folded copies (BENCHMARKS.md, "fifth pass: passages memory").
pub fn fold_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
        let (ascii, tail) = rest.split_at(at);
        out.push_str(ascii);
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            fold_char(c, |d| out.push(d));
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
}

/// Appends the folded text of `s` lower-cased one character for one (what
/// `lower_one_for_one` makes of [`fold_text`]) to `out`, in one pass: a sentence the
/// passage search reads lower-cased is made so for every candidate (BENCHMARKS.md,
/// "sixth pass: passages memory").
pub fn fold_lower_into(s: &str, out: &mut String) {
    let mut rest = s;
    loop {
        let at = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (ascii, tail) = rest.split_at(at);
        let from = out.len();
        out.push_str(ascii);
        if let Some(run) = out.get_mut(from..) {
            run.make_ascii_lowercase();
        }
        let mut chars = tail.chars();
        let Some(c) = chars.next() else {
            return;
        };
        fold_char(c, |d| out.push(d.to_lowercase().next().unwrap_or(d)));
        rest = chars.as_str();
    }
}

/// Gives the characters `c` folds to, in order, to `push` (one or more).
#[inline]
fn fold_char(c: char, mut push: impl FnMut(char)) {
    let plain = match c {
        '\u{2019}' | '\u{2018}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => Some('"'),
        '\u{2013}' | '\u{2014}' => Some('-'),
        _ => None,
    };
    if let Some(p) = plain {
        push(p);
        return;
    }
    let mut any = false;
    for d in std::iter::once(c).nfd() {
        if !is_combining_mark(d) {
            push(d);
            any = true;
        }
    }
    if !any {
        push(c);
    }
}

/// Folds `s` for search; returns the folded text and, for each of its characters, the
/// index of the original character it came from.
pub fn fold_for_search(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        fold_char(c, |d| {
            out.push(d);
            map.push(i);
        });
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
            "한a “x” — Łęcki Müller",
            "ASCII then é",
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

    /// Folding and lower-casing in one pass, appended to what the buffer holds, is the
    /// folded text lower-cased one character for one.
    #[test]
    fn fold_lower_into_is_the_folded_text_lower_cased() {
        let ascii: String = (0u8..128).map(char::from).collect();
        for s in [
            "",
            "Volga CORPS",
            "César «Ё» – X",
            "ŠKODA’S",
            "Легион ЭТО",
            "한a “X” — Łęcki MÜLLER İ",
            "ASCII then É",
            &ascii,
        ] {
            let mut out = "Kept ".to_owned();
            fold_lower_into(s, &mut out);
            let want = super::super::lower_one_for_one(&fold_text(s));
            assert_eq!(out, format!("Kept {want}"), "{s:?}");
        }
    }

    #[test]
    fn drops_diacritics_and_maps_back() {
        let (f, map) = fold_for_search("César «Ё»");
        assert_eq!(f, "Cesar \"Е\"");
        assert_eq!(map, vec![0, 1, 2, 3, 4, 5, 6, 7, 8]);
    }
}
