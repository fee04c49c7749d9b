//! Folding: the small, documented normalisation under which a quote may match its
//! article when the bytes differ (data-model.md, "Quote resolution", step 2).
//!
//! Runs of whitespace become one space; ’ ‘ become `'`; “ ” « » become `"`; – — become
//! `-`. Nothing else changes: no case folding, no diacritics, no fuzzy matching. Every
//! folded byte remembers which raw bytes it came from, so a match in folded text maps
//! back to exactly the raw characters, and a highlight covers the original bytes.

/// Text after folding, with a map back to the raw text it came from.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte offset of `text` that starts a character: the raw byte offset where
    /// that character's source starts. One extra entry maps `text.len()` to the raw end.
    raw_start: Vec<usize>,
    /// For each byte offset of `text` that starts a character: the raw byte offset just
    /// past that character's source (a folded space may stand for a run of whitespace).
    raw_end: Vec<usize>,
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
    /// Folds `raw`, recording for every folded character the raw bytes it stands for.
    pub fn new(raw: &str) -> Self {
        let mut text = String::with_capacity(raw.len());
        let mut raw_start = Vec::with_capacity(raw.len() + 1);
        let mut raw_end = Vec::with_capacity(raw.len() + 1);
        let mut in_space = false;
        for (i, c) in raw.char_indices() {
            let end = i + c.len_utf8();
            match fold_char(c) {
                None if in_space => {
                    // Extend the current folded space over this whitespace character.
                    if let Some(last) = raw_end.last_mut() {
                        *last = end;
                    }
                }
                None => {
                    in_space = true;
                    text.push(' ');
                    raw_start.push(i);
                    raw_end.push(end);
                }
                Some(f) => {
                    in_space = false;
                    let before = text.len();
                    text.push(f);
                    for _ in before..text.len() {
                        raw_start.push(i);
                        raw_end.push(end);
                    }
                }
            }
        }
        raw_start.push(raw.len());
        raw_end.push(raw.len());
        Folded {
            text,
            raw_start,
            raw_end,
        }
    }

    /// Maps the folded byte range `start..end` (on character boundaries) back to the raw
    /// byte range that produced it.
    pub fn raw_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let raw_start = self.raw_start.get(start).copied().unwrap_or(0);
        let raw_end = if end > start {
            self.raw_end.get(end - 1).copied().unwrap_or(raw_start)
        } else {
            raw_start
        };
        raw_start..raw_end
    }

    /// Maps a raw byte offset to the folded offset of the first folded character that
    /// comes from at or after it (used to look at the folded text around a raw match).
    pub fn folded_offset(&self, raw: usize) -> usize {
        self.raw_end
            .partition_point(|&e| e <= raw)
            .min(self.text.len())
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
}
