//! Byte offsets to 1-based line and column numbers, columns counted in characters (as
//! editors and `path:line:col` diagnostics count them).

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// The start offset of every line of a text, for fast offset → line/column lookups.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The line and column of byte `offset` in `text` (the text this index was built on).
    /// An offset inside a character counts as that character.
    pub fn locate(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        // Characters starting before `offset` on its line. `str::chars().count()` is
        // vectorised, which matters on the long lines of large corpora (BENCHMARKS.md).
        let mut end = offset.max(start);
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        let column = text.get(start..end).map_or(0, |s| s.chars().count()) + 1;
        LineCol { line, column }
    }

    /// [`locate`](Self::locate) of `offset`, given `at`, the located position of an
    /// earlier offset `from` on a character boundary: on the same line only the
    /// characters between the two are counted (a citation's end after its start, twice
    /// per citation in `check`), else the whole lookup is done.
    pub fn locate_after(&self, text: &str, from: usize, at: LineCol, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        if line != at.line || from > offset || !text.is_char_boundary(from) {
            return self.locate(text, offset);
        }
        let mut end = offset;
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        let column = at.column + text.get(from..end).map_or(0, |s| s.chars().count());
        LineCol { line, column }
    }

    /// The text of 1-based line `line`, without its newline.
    pub fn line_text<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .starts
            .get(line)
            .map(|&e| e.saturating_sub(1))
            .unwrap_or(text.len());
        text.get(start..end.max(start)).unwrap_or("")
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True for an index with no lines (never: even empty text has one line).
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_after_equals_locate_everywhere() {
        let text = "ab «Свобода»\n\nsaid — the\nx";
        let index = LineIndex::new(text);
        for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let at = index.locate(text, from);
            for offset in 0..=text.len() + 1 {
                assert_eq!(
                    index.locate_after(text, from, at, offset),
                    index.locate(text, offset),
                    "from {from} to {offset}"
                );
            }
        }
    }

    #[test]
    fn lines_and_character_columns() {
        let t = "ab\nдé x\n";
        let ix = LineIndex::new(t);
        assert_eq!(ix.locate(t, 0), LineCol { line: 1, column: 1 });
        assert_eq!(ix.locate(t, 3), LineCol { line: 2, column: 1 });
        let x = t.find('x').unwrap_or(0);
        assert_eq!(ix.locate(t, x), LineCol { line: 2, column: 4 });
        assert_eq!(ix.line_text(t, 2), "дé x");
        assert_eq!(ix.line_text(t, 9), "");
    }

    #[test]
    fn columns_count_characters_starting_before_the_offset() {
        let t = "ab\nxдéz\n";
        let ix = LineIndex::new(t);
        for offset in 0..=t.len() {
            let line_start = t.as_bytes()[..offset]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let want = t[line_start..]
                .char_indices()
                .take_while(|(i, _)| line_start + i < offset)
                .count()
                + 1;
            assert_eq!(ix.locate(t, offset).column, want, "offset {offset}");
        }
    }
}
