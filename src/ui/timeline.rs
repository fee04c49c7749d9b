//! The timeline: one row per dated claim or variant — date as written, dossier, text,
//! source markers — the selected row marked ▶; below, the selected claim in full.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use unicode_width::UnicodeWidthStr as _;

use super::{Theme, row};
use crate::app::App;
use crate::app::timeline::TimelineView;
use crate::geometry::Areas;
use crate::geometry::tone::Tone;
use crate::model::Corpus;
use crate::model::timeline::Entry;
use crate::text::sanitize_line;

/// Widest dossier-name column.
const NAME_MAX: usize = 24;

pub fn render(app: &App, v: &TimelineView, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let area = areas.body;
    let t = crate::app::timeline::shown(app, v);
    let all = crate::app::timeline::kept(app).len();
    let title = format!(
        " Timeline — {} · {} not listed{}",
        crate::text::count(t.entries.len(), "dated entry"),
        crate::text::count(t.undated, "undated claim"),
        v.filter.note(&app.line, t.entries.len(), all)
    );
    super::clip::draw_row(
        frame,
        Span::styled(title, theme.style(Tone::Title)),
        row(area, 0),
    );
    let areas = *areas;
    let list_area = areas.list;
    let name_w = crate::app::timeline::kept(app).name_width.min(NAME_MAX);
    let shown: Vec<Line<'_>> = t
        .entries
        .iter()
        .enumerate()
        .skip(v.offset)
        .take(usize::from(list_area.height))
        .map(|(i, e)| entry_line(&app.corpus, e, i == v.selected, name_w, theme))
        .collect();
    let shown = super::highlight::mark(shown, &v.filter, theme.style(Tone::Match));
    super::clip::draw_list(frame, shown, list_area);
    if t.entries.is_empty() {
        super::clip::draw_row(
            frame,
            Span::styled("  no claim has a date yet", theme.style(Tone::Dim)),
            row(list_area, 0),
        );
    }
    let pane_area = areas.pane;
    let pos = format!(
        " {}/{} ",
        (v.selected + 1).min(t.entries.len()),
        t.entries.len()
    );
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(pos, theme.style(Tone::Dim)));
    let body = t
        .entries
        .get(v.selected)
        .map(|e| details(&app.corpus, e, theme))
        .unwrap_or_default();
    super::clip::draw_pane(app, frame, &body, block, pane_area);
}

/// `▶ 2022-08     Russian Volunteer Corps   It was founded in August 2022  [1 elcom]`.
fn entry_line(
    corpus: &Corpus,
    e: &Entry<'_>,
    selected: bool,
    name_w: usize,
    theme: &Theme,
) -> Line<'static> {
    let pick = |tone: Tone| -> Style {
        if selected {
            theme.style(Tone::Selected)
        } else {
            theme.style(tone)
        }
    };
    let name = e
        .dossier_of(corpus)
        .map(|d| sanitize_line(&d.name))
        .unwrap_or_default();
    let mut spans = vec![
        Span::styled(if selected { "▶ " } else { "  " }, pick(Tone::Plain)),
        Span::styled(format!("{:<10}  ", e.date), pick(Tone::Label)),
        Span::styled(format!("{}  ", fit(&name, name_w)), pick(Tone::Marker)),
    ];
    let disputed = e.claim_of(corpus).is_some_and(|c| c.disputed);
    if disputed {
        spans.push(Span::styled("⚑ ", pick(Tone::Disputed)));
    }
    let text = sanitize_line(e.text(corpus));
    spans.push(Span::styled(
        if e.variant.is_some() {
            format!("«{text}»")
        } else {
            text
        },
        pick(Tone::Plain),
    ));
    spans.push(Span::styled(
        format!("  {}", markers(corpus, e)),
        pick(Tone::Dim),
    ));
    Line::from(spans)
}

/// The name cut or padded to exactly `w` columns.
fn fit(s: &str, w: usize) -> String {
    if s.width() <= w {
        return format!("{s}{}", " ".repeat(w - s.width()));
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() + 1 > w {
            break;
        }
        out.push(c);
    }
    out.push('…');
    format!("{out}{}", " ".repeat(w.saturating_sub(out.width())))
}

/// `[1 nbc] [2 watson]`: the entry's citations, numbered as the dossier view numbers
/// them (a claim's own first, then each variant's in turn).
fn markers(corpus: &Corpus, e: &Entry<'_>) -> String {
    let first = match (e.claim_of(corpus), e.variant) {
        (Some(c), Some(vi)) => {
            1 + c.cites.len()
                + c.variants
                    .iter()
                    .take(vi)
                    .map(|v| v.cites.len())
                    .sum::<usize>()
        }
        _ => 1,
    };
    e.cites(corpus)
        .iter()
        .enumerate()
        .map(|(i, c)| crate::geometry::dossier::marker(corpus, first + i, c))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The selected entry in full: the claim (and the variant), the curator's note, and what
/// Enter opens.
fn details(corpus: &Corpus, e: &Entry<'_>, theme: &Theme) -> Vec<Line<'static>> {
    let Some(c) = e.claim_of(corpus) else {
        return Vec::new();
    };
    let name = e
        .dossier_of(corpus)
        .map(|d| sanitize_line(&d.name))
        .unwrap_or_default();
    let mut head = vec![Span::styled(
        format!("{} · ", e.date),
        theme.style(Tone::Label),
    )];
    if c.disputed {
        head.push(Span::styled("⚑ DISPUTED ", theme.style(Tone::Disputed)));
    }
    head.push(Span::styled(
        sanitize_line(&c.text),
        theme.style(Tone::Plain),
    ));
    let mut out = vec![Line::from(head)];
    let variant = e.variant.and_then(|i| c.variants.get(i));
    if let Some(v) = variant {
        out.push(Line::from(Span::styled(
            format!("this version: «{}»", sanitize_line(&v.value)),
            theme.style(Tone::Label),
        )));
    }
    if let Some(n) = variant.and_then(|v| v.note.as_ref()).or(c.note.as_ref()) {
        out.push(Line::from(Span::styled(
            format!("note: {}", sanitize_line(n)),
            theme.style(Tone::Dim),
        )));
    }
    out.push(Line::from(Span::styled(
        format!("Enter opens {name} at this claim"),
        theme.style(Tone::Dim),
    )));
    out
}
