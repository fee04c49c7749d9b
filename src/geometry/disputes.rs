//! Every disputed claim laid out at one width: its variants side by side (in columns
//! when the width allows, stacked when it does not), each with its source markers and
//! the curator's note, and where each variant's citation sits. One pure function, read
//! by `update` (to page and keep the selection visible) and by rendering, so they
//! cannot disagree.

use crate::model::{Citation, Corpus, Variant};
use crate::text::sanitize_line;

use super::tone::{Row, Seg, Tone, seg};
use super::wrap::{char_width, wrap};

/// Narrowest column for side-by-side variants; below it they are stacked.
pub const MIN_COLUMN: usize = 24;

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
    /// How many disputed claims are laid out.
    pub claims: usize,
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

/// Lays out the disputed `claims` ((dossier, claim) pairs, in the order given: all of
/// [`crate::xref::Xref::disputed`], or those a scope or filter keeps) at `width`
/// columns with target `selected` highlighted.
pub fn layout(
    corpus: &Corpus,
    claims: &[(usize, usize)],
    width: u16,
    selected: Option<usize>,
) -> Layout {
    let width = usize::from(width).max(1);
    let mut out = Layout {
        claims: claims.len(),
        ..Layout::default()
    };
    for &(di, ci) in claims {
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
