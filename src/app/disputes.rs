//! Every disputed claim across all dossiers, its variants side by side (in columns when
//! the window is wide enough, stacked when it is not), each with its source markers and
//! the curator's note. The selection rests on a variant's citation; Enter opens its quote
//! highlighted in the article. Laid out by one pure function for `update` and rendering.

use super::jump::to_reader;
use super::nav::Pick;
use super::nav::keep_visible;
use super::rows::{Row, Seg, Tone};
use super::stack::open;
use super::wrap::{char_width, wrap};
use super::{Action, App, Screen};
use std::sync::Arc;

use crate::model::{Citation, Corpus, Variant};
use crate::text::sanitize_line;
use crate::xref::Xref;

/// Narrowest column for side-by-side variants; below it they are stacked.
pub const MIN_COLUMN: usize = 24;

/// The disputes list: `pick.selected` is a citation target, `pick.offset` a row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DisputesView {
    pub pick: Pick,
}

/// Where a variant's citation is: indexes into the corpus, so a layout owns no borrow
/// and can be kept between keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CiteAt {
    pub dossier: usize,
    pub claim: usize,
    pub variant: usize,
    pub cite: usize,
}

impl CiteAt {
    /// The citation in `corpus`.
    pub fn get(self, corpus: &Corpus) -> Option<&Citation> {
        corpus
            .dossiers
            .get(self.dossier)?
            .claims
            .get(self.claim)?
            .variants
            .get(self.variant)?
            .cites
            .get(self.cite)
    }
}

/// The disputes laid out at one width.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub rows: Vec<Row>,
    /// Each variant citation, in reading order.
    pub targets: Vec<CiteAt>,
    /// For each target, the row it is on.
    pub target_rows: Vec<usize>,
    /// For each target, the segment of its row that is its marker (restyled when
    /// selected, so the layout does not depend on the selection).
    pub target_segs: Vec<usize>,
}

impl Layout {
    /// Rows `range` of the list, with target `selected`'s marker styled as selected.
    pub fn rows_with_selection(&self, range: std::ops::Range<usize>, selected: usize) -> Vec<Row> {
        let end = range.end.min(self.rows.len());
        let range = range.start.min(end)..end;
        let mut rows: Vec<Row> = self.rows.get(range.clone()).unwrap_or_default().to_vec();
        if let (Some(&row), Some(&seg)) = (
            self.target_rows.get(selected),
            self.target_segs.get(selected),
        ) {
            if let Some(s) = row
                .checked_sub(range.start)
                .and_then(|r| rows.get_mut(r))
                .and_then(|r| r.get_mut(seg))
            {
                s.tone = Tone::Selected;
            }
        }
        rows
    }
}

/// The layout at the app's width, built once per width and kept (the list of every
/// disputed claim costs the same to lay out on every key otherwise: ~49 ms at 10k).
pub fn cached(app: &App) -> Arc<Layout> {
    let width = app.size.0;
    let mut cache = app.disputes_layout.borrow_mut();
    match &*cache {
        Some((w, lay)) if *w == width => Arc::clone(lay),
        _ => {
            let lay = Arc::new(layout(&app.corpus, &app.xref, width, None));
            *cache = Some((width, Arc::clone(&lay)));
            lay
        }
    }
}

/// Rows of the list: the body (below the title and count lines) less the detail pane.
pub fn list_height(app: &App) -> usize {
    app.list_rows(crate::geometry::Shape::Disputes)
}

fn seg(text: impl Into<String>, tone: Tone) -> Seg {
    Seg {
        text: text.into(),
        tone,
    }
}

fn width_of(segs: &[Seg]) -> usize {
    segs.iter()
        .flat_map(|s| s.text.chars())
        .map(char_width)
        .sum()
}

/// `text` (sanitised) wrapped to `width`, one row per display line, in `tone`.
fn wrapped(text: &str, width: usize, tone: Tone) -> Vec<Row> {
    let clean = sanitize_line(text);
    wrap(&clean, width)
        .into_iter()
        .map(|r| vec![seg(clean.get(r).unwrap_or(""), tone)])
        .collect()
}

/// One variant as a column `width` wide: value, markers, date, note. Targets are
/// (line in the column, segment in the line, target index).
fn variant_column(
    corpus: &Corpus,
    v: &Variant,
    width: usize,
    at: CiteAt,
    selected: Option<usize>,
    out: &mut Vec<CiteAt>,
) -> (Vec<Row>, Vec<(usize, usize, usize)>) {
    let mut lines = wrapped(&format!("«{}»", v.value), width, Tone::Label);
    let mut targets = Vec::new();
    let mut line: Row = Vec::new();
    let mut used = 0;
    for (ci, c) in v.cites.iter().enumerate() {
        let short = corpus
            .sources
            .get(c.source)
            .map_or("?".to_owned(), |s| sanitize_line(&s.short));
        let marker = format!("[{short}]");
        let w = marker.chars().map(char_width).sum::<usize>();
        if used > 0 && used + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(seg(" ", Tone::Plain));
            used += 1;
        }
        let t = out.len();
        let tone = if selected == Some(t) {
            Tone::Selected
        } else {
            Tone::Marker
        };
        targets.push((lines.len(), line.len(), t));
        out.push(CiteAt { cite: ci, ..at });
        line.push(seg(marker, tone));
        used += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if let Some(d) = &v.date {
        lines.extend(wrapped(&format!("date: {d}"), width, Tone::Dim));
    }
    if let Some(n) = &v.note {
        lines.extend(wrapped(n, width, Tone::Dim));
    }
    (lines, targets)
}

/// Lays out every disputed claim at `width` columns with target `selected` highlighted.
pub fn layout(corpus: &Corpus, xref: &Xref, width: u16, selected: Option<usize>) -> Layout {
    let width = usize::from(width).max(1);
    let mut out = Layout::default();
    for &(di, ci) in xref.disputed() {
        let Some(d) = corpus.dossiers.get(di) else {
            continue;
        };
        let Some(c) = d.claims.get(ci) else {
            continue;
        };
        if !out.rows.is_empty() {
            out.rows.push(Vec::new());
        }
        let head = format!("{} · {}", d.name, c.text);
        let mut head_rows = wrapped(&head, width.saturating_sub(2).max(1), Tone::Plain);
        if let Some(first) = head_rows.first_mut() {
            // The dossier's name stands out from the claim's text on the first row.
            let name = sanitize_line(&d.name);
            let text: String = first.iter().map(|s| s.text.as_str()).collect();
            *first = match text.strip_prefix(&name) {
                Some(rest) => vec![
                    seg("⚑ ", Tone::Disputed),
                    seg(name.clone(), Tone::Title),
                    seg(rest.to_owned(), Tone::Plain),
                ],
                None => vec![seg("⚑ ", Tone::Disputed), seg(text, Tone::Plain)],
            };
        }
        for r in head_rows.iter_mut().skip(1) {
            r.insert(0, seg("  ", Tone::Plain));
        }
        out.rows.extend(head_rows);

        let n = c.variants.len().max(1);
        let col = width.saturating_sub(2 + 3 * (n - 1)) / n;
        if col >= MIN_COLUMN && n > 1 {
            let mut cols = Vec::new();
            for (vi, v) in c.variants.iter().enumerate() {
                let at = CiteAt {
                    dossier: di,
                    claim: ci,
                    variant: vi,
                    cite: 0,
                };
                cols.push(variant_column(
                    corpus,
                    v,
                    col,
                    at,
                    selected,
                    &mut out.targets,
                ));
            }
            let base = out.rows.len();
            let height = cols.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
            // Where each column's line starts in its row, for the targets' segments.
            let mut starts = vec![vec![0; cols.len()]; height];
            for (i, line_starts) in starts.iter_mut().enumerate() {
                let mut row: Row = vec![seg("  ", Tone::Plain)];
                for (j, (lines, _)) in cols.iter().enumerate() {
                    if j > 0 {
                        row.push(seg(" │ ", Tone::Disputed));
                    }
                    if let Some(s) = line_starts.get_mut(j) {
                        *s = row.len();
                    }
                    let cell = lines.get(i).cloned().unwrap_or_default();
                    let pad = col.saturating_sub(width_of(&cell));
                    row.extend(cell);
                    if j + 1 < cols.len() {
                        row.push(seg(" ".repeat(pad), Tone::Plain));
                    }
                }
                out.rows.push(row);
            }
            for (j, (_, targets)) in cols.iter().enumerate() {
                for &(line, segment, t) in targets {
                    set_row(&mut out.target_rows, t, base + line);
                    let start = starts.get(line).and_then(|s| s.get(j)).copied();
                    set_row(&mut out.target_segs, t, start.unwrap_or(0) + segment);
                }
            }
        } else {
            for (vi, v) in c.variants.iter().enumerate() {
                let inner = width.saturating_sub(4).max(1);
                let at = CiteAt {
                    dossier: di,
                    claim: ci,
                    variant: vi,
                    cite: 0,
                };
                let (lines, targets) =
                    variant_column(corpus, v, inner, at, selected, &mut out.targets);
                let base = out.rows.len();
                for (li, l) in lines.into_iter().enumerate() {
                    let lead = if li == 0 && vi > 0 { "≠ " } else { "  " };
                    let mut row = vec![seg("  ", Tone::Plain), seg(lead, Tone::Disputed)];
                    row.extend(l);
                    out.rows.push(row);
                }
                for (line, segment, t) in targets {
                    set_row(&mut out.target_rows, t, base + line);
                    // Two lead segments ("  ", "≠ ") before the column's line.
                    set_row(&mut out.target_segs, t, 2 + segment);
                }
            }
        }
    }
    out
}

fn set_row(rows: &mut Vec<usize>, target: usize, row: usize) {
    if rows.len() <= target {
        rows.resize(target + 1, 0);
    }
    if let Some(r) = rows.get_mut(target) {
        *r = row;
    }
}

/// `D`: opens the list (unless it is already on screen).
pub fn open_view(app: &mut App) {
    if !matches!(app.screen, Screen::Disputes(_)) {
        open(app, Screen::Disputes(DisputesView::default()));
        clamp(app);
    }
}

pub fn update(app: &mut App, action: Action) {
    let h = list_height(app);
    let Screen::Disputes(v) = &app.screen else {
        return;
    };
    let lay = cached(app);
    let max_offset = lay.rows.len().saturating_sub(h);
    let mut pick = v.pick;
    match action {
        Action::Open => {
            if let Some(c) = lay
                .targets
                .get(pick.selected)
                .and_then(|t| t.get(&app.corpus))
            {
                let (source, range) = (c.source, c.range.clone());
                to_reader(app, source, Some(range));
            }
            return;
        }
        movement if pick.step_rows(&movement, &lay.target_rows, lay.rows.len(), h) => {}
        _ => return,
    }
    if let Some(&row) = lay.target_rows.get(pick.selected) {
        // Show the claim's heading with its first variant's markers when possible.
        let head = row.saturating_sub(2);
        if row < pick.offset + 1 && head < pick.offset {
            pick.offset = head;
        }
        keep_visible(&mut pick.offset, row, h);
    }
    pick.offset = pick.offset.min(max_offset);
    if let Screen::Disputes(v) = &mut app.screen {
        v.pick = pick;
    }
}

pub fn clamp(app: &mut App) {
    let h = list_height(app);
    let lay = cached(app);
    if let Screen::Disputes(v) = &mut app.screen {
        v.pick.clamp_rows(&lay.target_rows, lay.rows.len(), h);
    }
}
