//! Disputed claims across all dossiers, variants side by side, the selected citation's
//! quote below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::Theme;
use super::across::{heading, lines, quote_pane};
use crate::app::App;
use crate::app::disputes::{DisputesView, layout};

pub fn render(app: &App, v: &DisputesView, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let lay = layout(&app.corpus, &app.xref, area.width, Some(v.pick.selected));
    let n = app.xref.disputed().len();
    heading(
        &format!(
            " Disputes — {n} disputed claim{}",
            if n == 1 { "" } else { "s" }
        ),
        " variants side by side, each with its sources and the curator's note",
        theme,
        frame,
        area,
    );
    let crate::geometry::Areas { list, pane, .. } = app.areas(crate::geometry::Shape::Disputes);
    frame.render_widget(
        Paragraph::new(lines(
            lay.rows
                .iter()
                .skip(v.pick.offset)
                .take(usize::from(list.height)),
            theme,
        )),
        list,
    );
    let cite = lay.targets.get(v.pick.selected).map(|(_, c)| *c);
    let pos = format!(
        " {}/{} ",
        (v.pick.selected + 1).min(lay.targets.len()),
        lay.targets.len()
    );
    quote_pane(app, cite, &pos, theme, frame, pane);
}
