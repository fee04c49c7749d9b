//! The TOML files exactly as written: serde types with spans, so every problem found
//! later can point at the line and column that caused it. Unknown keys are errors
//! (`deny_unknown_fields`), as in rust-lang/team. Values such as kinds and dates are kept
//! as strings here and validated by `check`, which can then say which values are allowed.

use serde::Deserialize;
use toml::Spanned;

/// `seeds/sources.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSources {
    /// One entry per `[[source]]`.
    #[serde(default)]
    pub source: Vec<RawSource>,
}

/// One `[[source]]` of `seeds/sources.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Spanned<String>,
    pub file: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub short: Option<Spanned<String>>,
    pub outlet: Spanned<String>,
    #[serde(default)]
    pub published: Option<Spanned<String>>,
    pub lang: Spanned<String>,
    #[serde(default)]
    pub original: Option<Spanned<String>>,
    pub derivation: Spanned<String>,
    pub sha256: Spanned<String>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
    #[serde(default)]
    pub byline: Vec<Spanned<String>>,
}

/// One dossier file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDossier {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub name: Spanned<String>,
    #[serde(default)]
    pub summary: Option<Spanned<String>>,
    /// Events only: when it happened, `YYYY[-MM[-DD]]`; must be the date of a claim.
    #[serde(default)]
    pub date: Option<Spanned<String>>,
    #[serde(default)]
    pub alias: Vec<RawAlias>,
    #[serde(default)]
    pub claim: Vec<RawClaim>,
    #[serde(default)]
    pub relation: Vec<RawRelation>,
}

/// `[[alias]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlias {
    pub name: Spanned<String>,
    pub kind: Spanned<String>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
    #[serde(default)]
    pub cite: Vec<RawCite>,
}

/// `[[claim]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    pub id: Spanned<String>,
    pub text: Spanned<String>,
    #[serde(default)]
    pub disputed: Option<Spanned<bool>>,
    #[serde(default)]
    pub date: Option<Spanned<String>>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
    #[serde(default)]
    pub cite: Vec<RawCite>,
    #[serde(default)]
    pub variant: Vec<RawVariant>,
}

/// `[[claim.variant]]`: one version of a disputed claim.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVariant {
    pub value: Spanned<String>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
    #[serde(default)]
    pub date: Option<Spanned<String>>,
    #[serde(default)]
    pub cite: Vec<RawCite>,
}

/// `[[relation]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    pub target: Spanned<String>,
    #[serde(default)]
    pub role: Option<Spanned<String>>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
    #[serde(default)]
    pub cite: Vec<RawCite>,
}

/// A citation: `{ source, quote, prefix?, suffix?, note? }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCite {
    pub source: Spanned<String>,
    pub quote: Spanned<String>,
    #[serde(default)]
    pub prefix: Option<Spanned<String>>,
    #[serde(default)]
    pub suffix: Option<Spanned<String>>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
    /// Every raw start offset of the quote in its article, when `check` found them for
    /// many quotes at once (`check::exact`); never read from the file.
    #[serde(skip)]
    pub exact: Option<Box<[usize]>>,
}
