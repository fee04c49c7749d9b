//! Citing from the reader: `s` starts a selection at the highlighted quote, the current
//! search match or the first word of the top line; keys grow and shrink it by word and
//! by sentence (`corpus::select`); `y` turns it into a citation `check` is sure to accept
//! (`corpus::cite`: the shortest prefix or suffix that makes a repeated quote unique) and
//! puts it on the clipboard, and, with `--cite-to FILE`, hands it to the terminal loop to
//! append to that file (update does no I/O).

use super::reader::line_of;
use super::reader::third_from_top;
use super::{Action, App, Screen};
use crate::corpus::cite::cite;
use crate::corpus::select::{extend_sentence, extend_word, shrink_sentence, shrink_word, word_at};
use crate::geometry::Shape;

/// One action while selecting (or `Select`, which starts).
pub fn update(app: &mut App, action: Action) {
    let h = app.list_rows(Shape::Reader);
    let Screen::Reader(v) = &mut app.screen else {
        return;
    };
    let Some(source) = app.corpus.sources.get(v.source) else {
        return;
    };
    let text = source.article.text.as_str();
    let lines = &app.wrapped.lines;
    match action {
        Action::Select => {
            let top = lines.get(v.top).map_or(0, |l| l.start);
            let start = v
                .current
                .and_then(|c| v.matches.get(c).cloned())
                .or_else(|| v.highlight.clone())
                .filter(|r| {
                    let line = line_of(lines, r.start);
                    line >= v.top && line < v.top + h
                })
                .unwrap_or_else(|| word_at(text, top));
            v.selection = Some(start);
            app.message = Some("selecting: w/b a word, )/( a sentence, y cite, esc stop".into());
        }
        Action::ExtendWord
        | Action::ShrinkWord
        | Action::ExtendSentence
        | Action::ShrinkSentence => {
            let Some(sel) = v.selection.clone() else {
                return;
            };
            let next = match action {
                Action::ExtendWord => extend_word(text, sel),
                Action::ShrinkWord => shrink_word(text, sel),
                Action::ExtendSentence => extend_sentence(text, sel),
                _ => shrink_sentence(text, sel),
            };
            // Keep the end of the selection on screen as it grows.
            let end_line = line_of(lines, next.end.saturating_sub(1));
            if end_line >= v.top + h || end_line < v.top {
                v.top = third_from_top(lines, next.end.saturating_sub(1), h);
            }
            v.selection = Some(next);
        }
        Action::Cite => {
            let Some(sel) = v.selection.clone() else {
                return;
            };
            match cite(&source.id, &source.article, sel) {
                Ok(c) => {
                    app.clipboard = Some(c.to_toml());
                    let more = if c.prefix.is_some() || c.suffix.is_some() {
                        " (with the context that makes it unique)"
                    } else {
                        ""
                    };
                    app.message = Some(format!("citation copied via OSC 52{more}"));
                    if app.cite_to.is_some() {
                        app.cite_out = Some(c);
                    }
                    v.selection = None;
                }
                Err(e) => app.message = Some(e.to_string()),
            }
        }
        Action::Cancel => v.selection = None,
        _ => {}
    }
}
