//! The JSON shapes printed by `--json` (documented in the README). Built from the
//! resolved model; text is raw (JSON escaping makes it safe), unlike the plain output.

use serde::Serialize;

use crate::model::{Citation, Corpus, Dossier};
use crate::text::LineCol;

/// A dossier in `list --json`.
#[derive(Debug, Serialize)]
pub struct ListItem<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub summary: Option<&'a str>,
    pub path: &'a str,
    pub aliases: usize,
    pub claims: usize,
    pub relations: usize,
}

impl<'a> ListItem<'a> {
    pub fn new(d: &'a Dossier) -> Self {
        ListItem {
            id: &d.id,
            kind: d.kind.as_str(),
            name: &d.name,
            summary: d.summary.as_deref(),
            path: &d.path,
            aliases: d.aliases.len(),
            claims: d.claims.len(),
            relations: d.relations.len(),
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

/// `show --json`.
#[derive(Debug, Serialize)]
pub struct DossierJson<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub summary: Option<&'a str>,
    pub path: &'a str,
    pub aliases: Vec<AliasJson<'a>>,
    pub claims: Vec<ClaimJson<'a>>,
    pub relations: Vec<RelationJson<'a>>,
}

impl<'a> DossierJson<'a> {
    pub fn new(corpus: &'a Corpus, d: &'a Dossier) -> Self {
        DossierJson {
            id: &d.id,
            kind: d.kind.as_str(),
            name: &d.name,
            summary: d.summary.as_deref(),
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
                            .map(|v| VariantJson {
                                value: &v.value,
                                note: v.note.as_deref(),
                                date: v.date.as_deref(),
                                citations: citations(corpus, &v.cites),
                            })
                            .collect(),
                    }
                })
                .collect(),
            relations: d
                .relations
                .iter()
                .map(|r| RelationJson {
                    kind: r.kind.as_str(),
                    target: &r.target,
                    target_name: corpus.dossier(&r.target).map(|t| t.name.as_str()),
                    role: r.role.as_deref(),
                    note: r.note.as_deref(),
                    citations: citations(corpus, &r.cites),
                })
                .collect(),
        }
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
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
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
