//! Facts across sources, computed once from a verified corpus: which items of which
//! dossiers cite each passage ("who says so?"), how much of each article is cited, which
//! claims are disputed, and how well each claim is corroborated ("do the sources
//! agree?"). The CLI (`sources`, `disputes`, `claims`, `show`) and the browser (cited-by,
//! sources, disputes and claims views) read the same [`Xref`], so they cannot disagree.

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::model::{Citation, Claim, Corpus, Dossier};

/// An alias, claim, variant or relation of one dossier, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// `aliases[i]`.
    Alias(usize),
    /// `claims[i]` (its own citations).
    Claim(usize),
    /// `claims[c].variants[v]`.
    Variant(usize, usize),
    /// `relations[i]`.
    Relation(usize),
}

impl Item {
    /// The word for what the item is.
    pub fn kind(self) -> &'static str {
        match self {
            Item::Alias(_) => "alias",
            Item::Claim(_) => "claim",
            Item::Variant(..) => "variant",
            Item::Relation(_) => "relation",
        }
    }

    /// The item's citations in `d`.
    pub fn cites(self, d: &Dossier) -> &[Citation] {
        let cites = match self {
            Item::Alias(i) => d.aliases.get(i).map(|a| &a.cites),
            Item::Claim(i) => d.claims.get(i).map(|c| &c.cites),
            Item::Variant(c, v) => d
                .claims
                .get(c)
                .and_then(|c| c.variants.get(v))
                .map(|v| &v.cites),
            Item::Relation(i) => d.relations.get(i).map(|r| &r.cites),
        };
        cites.map_or(&[], Vec::as_slice)
    }

    /// What the item says, in the curator's words: the alias, the claim's text, the
    /// variant's value (after its claim's text), the relation with its target's name.
    pub fn text(self, corpus: &Corpus, d: &Dossier) -> String {
        match self {
            Item::Alias(i) => d.aliases.get(i).map(|a| a.name.clone()),
            Item::Claim(i) => d.claims.get(i).map(|c| c.text.clone()),
            Item::Variant(c, v) => d.claims.get(c).and_then(|c| {
                c.variants
                    .get(v)
                    .map(|v| format!("«{}» — {}", v.value, c.text))
            }),
            Item::Relation(i) => d.relations.get(i).map(|r| {
                let target = corpus.dossier(&r.target).map_or(&r.target, |t| &t.name);
                format!("{} → {target}", r.kind)
            }),
        }
        .unwrap_or_default()
    }
}

/// One citation, located: which dossier, which item, which of its citations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citing {
    /// Index into [`Corpus::dossiers`].
    pub dossier: usize,
    pub item: Item,
    /// Index into the item's citations.
    pub cite: usize,
    /// Index into [`Corpus::sources`].
    pub source: usize,
    /// The cited bytes of the article.
    pub range: Range<usize>,
}

impl Citing {
    /// The citation itself.
    pub fn citation<'a>(&self, corpus: &'a Corpus) -> Option<&'a Citation> {
        let d = corpus.dossiers.get(self.dossier)?;
        self.item.cites(d).get(self.cite)
    }
}

/// How much of one article the dossiers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SourceStats {
    /// Citations pointing into the article.
    pub citations: usize,
    /// Bytes inside at least one cited range (overlaps counted once).
    pub cited_bytes: usize,
    /// Bytes of the article.
    pub bytes: usize,
}

impl SourceStats {
    /// Cited bytes as a percentage of the article (0 for an empty article).
    pub fn coverage(&self) -> f64 {
        if self.bytes == 0 {
            0.0
        } else {
            self.cited_bytes as f64 * 100.0 / self.bytes as f64
        }
    }
}

/// A claim with its corroboration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimRef {
    pub dossier: usize,
    pub claim: usize,
    /// Distinct sources citing it.
    pub sources: usize,
    /// Of those, how many are independent (see [`Corpus::corroboration`]).
    pub independent: usize,
}

/// The cross-source index of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Xref {
    /// Per source, every citation into it, sorted by (start, end).
    by_source: Vec<Vec<Citing>>,
    stats: Vec<SourceStats>,
    /// Disputed claims as (dossier, claim), in dossier order.
    disputed: Vec<(usize, usize)>,
    /// Every claim of every dossier, in dossier order.
    claims: Vec<ClaimRef>,
}

impl Xref {
    /// Indexes `corpus`: one pass over every citation.
    pub fn new(corpus: &Corpus) -> Xref {
        // Each source's list sized exactly first: grown by pushes, the lists took
        // 20 MB for 14 MB of entries at 10,000 dossiers.
        let mut counts = vec![0usize; corpus.sources.len()];
        for c in corpus.dossiers.iter().flat_map(Dossier::all_cites) {
            if let Some(n) = counts.get_mut(c.source) {
                *n += 1;
            }
        }
        let mut by_source: Vec<Vec<Citing>> = counts.into_iter().map(Vec::with_capacity).collect();
        let mut disputed = Vec::new();
        let mut claims = Vec::new();
        for (di, d) in corpus.dossiers.iter().enumerate() {
            for item in items(d) {
                for (ci, c) in item.cites(d).iter().enumerate() {
                    if let Some(v) = by_source.get_mut(c.source) {
                        v.push(Citing {
                            dossier: di,
                            item,
                            cite: ci,
                            source: c.source,
                            range: c.range.clone(),
                        });
                    }
                }
            }
            for (ci, c) in d.claims.iter().enumerate() {
                if c.disputed {
                    disputed.push((di, ci));
                }
                let (sources, independent) = corpus.corroboration(c);
                claims.push(ClaimRef {
                    dossier: di,
                    claim: ci,
                    sources,
                    independent,
                });
            }
        }
        for v in &mut by_source {
            v.sort_by_key(|c| (c.range.start, c.range.end));
        }
        // Listed by the name the disputes view shows, not by id (by id, "Freedom of
        // Russia Legion" came before "Federal Security Service").
        disputed.sort_by_cached_key(|&(di, ci)| {
            let name = corpus.dossiers.get(di).map(|d| d.name.to_lowercase());
            (name, di, ci)
        });
        let stats = by_source
            .iter()
            .zip(&corpus.sources)
            .map(|(cites, s)| SourceStats {
                citations: cites.len(),
                cited_bytes: union_len(cites.iter().map(|c| c.range.clone())),
                bytes: s.article.text.len(),
            })
            .collect();
        Xref {
            by_source,
            stats,
            disputed,
            claims,
        }
    }

    /// Every citation of `source` whose range overlaps `range` (an empty range counts as
    /// the one byte at its start), in article order.
    pub fn citing(&self, source: usize, range: &Range<usize>) -> Vec<&Citing> {
        let end = range.end.max(range.start + 1);
        self.by_source
            .get(source)
            .map(|v| {
                v.iter()
                    .take_while(|c| c.range.start < end)
                    .filter(|c| c.range.end.max(c.range.start + 1) > range.start)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every citation into `source`, in article order.
    pub fn of_source(&self, source: usize) -> &[Citing] {
        self.by_source.get(source).map_or(&[], Vec::as_slice)
    }

    /// Citation count and coverage of `source`.
    pub fn stats(&self, source: usize) -> SourceStats {
        self.stats.get(source).copied().unwrap_or_default()
    }

    /// Disputed claims as (dossier, claim), in dossier order.
    pub fn disputed(&self) -> &[(usize, usize)] {
        &self.disputed
    }

    /// Every claim with its corroboration, in dossier order.
    pub fn claims(&self) -> &[ClaimRef] {
        &self.claims
    }

    /// Claims, least independently corroborated first (then fewest sources, then in
    /// dossier order); with `single_source`, only those backed by one independent source.
    pub fn claims_by_independence(&self, single_source: bool) -> Vec<ClaimRef> {
        let mut v: Vec<ClaimRef> = self
            .claims
            .iter()
            .filter(|c| !single_source || c.independent <= 1)
            .copied()
            .collect();
        v.sort_by_key(|c| (c.independent, c.sources, c.dossier, c.claim));
        v
    }
}

/// What dossier `d` rests on, per source: the items each source backs, sources in
/// registry order, items in the dossier's order, each item once.
pub fn backing(d: &Dossier) -> Vec<(usize, Vec<Item>)> {
    let mut out: Vec<(usize, Vec<Item>)> = Vec::new();
    for item in items(d) {
        for c in item.cites(d) {
            match out.iter_mut().find(|(s, _)| *s == c.source) {
                Some((_, v)) => {
                    if !v.contains(&item) {
                        v.push(item);
                    }
                }
                None => out.push((c.source, vec![item])),
            }
        }
    }
    out.sort_by_key(|(s, _)| *s);
    out
}

/// Every item of `d` in reading order: aliases, claims (each followed by its variants),
/// relations.
pub fn items(d: &Dossier) -> Vec<Item> {
    let mut out: Vec<Item> = (0..d.aliases.len()).map(Item::Alias).collect();
    for (ci, c) in d.claims.iter().enumerate() {
        out.push(Item::Claim(ci));
        out.extend((0..c.variants.len()).map(|v| Item::Variant(ci, v)));
    }
    out.extend((0..d.relations.len()).map(Item::Relation));
    out
}

/// "3 sources (2 independent)": the one wording of a claim's corroboration.
pub fn backing_text(sources: usize, independent: usize) -> String {
    format!(
        "{} ({independent} independent)",
        crate::text::count(sources, "source")
    )
}

/// [`backing_text`] for a claim.
pub fn claim_backing(corpus: &Corpus, claim: &Claim) -> String {
    let (n, ind) = corpus.corroboration(claim);
    backing_text(n, ind)
}

/// Bytes covered by the union of `ranges` (overlaps and repeats counted once).
pub fn union_len(ranges: impl Iterator<Item = Range<usize>>) -> usize {
    let mut v: Vec<Range<usize>> = ranges.filter(|r| r.end > r.start).collect();
    v.sort_by_key(|r| r.start);
    let mut total = 0;
    let mut cur: Option<Range<usize>> = None;
    for r in v {
        match &mut cur {
            Some(c) if r.start <= c.end => c.end = c.end.max(r.end),
            _ => {
                if let Some(c) = cur.take() {
                    total += c.end - c.start;
                }
                cur = Some(r);
            }
        }
    }
    total + cur.map_or(0, |c| c.end - c.start)
}
