//! The sources table: per article three rows — title with citation count and coverage;
//! date, derivation, id and outlet; what it is derived from.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::Theme;
use super::across::{fit, heading};
use crate::app::App;
use crate::app::sources::{SourcesView, visible};
use crate::geometry::Areas;
use crate::geometry::tone::Tone;
use crate::text::sanitize_line;

pub fn render(app: &App, v: &SourcesView, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let area = areas.body;
    let total: usize = (0..app.corpus.sources.len())
        .map(|i| app.xref.stats(i).citations)
        .sum();
    heading(
        &format!(" Sources — {} articles", app.corpus.sources.len()),
        &format!(
            " {total} citations in all; cited = share of the article's text that dossiers quote"
        ),
        theme,
        frame,
        area,
    );
    let list = areas.list;
    let w = usize::from(area.width);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (i, s) in app
        .corpus
        .sources
        .iter()
        .enumerate()
        .skip(v.pick.offset)
        .take(visible(app))
    {
        let st = app.xref.stats(i);
        let selected = i == v.pick.selected;
        let right = format!("  {:>4} cites {:>5.1}% cited", st.citations, st.coverage());
        let lead = if selected { "▶ " } else { "  " };
        let title = fit(
            &sanitize_line(&s.title),
            w.saturating_sub(lead.len() + right.chars().count()),
        );
        let pad = w.saturating_sub(2 + title.chars().count() + right.chars().count());
        let first = format!("{lead}{title}{}{right}", " ".repeat(pad));
        lines.push(Line::from(Span::styled(
            first,
            theme.style(if selected {
                Tone::Selected
            } else {
                Tone::Title
            }),
        )));
        // Short fields first, so a narrow window cuts only the outlet's long name.
        let second = format!(
            "    {} · {} · {} · {}",
            s.published.as_deref().unwrap_or("undated"),
            s.derivation.as_str(),
            sanitize_line(&s.id),
            sanitize_line(&s.outlet)
        );
        lines.push(Line::from(Span::styled(
            fit(&second, w),
            theme.style(Tone::Plain),
        )));
        let third = match &s.original {
            Some(o) => format!("    original: {}", sanitize_line(o)),
            None => "    original: itself".to_owned(),
        };
        lines.push(Line::from(Span::styled(
            fit(&third, w),
            theme.style(Tone::Dim),
        )));
    }
    super::clip::draw_list(frame, lines, list);
}
