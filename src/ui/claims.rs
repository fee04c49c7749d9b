//! Every claim with its corroboration, least independent first; the selected claim's
//! sources below.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::across::{fit, heading};
use super::{Theme, row};
use crate::app::App;
use crate::app::claims::ClaimsView;
use crate::geometry::Areas;
use crate::geometry::tone::Tone;
use crate::text::sanitize_line;
use crate::xref::backing_text;

/// Width of the "N sources (M independent)" column.
const BACKING_W: usize = 26;

pub fn render(app: &App, v: &ClaimsView, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let area = areas.body;
    let all = app.xref.claims().len();
    let scope = v
        .scope
        .and_then(|d| app.corpus.dossiers.get(d))
        .map(|d| format!(" in {} (C: all)", sanitize_line(&d.name)))
        .unwrap_or_default();
    let filter = v.filter.shown(&app.line);
    heading(
        &format!(
            " Claims{scope} — {} of {all}, least independently sourced first{filter}",
            v.rows.len()
        ),
        &format!(
            " 1: single-source only ({}); sources sharing an original count once",
            if v.single_source { "on" } else { "off" }
        ),
        theme,
        frame,
        area,
    );
    let Areas { list, pane, .. } = *areas;
    let w = usize::from(area.width);
    let rows: Vec<Line<'_>> = v
        .rows
        .iter()
        .enumerate()
        .skip(v.pick.offset)
        .take(usize::from(list.height))
        .map(|(i, r)| {
            let Some(d) = app.corpus.dossiers.get(r.dossier) else {
                return Line::default();
            };
            let Some(c) = d.claims.get(r.claim) else {
                return Line::default();
            };
            let selected = i == v.pick.selected;
            let left = format!(
                "{} {:<BACKING_W$} ",
                if selected { "▶" } else { " " },
                backing_text(r.sources, r.independent)
            );
            let name = format!("{} · ", sanitize_line(&d.name));
            let flag = if c.disputed { "⚑ " } else { "" };
            let used = left.chars().count() + name.chars().count() + flag.chars().count();
            let text = fit(&sanitize_line(&c.text), w.saturating_sub(used));
            if selected {
                Line::from(Span::styled(
                    fit(&format!("{left}{name}{flag}{text}"), w),
                    theme.style(Tone::Selected),
                ))
            } else {
                Line::from(vec![
                    Span::styled(left, theme.style(Tone::Dim)),
                    Span::styled(fit(&name, w), theme.style(Tone::Label)),
                    Span::styled(flag, theme.style(Tone::Disputed)),
                    Span::styled(text, theme.style(Tone::Plain)),
                ])
            }
        })
        .collect();
    let rows = super::highlight::mark(rows, &v.filter, theme.style(Tone::Match));
    super::clip::draw_list(frame, rows, list);
    if v.rows.is_empty() {
        super::clip::draw_row(
            frame,
            Span::styled("  no claim", theme.style(Tone::Dim)),
            row(list, 0),
        );
    }
    // The selected claim's sources, each with what it derives from.
    let detail = v
        .rows
        .get(v.pick.selected)
        .and_then(|r| app.corpus.dossiers.get(r.dossier)?.claims.get(r.claim))
        .map(|c| {
            let mut ids: Vec<usize> = c.all_cites().map(|k| k.source).collect();
            ids.sort_unstable();
            ids.dedup();
            let names: Vec<String> = ids
                .iter()
                .filter_map(|&i| app.corpus.sources.get(i))
                .map(|s| {
                    format!(
                        "{} ({})",
                        sanitize_line(&s.short),
                        sanitize_line(s.original.as_deref().unwrap_or(&s.outlet))
                    )
                })
                .collect();
            format!(" sources: {}", names.join("; "))
        })
        .unwrap_or_default();
    super::clip::draw_row(
        frame,
        Span::styled(fit(&detail, w), theme.style(Tone::Dim)),
        row(pane, 0),
    );
}
