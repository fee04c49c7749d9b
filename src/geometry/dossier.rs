//! The dossier view as rows of styled text, wrapped to a width: built by the same pure
//! function for `update` (to keep the selection in view) and for rendering. Every
//! selectable thing — a citation marker, a relation, or another dossier's relation that
//! points at this one — is a [`Target`] with the row it sits on.

use crate::model::incoming::Link;
use crate::model::{Citation, Corpus, Dossier, Relation, SummaryPart};
use crate::text::sanitize_line;
use crate::xref::claim_backing;

use super::tone::{Row, Seg, Tone, push_seg, seg};
use super::wrap::char_width;

/// A citation's marker, `[n short]`: its number among the cites it is listed with and
/// its article's short name ("?" if the corpus has no such article). The dossier view and
/// the timeline both print it, so a reader matches `[2 BBC]` in one with the other.
pub fn marker(corpus: &Corpus, number: usize, cite: &Citation) -> String {
    let short = corpus
        .sources
        .get(cite.source)
        .map_or("?", |s| s.short.as_str());
    format!("[{number} {}]", sanitize_line(short))
}

/// Something the selection can rest on.
#[derive(Debug, Clone)]
pub enum Target<'a> {
    /// A citation marker.
    Cite(&'a Citation),
    /// A relation, by index.
    Relation(usize),
    /// Another dossier's relation whose target is this dossier ("Linked from").
    Incoming(Link),
    /// A summary reference to this dossier's claim, by index: Enter goes to the claim.
    Claim(usize),
}

/// The dossier laid out at one width.
#[derive(Debug, Clone, Default)]
pub struct Layout<'a> {
    pub rows: Vec<Row>,
    /// Selectable things, in reading order.
    pub targets: Vec<Target<'a>>,
    /// For each target, the row it is on.
    pub target_rows: Vec<usize>,
    /// Row where each section starts (aliases, summary, relations, linked from, claims).
    pub sections: Vec<usize>,
}

struct Builder<'a> {
    width: usize,
    selected: Option<usize>,
    out: Layout<'a>,
}

impl<'a> Builder<'a> {
    /// Adds `segs` as one logical line, wrapped word by word to the width, with `indent`
    /// columns of indentation on continuation rows. Markers never break; a word longer
    /// than a row is split. Targets are recorded on the row they land on.
    fn line(&mut self, segs: Vec<(Seg, Option<Target<'a>>)>, indent: usize) {
        let indent = indent.min(self.width / 2);
        let mut tokens: Vec<(String, Tone, Option<Target<'a>>)> = Vec::new();
        for (s, t) in segs {
            if t.is_some() {
                tokens.push((s.text, s.tone, t));
            } else {
                tokens.extend(
                    s.text
                        .split_inclusive(' ')
                        .map(|w| (w.to_owned(), s.tone, None)),
                );
            }
        }
        let mut row: Row = Vec::new();
        let mut col = 0;
        for (mut text, tone, target) in tokens {
            let visible: usize = text.trim_end().chars().map(char_width).sum();
            if col + visible > self.width && col > indent {
                self.out.rows.push(std::mem::take(&mut row));
                row.push(seg(" ".repeat(indent), Tone::Plain));
                col = indent;
                if target.is_none() && text.trim().is_empty() {
                    continue;
                }
            }
            // A word wider than the room left: split it across rows.
            while target.is_none()
                && text.trim_end().chars().map(char_width).sum::<usize>()
                    > self.width.saturating_sub(col)
                && col < self.width
            {
                let room = self.width - col;
                let mut used = 0;
                let cut = text
                    .char_indices()
                    .find(|(_, c)| {
                        used += char_width(*c);
                        used > room
                    })
                    .map_or(text.len(), |(i, _)| i);
                if cut == 0 {
                    break;
                }
                let rest = text.split_off(cut);
                push_seg(&mut row, text, tone);
                self.out.rows.push(std::mem::take(&mut row));
                row.push(seg(" ".repeat(indent), Tone::Plain));
                col = indent;
                text = rest;
            }
            let w: usize = text.chars().map(char_width).sum();
            if let Some(t) = target {
                let n = self.out.targets.len();
                let tone = if self.selected == Some(n) {
                    Tone::Selected
                } else {
                    tone
                };
                self.out.targets.push(t);
                self.out.target_rows.push(self.out.rows.len());
                row.push(seg(text, tone));
            } else {
                push_seg(&mut row, text, tone);
            }
            col += w;
        }
        self.out.rows.push(row);
    }

    fn blank(&mut self) {
        self.out.rows.push(Vec::new());
    }

    fn section(&mut self, title: &str) {
        self.blank();
        self.out.sections.push(self.out.rows.len());
        self.out.rows.push(vec![seg(title, Tone::Heading)]);
    }

    fn markers(
        &self,
        corpus: &'a Corpus,
        cites: &'a [Citation],
        first: usize,
    ) -> Vec<(Seg, Option<Target<'a>>)> {
        cites
            .iter()
            .enumerate()
            .map(|(i, c)| {
                (
                    seg(marker(corpus, first + i, c), Tone::Marker),
                    Some(Target::Cite(c)),
                )
            })
            .flat_map(|m| [(seg(" ", Tone::Plain), None), m])
            .collect()
    }

    /// One relation, the same for the dossier's own and for another's that points at it:
    /// `leads → Russian Volunteer Corps — role [1 x]` (`other` is the target), or
    /// `Denis Kapustin ─leads→ (this) — role [1 x]` when `incoming` (`other` holds it).
    /// The other dossier's name is the selectable `target`; the markers follow.
    fn relation(
        &mut self,
        corpus: &'a Corpus,
        r: &'a Relation,
        other: String,
        target: Target<'a>,
        incoming: bool,
    ) {
        let name = (seg(other, Tone::Marker), Some(target));
        let mut segs = vec![(seg("  ", Tone::Plain), None)];
        if incoming {
            segs.push(name);
            segs.push((seg(format!(" ─{}→ (this)", r.kind), Tone::Label), None));
        } else {
            segs.push((seg(format!("{} → ", r.kind), Tone::Label), None));
            segs.push(name);
        }
        if let Some(role) = &r.role {
            segs.push((seg(format!(" — {}", sanitize_line(role)), Tone::Dim), None));
        }
        segs.extend(self.markers(corpus, &r.cites, 1));
        self.line(segs, 4);
    }
}

/// The dossier's title: its name, then kind · id · date dimmed. Not part of the
/// scrolling rows: the view pins it above them, so the name stays in sight however far
/// the dossier is scrolled.
pub fn title(d: &Dossier) -> Row {
    vec![
        seg(sanitize_line(&d.name), Tone::Title),
        seg(format!("  {}", d.identity()), Tone::Dim),
    ]
}

/// Lays out `d` at `width` columns with target `selected` highlighted. `linked` are the
/// other dossiers' relations that point at `d` (from [`crate::model::incoming`], built
/// once), shown as "Linked from" after its own relations.
pub fn layout<'a>(
    corpus: &'a Corpus,
    d: &'a Dossier,
    linked: &[Link],
    width: u16,
    selected: Option<usize>,
) -> Layout<'a> {
    let mut b = Builder {
        width: usize::from(width).max(1),
        selected,
        out: Layout::default(),
    };
    if !d.aliases.is_empty() {
        b.section("Aliases");
        for a in &d.aliases {
            let mut segs = vec![
                (seg("  ", Tone::Plain), None),
                (seg(sanitize_line(&a.name), Tone::Plain), None),
                (seg(format!(" ({})", a.kind), Tone::Dim), None),
            ];
            segs.extend(b.markers(corpus, &a.cites, 1));
            b.line(segs, 4);
        }
    }
    if let Some(summary) = &d.summary {
        b.section("Summary");
        let mut segs = vec![(seg("  ", Tone::Plain), None)];
        if d.summary_parts.is_empty() {
            segs.push((seg(sanitize_line(summary), Tone::Plain), None));
        }
        // Each reference is a marker that leads to the claim backing the sentence.
        for part in &d.summary_parts {
            match part {
                SummaryPart::Text(t) => segs.push((seg(sanitize_line(t), Tone::Plain), None)),
                SummaryPart::Refs(refs) => {
                    for (i, r) in refs.iter().enumerate() {
                        if i > 0 {
                            segs.push((seg(" ", Tone::Plain), None));
                        }
                        let text = format!("[#{}]", sanitize_line(&r.id));
                        let target = r.claim.map(Target::Claim);
                        let tone = if target.is_some() {
                            Tone::Marker
                        } else {
                            Tone::Dim
                        };
                        segs.push((seg(text, tone), target));
                    }
                }
            }
        }
        b.line(segs, 2);
    }
    if !d.relations.is_empty() {
        b.section("Relations");
        for (i, r) in d.relations.iter().enumerate() {
            let target = corpus
                .dossier(&r.target)
                .map(|t| sanitize_line(&t.name))
                .unwrap_or_else(|| sanitize_line(&r.target));
            b.relation(corpus, r, target, Target::Relation(i), false);
        }
    }
    if !linked.is_empty() {
        b.section("Linked from");
        for &link in linked {
            let (Some(owner), Some(r)) = (corpus.dossiers.get(link.owner), link.relation(corpus))
            else {
                continue;
            };
            let name = sanitize_line(&owner.name);
            b.relation(corpus, r, name, Target::Incoming(link), true);
        }
    }
    if !d.claims.is_empty() {
        b.section("Claims");
        for c in &d.claims {
            let mut segs = vec![(seg("  ", Tone::Plain), None)];
            if c.disputed {
                segs.push((seg("⚑ DISPUTED ", Tone::Disputed), None));
            }
            segs.push((seg(sanitize_line(&c.text), Tone::Plain), None));
            segs.push((
                seg(format!("  {}", claim_backing(corpus, c)), Tone::Dim),
                None,
            ));
            segs.extend(b.markers(corpus, &c.cites, 1));
            b.line(segs, 4);
            // The variants side by side on one row (wrapping only when they do not fit),
            // each with its own markers; the curator's notes follow, one per variant.
            let mut k = c.cites.len() + 1;
            let mut row = vec![(seg("    ", Tone::Plain), None)];
            for (vi, v) in c.variants.iter().enumerate() {
                if vi > 0 {
                    row.push((seg("  ≠  ", Tone::Disputed), None));
                }
                row.push((
                    seg(format!("«{}»", sanitize_line(&v.value)), Tone::Label),
                    None,
                ));
                row.extend(b.markers(corpus, &v.cites, k));
                k += v.cites.len();
            }
            if !c.variants.is_empty() {
                b.line(row, 6);
            }
            for v in c.variants.iter() {
                if let Some(note) = &v.note {
                    b.line(
                        vec![
                            (seg("    │ ", Tone::Disputed), None),
                            (
                                seg(format!("«{}»: ", sanitize_line(&v.value)), Tone::Dim),
                                None,
                            ),
                            (seg(sanitize_line(note), Tone::Dim), None),
                        ],
                        6,
                    );
                }
            }
        }
    }
    b.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Corpus {
        crate::check::check(&crate::data::DataRoot::Bundled).corpus
    }

    /// The marker names the article by its short name, sanitised, and says so when the
    /// article is not in the corpus rather than printing an empty name.
    #[test]
    fn a_marker_names_its_article_or_says_it_is_missing() {
        let mut corpus = bundled();
        let cite = corpus
            .dossiers
            .iter()
            .flat_map(|d| &d.claims)
            .flat_map(|c| &c.cites)
            .next()
            .cloned()
            .expect("the bundled corpus cites");
        let short = corpus.sources[cite.source].short.clone();
        assert_eq!(marker(&corpus, 3, &cite), format!("[3 {short}]"));
        corpus.sources[cite.source].short = "BB\u{1b}[31mC".into();
        assert_eq!(marker(&corpus, 1, &cite), "[1 BB\u{241b}[31mC]");
        let gone = Citation {
            source: corpus.sources.len(),
            ..cite
        };
        assert_eq!(marker(&corpus, 2, &gone), "[2 ?]");
    }
}
