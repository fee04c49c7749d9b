//! Disputed claims across all dossiers, variants side by side, the selected citation's
//! quote below.

use ratatui::Frame;
use ratatui::widgets::Paragraph;

use super::Theme;
use super::across::{heading, lines, quote_pane};
use crate::app::App;
use crate::app::disputes::{DisputesView, cached};
use crate::geometry::Areas;
use crate::geometry::tone::Tone;

pub fn render(app: &App, v: &DisputesView, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let area = areas.body;
    let lay = cached(app, v);
    let all = app.xref.disputed().len();
    let shown = lay.claims;
    let in_scope = match v.scope {
        Some(d) => app.xref.disputed().iter().filter(|&&(x, _)| x == d).count(),
        None => all,
    };
    let scope = v
        .scope
        .and_then(|d| app.corpus.dossiers.get(d))
        .map(|d| format!(" in {} (D: all {all})", crate::text::sanitize_line(&d.name)))
        .unwrap_or_default();
    heading(
        &format!(
            " Disputes{scope} — {}{}",
            crate::text::count(shown, "disputed claim"),
            v.filter.note(&app.line, shown, in_scope)
        ),
        " variants side by side, each with its sources and the curator's note",
        theme,
        frame,
        area,
    );
    let Areas { list, pane, .. } = *areas;
    let shown = lines(
        lay.rows_with_selection(
            v.pick.offset..v.pick.offset + usize::from(list.height),
            v.pick.selected,
        )
        .iter(),
        theme,
    );
    let shown = super::highlight::mark(shown, &v.filter, theme.style(Tone::Match));
    frame.render_widget(Paragraph::new(shown), list);
    let cite = lay
        .targets
        .get(v.pick.selected)
        .and_then(|t| t.get(&app.corpus));
    let pos = format!(
        " {}/{} ",
        (v.pick.selected + 1).min(lay.targets.len()),
        lay.targets.len()
    );
    quote_pane(app, cite, &pos, theme, frame, pane);
}
