//! The resolved model that the CLI and the browser read: sources with their text, and
//! dossiers whose every citation has been anchored to a byte range of its article.
//! Built only by [`crate::check`], so holding a [`Corpus`] means it was verified.

pub mod fast;
pub mod incoming;
pub mod lean;
pub mod order;
pub mod raw;
pub mod relmap;
pub mod schema;
pub mod summary;
pub mod timeline;
pub mod vocab;

use std::ops::Range;

use crate::corpus::anchor::Article;
use crate::text::LineCol;
pub use summary::{SummaryPart, SummaryRef};
pub use vocab::{AliasKind, Derivation, Kind, RelationType};

/// Every source and dossier of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Sources in registry order.
    pub sources: Vec<Source>,
    /// Dossiers sorted by id.
    pub dossiers: Vec<Dossier>,
}

impl Corpus {
    /// The dossier with this id.
    pub fn dossier(&self, id: &str) -> Option<&Dossier> {
        self.dossiers
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .and_then(|i| self.dossiers.get(i))
    }

    /// Distinct sources citing a claim (its own citations and its variants'), and how
    /// many of them are independent: sources sharing an `original` count once, and a
    /// source without `original` counts as its own `outlet` (so a repost of it is not
    /// independent of it).
    pub fn corroboration(&self, claim: &Claim) -> (usize, usize) {
        let mut ids: Vec<usize> = claim.all_cites().map(|c| c.source).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut originals: Vec<&str> = ids
            .iter()
            .filter_map(|&i| self.sources.get(i))
            .map(order::origin)
            .collect();
        originals.sort_unstable();
        originals.dedup();
        (ids.len(), originals.len())
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Index into [`Corpus::dossiers`] of the dossier with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.dossiers
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
    }
}

/// One registered article.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    /// Plain file name inside `seeds/`.
    pub file: String,
    pub title: String,
    /// A few letters for citation markers; defaults to the id.
    pub short: String,
    pub outlet: String,
    pub published: Option<String>,
    pub lang: String,
    pub original: Option<String>,
    pub derivation: Derivation,
    pub sha256: String,
    pub note: Option<String>,
    pub byline: Vec<String>,
    /// The article text, prepared for anchoring.
    pub article: Article,
}

/// A dossier on one person, group, event or place.
#[derive(Debug, Clone)]
pub struct Dossier {
    pub id: String,
    pub kind: Kind,
    pub name: String,
    /// The summary's prose: as written, without its references (`… in 2022.` for
    /// `… in 2022 [founded-rvc].`); the references are in `summary_parts`.
    pub summary: Option<String>,
    /// The summary as text and references to this dossier's claims, in order (empty
    /// without a summary): render [`SummaryPart::Text`] as is and each
    /// [`SummaryPart::Refs`] as a marker leading to `claims[r.claim]`.
    pub summary_parts: Vec<SummaryPart>,
    /// Events only: when it happened, `YYYY[-MM[-DD]]`; `check` makes sure a cited claim
    /// of the dossier carries the same date, so the date is never uncited.
    pub date: Option<String>,
    /// Corpus-relative path of the file, e.g. `dossiers/people/denis-kapustin.toml`.
    pub path: String,
    pub aliases: Vec<Alias>,
    pub claims: Vec<Claim>,
    pub relations: Vec<Relation>,
}

impl Dossier {
    /// What a browser shows of a dossier before its corpus is checked (an outline):
    /// id, kind, name and aliases (without notes or citations), nothing else.
    pub fn outline(
        id: String,
        kind: Kind,
        name: String,
        aliases: Vec<(AliasKind, String)>,
    ) -> Self {
        Dossier {
            id,
            kind,
            name,
            summary: None,
            summary_parts: Vec::new(),
            date: None,
            // Not shown before the check: 100,000 paths are 5 MB of the early browser.
            path: String::new(),
            aliases: aliases
                .into_iter()
                .map(|(kind, name)| Alias {
                    name,
                    kind,
                    note: None,
                    cites: Vec::new(),
                })
                .collect(),
            claims: Vec::new(),
            relations: Vec::new(),
        }
    }

    /// Every citation in the dossier: aliases', claims' (with variants') and relations'.
    pub fn all_cites(&self) -> impl Iterator<Item = &Citation> {
        self.aliases
            .iter()
            .flat_map(|a| &a.cites)
            .chain(self.claims.iter().flat_map(|c| c.all_cites()))
            .chain(self.relations.iter().flat_map(|r| &r.cites))
    }

    /// The summary with each reference as `[#claim-id]`, as `show` prints it.
    pub fn summary_marked(&self) -> Option<String> {
        self.summary
            .as_ref()
            .map(|_| summary::marked(&self.summary_parts))
    }

    /// `kind · id` and ` · date` when it has one, made safe for one line: what follows
    /// the name in `show`'s first line and in the browser's dossier title.
    pub fn identity(&self) -> String {
        use crate::text::sanitize_line;
        let date = self
            .date
            .as_deref()
            .map(|date| format!(" · {}", sanitize_line(date)))
            .unwrap_or_default();
        format!("{} · {}{date}", self.kind, sanitize_line(&self.id))
    }
}

/// Another name for the dossier's subject, as a source uses it.
#[derive(Debug, Clone)]
pub struct Alias {
    pub name: String,
    pub kind: AliasKind,
    pub note: Option<String>,
    pub cites: Vec<Citation>,
}

/// One statement about the subject, cited; or, when disputed, its cited variants.
#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    pub text: String,
    pub disputed: bool,
    pub date: Option<String>,
    pub note: Option<String>,
    pub cites: Vec<Citation>,
    pub variants: Vec<Variant>,
}

impl Claim {
    /// Every citation of the claim, its own and its variants'.
    pub fn all_cites(&self) -> impl Iterator<Item = &Citation> {
        self.cites
            .iter()
            .chain(self.variants.iter().flat_map(|v| v.cites.iter()))
    }
}

/// One version of a disputed claim.
#[derive(Debug, Clone)]
pub struct Variant {
    pub value: String,
    pub note: Option<String>,
    pub date: Option<String>,
    pub cites: Vec<Citation>,
}

/// A typed link to another dossier.
#[derive(Debug, Clone)]
pub struct Relation {
    pub kind: RelationType,
    pub target: String,
    pub role: Option<String>,
    pub note: Option<String>,
    pub cites: Vec<Citation>,
}

/// A quote anchored in an article.
#[derive(Debug, Clone)]
pub struct Citation {
    /// Index into [`Corpus::sources`].
    pub source: usize,
    pub quote: String,
    pub note: Option<String>,
    /// Raw byte range of the quote in the article.
    pub range: Range<usize>,
    /// Position of the first quoted character.
    pub start: LineCol,
    /// Position of the last quoted character.
    pub end: LineCol,
}
