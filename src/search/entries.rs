//! The searchable strings of a corpus (every name, alias and claim), laid out for
//! scanning: each form of every string lives in one contiguous buffer, in entry order.
//!
//! A search walks its candidates in entry order; with one buffer per form it reads
//! memory front to back, where one heap `String` per form and entry cost a cache miss
//! per string (the top of the profile, BENCHMARKS.md "filter per keystroke"). The map
//! from folded characters back to the original's is not kept: only the rows on screen
//! need it, and [`super::normalize::fold_for_search`] recomputes it for them.

use std::borrow::Cow;
use std::sync::Arc;

use super::narrowing::Haystacks;
use super::normalize::fold_text;
use super::prefilter::{char_mask, word_start_mask};
use super::{Field, MatchClass};

/// Many strings in one buffer: string `i` is `buf[starts[i]..starts[i + 1]]`.
#[derive(Debug)]
pub(crate) struct Strings {
    buf: String,
    starts: Vec<usize>,
}

impl Strings {
    /// Room for `count` strings of `bytes` bytes in all.
    fn with_capacity(count: usize, bytes: usize) -> Strings {
        let mut starts = Vec::with_capacity(count + 1);
        starts.push(0);
        Strings {
            buf: String::with_capacity(bytes),
            starts,
        }
    }

    fn push(&mut self, s: &str) {
        self.buf.push_str(s);
        self.starts.push(self.buf.len());
    }

    /// String `i` (empty when out of range).
    #[inline]
    pub(crate) fn get(&self, i: usize) -> &str {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.buf.get(a..b).unwrap_or(""),
            _ => "",
        }
    }

    /// The bytes of string `i` (no character-boundary checks).
    #[inline]
    pub(crate) fn bytes(&self, i: usize) -> &[u8] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.buf.as_bytes().get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }

    /// Where string `i` starts in the buffer, and the buffer (for a prefetch hint).
    #[inline]
    fn at(&self, i: usize, at: usize) -> *const u8 {
        let start = self.starts.get(i).copied().unwrap_or(0);
        self.buf.as_ptr().wrapping_add(start.saturating_add(at))
    }

    /// The length in bytes of string `i`, without reading it.
    #[inline]
    pub(crate) fn len_of(&self, i: usize) -> usize {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => b - a,
            _ => 0,
        }
    }
}

/// What a search reads of an entry before its text, together: one cache line fetch
/// where separate arrays cost one each (candidates after a few keys are sparse).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meta {
    /// The characters of the entry's `lower` ([`char_mask`]).
    pub(crate) mask: u64,
    /// The dossier the entry belongs to (entries of one dossier are contiguous).
    pub(crate) dossier: u32,
    /// The length in bytes of the original text (ranks shorter fields first), saturated.
    pub(crate) len: u32,
    /// The field's rank ([`Field::rank`]).
    pub(crate) rank: u8,
}

/// Every searchable string of a corpus in its three forms, with what a search reads
/// before the text itself in arrays of their own.
#[derive(Debug)]
pub(crate) struct Entries {
    pub(crate) meta: Vec<Meta>,
    pub(crate) field: Vec<Field>,
    /// The original texts, shared with the hits that show them (a hit costs a reference
    /// count, not a copy; the length is read without touching the text).
    pub(crate) text: Vec<Arc<str>>,
    /// Folded for search (diacritics dropped), same case, where that differs from the
    /// text; empty where it does not (`folded_is_text`). Most claims fold to themselves,
    /// and a second copy of them was ≈10 MB of the browser's peak at 10,000 dossiers
    /// (BENCHMARKS.md). Read through [`Entries::folded`].
    folded: Strings,
    /// Whether entry `i`'s folded form is its text.
    folded_is_text: Vec<bool>,
    /// `folded`, lower-cased one character for one.
    pub(crate) lower: Strings,
    /// The characters that start a word of each `lower` ([`word_start_mask`]).
    pub(crate) word_starts: Vec<u64>,
}

impl Entries {
    #[cfg(test)]
    pub(crate) fn new() -> Entries {
        Entries::with_capacity(0, 0)
    }

    /// Room for `count` entries whose texts are `bytes` bytes in all: the arrays grown
    /// by doubling were reallocated and copied a dozen times at 100,000 dossiers (a
    /// fifth of building the index, BENCHMARKS.md "Issue 16, sixth pass"). The folded
    /// copies are few (`folded_is_text`), so they get no room ahead.
    pub(crate) fn with_capacity(count: usize, bytes: usize) -> Entries {
        Entries {
            meta: Vec::with_capacity(count),
            field: Vec::with_capacity(count),
            text: Vec::with_capacity(count),
            folded: Strings::with_capacity(count, 0),
            folded_is_text: Vec::with_capacity(count),
            lower: Strings::with_capacity(count, bytes),
            word_starts: Vec::with_capacity(count),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.meta.len()
    }

    /// Entry `e`'s text folded for search, same case (empty when out of range).
    #[inline]
    pub(crate) fn folded(&self, e: usize) -> &str {
        match (self.folded_is_text.get(e), self.text.get(e)) {
            (Some(true), Some(t)) => t,
            _ => self.folded.get(e),
        }
    }

    /// The dossier entry `e` belongs to.
    #[inline]
    pub(crate) fn dossier(&self, e: usize) -> usize {
        self.meta.get(e).map_or(usize::MAX, |m| m.dossier as usize)
    }

    /// Adds the `field` of dossier `dossier`, whose text is `text`.
    pub(crate) fn push(&mut self, dossier: usize, field: Field, text: &str) {
        let folded = fold_text(text);
        let lower = super::lower_one_for_one(&folded);
        self.meta.push(Meta {
            mask: char_mask(&lower),
            // Entry and dossier numbers are u32 throughout the search (4 billion).
            dossier: dossier as u32,
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
            rank: field.rank(),
        });
        self.field.push(field);
        self.text.push(Arc::from(text));
        let same = *folded == *text;
        self.folded.push(if same { "" } else { &folded });
        self.folded_is_text.push(same);
        self.word_starts.push(word_start_mask(&lower));
        self.lower.push(&lower);
    }
}

impl Haystacks for Entries {
    #[inline]
    fn mask(&self, i: u32) -> u64 {
        self.meta.get(i as usize).map_or(u64::MAX, |m| m.mask)
    }

    #[inline]
    fn lower(&self, i: u32) -> Cow<'_, str> {
        Cow::Borrowed(self.lower.get(i as usize))
    }

    #[inline]
    fn lower_bytes(&self, i: u32) -> Cow<'_, [u8]> {
        Cow::Borrowed(self.lower.bytes(i as usize))
    }

    #[inline]
    fn folded(&self, i: u32) -> Cow<'_, str> {
        Cow::Borrowed(Entries::folded(self, i as usize))
    }

    /// Asks the CPU for what checking entry `i` reads first: its `Meta` (the mask) and
    /// its lower-cased text where the match resumes. After the first keys the
    /// candidates are scattered over the corpus's million claims, and each check
    /// otherwise waits for two cache misses in turn (BENCHMARKS.md, "fourth pass").
    #[inline]
    fn prefetch(&self, i: u32, at: usize) {
        let e = i as usize;
        super::narrowing::prefetch(self.meta.as_ptr().wrapping_add(e).cast());
        super::narrowing::prefetch(self.lower.at(e, at));
    }

    /// The word-start masks answer a one-character query: the entry is the character,
    /// starts a word with it, or has it inside.
    #[inline]
    fn one_char_class(&self, i: u32, bit: u64) -> Option<MatchClass> {
        let e = i as usize;
        Some(if self.lower.len_of(e) == 1 {
            MatchClass::Equal
        } else if self.word_starts.get(e)? & bit != 0 {
            MatchClass::WordStart
        } else {
            MatchClass::Substring
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_come_back_as_pushed() {
        let mut e = Entries::new();
        e.push(0, Field::Name, "César");
        e.push(0, Field::Alias(0), "");
        e.push(1, Field::Claim(3), "Легион «Свобода»");
        assert_eq!(e.len(), 3);
        assert_eq!(
            (&*e.text[0], e.folded(0), e.lower.get(0)),
            ("César", "Cesar", "cesar")
        );
        assert_eq!((e.folded(1), e.lower.len_of(1)), ("", 0));
        assert_eq!(e.lower.get(2), "легион \"свобода\"");
        assert_eq!(e.lower.len_of(2), "легион \"свобода\"".len());
        assert_eq!((e.dossier(2), e.field[2]), (1, Field::Claim(3)));
        assert_eq!((e.meta[2].rank, e.dossier(3)), (1, usize::MAX));
        assert_eq!((e.meta[0].len, e.meta[2].len), (6, 31));
        assert_eq!(e.meta[0].mask, char_mask("cesar"));
        assert_eq!(e.lower.get(3), "");
        assert_eq!((e.folded(2), e.folded(3)), ("Легион \"Свобода\"", ""));
    }

    /// An entry that folds to itself is not stored twice, and reads back the same.
    #[test]
    fn a_text_that_folds_to_itself_is_stored_once() {
        let mut e = Entries::new();
        e.push(0, Field::Name, "Volga Corps");
        e.push(0, Field::Alias(0), "Волга");
        e.push(0, Field::Alias(1), "Škoda");
        assert_eq!(
            (e.folded(0), e.folded(1), e.folded(2)),
            ("Volga Corps", "Волга", "Skoda")
        );
        assert_eq!(e.folded.get(0), "");
        assert_eq!(e.folded.get(2), "Skoda");
    }
}
