//! Who cites a passage: the passage and its source on top, one row per citing item
//! (dossier, what it is, its text), the selected item's own quote below.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::Theme;
use super::across::{fit, heading, quote_pane};
use crate::app::App;
use crate::app::cited_by::CitedByView;
use crate::geometry::Areas;
use crate::geometry::tone::Tone;
use crate::text::sanitize_line;

/// Width of the "what it is" column.
const KIND_W: usize = 9;

pub fn render(app: &App, v: &CitedByView, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let area = areas.body;
    let Some(src) = app.corpus.sources.get(v.source) else {
        return;
    };
    // A passage may span line breaks; the heading shows it on one line.
    let text = src
        .article
        .text
        .get(v.range.clone())
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let at = src.article.lines.locate(&src.article.text, v.range.start);
    let n = v.items.len();
    heading(
        &format!(
            " Cited by{} — “{}”",
            v.filter.note(&app.line, n, v.all.len()),
            sanitize_line(&text)
        ),
        &format!(
            " {} · {} · seeds/{}:{}:{} · {} {} this passage",
            sanitize_line(&src.title),
            sanitize_line(&src.outlet),
            sanitize_line(&src.file),
            at.line,
            at.column,
            crate::text::count(n, "item"),
            if n == 1 { "cites" } else { "cite" }
        ),
        theme,
        frame,
        area,
    );
    let Areas { list, pane, .. } = *areas;
    let name_w = v
        .items
        .iter()
        .filter_map(|c| app.corpus.dossiers.get(c.dossier))
        .map(|d| sanitize_line(&d.name).chars().count())
        .max()
        .unwrap_or(0)
        .min(usize::from(area.width) / 3);
    let w = usize::from(area.width);
    let rows: Vec<Line<'_>> = v
        .items
        .iter()
        .enumerate()
        .skip(v.pick.offset)
        .take(usize::from(list.height))
        .map(|(i, c)| {
            let Some(d) = app.corpus.dossiers.get(c.dossier) else {
                return Line::default();
            };
            let selected = i == v.pick.selected;
            let name = fit(&sanitize_line(&d.name), name_w);
            let left = format!(
                "{} {name:<name_w$}  {:<KIND_W$}",
                if selected { "▶" } else { " " },
                c.item.kind()
            );
            let rest = fit(
                &sanitize_line(&c.item.text(&app.corpus, d)),
                w.saturating_sub(left.chars().count()),
            );
            if selected {
                Line::from(Span::styled(
                    format!("{left}{rest}"),
                    theme.style(Tone::Selected),
                ))
            } else {
                Line::from(vec![
                    Span::styled(left, theme.style(Tone::Label)),
                    Span::styled(rest, theme.style(Tone::Plain)),
                ])
            }
        })
        .collect();
    let rows = super::highlight::mark(rows, &v.filter, theme.style(Tone::Match));
    super::clip::draw_list(frame, rows, list);
    let cite = v
        .items
        .get(v.pick.selected)
        .and_then(|c| c.citation(&app.corpus));
    let pos = format!(" {}/{n} — its own quote ", (v.pick.selected + 1).min(n));
    quote_pane(app, cite, &pos, theme, frame, pane);
}
