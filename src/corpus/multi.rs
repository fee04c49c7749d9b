//! Exact occurrences of many quotes in one article, in one pass.
//!
//! `check` anchors every citation; looking each quote up with its own `memmem` scan
//! scanned every article once per citation of it and set up a searcher each time
//! (214,000 scans at 10,000 dossiers, a fifth of `check`: BENCHMARKS.md). Here one pass
//! over an article serves all the quotes citing it: at every byte the next 8 bytes are
//! looked up among the quotes' first 8 bytes (a bit filter first, then a sorted list),
//! and each candidate is compared with its whole quote. An Aho–Corasick automaton does
//! the same job, but building one per article over ~100 quotes cost about what it saved.
//!
//! This answers only the first step of [`resolve`](super::resolve), the raw byte match;
//! folding, uniqueness and prefix/suffix stay in the one reference path,
//! [`resolve_from`](super::resolve_from).

use super::anchor::occurrences;

/// Bytes of each quote's opening looked up at every position of the text.
const OPENING: usize = 8;
/// log2 of the bits in the filter of openings: with ~100 quotes per article, about one
/// position in 600 passes the filter by chance.
const FILTER_BITS: u32 = 16;

/// A quote's first [`OPENING`] bytes as one number.
fn opening(bytes: &[u8]) -> Option<u64> {
    let first: [u8; OPENING] = bytes.get(..OPENING)?.try_into().ok()?;
    Some(u64::from_le_bytes(first))
}

/// Where `word` falls in the filter (multiplicative hashing: the top bits of the
/// product depend on every byte).
fn filter_slot(word: u64) -> usize {
    (word.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS)) as usize
}

/// For each of `quotes`, every start offset of it in `text`, ascending, overlapping
/// occurrences included: exactly what [`occurrences`] gives for that quote alone
/// (tested against it below). Empty quotes occur nowhere.
pub fn exact_occurrences(text: &str, quotes: &[&str]) -> Vec<Vec<usize>> {
    let mut found = vec![Vec::new(); quotes.len()];
    // (opening, quote) sorted by opening; quotes shorter than an opening are scanned
    // for alone.
    let mut keys: Vec<(u64, usize)> = Vec::with_capacity(quotes.len());
    for (i, q) in quotes.iter().enumerate() {
        match opening(q.as_bytes()) {
            Some(w) => keys.push((w, i)),
            None => {
                if let Some(list) = found.get_mut(i) {
                    *list = occurrences(text, q);
                }
            }
        }
    }
    if keys.is_empty() {
        return found;
    }
    keys.sort_unstable();
    let mut filter = vec![0u64; (1 << FILTER_BITS) / 64];
    for &(w, _) in &keys {
        let slot = filter_slot(w);
        if let Some(bits) = filter.get_mut(slot / 64) {
            *bits |= 1 << (slot % 64);
        }
    }
    let bytes = text.as_bytes();
    for (at, window) in bytes.windows(OPENING).enumerate() {
        let Some(w) = opening(window) else { continue };
        let slot = filter_slot(w);
        if filter
            .get(slot / 64)
            .is_none_or(|bits| bits & (1 << (slot % 64)) == 0)
        {
            continue;
        }
        let first = keys.partition_point(|k| k.0 < w);
        for &(_, q) in keys
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .take_while(|k| k.0 == w)
        {
            let (Some(quote), Some(list)) = (quotes.get(q), found.get_mut(q)) else {
                continue;
            };
            // A match of a whole quote (valid UTF-8) starts on a character boundary,
            // so every byte offset tried here is every place the scan would stop.
            if bytes
                .get(at..)
                .is_some_and(|rest| rest.starts_with(quote.as_bytes()))
            {
                list.push(at);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::corpus::{Article, resolve, resolve_from};

    /// Text from a small alphabet, so quotes repeat and overlap, with the characters
    /// folding changes (curly quotes, dashes, line breaks, runs of spaces) and
    /// multi-byte letters.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("ab"),
                Just("a"),
                Just("b"),
                Just(" "),
                Just("  "),
                Just("\n"),
                Just("“"),
                Just("\""),
                Just("’"),
                Just("'"),
                Just("—"),
                Just("-"),
                Just("Свобода"),
                Just("é"),
                Just("said the Legion"),
            ],
            0..120,
        )
        .prop_map(|parts| parts.concat())
    }

    /// A quote: a slice of the text (on character boundaries), the same slice with its
    /// typographic characters straightened (so it matches only after folding), or
    /// unrelated text.
    fn quote_of(text: &str, start: usize, len: usize, how: u8) -> String {
        let chars: Vec<char> = text.chars().collect();
        let start = start % (chars.len() + 1);
        let end = (start + len).min(chars.len());
        let slice: String = chars.get(start..end).unwrap_or(&[]).iter().collect();
        match how % 4 {
            0 | 1 => slice,
            2 => slice
                .replace(['“', '”'], "\"")
                .replace('’', "'")
                .replace('—', "-")
                .replace('\n', " "),
            _ => format!("{slice}x"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The one-pass search finds what the reference scan finds for every quote, and
        /// `check`'s resolution of each citation (match, folded match, ambiguity,
        /// prefix/suffix verdicts, suggestions) is the same from either.
        #[test]
        fn same_as_one_scan_per_quote(
            text in text(),
            picks in proptest::collection::vec(
                (0usize..400, 0usize..40, 0u8..4, 0usize..400, 0usize..400, 0u8..4),
                0..24,
            ),
        ) {
            let mut quotes: Vec<String> = picks
                .iter()
                .map(|&(start, len, how, ..)| quote_of(&text, start, len, how))
                .collect();
            // Repeats of the same quote in one article, as many citations have.
            if let Some(q) = quotes.first().cloned() {
                quotes.push(q);
            }
            let refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
            let fast = exact_occurrences(&text, &refs);
            prop_assert_eq!(fast.len(), refs.len());
            let article = Article::new(text.clone());
            for (i, (q, at)) in refs.iter().zip(&fast).enumerate() {
                prop_assert_eq!(at, &occurrences(&text, q), "quote {:?}", q);
                let (_, _, _, p, s, ends) = picks.get(i).copied().unwrap_or((0, 0, 0, 0, 0, 0));
                let prefix = quote_of(&text, p, 6, 0);
                let suffix = quote_of(&text, s, 6, 0);
                let prefix = (ends & 1 == 1 && !prefix.trim().is_empty()).then_some(prefix.as_str());
                let suffix = (ends & 2 == 2 && !suffix.trim().is_empty()).then_some(suffix.as_str());
                prop_assert_eq!(
                    resolve_from(&article, q, prefix, suffix, at.clone()),
                    resolve(&article, q, prefix, suffix),
                    "quote {:?} prefix {:?} suffix {:?}", q, prefix, suffix
                );
            }
        }
    }

    #[test]
    fn overlapping_repeats_and_short_quotes_are_all_found() {
        let text = "abababab said the Legion, said the Legion";
        let quotes = ["abab", "ababab", "said the Legion", "", "b"];
        let got = exact_occurrences(text, &quotes);
        assert_eq!(
            got,
            vec![
                vec![0, 2, 4],
                vec![0, 2],
                vec![9, 26],
                Vec::<usize>::new(),
                vec![1, 3, 5, 7]
            ]
        );
    }
}
