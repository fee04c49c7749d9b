//! The relations map: the tree of a dossier's relations (`─leads→` outgoing, `←leads─`
//! incoming, each with its role and citation count), the selected node marked ▶; below,
//! the selected relation spelled out with its citations.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::{Theme, row};
use crate::app::App;
use crate::app::relations::{MAP_DEPTH, RelationsView};
use crate::geometry::Areas;
use crate::geometry::tone::Tone;
use crate::model::relmap::{Line as TreeLine, Seen};
use crate::text::sanitize_line;

pub fn render(app: &App, v: &RelationsView, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let area = areas.body;
    let Some(root) = app.corpus.dossiers.get(v.dossier) else {
        return;
    };
    let t = v.tree(app);
    let every = crate::model::relmap::lines(&t);
    let total = every.len();
    let all = v.keep(app, every);
    let title = format!(
        " Relations of {} — {MAP_DEPTH} levels, ─out→ and ←in─ · {}{}",
        sanitize_line(&root.name),
        crate::text::count(all.len(), "node"),
        v.filter.note(&app.line, all.len(), total)
    );
    super::clip::draw_row(
        frame,
        Span::styled(title, theme.style(Tone::Title)),
        row(area, 0),
    );
    let areas = *areas;
    let list_area = areas.list;
    let shown: Vec<Line<'_>> = all
        .iter()
        .enumerate()
        .skip(v.offset)
        .take(usize::from(list_area.height))
        .map(|(i, l)| tree_line(app, l, i == v.selected, theme))
        .collect();
    let shown = super::highlight::mark(shown, &v.filter, theme.style(Tone::Match));
    super::clip::draw_list(frame, shown, list_area);

    let pane_area = areas.pane;
    let pos = format!(" {}/{} ", (v.selected + 1).min(all.len()), all.len());
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(pos, theme.style(Tone::Dim)));
    let body = all
        .get(v.selected)
        .map(|l| details(app, l, theme))
        .unwrap_or_default();
    super::clip::draw_pane(app, frame, &body, block, pane_area);
}

/// One node: `▶ ├─ ─leads→ Name  2 cites  ⤴ repeat — role`.
fn tree_line(app: &App, l: &TreeLine<'_>, selected: bool, theme: &Theme) -> Line<'static> {
    let Some(d) = app.corpus.dossiers.get(l.node.dossier) else {
        return Line::default();
    };
    let pick = |tone: Tone| -> Style {
        if selected {
            theme.style(Tone::Selected)
        } else {
            theme.style(tone)
        }
    };
    let mut spans = vec![
        Span::styled(if selected { "▶ " } else { "  " }, pick(Tone::Plain)),
        Span::styled(l.prefix.clone(), pick(Tone::Dim)),
    ];
    let Some(edge) = l.node.edge else {
        spans.push(Span::styled(sanitize_line(&d.name), pick(Tone::Title)));
        spans.push(Span::styled(
            format!("  {} · {}", d.kind, sanitize_line(&d.id)),
            pick(Tone::Dim),
        ));
        return Line::from(spans);
    };
    let r = edge.relation(&app.corpus);
    spans.push(Span::styled(
        format!("{} ", edge.label(&app.corpus)),
        pick(Tone::Label),
    ));
    spans.push(Span::styled(sanitize_line(&d.name), pick(Tone::Marker)));
    let n = r.map_or(0, |r| r.cites.len());
    spans.push(Span::styled(
        format!("  {}", crate::text::count(n, "cite")),
        pick(Tone::Dim),
    ));
    match l.node.seen {
        Seen::First => {}
        Seen::Cycle => spans.push(Span::styled("  ↺ cycle", pick(Tone::Disputed))),
        Seen::Repeat => spans.push(Span::styled("  ⤴ repeat", pick(Tone::Disputed))),
    }
    // The role last: it can be long, and the window cuts it rather than the count.
    if let Some(role) = r.and_then(|r| r.role.as_deref()) {
        spans.push(Span::styled(
            format!(" — {}", sanitize_line(role)),
            pick(Tone::Dim),
        ));
    }
    Line::from(spans)
}

/// The selected relation as a sentence (`A leads B — role`), its sources, its note, and
/// what Enter opens.
fn details(app: &App, l: &TreeLine<'_>, theme: &Theme) -> Vec<Line<'static>> {
    let name = |i: usize| {
        app.corpus
            .dossiers
            .get(i)
            .map(|d| sanitize_line(&d.name))
            .unwrap_or_default()
    };
    let opens = Line::from(Span::styled(
        format!("Enter opens {}", name(l.node.dossier)),
        theme.style(Tone::Dim),
    ));
    let Some(edge) = l.node.edge else {
        return vec![opens];
    };
    let Some(r) = edge.relation(&app.corpus) else {
        return vec![opens];
    };
    let target = app
        .corpus
        .dossier(&r.target)
        .map(|d| sanitize_line(&d.name))
        .unwrap_or_else(|| sanitize_line(&r.target));
    let mut sentence = vec![
        Span::styled(name(edge.owner), theme.style(Tone::Plain)),
        Span::styled(format!(" {} ", r.kind), theme.style(Tone::Label)),
        Span::styled(target, theme.style(Tone::Plain)),
    ];
    if let Some(role) = &r.role {
        sentence.push(Span::styled(
            format!(" — {}", sanitize_line(role)),
            theme.style(Tone::Dim),
        ));
    }
    for (i, c) in r.cites.iter().enumerate() {
        let short = app
            .corpus
            .sources
            .get(c.source)
            .map(|s| sanitize_line(&s.short))
            .unwrap_or_default();
        sentence.push(Span::raw(" "));
        sentence.push(Span::styled(
            format!("[{} {short}]", i + 1),
            theme.style(Tone::Marker),
        ));
    }
    let mut out = vec![Line::from(sentence)];
    if let Some(c) = r.cites.first() {
        out.push(Line::from(Span::styled(
            format!("“{}”", sanitize_line(&c.quote)),
            theme.style(Tone::Quote),
        )));
    }
    if let Some(n) = &r.note {
        out.push(Line::from(Span::styled(
            format!("note: {}", sanitize_line(n)),
            theme.style(Tone::Dim),
        )));
    }
    out.push(opens);
    out
}
