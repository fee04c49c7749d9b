//! The dossier view: name, aliases, summary, relations, the relations of other dossiers
//! that point at it ("Linked from"), claims with numbered citation markers; below, the
//! selected citation's quote in full with its source.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::{Theme, row};
use crate::app::{App, DossierView};
use crate::geometry::Areas;
use crate::geometry::dossier::{Target, layout, title};
use crate::geometry::tone::Tone;
use crate::model::{Dossier, Relation};
use crate::text::sanitize_line;

pub fn render(app: &App, v: &DossierView, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let area = areas.body;
    let Some(d) = app.corpus.dossiers.get(v.dossier) else {
        return;
    };
    let lay = layout(
        &app.corpus,
        d,
        app.incoming.of(v.dossier),
        area.width,
        Some(v.selected),
    );
    let areas = *areas;
    // The pinned title: the name in sight however far the rows are scrolled.
    let title = super::across::lines(std::iter::once(&title(d)), theme);
    super::clip::draw_list(frame, title, areas.head);
    let list_h = areas.list.height;
    let lines: Vec<Line<'static>> = lay
        .rows
        .iter()
        .skip(v.offset)
        .take(usize::from(list_h))
        .map(|r| {
            Line::from(
                r.iter()
                    .map(|s| Span::styled(s.text.clone(), theme.style(s.tone)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    super::clip::draw_list(frame, lines, areas.list);
    let pane_area = areas.pane;
    let pos = format!(
        " {}/{} ",
        (v.selected + 1).min(lay.targets.len()),
        lay.targets.len()
    );
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(pos, theme.style(Tone::Dim)));
    let body = match lay.targets.get(v.selected) {
        Some(Target::Cite(c)) => super::across::citation_lines(app, c, theme),
        Some(Target::Relation(i)) => {
            let r = d.relations.get(*i);
            let other = r.and_then(|r| app.corpus.dossier(&r.target));
            relation_pane(r, other, theme)
        }
        Some(Target::Claim(i)) => {
            let text = d.claims.get(*i).map(|c| sanitize_line(&c.text));
            vec![
                Line::from("Enter goes to the claim this sentence rests on:"),
                Line::from(Span::styled(
                    text.unwrap_or_default(),
                    theme.style(Tone::Dim),
                )),
            ]
        }
        Some(Target::Incoming(link)) => {
            let other = app.corpus.dossiers.get(link.owner);
            relation_pane(link.relation(&app.corpus), other, theme)
        }
        None => vec![Line::from(Span::styled(
            "no citations",
            theme.style(Tone::Dim),
        ))],
    };
    super::clip::draw_pane(app, frame, &body, block, pane_area);
    let _ = row;
}

/// The pane under a selected relation, own or incoming: where Enter leads (`other`, the
/// dossier at its other end) and the curator's note.
fn relation_pane(
    r: Option<&Relation>,
    other: Option<&Dossier>,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let name = other.map(|t| sanitize_line(&t.name)).unwrap_or_default();
    let mut lines = vec![Line::from(format!("Enter opens {name}"))];
    if let Some(n) = r.and_then(|r| r.note.as_ref()) {
        lines.push(Line::from(Span::styled(
            format!("note: {}", sanitize_line(n)),
            theme.style(Tone::Dim),
        )));
    }
    lines
}
