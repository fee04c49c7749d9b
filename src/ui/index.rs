//! The index: every dossier a line (kind, name, a hint), the filter line with a counter,
//! and, when the window is wide enough and the user has not hidden it, a preview of the
//! selected dossier — or, while the selection moves, of the one it still holds
//! (`app::preview`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text::with_matches;
use super::{Theme, row};
use crate::app::filter::Scope;
use crate::app::preview::{self, PREVIEW_FROM, Subject};
use crate::app::{App, IndexView};
use crate::geometry::Areas;
use crate::geometry::tone::Tone;
use crate::model::Kind;
use crate::search::{Field, Hit, parse};
use crate::text::{count, sanitize_line};

pub fn render(app: &App, v: &IndexView, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let area = areas.body;
    // The list's order: `o` cycles it while the filter is empty; a query ranks by match.
    let order = match v.scope {
        Scope::Passages => String::new(),
        Scope::Dossiers if v.query.trim().is_empty() => format!(" · by {}", v.order.as_str()),
        Scope::Dossiers => " · by match".to_owned(),
    };
    // While the corpus is checked the sources are not loaded yet (`app::loading`).
    let sources = match app.loading {
        Some(_) => "sources loading".to_owned(),
        None => count(app.corpus.sources.len(), "source"),
    };
    let mut dossiers = count(app.corpus.dossiers.len(), "dossier");
    // A first start draws the names of the files read so far: never as if all.
    if let Some(crate::app::loading::Names::SoFar { of, .. }) = app.loading.map(|l| l.names) {
        dossiers.push_str(&format!(" so far of {of} files"));
    }
    let title = format!(" dossier — {dossiers}, {sources}{order}");
    super::clip::draw_row(
        frame,
        Span::styled(title, theme.style(Tone::Title)),
        row(area, 0),
    );

    let passages = v.scope == Scope::Passages;
    let mut counter = if passages {
        count(v.passages.len(), "passage")
    } else {
        format!("{}/{}", v.hits.len(), app.corpus.dossiers.len())
    };
    if v.pending {
        counter.insert(0, '…');
    }
    let prompt = if passages {
        "passages / "
    } else if v.typing {
        "/ "
    } else if v.query.is_empty() {
        "  (/ to filter)"
    } else {
        "/ "
    };
    let query = crate::app::typing::shown(&v.query, &app.line, v.typing);
    let filter_area = row(area, 1);
    let left = format!("{prompt}{query}");
    let pad = usize::from(filter_area.width)
        .saturating_sub(left.chars().count() + counter.chars().count() + 1);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, theme.style(Tone::Label)),
            Span::raw(" ".repeat(pad)),
            Span::styled(counter, theme.style(Tone::Dim)),
        ])),
        filter_area,
    );

    let list_area = areas.list;
    let (list_area, preview) = if area.width >= PREVIEW_FROM && !app.preview.hidden {
        let lw = area.width / 2;
        (
            Rect {
                width: lw,
                ..list_area
            },
            Some(Rect {
                x: list_area.x + lw,
                width: area.width - lw,
                ..list_area
            }),
        )
    } else {
        (list_area, None)
    };
    if passages {
        super::passages::render(app, v, theme, frame, list_area, preview);
        return;
    }
    let h = usize::from(list_area.height);
    // Match positions only for the rows on screen: the filter does not compute them.
    let query = parse(&v.query);
    // Rows are read by index: the answer builds a hit only when it is read.
    let lines: Vec<Line<'_>> = (v.offset..v.offset.saturating_add(h))
        .map_while(|i| v.hits.get(i).map(|hit| (i, hit)))
        .map(|(i, mut hit)| {
            if hit.positions.is_empty() {
                hit.positions = app.search.hit_positions(&hit, &query);
            }
            hit_line(app, &hit, i == v.selected, theme)
        })
        .collect();
    super::clip::draw_list(frame, lines, list_area);
    if v.hits.is_empty() {
        super::clip::draw_row(
            frame,
            Span::styled("  no dossier matches", theme.style(Tone::Dim)),
            row(list_area, 0),
        );
    }
    if let (Some(p), Some(Subject::Dossier(d))) = (preview, preview::shown(app)) {
        render_preview(app, d, theme, frame, p);
    }
}

/// The index's one-letter kind mark and, for the kinds added later (events, places), the
/// theme entry that colours it; P and G keep the plain style they always had.
pub fn kind_letter(kind: Kind) -> (&'static str, Option<Tone>) {
    match kind {
        Kind::Person => ("P", None),
        Kind::Group => ("G", None),
        Kind::Event => ("E", Some(Tone::Event)),
        Kind::Place => ("L", Some(Tone::Place)),
    }
}

fn hit_line(app: &App, hit: &Hit, selected: bool, theme: &Theme) -> Line<'static> {
    let Some(d) = app.corpus.dossiers.get(hit.dossier) else {
        return Line::default();
    };
    let base = if selected {
        theme.style(Tone::Selected)
    } else {
        theme.style(Tone::Plain)
    };
    let mark = theme.style(Tone::Match);
    let (kind, tone) = kind_letter(d.kind);
    let mut spans = vec![
        Span::styled(format!("{} ", if selected { "▶" } else { " " }), base),
        Span::styled(
            kind,
            match tone {
                Some(t) if !selected => theme.style(t),
                _ => base,
            },
        ),
        Span::styled(" ", base),
    ];
    match hit.field {
        Field::Name => {
            spans.extend(with_matches(
                &d.name,
                &hit.positions,
                base.add_modifier(ratatui::style::Modifier::BOLD),
                mark,
            ));
            let hint = d.summary.as_deref().unwrap_or("");
            let short: String = hint.chars().take(80).collect();
            spans.push(Span::styled(
                format!("  {}", sanitize_line(&short)),
                if selected {
                    base
                } else {
                    theme.style(Tone::Dim)
                },
            ));
        }
        Field::Alias(_) | Field::Claim(_) => {
            let (label, text_style) = match hit.field {
                Field::Alias(_) => (" · alias ", base),
                _ => (
                    " · claim ",
                    if selected {
                        base
                    } else {
                        theme.style(Tone::Dim)
                    },
                ),
            };
            spans.extend(with_matches(
                &d.name,
                &[],
                base.add_modifier(ratatui::style::Modifier::BOLD),
                mark,
            ));
            spans.push(Span::styled(
                label,
                if selected {
                    base
                } else {
                    theme.style(Tone::Dim)
                },
            ));
            spans.extend(with_matches(&hit.text, &hit.positions, text_style, mark));
        }
    }
    Line::from(spans)
}

fn render_preview(app: &App, dossier: usize, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let Some(d) = app.corpus.dossiers.get(dossier) else {
        return;
    };
    let mut lines = vec![
        Line::from(Span::styled(
            sanitize_line(&d.name),
            theme.style(Tone::Title),
        )),
        Line::from(Span::styled(
            format!("{} · {}", d.kind, sanitize_line(&d.id)),
            theme.style(Tone::Dim),
        )),
        Line::default(),
    ];
    if let Some(s) = &d.summary {
        lines.push(Line::from(sanitize_line(s)));
        lines.push(Line::default());
    }
    if !d.aliases.is_empty() {
        let names: Vec<String> = d.aliases.iter().map(|a| sanitize_line(&a.name)).collect();
        lines.push(Line::from(vec![
            Span::styled("aka ", theme.style(Tone::Label)),
            Span::raw(names.join(" · ")),
        ]));
    }
    let disputed = d.claims.iter().filter(|c| c.disputed).count();
    // The outline of a corpus being checked has no summary, claims or relations yet.
    let counts = match app.loading {
        Some(_) => "summary, claims and relations: being checked".to_owned(),
        None => format!(
            "{} ({} disputed), {}, {} linked from",
            count(d.claims.len(), "claim"),
            disputed,
            count(d.relations.len(), "relation"),
            app.incoming.of(dossier).len()
        ),
    };
    lines.push(Line::from(Span::styled(counts, theme.style(Tone::Dim))));
    super::clip::draw_pane(
        app,
        frame,
        &lines,
        Block::default().borders(Borders::LEFT),
        area,
    );
}
