//! What the reader needs besides its view state: the passages any dossier cites (for the
//! gutter and `n`/`N`), the article wrapped once per width, and article search.

use std::ops::Range;

use crate::model::Corpus;

use super::dossier::clipboard_text;
use super::{Action, App, ReaderView, Screen};
use crate::geometry::Shape;
use crate::geometry::wrap::wrap;
use crate::text::sanitize_line;

/// Columns left of the article text: a mark for cited lines and a space.
pub const GUTTER: u16 = 2;

/// Per source, the start-sorted, de-duplicated byte ranges that any alias, claim,
/// variant or relation cites.
pub fn cited_ranges(corpus: &Corpus) -> Vec<Vec<Range<usize>>> {
    let mut out = vec![Vec::new(); corpus.sources.len()];
    for d in &corpus.dossiers {
        for c in d.all_cites() {
            if let Some(v) = out.get_mut(c.source) {
                v.push(c.range.clone());
            }
        }
    }
    for v in &mut out {
        v.sort_by_key(|r| (r.start, r.end));
        v.dedup();
    }
    out
}

/// The open article's display lines at one width, computed once per (article, width).
#[derive(Debug, Clone, Default)]
pub struct WrapCache {
    pub source: usize,
    pub width: usize,
    pub lines: Vec<Range<usize>>,
}

impl WrapCache {
    /// Makes sure the cache holds `source` wrapped at `width`.
    pub fn ensure(&mut self, corpus: &Corpus, source: usize, width: usize) {
        if self.source == source && self.width == width && !self.lines.is_empty() {
            return;
        }
        let text = corpus
            .sources
            .get(source)
            .map(|s| s.article.text.as_str())
            .unwrap_or("");
        *self = WrapCache {
            source,
            width,
            lines: wrap(text, width),
        };
    }

    /// The lines for `source` at `width`: the cached ones, or freshly wrapped ones when
    /// the cache is for something else (correct, only slower).
    pub fn get(
        &self,
        corpus: &Corpus,
        source: usize,
        width: usize,
    ) -> std::borrow::Cow<'_, [Range<usize>]> {
        if self.source == source && self.width == width && !self.lines.is_empty() {
            std::borrow::Cow::Borrowed(&self.lines)
        } else {
            let text = corpus
                .sources
                .get(source)
                .map(|s| s.article.text.as_str())
                .unwrap_or("");
            std::borrow::Cow::Owned(wrap(text, width))
        }
    }
}

/// The display line containing byte `offset`.
pub fn line_of(lines: &[Range<usize>], offset: usize) -> usize {
    lines
        .partition_point(|l| l.start <= offset)
        .saturating_sub(1)
}

/// Byte ranges of `needle` in `text`, case-insensitively (by simple lower-casing when it
/// keeps byte offsets, otherwise exactly).
pub fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    let (hay, pat) = if lower.len() == text.len() {
        (lower, needle.to_lowercase())
    } else {
        (text.to_owned(), needle.to_owned())
    };
    if pat.len() != needle.len() {
        return text
            .match_indices(needle)
            .map(|(i, m)| i..i + m.len())
            .collect();
    }
    hay.match_indices(&pat)
        .map(|(i, m)| i..i + m.len())
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .collect()
}

/// Keeps the top line inside the article.
pub fn clamp(app: &mut App) {
    let h = app.list_rows(Shape::Reader);
    if let Screen::Reader(v) = &mut app.screen {
        let max_top = app.wrapped.lines.len().saturating_sub(h);
        v.top = v.top.min(max_top);
    }
}

/// The top line that shows byte `offset` about a third of the way down.
pub fn third_from_top(lines: &[std::ops::Range<usize>], offset: usize, height: usize) -> usize {
    let line = line_of(lines, offset);
    let max_top = lines.len().saturating_sub(height);
    line.saturating_sub(height / 3).min(max_top)
}

/// One action on the article.
pub fn update(app: &mut App, action: Action) {
    if matches!(&app.screen, Screen::Reader(v) if v.selection.is_some() || action == Action::Select)
    {
        super::select::update(app, action);
        return;
    }
    let h = app.list_rows(Shape::Reader);
    let Screen::Reader(v) = &mut app.screen else {
        return;
    };
    let lines = &app.wrapped.lines;
    let max_top = lines.len().saturating_sub(h);
    let text = app
        .corpus
        .sources
        .get(v.source)
        .map(|s| s.article.text.as_str())
        .unwrap_or("");
    match action {
        Action::Down => v.top = (v.top + 1).min(max_top),
        Action::Up => v.top = v.top.saturating_sub(1),
        Action::PageDown => v.top = (v.top + h).min(max_top),
        Action::PageUp => v.top = v.top.saturating_sub(h),
        Action::Top => v.top = 0,
        Action::Bottom => v.top = max_top,
        Action::Search => {
            v.typing = true;
            v.search.clear();
            v.matches.clear();
            v.current = None;
        }
        Action::Accept => {
            v.typing = false;
            if v.matches.is_empty() && !v.search.is_empty() {
                app.message = Some(not_found(&v.search));
            }
        }
        Action::Cancel => {
            v.typing = false;
            v.search.clear();
            v.matches.clear();
            v.current = None;
        }
        Action::NextCite | Action::PrevCite => {
            let forward = action == Action::NextCite;
            if !v.matches.is_empty() {
                let n = v.matches.len();
                let cur = v.current.unwrap_or(0);
                let next = if forward {
                    (cur + 1) % n
                } else {
                    (cur + n - 1) % n
                };
                // As less says it: past the last match the search starts again at the
                // top, and the reader must not look as if it found a later one.
                if forward && next <= cur {
                    app.message = Some("search wrapped: back to the first match".into());
                } else if !forward && next >= cur {
                    app.message = Some("search wrapped: on to the last match".into());
                }
                v.current = Some(next);
                if let Some(m) = v.matches.get(next) {
                    v.top = third_from_top(lines, m.start, h);
                }
            } else if !v.search.is_empty() {
                // n after a search that found nothing repeats that search, as in less.
                app.message = Some(not_found(&v.search));
            } else {
                let cited = app.cited.get(v.source).map(Vec::as_slice).unwrap_or(&[]);
                let here = v
                    .highlight
                    .as_ref()
                    .map_or_else(|| lines.get(v.top).map_or(0, |l| l.start), |r| r.start);
                let found = if forward {
                    cited
                        .iter()
                        .find(|r| r.start > here || (v.highlight.is_none() && r.start >= here))
                } else {
                    cited.iter().rev().find(|r| r.start < here)
                };
                match found {
                    Some(r) => {
                        v.highlight = Some(r.clone());
                        v.top = third_from_top(lines, r.start, h);
                    }
                    None => {
                        app.message = Some(
                            if forward {
                                "no later cited passage"
                            } else {
                                "no earlier cited passage"
                            }
                            .into(),
                        )
                    }
                }
            }
        }
        Action::Copy => {
            let source = app.corpus.sources.get(v.source);
            if let (Some(r), Some(s)) = (v.highlight.clone(), source) {
                let line = s.article.lines.locate(text, r.start).line;
                app.clipboard = Some(clipboard_text(s, text.get(r).unwrap_or(""), line));
                app.message = Some("passage copied to the clipboard (OSC 52)".into());
            } else {
                app.message = Some("no highlighted passage to copy (n/N)".into());
            }
        }
        _ => {}
    }
}

/// What the status line says when a search finds nothing (less's words).
fn not_found(search: &str) -> String {
    format!("Pattern not found: {}", sanitize_line(search))
}

/// The reader's typed search changed: find its matches again.
pub(super) fn research_here(app: &mut App) {
    let h = app.list_rows(Shape::Reader);
    if let Screen::Reader(v) = &mut app.screen {
        let text = app
            .corpus
            .sources
            .get(v.source)
            .map_or("", |s| s.article.text.as_str());
        research(v, text, &app.wrapped.lines, h);
    }
}

fn research(v: &mut ReaderView, text: &str, lines: &[std::ops::Range<usize>], h: usize) {
    v.matches = find_all(text, &v.search);
    let here = lines.get(v.top).map_or(0, |l| l.start);
    v.current = v
        .matches
        .iter()
        .position(|m| m.start >= here)
        .or(if v.matches.is_empty() { None } else { Some(0) });
    if let Some(m) = v.current.and_then(|c| v.matches.get(c)) {
        let line = line_of(lines, m.start);
        if line < v.top || line >= v.top + h {
            v.top = third_from_top(lines, m.start, h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively() {
        assert_eq!(find_all("Legion and legion", "LEGION"), vec![0..6, 11..17]);
        assert!(find_all("x", "").is_empty());
    }

    #[test]
    fn line_lookup() {
        let lines = vec![0..5, 6..10, 11..20];
        assert_eq!(line_of(&lines, 0), 0);
        assert_eq!(line_of(&lines, 7), 1);
        assert_eq!(line_of(&lines, 19), 2);
    }
}
