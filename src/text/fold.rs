//! Folding: the small, documented normalisation under which a quote may match its
//! article when the bytes differ (data-model.md, "Quote resolution", step 2).
//!
//! Runs of whitespace become one space; ’ ‘ become `'`; “ ” « » become `"`; – — become
//! `-`. Nothing else changes: no case folding, no diacritics, no fuzzy matching. Every
//! folded byte remembers which raw bytes it came from, so a match in folded text maps
//! back to exactly the raw characters, and a highlight covers the original bytes.

/// Text after folding, with a map back to the raw text it came from.
///
/// The map is sparse: folding keeps almost every character, so only the places where a
/// folded character's byte length differs from its source's (a run of whitespace, a
/// typographic quote or dash) are recorded; between them raw and folded offsets differ
/// by a constant. A dense map (two offsets per byte) cost 16 bytes per byte of article,
/// most of the memory of a large corpus (BENCHMARKS.md).
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// Folded characters whose source has another byte length, in text order.
    jumps: Vec<Jump>,
}

/// One folded character whose raw source has a different byte length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Jump {
    /// Folded byte range of the character.
    folded: (usize, usize),
    /// Raw byte range it stands for.
    raw: (usize, usize),
}

/// The folded form of one character, or `None` when it is whitespace (handled as runs).
fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{2019}' | '\u{2018}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => Some('"'),
        '\u{2013}' | '\u{2014}' => Some('-'),
        c if c.is_whitespace() => None,
        c => Some(c),
    }
}

/// Folds `s` into a plain string, without the offset map (for quotes, prefixes, aliases).
pub fn fold_str(s: &str) -> String {
    Folded::new(s).text
}

impl Folded {
    /// Folds `raw`, recording where folded and raw byte lengths part.
    pub fn new(raw: &str) -> Self {
        let mut text = String::with_capacity(raw.len());
        // Every folded character with its raw range, before the identical ones are
        // dropped: (folded start, folded end, raw start, raw end) of the last one.
        let mut jumps: Vec<Jump> = Vec::new();
        let mut last: Option<Jump> = None;
        let mut in_space = false;
        let flush = |j: Option<Jump>, jumps: &mut Vec<Jump>| {
            if let Some(j) = j {
                if j.folded.1 - j.folded.0 != j.raw.1 - j.raw.0 {
                    jumps.push(j);
                }
            }
        };
        for (i, c) in raw.char_indices() {
            let end = i + c.len_utf8();
            match fold_char(c) {
                None if in_space => {
                    // Extend the current folded space over this whitespace character.
                    if let Some(l) = last.as_mut() {
                        l.raw.1 = end;
                    }
                }
                None => {
                    in_space = true;
                    flush(last.take(), &mut jumps);
                    last = Some(Jump {
                        folded: (text.len(), text.len() + 1),
                        raw: (i, end),
                    });
                    text.push(' ');
                }
                Some(f) => {
                    in_space = false;
                    flush(last.take(), &mut jumps);
                    let before = text.len();
                    text.push(f);
                    last = Some(Jump {
                        folded: (before, text.len()),
                        raw: (i, end),
                    });
                }
            }
        }
        flush(last, &mut jumps);
        jumps.shrink_to_fit();
        Folded { text, jumps }
    }

    /// The last jump starting at or before folded byte `f`.
    fn jump_at_folded(&self, f: usize) -> Option<&Jump> {
        let i = self.jumps.partition_point(|j| j.folded.0 <= f);
        i.checked_sub(1).and_then(|i| self.jumps.get(i))
    }

    /// Raw offset where the folded character at byte `f` (a character start) begins.
    fn raw_start_of(&self, f: usize) -> usize {
        match self.jump_at_folded(f) {
            Some(j) if f < j.folded.1 => j.raw.0,
            Some(j) => j.raw.1 + (f - j.folded.1),
            None => f,
        }
    }

    /// Raw offset just past the source of the folded character ending at byte `f`.
    fn raw_end_of(&self, f: usize) -> usize {
        match self.jump_at_folded(f.saturating_sub(1)) {
            Some(j) if f <= j.folded.1 => j.raw.1,
            Some(j) => j.raw.1 + (f - j.folded.1),
            None => f,
        }
    }

    /// Maps the folded byte range `start..end` (on character boundaries) back to the raw
    /// byte range that produced it.
    pub fn raw_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let raw_start = self.raw_start_of(start);
        let raw_end = if end > start {
            self.raw_end_of(end)
        } else {
            raw_start
        };
        raw_start..raw_end
    }

    /// Maps a raw byte offset to the folded offset of the first folded character that
    /// comes from at or after it (used to look at the folded text around a raw match).
    pub fn folded_offset(&self, raw: usize) -> usize {
        let i = self.jumps.partition_point(|j| j.raw.0 <= raw);
        let f = match i.checked_sub(1).and_then(|i| self.jumps.get(i)) {
            Some(j) if raw < j.raw.1 => j.folded.0,
            Some(j) => j.folded.1 + (raw - j.raw.1),
            None => raw,
        };
        f.min(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_and_whitespace_runs() {
        assert_eq!(
            fold_str("a\u{2019}b  \n\t“c” «d» e–f—g"),
            "a'b \"c\" \"d\" e-f-g"
        );
    }

    #[test]
    fn maps_folded_ranges_back_to_raw_bytes() {
        let raw = "x  “é”\n\ny";
        let f = Folded::new(raw);
        assert_eq!(f.text, "x \"é\" y");
        let start = f.text.find('"').unwrap_or(0);
        let end = f.text.rfind('"').map(|i| i + 1).unwrap_or(0);
        let r = f.raw_range(start, end);
        assert_eq!(&raw[r], "“é”");
        // the folded space stands for the whole run of whitespace
        let sp = f.text.rfind(' ').unwrap_or(0);
        assert_eq!(&raw[f.raw_range(sp, sp + 1)], "\n\n");
    }

    #[test]
    fn folded_offset_inverts_raw_range() {
        let raw = "ab  “c”";
        let f = Folded::new(raw);
        let r = f.raw_range(4, 5);
        assert_eq!(f.folded_offset(r.start), 4);
    }

    /// The dense map the sparse one replaced: for every folded byte, the raw range of
    /// the character it came from. The sparse map must answer exactly as it did.
    fn dense(raw: &str) -> (Vec<usize>, Vec<usize>) {
        let (mut starts, mut ends) = (Vec::new(), Vec::new());
        let mut in_space = false;
        let mut text = String::new();
        for (i, c) in raw.char_indices() {
            let end = i + c.len_utf8();
            match fold_char(c) {
                None if in_space => {
                    if let Some(l) = ends.last_mut() {
                        *l = end;
                    }
                }
                None => {
                    in_space = true;
                    text.push(' ');
                    starts.push(i);
                    ends.push(end);
                }
                Some(f) => {
                    in_space = false;
                    let b = text.len();
                    text.push(f);
                    for _ in b..text.len() {
                        starts.push(i);
                        ends.push(end);
                    }
                }
            }
        }
        starts.push(raw.len());
        ends.push(raw.len());
        (starts, ends)
    }

    #[test]
    fn sparse_map_answers_like_the_dense_one() {
        for raw in [
            "",
            "plain text",
            "  lead and trail  ",
            "x  “é”\n\ny",
            "«Свобода России» — the ‘Legion’\t\t– 39",
            "日本語 \u{2014}\u{2014} ab\r\n\r\ncd",
        ] {
            let f = Folded::new(raw);
            let (starts, ends) = dense(raw);
            let bounds: Vec<usize> = (0..=f.text.len())
                .filter(|&b| f.text.is_char_boundary(b))
                .collect();
            for &s in &bounds {
                for &e in bounds.iter().filter(|&&e| e >= s) {
                    let want_end = if e > s { ends[e - 1] } else { starts[s] };
                    assert_eq!(f.raw_range(s, e), starts[s]..want_end, "{raw:?} {s}..{e}");
                }
            }
            for r in (0..=raw.len()).filter(|&r| raw.is_char_boundary(r)) {
                let want = ends.partition_point(|&e| e <= r).min(f.text.len());
                assert_eq!(f.folded_offset(r), want, "{raw:?} raw {r}");
            }
        }
    }
}
