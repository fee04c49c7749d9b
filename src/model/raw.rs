//! The TOML files exactly as written: serde types with spans, so every problem found
//! later can point at the line and column that caused it. Unknown keys are errors
//! (`deny_unknown_fields`), as in rust-lang/team. Values such as kinds and dates are kept
//! as strings here and validated by `check`, which can then say which values are allowed.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::schema as vocab_schema;

/// `seeds/sources.toml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSources {
    /// One entry per `[[source]]`.
    #[serde(default)]
    pub source: Vec<RawSource>,
}

/// One `[[source]]` of `seeds/sources.toml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The slug citations use, e.g. "nbc-who-is-legion".
    #[schemars(schema_with = "vocab_schema::slug")]
    pub id: Spanned<String>,
    /// A plain file name inside seeds/: no "/", no "..".
    #[schemars(with = "String")]
    pub file: Spanned<String>,
    /// The title, as the article gives it.
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// A few letters for citation markers; defaults to the id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub short: Option<Spanned<String>>,
    /// Who published it, as far as the text tells.
    #[schemars(with = "String")]
    pub outlet: Spanned<String>,
    /// YYYY, YYYY-MM or YYYY-MM-DD; omit when the text does not tell.
    #[serde(default)]
    #[schemars(schema_with = "vocab_schema::opt_date")]
    pub published: Option<Spanned<String>>,
    /// The language of this text, e.g. "en".
    #[schemars(with = "String")]
    pub lang: Spanned<String>,
    /// The publication this text derives from; required unless derivation is
    /// "original". Sources sharing an original are not independent.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub original: Option<Spanned<String>>,
    /// How this text came from its original.
    #[schemars(schema_with = "vocab_schema::derivation")]
    pub derivation: Spanned<String>,
    /// Lower-case hex SHA-256 of the file's bytes; `dossier check` prints the value
    /// when it is missing or wrong.
    // Optional here (required by the schema) so that its absence gets that message
    // instead of the parser's "missing field".
    #[schemars(schema_with = "vocab_schema::sha256", required)]
    pub sha256: Option<Spanned<String>>,
    /// The curator's remarks on the text's reliability.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
    /// Authors and reposters the text names (bylines are never dossiers).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub byline: Vec<Spanned<String>>,
}

/// One dossier file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDossier {
    /// Equals the file name without .toml; unique across the corpus.
    #[schemars(schema_with = "vocab_schema::slug")]
    pub id: Spanned<String>,
    /// What the dossier is about: a person (in dossiers/people/), group (groups/),
    /// event (events/) or place (places/).
    #[schemars(schema_with = "vocab_schema::kind")]
    pub kind: Spanned<String>,
    /// The name a careful reader would file it under.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Two to four sentences in the curator's words, every point also a cited claim.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub summary: Option<Spanned<String>>,
    /// Events only: when it happened, `YYYY[-MM[-DD]]`; must be the date of a claim.
    #[serde(default)]
    #[schemars(schema_with = "vocab_schema::opt_date")]
    pub date: Option<Spanned<String>>,
    #[serde(default)]
    pub alias: Vec<RawAlias>,
    #[serde(default)]
    pub claim: Vec<RawClaim>,
    #[serde(default)]
    pub relation: Vec<RawRelation>,
}

/// `[[alias]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAlias {
    /// Another name an article uses; must occur in each cited quote.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// What kind of other name it is.
    #[schemars(schema_with = "vocab_schema::alias_kind")]
    pub kind: Spanned<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
    #[serde(default)]
    pub cite: Vec<RawCite>,
}

/// `[[claim]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    /// Unique within the file.
    #[schemars(schema_with = "vocab_schema::slug")]
    pub id: Spanned<String>,
    /// One fact, in the curator's words.
    #[schemars(with = "String")]
    pub text: Spanned<String>,
    /// True when the sources disagree: then give at least two [[claim.variant]].
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub disputed: Option<Spanned<bool>>,
    /// When what it states happened: YYYY[-MM[-DD]].
    #[serde(default)]
    #[schemars(schema_with = "vocab_schema::opt_date")]
    pub date: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
    #[serde(default)]
    pub cite: Vec<RawCite>,
    #[serde(default)]
    pub variant: Vec<RawVariant>,
}

/// `[[claim.variant]]`: one version of a disputed claim.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVariant {
    /// This version of the disputed fact.
    #[schemars(with = "String")]
    pub value: Spanned<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
    /// YYYY[-MM[-DD]].
    #[serde(default)]
    #[schemars(schema_with = "vocab_schema::opt_date")]
    pub date: Option<Spanned<String>>,
    #[serde(default)]
    pub cite: Vec<RawCite>,
}

/// `[[relation]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    /// The type of the link.
    #[serde(rename = "type")]
    #[schemars(schema_with = "vocab_schema::relation_type")]
    pub kind: Spanned<String>,
    /// The other dossier's id.
    #[schemars(with = "String")]
    pub target: Spanned<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub role: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
    #[serde(default)]
    pub cite: Vec<RawCite>,
}

/// A citation: `{ source, quote, prefix?, suffix?, note? }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCite {
    /// The id of a [[source]] in seeds/sources.toml.
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    /// The exact words of the article (matched after folding spaces, quotes and dashes).
    #[schemars(with = "String")]
    pub quote: Spanned<String>,
    /// The words just before the quote, when it occurs more than once.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub prefix: Option<Spanned<String>>,
    /// The words just after the quote, when it occurs more than once.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub suffix: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
}
