//! Which form of each sentence a search reads, and the character mask of every
//! sentence, worked out as the index is built.
//!
//! A search reads a sentence's folded, lower-cased form. For most sentences that is the
//! sentence with its ASCII letters lower-cased, and the filter reads the article's own
//! bytes with ASCII letters in either case (`Haystacks::ascii_cased`). The others are
//! folded as they are read, not kept: the copies the index kept of them were 6.4 MB at
//! 10,000 dossiers (a quarter of the sentences: synthetic names with diacritics), more
//! than the browser had left under twice its files once a passage search was open
//! (BENCHMARKS.md, "fifth pass: passages memory"). A sentence is read as
//! - its folded form, when lower-casing that is again only a matter of ASCII letters
//!   (`Müller` → `Muller`, `Česká` → `Ceska`): read with ASCII letters in either case;
//! - else its folded form lower-cased one character for one (`Łukasz` → `łukasz`,
//!   Cyrillic capitals), read as it is.
//!
//! Two bit sets say which: 86 KB at 10k.

use std::borrow::Cow;

use super::super::lower_one_for_one;
use super::super::normalize::{fold_into, fold_lower_into, fold_text};
use super::super::prefilter::char_mask;

/// What a sentence's folded, lower-cased form is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// The sentence itself, ASCII letters in either case; folding changes nothing.
    Text,
    /// Its folded form, ASCII letters in either case.
    Folded,
    /// Its folded form lower-cased one character for one.
    Lower,
}

impl Form {
    /// Sentence `raw` folded, same case.
    pub(super) fn folded(self, raw: &str) -> Cow<'_, str> {
        match self {
            Form::Text => Cow::Borrowed(raw),
            Form::Folded | Form::Lower => fold_text(raw),
        }
    }

    /// What the filter reads of sentence `raw`: its folded, lower-cased form, but for
    /// its ASCII letters when [`Form::ascii_cased`].
    #[inline]
    pub(super) fn lower(self, raw: &str) -> Cow<'_, str> {
        match self {
            Form::Text => Cow::Borrowed(raw),
            form => {
                let mut made = String::with_capacity(raw.len());
                form.lower_into(raw, &mut made);
                Cow::Owned(made)
            }
        }
    }

    /// [`Form::lower`] made in `scratch` (its contents replaced) unless it is `raw`
    /// itself: no allocation per sentence read.
    #[inline]
    pub(super) fn lower_into<'a>(self, raw: &'a str, scratch: &'a mut String) -> &'a str {
        scratch.clear();
        match self {
            Form::Text => return raw,
            Form::Folded => fold_into(raw, scratch),
            Form::Lower => fold_lower_into(raw, scratch),
        }
        scratch
    }

    /// True when [`Form::lower`] leaves the ASCII letters as written.
    pub(super) fn ascii_cased(self) -> bool {
        self != Form::Lower
    }
}

/// Each sentence's [`Form`], in two bit sets.
#[derive(Debug, Default)]
pub(super) struct Forms {
    /// Bit `i % 64` of word `i / 64` is set when sentence `i` is read as [`Form::Folded`].
    folded: Vec<u64>,
    /// ... as [`Form::Lower`].
    lower: Vec<u64>,
    /// Sentences added.
    len: u32,
    /// A reused buffer: an ASCII sentence lower-cased, for its mask.
    scratch: String,
}

/// Sets bit `n` of a bit set that grows a word at a time.
fn set(bits: &mut Vec<u64>, n: u32) {
    let w = (n / 64) as usize;
    if bits.len() <= w {
        bits.resize(w + 1, 0);
    }
    if let Some(word) = bits.get_mut(w) {
        *word |= 1 << (n % 64);
    }
}

/// Whether bit `n` of a bit set is set.
#[inline]
fn get(bits: &[u64], n: u32) -> bool {
    bits.get((n / 64) as usize)
        .is_some_and(|w| w >> (n % 64) & 1 == 1)
}

/// True when `lower` is `s` with its ASCII letters lower-cased.
fn is_ascii_lowered(lower: &str, s: &str) -> bool {
    lower.len() == s.len()
        && lower
            .bytes()
            .zip(s.bytes())
            .all(|(l, c)| l == c.to_ascii_lowercase())
}

impl Forms {
    /// Adds the next sentence, `raw`; returns the characters of its folded,
    /// lower-cased form (`prefilter::char_mask`).
    pub(super) fn push(&mut self, raw: &str) -> u64 {
        let i = self.len;
        self.len += 1;
        if raw.is_ascii() {
            // Folding changes nothing in ASCII, and lower-casing only its letters.
            self.scratch.clear();
            self.scratch.push_str(raw);
            self.scratch.make_ascii_lowercase();
            return char_mask(&self.scratch);
        }
        let folded = fold_text(raw);
        let lower = lower_one_for_one(&folded);
        let mask = char_mask(&lower);
        let fold_changed = *folded != *raw;
        if !fold_changed && is_ascii_lowered(&lower, raw) {
            return mask;
        }
        if fold_changed && is_ascii_lowered(&lower, &folded) {
            set(&mut self.folded, i);
        } else {
            set(&mut self.lower, i);
        }
        mask
    }

    /// Frees what the bit sets reserved beyond their contents.
    pub(super) fn shrink_to_fit(&mut self) {
        self.folded.shrink_to_fit();
        self.lower.shrink_to_fit();
        self.scratch = String::new();
    }

    /// How many sentences are not read as their text (folded as they are read).
    pub(super) fn folded_count(&self) -> u32 {
        self.folded
            .iter()
            .chain(&self.lower)
            .map(|w| w.count_ones())
            .sum()
    }

    /// How sentence `i` is read.
    #[inline]
    pub(super) fn form(&self, i: u32) -> Form {
        if get(&self.folded, i) {
            Form::Folded
        } else if get(&self.lower, i) {
            Form::Lower
        } else {
            Form::Text
        }
    }
}

/// The bits of `prefilter::char_mask` that ASCII letters have to themselves.
const LETTERS: u64 = (1 << 26) - 1;

/// The 38 other bits of a character mask (digits and every other character) in 6
/// groups: group `g` is every bit `b >= 26` with `(b - 26) % 6 == g`.
const fn group(g: u32) -> u64 {
    let mut bits = 0;
    let mut b = 26 + g;
    while b < 64 {
        bits |= 1 << b;
        b += 6;
    }
    bits
}

/// For each set of the 6 group bits, every mask bit of those groups.
const UNFOLD: [u64; 64] = {
    let mut t = [0; 64];
    let mut set = 0;
    while set < 64 {
        let mut g = 0;
        while g < 6 {
            if set >> g & 1 == 1 {
                t[set] |= group(g as u32);
            }
            g += 1;
        }
        set += 1;
    }
    t
};

/// A character mask in 32 bits: the letters' bits as they are, the others OR-ed into
/// their group's bit (3.4 million sentences at 100k: 14 MB less). Letters, which most
/// queries are made of, reject as before; a digit or another character rejects a
/// sentence only when nothing of its group occurs in it.
pub(super) fn fold_mask(mask: u64) -> u32 {
    let mut folded = (mask & LETTERS) as u32;
    let mut g = 0;
    while g < 6 {
        if mask & group(g) != 0 {
            folded |= 1 << (26 + g);
        }
        g += 1;
    }
    folded
}

/// A mask with every bit a [`fold_mask`]ed mask may stand for: never fewer than the
/// original's, so `may_contain(unfold_mask(fold_mask(m)), q)` holds wherever
/// `may_contain(m, q)` does.
#[inline]
pub(super) fn unfold_mask(folded: u32) -> u64 {
    u64::from(folded) & LETTERS | UNFOLD.get((folded >> 26) as usize).copied().unwrap_or(!0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::fold_for_search;

    /// Each kind of sentence is read as the form it needs, the forms made from it are
    /// its plain folded and lower-cased forms, and the bit sets stay aligned with their
    /// sentences past a word.
    #[test]
    fn each_sentence_is_read_as_the_form_it_needs() {
        let sentences = [
            ("Volga Corps", Form::Text, "Volga Corps"),
            ("это так", Form::Text, "это так"),
            ("100 µm", Form::Text, "100 µm"),
            ("Это", Form::Lower, "это"),
            ("Müller", Form::Folded, "Muller"),
            ("it’s «Ceska»", Form::Folded, "it's \"Ceska\""),
            ("Łęcki", Form::Lower, "łecki"),
        ];
        let mut f = Forms::default();
        let rounds = 20;
        for _ in 0..rounds {
            for (s, _, _) in sentences {
                let lower = lower_one_for_one(&fold_for_search(s).0);
                assert_eq!(f.push(s), char_mask(&lower), "{s}");
            }
        }
        f.shrink_to_fit();
        for i in 0..f.len {
            let (s, want, read) = sentences[i as usize % sentences.len()];
            let form = f.form(i);
            assert_eq!(form, want, "{s} {i}");
            assert_eq!(form.lower(s), read, "{s}");
            let mut scratch = "left over".to_owned();
            assert_eq!(form.lower_into(s, &mut scratch), read, "{s}");
            assert_eq!(form.folded(s), fold_for_search(s).0, "{s}");
        }
        assert_eq!(f.folded_count(), rounds * 4);
        assert_eq!(f.form(f.len), Form::Text);
    }

    /// A folded mask keeps every letter exactly and never loses a bit.
    #[test]
    fn folded_masks_keep_letters_and_lose_no_bit() {
        let mut m: u64 = 0x9E37_79B9_7F4A_7C15;
        for b in 0..64 {
            let one = 1u64 << b;
            let back = unfold_mask(fold_mask(one));
            assert_eq!(back & one, one, "{b}");
            assert_eq!(back & LETTERS, one & LETTERS, "{b}");
        }
        for _ in 0..10_000 {
            m = m.rotate_left(13) ^ m.wrapping_mul(0x2545_F491_4F6C_DD1D);
            let back = unfold_mask(fold_mask(m));
            assert_eq!(back & m, m, "{m:x}");
            assert_eq!(back & LETTERS, m & LETTERS, "{m:x}");
        }
        assert_eq!(unfold_mask(fold_mask(1 << 26)), group(0));
        assert_eq!(unfold_mask(fold_mask(0)), 0);
    }
}
