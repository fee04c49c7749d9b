//! The sources table: per article three rows — title with citation count and coverage;
//! its short marker as citations show it (`NBC-mt`), date, derivation, id and outlet;
//! what it is derived from, naming the other sources that share it. Sources sharing an
//! original are listed together ([`rows`]).

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::Theme;
use super::across::{fit, heading};
use crate::app::App;
use crate::app::sources::{SourcesView, shown, visible};
use crate::geometry::Areas;
use crate::geometry::tone::Tone;
use crate::model::order::origin;
use crate::text::{count, sanitize_line};

pub fn render(app: &App, v: &SourcesView, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let area = areas.body;
    let total: usize = (0..app.corpus.sources.len())
        .map(|i| app.xref.stats(i).citations)
        .sum();
    let groups = crate::app::sources::groups(app);
    let listed = shown(app, v);
    heading(
        &format!(
            " Sources — {}, {}{}",
            count(app.corpus.sources.len(), "article"),
            count(groups.len(), "original"),
            v.filter
                .note(&app.line, listed.len(), app.corpus.sources.len())
        ),
        &format!(
            " {} in all; cited = share of the article's text that dossiers quote",
            count(total, "citation")
        ),
        theme,
        frame,
        area,
    );
    let list = areas.list;
    let w = usize::from(area.width);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (row, &i) in listed
        .iter()
        .enumerate()
        .skip(v.pick.offset)
        .take(visible(app))
    {
        let Some(s) = app.corpus.sources.get(i) else {
            continue;
        };
        let st = app.xref.stats(i);
        let selected = row == v.pick.selected;
        let right = format!(
            "  {:>4} {:<5} {:>5.1}% cited",
            st.citations,
            crate::text::plural::noun(st.citations, "cite"),
            st.coverage()
        );
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
        // The marker first (it is the id when the registry gives no `short`).
        let id = if s.short == s.id {
            String::new()
        } else {
            format!("{} · ", sanitize_line(&s.id))
        };
        let second = format!(
            "    {} · {} · {} · {id}{}",
            sanitize_line(&s.short),
            s.published.as_deref().unwrap_or("undated"),
            s.derivation.as_str(),
            sanitize_line(&s.outlet)
        );
        lines.push(Line::from(Span::styled(
            fit(&second, w),
            theme.style(Tone::Plain),
        )));
        // The others sharing its original, by marker: the group made visible.
        let shared: Vec<String> = groups
            .iter()
            .find(|g| g.contains(&i))
            .into_iter()
            .flatten()
            .filter(|&&o| o != i)
            .filter_map(|&o| app.corpus.sources.get(o))
            .map(|o| sanitize_line(&o.short))
            .collect();
        // Before the original's long name, so a narrow window keeps it.
        let also = if shared.is_empty() {
            String::new()
        } else {
            format!(" (also {})", shared.join(", "))
        };
        let third = match &s.original {
            Some(o) => format!("    original{also}: {}", sanitize_line(o)),
            None if also.is_empty() => "    original: itself".to_owned(),
            None => format!("    original{also}: itself ({})", sanitize_line(origin(s))),
        };
        lines.push(Line::from(Span::styled(
            fit(&third, w),
            theme.style(Tone::Dim),
        )));
    }
    let lines = super::highlight::mark(lines, &v.filter, theme.style(Tone::Match));
    super::clip::draw_list(frame, lines, list);
}
