//! A dossier file as `check` holds it between parsing and building: the shape of
//! [`super::raw::RawDossier`], but every string a [`Text`] that points into the file's
//! own text instead of a copy of it.
//!
//! `check` holds every parsed file at once (the quote search needs every quote of an
//! article before any dossier is built), and the raw form with a `String` and a
//! `Range<usize>` per field was 102 MB at 10,000 dossiers, 2.5× the 42 MB of text it
//! was parsed from (BENCHMARKS.md, "Where the memory goes"). Here a field is 32 bytes
//! and no allocation, a citation's rarely given prefix, suffix and note sit behind one
//! pointer, and the file's text is what the diagnostics needed anyway.

use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use super::raw::{RawAlias, RawCite, RawClaim, RawDossier, RawRelation, RawVariant};
use crate::diag::SourceFile;
use crate::text::LineCol;

/// A string value and the span of its token (quotes included), as [`Spanned<String>`]
/// has them. The value is a slice of the file's text when the token has no escapes,
/// otherwise its decoded copy.
#[derive(Clone)]
pub struct Text {
    span: (u32, u32),
    value: Value,
}

#[derive(Clone)]
enum Value {
    /// `file.text[start..end]`.
    In(Arc<SourceFile>, u32, u32),
    /// Decoded escapes, or a value from the `toml` crate's parse.
    Own(Box<str>),
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} at {:?}", self.get_ref(), self.span())
    }
}

/// A byte offset of a dossier file, which [`crate::data::DOSSIER_CAP`] keeps far below
/// `u32::MAX`; saturates rather than wraps should it not.
fn small(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl Text {
    /// The value `file.text[value]`, written at `span`.
    pub fn slice(file: &Arc<SourceFile>, span: Range<usize>, value: Range<usize>) -> Self {
        Text {
            span: (small(span.start), small(span.end)),
            value: Value::In(Arc::clone(file), small(value.start), small(value.end)),
        }
    }

    /// A value that is not a slice of the file (decoded escapes), written at `span`.
    pub fn owned(span: Range<usize>, value: String) -> Self {
        Text {
            span: (small(span.start), small(span.end)),
            value: Value::Own(value.into_boxed_str()),
        }
    }

    /// The value.
    pub fn get_ref(&self) -> &str {
        match &self.value {
            Value::In(file, start, end) => {
                file.text.get(*start as usize..*end as usize).unwrap_or("")
            }
            Value::Own(s) => s,
        }
    }

    /// Asks the CPU to fetch what [`Text::get_ref`] will read first (the file's
    /// header, for a slice of it), without reading it now: a pass over citations
    /// scattered through 100,000 files waits on these misses one by one otherwise
    /// (`check::exact`).
    pub fn prefetch(&self) {
        match &self.value {
            // The field's address is worked out from the pointer, not read through it.
            Value::In(file, _, _) => crate::search::prefetch(std::ptr::from_ref(&file.text).cast()),
            Value::Own(s) => crate::search::prefetch(s.as_ptr()),
        }
    }

    /// The token's byte range in the file, quotes included.
    pub fn span(&self) -> Range<usize> {
        self.span.0 as usize..self.span.1 as usize
    }

    /// The value as an owned string (a copy: the file's text stays shared).
    pub fn into_inner(self) -> String {
        match self.value {
            Value::Own(s) => s.into_string(),
            Value::In(..) => self.get_ref().to_owned(),
        }
    }

    fn from_spanned(s: Spanned<String>) -> Self {
        let span = s.span();
        Text::owned(span, s.into_inner())
    }

    fn into_spanned(self) -> Spanned<String> {
        let span = self.span();
        Spanned::new(span, self.into_inner())
    }
}

/// A string field with the span it was written at: what the single-value checks
/// (`check::fields`) read, from a dossier file ([`Text`]) or the registry
/// ([`Spanned<String>`]).
pub trait Field {
    fn value(&self) -> &str;
    fn span(&self) -> Range<usize>;
}

impl Field for Text {
    fn value(&self) -> &str {
        self.get_ref()
    }
    fn span(&self) -> Range<usize> {
        Text::span(self)
    }
}

impl Field for Spanned<String> {
    fn value(&self) -> &str {
        self.get_ref()
    }
    fn span(&self) -> Range<usize> {
        Spanned::span(self)
    }
}

/// One dossier file ([`RawDossier`]).
#[derive(Debug)]
pub struct Dossier {
    pub id: Text,
    pub kind: Text,
    pub name: Text,
    pub summary: Option<Text>,
    pub date: Option<Text>,
    pub alias: Vec<Alias>,
    pub claim: Vec<Claim>,
    pub relation: Vec<Relation>,
}

/// `[[alias]]` ([`RawAlias`]).
#[derive(Debug)]
pub struct Alias {
    pub name: Text,
    pub kind: Text,
    pub note: Option<Text>,
    pub cite: Vec<Cite>,
}

/// `[[claim]]` ([`RawClaim`]).
#[derive(Debug)]
pub struct Claim {
    pub id: Text,
    pub text: Text,
    pub disputed: Option<Spanned<bool>>,
    pub date: Option<Text>,
    pub note: Option<Text>,
    pub cite: Vec<Cite>,
    pub variant: Vec<Variant>,
}

/// `[[claim.variant]]` ([`RawVariant`]).
#[derive(Debug)]
pub struct Variant {
    pub value: Text,
    pub note: Option<Text>,
    pub date: Option<Text>,
    pub cite: Vec<Cite>,
}

/// `[[relation]]` ([`RawRelation`]).
#[derive(Debug)]
pub struct Relation {
    pub kind: Text,
    pub target: Text,
    pub role: Option<Text>,
    pub note: Option<Text>,
    pub cite: Vec<Cite>,
}

/// A citation ([`RawCite`]): 104 bytes where the raw one was 216 and four allocations.
#[derive(Debug)]
pub struct Cite {
    pub source: Text,
    pub quote: Text,
    /// Prefix, suffix and note, which most citations do not have: one pointer for the
    /// three.
    pub more: Option<Box<CiteMore>>,
    /// What `check`'s one pass per article found for the quote (`check::exact`).
    pub found: Found,
}

/// What the pass over every quote of an article found for one citation.
#[derive(Debug, Default)]
pub enum Found {
    /// Not looked for: an unknown source, or a single file checked alone.
    #[default]
    NotSought,
    /// Every raw start offset of the quote in its article (none: only a folded match
    /// can be left), to be resolved with the citation's prefix and suffix.
    Hits(Box<[usize]>),
    /// The quote occurs exactly once, raw, and has neither prefix nor suffix nor
    /// padding: its place, worked out while the article was being scanned. Kept in
    /// the citation itself: behind a `Box` (8 bytes here and 32 on the heap), reading
    /// it back in dossier order was a cache miss per citation, 8% of `check`'s samples
    /// at 100,000 dossiers (BENCHMARKS.md, "Issue 16, fourth pass").
    Placed(Placed),
}

/// Where a citation's quote sits: the fields of a resolved
/// [`Citation`](crate::model::Citation) other than its own strings, in 32 bytes (an
/// article is at most [`ARTICLE_CAP`](crate::data::ARTICLE_CAP) bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub source: u32,
    pub range: (u32, u32),
    pub start: (u32, u32),
    pub end: (u32, u32),
}

impl Placed {
    /// `None` when a value does not fit 32 bits (never within the caps).
    pub fn new(source: usize, range: Range<usize>, start: LineCol, end: LineCol) -> Option<Self> {
        let n = |x: usize| u32::try_from(x).ok();
        Some(Placed {
            source: n(source)?,
            range: (n(range.start)?, n(range.end)?),
            start: (n(start.line)?, n(start.column)?),
            end: (n(end.line)?, n(end.column)?),
        })
    }

    pub fn source(&self) -> usize {
        self.source as usize
    }

    pub fn range(&self) -> Range<usize> {
        self.range.0 as usize..self.range.1 as usize
    }

    pub fn start(&self) -> LineCol {
        LineCol {
            line: self.start.0 as usize,
            column: self.start.1 as usize,
        }
    }

    pub fn end(&self) -> LineCol {
        LineCol {
            line: self.end.0 as usize,
            column: self.end.1 as usize,
        }
    }
}

/// The optional parts of a [`Cite`].
#[derive(Debug, Default)]
pub struct CiteMore {
    pub prefix: Option<Text>,
    pub suffix: Option<Text>,
    pub note: Option<Text>,
}

impl Cite {
    /// A citation; its optional parts are boxed only when one is given.
    pub fn new(
        source: Text,
        quote: Text,
        prefix: Option<Text>,
        suffix: Option<Text>,
        note: Option<Text>,
    ) -> Self {
        let more = (prefix.is_some() || suffix.is_some() || note.is_some()).then(|| {
            Box::new(CiteMore {
                prefix,
                suffix,
                note,
            })
        });
        Cite {
            source,
            quote,
            more,
            found: Found::NotSought,
        }
    }

    pub fn prefix(&self) -> Option<&Text> {
        self.more.as_ref()?.prefix.as_ref()
    }

    pub fn suffix(&self) -> Option<&Text> {
        self.more.as_ref()?.suffix.as_ref()
    }

    /// Takes the note out (it moves into the resolved citation).
    pub fn take_note(&mut self) -> Option<Text> {
        self.more.as_mut()?.note.take()
    }
}

// Conversions to and from the raw form: the `toml` crate's parse (files the fast
// parser leaves to it) comes in as raw; `fast::fast_dossier` gives its result as raw.

fn opt_in(s: Option<Spanned<String>>) -> Option<Text> {
    s.map(Text::from_spanned)
}

fn opt_out(s: Option<Text>) -> Option<Spanned<String>> {
    s.map(Text::into_spanned)
}

fn cites_in(c: Vec<RawCite>) -> Vec<Cite> {
    c.into_iter()
        .map(|c| {
            Cite::new(
                Text::from_spanned(c.source),
                Text::from_spanned(c.quote),
                opt_in(c.prefix),
                opt_in(c.suffix),
                opt_in(c.note),
            )
        })
        .collect()
}

fn cites_out(c: Vec<Cite>) -> Vec<RawCite> {
    c.into_iter()
        .map(|c| {
            let more = c.more.map(|m| *m).unwrap_or_default();
            RawCite {
                source: c.source.into_spanned(),
                quote: c.quote.into_spanned(),
                prefix: opt_out(more.prefix),
                suffix: opt_out(more.suffix),
                note: opt_out(more.note),
            }
        })
        .collect()
}

impl From<RawDossier> for Dossier {
    fn from(r: RawDossier) -> Self {
        Dossier {
            id: Text::from_spanned(r.id),
            kind: Text::from_spanned(r.kind),
            name: Text::from_spanned(r.name),
            summary: opt_in(r.summary),
            date: opt_in(r.date),
            alias: r
                .alias
                .into_iter()
                .map(|a| Alias {
                    name: Text::from_spanned(a.name),
                    kind: Text::from_spanned(a.kind),
                    note: opt_in(a.note),
                    cite: cites_in(a.cite),
                })
                .collect(),
            claim: r
                .claim
                .into_iter()
                .map(|c| Claim {
                    id: Text::from_spanned(c.id),
                    text: Text::from_spanned(c.text),
                    disputed: c.disputed,
                    date: opt_in(c.date),
                    note: opt_in(c.note),
                    cite: cites_in(c.cite),
                    variant: c
                        .variant
                        .into_iter()
                        .map(|v| Variant {
                            value: Text::from_spanned(v.value),
                            note: opt_in(v.note),
                            date: opt_in(v.date),
                            cite: cites_in(v.cite),
                        })
                        .collect(),
                })
                .collect(),
            relation: r
                .relation
                .into_iter()
                .map(|r| Relation {
                    kind: Text::from_spanned(r.kind),
                    target: Text::from_spanned(r.target),
                    role: opt_in(r.role),
                    note: opt_in(r.note),
                    cite: cites_in(r.cite),
                })
                .collect(),
        }
    }
}

impl From<Dossier> for RawDossier {
    fn from(d: Dossier) -> Self {
        RawDossier {
            id: d.id.into_spanned(),
            kind: d.kind.into_spanned(),
            name: d.name.into_spanned(),
            summary: opt_out(d.summary),
            date: opt_out(d.date),
            alias: d
                .alias
                .into_iter()
                .map(|a| RawAlias {
                    name: a.name.into_spanned(),
                    kind: a.kind.into_spanned(),
                    note: opt_out(a.note),
                    cite: cites_out(a.cite),
                })
                .collect(),
            claim: d
                .claim
                .into_iter()
                .map(|c| RawClaim {
                    id: c.id.into_spanned(),
                    text: c.text.into_spanned(),
                    disputed: c.disputed,
                    date: opt_out(c.date),
                    note: opt_out(c.note),
                    cite: cites_out(c.cite),
                    variant: c
                        .variant
                        .into_iter()
                        .map(|v| RawVariant {
                            value: v.value.into_spanned(),
                            note: opt_out(v.note),
                            date: opt_out(v.date),
                            cite: cites_out(v.cite),
                        })
                        .collect(),
                })
                .collect(),
            relation: d
                .relation
                .into_iter()
                .map(|r| RawRelation {
                    kind: r.kind.into_spanned(),
                    target: r.target.into_spanned(),
                    role: opt_out(r.role),
                    note: opt_out(r.note),
                    cite: cites_out(r.cite),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sizes the memory figures in BENCHMARKS.md rest on: a field is 32 bytes, a
    /// citation 104 with its placed quote (28) inside it.
    #[test]
    fn fields_and_citations_stay_small() {
        assert_eq!(std::mem::size_of::<Text>(), 32);
        assert_eq!(std::mem::size_of::<Option<Text>>(), 32);
        assert_eq!(std::mem::size_of::<Cite>(), 104);
        assert_eq!(std::mem::size_of::<Placed>(), 28);
    }

    /// A slice reads the file's text at its value range and keeps its token span.
    #[test]
    fn a_slice_reads_the_file() {
        let file = Arc::new(SourceFile::new("f".into(), "id = \"abc\"\n".into()));
        let t = Text::slice(&file, 5..10, 6..9);
        assert_eq!(t.get_ref(), "abc");
        assert_eq!(t.span(), 5..10);
        assert_eq!(t.into_inner(), "abc");
    }
}
