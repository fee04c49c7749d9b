//! The JSON shapes printed by `--json` (documented in the README). Built from the
//! resolved model; text is raw (JSON escaping makes it safe), unlike the plain output.

use serde::Serialize;

use crate::model::incoming::Link;
use crate::model::{Citation, Corpus, Dossier, Relation, SummaryPart, Variant};
use crate::text::LineCol;

/// A dossier in `list --json`.
#[derive(Debug, Serialize)]
pub struct ListItem<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub summary: Option<&'a str>,
    /// Events only: when it happened.
    pub date: Option<&'a str>,
    pub path: &'a str,
    pub aliases: usize,
    pub claims: usize,
    pub relations: usize,
    /// Citations of its aliases, claims, variants and relations: `list`'s weight.
    pub citations: usize,
}

impl<'a> ListItem<'a> {
    pub fn new(d: &'a Dossier) -> Self {
        ListItem {
            id: &d.id,
            kind: d.kind.as_str(),
            name: &d.name,
            summary: d.summary.as_deref(),
            date: d.date.as_deref(),
            path: &d.path,
            aliases: d.aliases.len(),
            claims: d.claims.len(),
            relations: d.relations.len(),
            citations: crate::model::order::weight(d),
        }
    }
}

/// A resolved citation.
#[derive(Debug, Serialize)]
pub struct CitationJson<'a> {
    pub source: &'a str,
    pub title: &'a str,
    pub outlet: &'a str,
    /// `seeds/FILE`.
    pub file: String,
    pub quote: &'a str,
    /// The exact article text the quote anchored to (differs from `quote` only by folding).
    pub matched: &'a str,
    pub note: Option<&'a str>,
    pub start: LineCol,
    pub end: LineCol,
    pub byte_start: usize,
    pub byte_end: usize,
    /// `seeds/FILE:line:col`.
    pub location: String,
}

pub fn citations<'a>(corpus: &'a Corpus, cites: &'a [Citation]) -> Vec<CitationJson<'a>> {
    cites.iter().filter_map(|c| citation(corpus, c)).collect()
}

pub fn citation<'a>(corpus: &'a Corpus, c: &'a Citation) -> Option<CitationJson<'a>> {
    let s = corpus.sources.get(c.source)?;
    Some(CitationJson {
        source: &s.id,
        title: &s.title,
        outlet: &s.outlet,
        file: format!("seeds/{}", s.file),
        quote: &c.quote,
        matched: s.article.text.get(c.range.clone()).unwrap_or(""),
        note: c.note.as_deref(),
        start: c.start,
        end: c.end,
        byte_start: c.range.start,
        byte_end: c.range.end,
        location: format!("seeds/{}:{}:{}", s.file, c.start.line, c.start.column),
    })
}

#[derive(Debug, Serialize)]
pub struct AliasJson<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub note: Option<&'a str>,
    pub citations: Vec<CitationJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct VariantJson<'a> {
    pub value: &'a str,
    pub note: Option<&'a str>,
    pub date: Option<&'a str>,
    pub citations: Vec<CitationJson<'a>>,
}

impl<'a> VariantJson<'a> {
    /// One variant of a disputed claim, its citations resolved (`show` and `disputes`).
    pub fn new(corpus: &'a Corpus, v: &'a Variant) -> Self {
        VariantJson {
            value: &v.value,
            note: v.note.as_deref(),
            date: v.date.as_deref(),
            citations: citations(corpus, &v.cites),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ClaimJson<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub disputed: bool,
    pub date: Option<&'a str>,
    pub note: Option<&'a str>,
    /// Distinct sources citing the claim (own citations and variants').
    pub sources: usize,
    /// Of those, how many are independent: sources sharing an `original` count once, and a
    /// source without `original` counts as its own `outlet` (so a repost of it is not independent).
    pub independent_sources: usize,
    pub citations: Vec<CitationJson<'a>>,
    pub variants: Vec<VariantJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RelationJson<'a> {
    #[serde(rename = "type")]
    pub kind: &'a str,
    pub target: &'a str,
    pub target_name: Option<&'a str>,
    pub role: Option<&'a str>,
    pub note: Option<&'a str>,
    pub citations: Vec<CitationJson<'a>>,
}

impl<'a> RelationJson<'a> {
    pub fn new(corpus: &'a Corpus, r: &'a Relation) -> Self {
        RelationJson {
            kind: r.kind.as_str(),
            target: &r.target,
            target_name: corpus.dossier(&r.target).map(|t| t.name.as_str()),
            role: r.role.as_deref(),
            note: r.note.as_deref(),
            citations: citations(corpus, &r.cites),
        }
    }
}

/// Another dossier's relation that points at this one, in `show --json`'s `incoming`:
/// the relation exactly as its holder's `relations` lists it, plus the holder.
#[derive(Debug, Serialize)]
pub struct IncomingJson<'a> {
    /// Id of the dossier whose file holds the relation.
    pub from: &'a str,
    /// Its name.
    pub from_name: &'a str,
    /// Its kind.
    pub from_kind: &'a str,
    #[serde(flatten)]
    pub relation: RelationJson<'a>,
}

/// `show --json`.
#[derive(Debug, Serialize)]
pub struct DossierJson<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub summary: Option<&'a str>,
    /// The summary as text and references to `claims` (by index), in order.
    pub summary_parts: Vec<SummaryPartJson<'a>>,
    /// Events only: when it happened.
    pub date: Option<&'a str>,
    pub path: &'a str,
    pub aliases: Vec<AliasJson<'a>>,
    pub claims: Vec<ClaimJson<'a>>,
    pub relations: Vec<RelationJson<'a>>,
    /// Other dossiers' relations whose target is this one ("Linked from").
    pub incoming: Vec<IncomingJson<'a>>,
    /// Per source, what in this dossier it backs.
    pub backed_by: Vec<BackingJson<'a>>,
}

impl<'a> DossierJson<'a> {
    /// `d` with `linked`, the other dossiers' relations that point at it (from the
    /// reverse index in [`crate::model::incoming`]).
    pub fn new(corpus: &'a Corpus, d: &'a Dossier, linked: &[Link]) -> Self {
        DossierJson {
            id: &d.id,
            kind: d.kind.as_str(),
            name: &d.name,
            summary: d.summary.as_deref(),
            summary_parts: d.summary_parts.iter().map(SummaryPartJson::new).collect(),
            date: d.date.as_deref(),
            path: &d.path,
            aliases: d
                .aliases
                .iter()
                .map(|a| AliasJson {
                    name: &a.name,
                    kind: a.kind.as_str(),
                    note: a.note.as_deref(),
                    citations: citations(corpus, &a.cites),
                })
                .collect(),
            claims: d
                .claims
                .iter()
                .map(|c| {
                    let (sources, independent_sources) = corpus.corroboration(c);
                    ClaimJson {
                        id: &c.id,
                        text: &c.text,
                        disputed: c.disputed,
                        date: c.date.as_deref(),
                        note: c.note.as_deref(),
                        sources,
                        independent_sources,
                        citations: citations(corpus, &c.cites),
                        variants: c
                            .variants
                            .iter()
                            .map(|v| VariantJson::new(corpus, v))
                            .collect(),
                    }
                })
                .collect(),
            relations: d
                .relations
                .iter()
                .map(|r| RelationJson::new(corpus, r))
                .collect(),
            incoming: linked
                .iter()
                .filter_map(|link| {
                    let owner = corpus.dossiers.get(link.owner)?;
                    Some(IncomingJson {
                        from: &owner.id,
                        from_name: &owner.name,
                        from_kind: owner.kind.as_str(),
                        relation: RelationJson::new(corpus, link.relation(corpus)?),
                    })
                })
                .collect(),
            backed_by: BackingJson::of(corpus, d),
        }
    }
}

/// One piece of a summary: `{ "text": "…" }` or `{ "refs": [ { "id", "claim" } ] }`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SummaryPartJson<'a> {
    Text(&'a str),
    Refs(Vec<SummaryRefJson<'a>>),
}

/// A reference to a claim: its id and its index in the dossier's `claims`.
#[derive(Debug, Serialize)]
pub struct SummaryRefJson<'a> {
    pub id: &'a str,
    /// Index into `claims` (0-based); null only for a corpus that failed `check`.
    pub claim: Option<usize>,
}

impl<'a> SummaryPartJson<'a> {
    fn new(p: &'a SummaryPart) -> Self {
        match p {
            SummaryPart::Text(t) => SummaryPartJson::Text(t),
            SummaryPart::Refs(refs) => SummaryPartJson::Refs(
                refs.iter()
                    .map(|r| SummaryRefJson {
                        id: &r.id,
                        claim: r.claim,
                    })
                    .collect(),
            ),
        }
    }
}

/// One item of a dossier, as `backed_by` and `cited-by` name it.
#[derive(Debug, Serialize)]
pub struct ItemJson {
    /// `alias`, `claim`, `variant` or `relation`.
    pub kind: &'static str,
    /// The alias, claim text, «variant» — claim text, or `type → target name`.
    pub text: String,
    /// For a claim or a variant: the claim's id.
    pub claim_id: Option<String>,
}

impl ItemJson {
    pub fn new(corpus: &Corpus, d: &Dossier, item: crate::xref::Item) -> ItemJson {
        let claim = match item {
            crate::xref::Item::Claim(c) | crate::xref::Item::Variant(c, _) => d.claims.get(c),
            _ => None,
        };
        ItemJson {
            kind: item.kind(),
            text: item.text(corpus, d),
            claim_id: claim.map(|c| c.id.clone()),
        }
    }
}

/// One source in `show --json`'s `backed_by`.
#[derive(Debug, Serialize)]
pub struct BackingJson<'a> {
    pub source: &'a str,
    pub title: &'a str,
    pub outlet: &'a str,
    pub items: Vec<ItemJson>,
}

impl<'a> BackingJson<'a> {
    pub fn of(corpus: &'a Corpus, d: &'a Dossier) -> Vec<BackingJson<'a>> {
        crate::xref::backing(d)
            .into_iter()
            .filter_map(|(s, items)| {
                let src = corpus.sources.get(s)?;
                Some(BackingJson {
                    source: &src.id,
                    title: &src.title,
                    outlet: &src.outlet,
                    items: items
                        .into_iter()
                        .map(|i| ItemJson::new(corpus, d, i))
                        .collect(),
                })
            })
            .collect()
    }
}

/// What a search hit matched.
#[derive(Debug, Serialize)]
pub struct MatchedJson<'a> {
    /// `name`, `alias` or `claim`.
    pub field: &'static str,
    pub text: &'a str,
    /// For an alias: its kind.
    pub alias_kind: Option<&'static str>,
    /// For a claim: its id.
    pub claim_id: Option<&'a str>,
    /// Character indices of `text` that matched.
    pub positions: &'a [usize],
}

/// One `search --json` result.
#[derive(Debug, Serialize)]
pub struct HitJson<'a> {
    pub rank: usize,
    pub id: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub score: i64,
    pub class: crate::search::MatchClass,
    pub matched: MatchedJson<'a>,
}

/// `value` as pretty JSON that is safe to print on a terminal. serde_json escapes C0
/// controls but writes C1 controls (U+0080–U+009F, which some terminals obey as CSI/OSC),
/// bidi overrides and zero-width characters raw; those can only occur inside JSON
/// strings, so each becomes a `\uXXXX` escape there and decodes to the same value.
#[allow(clippy::disallowed_methods)] // the one place that may call serde_json directly
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    escape_unsafe(&text)
}

/// [`pretty`] on one line, for JSON-lines output (`export --format ftm`).
#[allow(clippy::disallowed_methods)] // the one place that may call serde_json directly
pub fn compact<T: Serialize + ?Sized>(value: &T) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    escape_unsafe(&text)
}

/// Replaces every character [`crate::text::sanitize::is_unsafe`] flags with its JSON
/// `\uXXXX` escape (a surrogate pair above U+FFFF).
fn escape_unsafe(json: &str) -> String {
    use crate::text::sanitize::is_unsafe;
    if !json.chars().any(|c| is_unsafe(c) && c != '\n') {
        return json.to_owned();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) && c != '\n' {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_bidi_and_zero_width_are_escaped_and_round_trip() {
        let raw = "a\u{9b}31m b\u{202e}c\u{200b}d\u{1b}e\u{e0001}";
        let json = pretty(&raw);
        assert!(
            !json.chars().any(crate::text::sanitize::is_unsafe),
            "{json}"
        );
        assert!(
            json.contains("\\u009b") && json.contains("\\u202e") && json.contains("\\udb40\\udc01")
        );
        let back: String = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, raw);
    }
}
