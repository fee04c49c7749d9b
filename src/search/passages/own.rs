//! The few sentences the passage index keeps a copy of, and the character mask of every
//! sentence, worked out as the index is built.
//!
//! A search reads a sentence's folded, lower-cased form. For most sentences that is the
//! sentence with its ASCII letters lower-cased, and the filter reads the article's own
//! bytes with ASCII letters in either case (`Haystacks::ascii_cased`): no copy. The
//! others keep one copy, the smallest that serves (BENCHMARKS.md, "the passage index at
//! 100k"):
//! - the folded form, when lower-casing it is again only a matter of ASCII letters
//!   (`Müller` → `Muller`, `Česká` → `Ceska`): it serves case-sensitive terms as it is,
//!   and every other term read with ASCII letters in either case;
//! - else the lower-cased form (`Łukasz` → `łukasz`, Cyrillic capitals), and the folded
//!   form beside it only when folding changed the sentence (`Łęcki`).
//!
//! A sentence is found among the copies by its bit in a bit set and the count of bits
//! before it (a rank: one word and one count read, no table per sentence).

use super::super::lower_one_for_one;
use super::super::normalize::fold_for_search;
use super::super::prefilter::char_mask;
use super::places::RankBits;

/// What a sentence's folded, lower-cased form is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form<'a> {
    /// The sentence itself, ASCII letters in either case; folding changes nothing.
    Text,
    /// This copy of its folded form, ASCII letters in either case.
    Folded(&'a str),
    /// This copy of its lower-cased form exactly, and the copy of its folded form when
    /// folding changed the sentence.
    Lower {
        lower: &'a str,
        folded: Option<&'a str>,
    },
}

/// The copies, end to end in two buffers, found by rank.
#[derive(Debug, Default)]
pub(super) struct Copies {
    /// Bit `i` is set when sentence `i` has a copy: its copy is number `has.rank(i)`.
    has: RankBits,
    /// Bit `k % 64` of word `k / 64` is set when copy `k` is a folded form
    /// ([`Form::Folded`]), clear when it is a lower-cased one ([`Form::Lower`]).
    folded_copy: Vec<u64>,
    /// Copy `k` is `text[at[k]..at[k + 1]]`. Offsets in 32 bits (one per copy: 3.5 MB
    /// less at 100k): a copy that would end past 4 GiB of copies is not made
    /// ([`Copies::push`]).
    text: String,
    at: Vec<u32>,
    /// The folded form beside a lower-cased copy `k`: `folded[folded_at[k]..folded_at[k + 1]]`,
    /// empty when folding changed nothing (a sentence's folded form is never empty).
    folded: String,
    folded_at: Vec<u32>,
    /// The sentences whose folded characters are not each the original character at the
    /// same index, with the original index of each folded character, by sentence.
    maps: Vec<(u32, Box<[u32]>)>,
    /// Sentences added.
    len: u32,
    /// A reused buffer: an ASCII sentence lower-cased, for its mask.
    scratch: String,
}

/// Sets bit `n` of a bit set that grows a word at a time.
fn set(bits: &mut Vec<u64>, n: usize) {
    if bits.len() <= n / 64 {
        bits.resize(n / 64 + 1, 0);
    }
    if let Some(w) = bits.get_mut(n / 64) {
        *w |= 1 << (n % 64);
    }
}

/// The byte range of the `k`th piece of a buffer whose pieces end at `at[1..]`.
fn span(at: &[u32], k: usize) -> Option<std::ops::Range<usize>> {
    match (at.get(k), at.get(k + 1)) {
        (Some(&a), Some(&b)) => Some(a as usize..b as usize),
        _ => None,
    }
}

/// The `k`th piece of a buffer whose pieces end at `at[1..]`.
fn piece<'a>(buf: &'a str, at: &[u32], k: usize) -> &'a str {
    span(at, k).and_then(|r| buf.get(r)).unwrap_or("")
}

/// True when `lower` is `s` with its ASCII letters lower-cased.
fn is_ascii_lowered(lower: &str, s: &str) -> bool {
    lower.len() == s.len()
        && lower
            .bytes()
            .zip(s.bytes())
            .all(|(l, c)| l == c.to_ascii_lowercase())
}

impl Copies {
    /// Adds the next sentence, `raw`; returns the characters of its folded,
    /// lower-cased form (`prefilter::char_mask`).
    pub(super) fn push(&mut self, raw: &str) -> u64 {
        self.len += 1;
        let (mask, copied) = self.copy(raw);
        self.has.push(copied);
        mask
    }

    /// Copies `raw`'s forms when it needs a copy: its mask, and whether it got one.
    fn copy(&mut self, raw: &str) -> (u64, bool) {
        if raw.is_ascii() {
            // Folding changes nothing in ASCII, and lower-casing only its letters.
            self.scratch.clear();
            self.scratch.push_str(raw);
            self.scratch.make_ascii_lowercase();
            return (char_mask(&self.scratch), false);
        }
        let i = self.len - 1;
        let (folded, map) = fold_for_search(raw);
        let lower = lower_one_for_one(&folded);
        let mask = char_mask(&lower);
        if map.iter().enumerate().any(|(i, &m)| i != m) {
            let map = map.into_iter().map(|m| m as u32).collect();
            self.maps.push((i, map));
        }
        let fold_changed = folded != raw;
        if !fold_changed && is_ascii_lowered(&lower, raw) {
            return (mask, false);
        }
        let folded_copy = fold_changed && is_ascii_lowered(&lower, &folded);
        let (copy, beside) = match (folded_copy, fold_changed) {
            (true, _) => (folded.as_str(), ""),
            (false, true) => (lower.as_str(), folded.as_str()),
            (false, false) => (lower.as_str(), ""),
        };
        let (Ok(end), Ok(beside_end)) = (
            u32::try_from(self.text.len() + copy.len()),
            u32::try_from(self.folded.len() + beside.len()),
        ) else {
            // Past 4 GiB of copies (a corpus of tens of GiB): the sentence is read as
            // its text, which finds it by its ASCII letters only.
            return (mask, false);
        };
        let k = self.count() as usize;
        if self.at.is_empty() {
            self.at.push(0);
            self.folded_at.push(0);
        }
        if folded_copy {
            set(&mut self.folded_copy, k);
        }
        self.text.push_str(copy);
        self.folded.push_str(beside);
        self.at.push(end);
        self.folded_at.push(beside_end);
        (mask, true)
    }

    /// How many copies there are.
    pub(super) fn count(&self) -> u32 {
        self.at.len().saturating_sub(1) as u32
    }

    /// Frees what the buffers reserved beyond their contents.
    pub(super) fn shrink_to_fit(&mut self) {
        self.has.shrink_to_fit();
        self.folded_copy.shrink_to_fit();
        self.text.shrink_to_fit();
        self.at.shrink_to_fit();
        self.folded.shrink_to_fit();
        self.folded_at.shrink_to_fit();
        self.maps.shrink_to_fit();
        self.scratch = String::new();
    }

    /// The number of sentence `i`'s copy, when it has one.
    #[inline]
    fn rank(&self, i: u32) -> Option<usize> {
        self.has.rank(i)
    }

    /// What sentence `i`'s folded, lower-cased form is made from.
    #[inline]
    pub(super) fn form(&self, i: u32) -> Form<'_> {
        let Some(k) = self.rank(i) else {
            return Form::Text;
        };
        let copy = piece(&self.text, &self.at, k);
        if self
            .folded_copy
            .get(k / 64)
            .is_some_and(|w| w >> (k % 64) & 1 == 1)
        {
            Form::Folded(copy)
        } else {
            let folded = piece(&self.folded, &self.folded_at, k);
            Form::Lower {
                lower: copy,
                folded: (!folded.is_empty()).then_some(folded),
            }
        }
    }

    /// The bytes of sentence `i`'s copy and whether they are its folded form (read
    /// with ASCII letters in either case), when it has a copy: what a search reads of
    /// every candidate, without the character-boundary checks of slicing a `str`.
    #[inline]
    pub(super) fn hay(&self, i: u32) -> Option<(&[u8], bool)> {
        let k = self.rank(i)?;
        let bytes = span(&self.at, k)
            .and_then(|r| self.text.as_bytes().get(r))
            .unwrap_or_default();
        let folded = self
            .folded_copy
            .get(k / 64)
            .is_some_and(|w| w >> (k % 64) & 1 == 1);
        Some((bytes, folded))
    }

    /// For each folded character of sentence `i`, the index of the original character,
    /// when that is not the character's own index.
    pub(super) fn map(&self, i: u32) -> Option<&[u32]> {
        let at = self.maps.binary_search_by_key(&i, |(s, _)| *s).ok()?;
        self.maps.get(at).map(|(_, m)| &m[..])
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

    /// Each kind of sentence gets the copy it needs, and the copies stay aligned with
    /// their sentences past a word of the bit sets.
    #[test]
    fn each_sentence_gets_the_smallest_copy_that_serves() {
        let sentences = [
            ("Volga Corps", Form::Text),
            ("это так", Form::Text),
            ("100 µm", Form::Text),
            (
                "Это",
                Form::Lower {
                    lower: "это",
                    folded: None,
                },
            ),
            ("Müller", Form::Folded("Muller")),
            ("it’s «Ceska»", Form::Folded("it's \"Ceska\"")),
            (
                "Łęcki",
                Form::Lower {
                    lower: "łecki",
                    folded: Some("Łecki"),
                },
            ),
        ];
        let mut c = Copies::default();
        let rounds = 20;
        for _ in 0..rounds {
            for (s, _) in sentences {
                let lower = lower_one_for_one(&fold_for_search(s).0);
                assert_eq!(c.push(s), char_mask(&lower), "{s}");
            }
        }
        c.shrink_to_fit();
        for i in 0..c.len {
            let (s, want) = sentences[i as usize % sentences.len()];
            assert_eq!(c.form(i), want, "{s} {i}");
        }
        assert_eq!(c.count(), rounds * 4);
        assert_eq!(c.form(c.len), Form::Text);
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

    #[test]
    fn maps_only_where_characters_moved() {
        let mut c = Copies::default();
        // A Hangul syllable decomposes into three letters: the characters after it move.
        for s in ["César", "한a", "plain"] {
            c.push(s);
        }
        assert_eq!(c.map(0), None);
        assert_eq!(c.map(1), Some(&[0, 0, 0, 1][..]));
        assert_eq!(c.map(2), None);
    }
}
