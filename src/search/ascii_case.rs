//! Reading a text as if its ASCII letters were lower-cased, without making the lower-cased
//! copy: for the passage search at 100,000 dossiers, a lower-cased copy of every article
//! (224 MB) was most of what the passage index added to the browser's memory
//! (BENCHMARKS.md), while for nearly every sentence of a corpus the lower-cased, folded
//! form is the sentence with its ASCII letters lower-cased (`narrowing::Haystacks::ascii_cased`).
//!
//! Each function here equals its counterpart applied to `hay.to_ascii_lowercase()`
//! (tests below): [`greedy_end`](super::narrowing::greedy_end) and
//! [`Classifier::class`](super::prefilter::Classifier::class). The needles are
//! lower-cased query text: an ASCII upper-case letter in one never occurs in a
//! lower-cased text, and a non-ASCII character's bytes (all ≥ 0x80) are the same in the
//! text and its ASCII-lower-cased form.

use memchr::{memchr, memchr2, memmem};

use super::MatchClass;

/// Up to this many bytes, [`find_byte`] reads 16 at a time itself: a vectorised search
/// for two bytes costs more to start than a sentence takes to read (it was a quarter of
/// a passage keystroke).
const SHORT: usize = 256;

/// Where the next `b` of the ASCII-lower-cased `hay` is: both cases of a lower-case
/// letter, never an upper-case letter, any other byte as itself.
#[inline]
fn find_byte(b: u8, hay: &[u8]) -> Option<usize> {
    if b.is_ascii_uppercase() {
        return None;
    }
    // OR-ing 0x20 makes an upper-case letter lower-case, and no other byte a letter.
    let case = if b.is_ascii_lowercase() { 0x20 } else { 0 };
    if case == 0 {
        return memchr(b, hay);
    }
    if hay.len() > SHORT {
        return memchr2(b, b.to_ascii_uppercase(), hay);
    }
    let (found, tail) = find_16(b, case, hay);
    found.or_else(|| {
        let rest = hay.get(tail..)?;
        rest.iter().position(|&h| h | case == b).map(|p| tail + p)
    })
}

/// [`find_byte`] 16 bytes at a time (SSE2): the first match in the whole 16-byte
/// blocks of `hay`, or where the bytes after them start.
#[cfg(target_arch = "x86_64")]
#[inline]
fn find_16(b: u8, case: u8, hay: &[u8]) -> (Option<usize>, usize) {
    use core::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    // SAFETY (every block below): SSE2 is part of every x86_64 CPU, and each load reads
    // exactly the 16 bytes of its block.
    let (want, case) = unsafe { (_mm_set1_epi8(b as i8), _mm_set1_epi8(case as i8)) };
    let mut blocks = hay.chunks_exact(16);
    let mut at = 0;
    for block in &mut blocks {
        let hits = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast());
            _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_or_si128(v, case), want))
        };
        if hits != 0 {
            return (Some(at + hits.trailing_zeros() as usize), at);
        }
        at += 16;
    }
    (None, at)
}

/// Elsewhere, no blocks: [`find_byte`]'s byte loop reads all of `hay`.
#[cfg(not(target_arch = "x86_64"))]
fn find_16(_b: u8, _case: u8, _hay: &[u8]) -> (Option<usize>, usize) {
    (None, 0)
}

/// [`greedy_end`](super::narrowing::greedy_end) over `hay` with its ASCII letters read
/// lower-cased.
#[inline]
pub(crate) fn greedy_end(hay: &[u8], from: usize, needle: &str) -> Option<usize> {
    let rest = hay.get(from..)?;
    if rest.len() <= 64 && needle.is_ascii() {
        let needle = needle.as_bytes();
        let mut k = 0;
        for (i, &b) in rest.iter().enumerate() {
            if needle.get(k) == Some(&b.to_ascii_lowercase()) {
                k += 1;
                if k == needle.len() {
                    return Some(from + i + 1);
                }
            }
        }
        return (k == needle.len()).then_some(from);
    }
    let mut pos = from;
    let mut buf = [0; 4];
    for c in needle.chars() {
        let rest = hay.get(pos..)?;
        pos += if c.is_ascii() {
            find_byte(c as u8, rest)? + 1
        } else {
            let enc = c.encode_utf8(&mut buf).as_bytes();
            memmem::find(rest, enc)? + enc.len()
        };
    }
    Some(pos)
}

/// True when `hay` (its ASCII letters read lower-cased) starts with `needle`.
#[inline]
fn starts_with(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len()
        && hay
            .iter()
            .zip(needle)
            .all(|(h, n)| h.to_ascii_lowercase() == *n)
}

/// The first occurrence of `needle` (not empty) in `hay` (ASCII letters read
/// lower-cased) at or after `from`.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let mut at = from;
    loop {
        let rest = hay.get(at..)?;
        if rest.len() < needle.len() {
            return None;
        }
        let i = find_byte(first, rest.get(..=rest.len() - needle.len())?)?;
        if starts_with(rest.get(i..)?, needle) {
            return Some(at + i);
        }
        at += i + 1;
    }
}

/// The last character of `s` (a `str`'s bytes up to a character boundary), decoded from
/// its last four bytes at most.
fn last_char(s: &[u8]) -> Option<char> {
    let start = s.len().saturating_sub(4);
    let tail = s.get(start..)?;
    // Skip leading continuation bytes of a character that began before the tail.
    let lead = tail
        .iter()
        .position(|&b| b & 0xC0 != 0x80)
        .unwrap_or(tail.len());
    std::str::from_utf8(tail.get(lead..)?)
        .ok()?
        .chars()
        .next_back()
}

/// [`Classifier::class`](super::prefilter::Classifier::class) of the whole query `whole`
/// (lower-cased) against `hay` (a `str`'s bytes) with its ASCII letters read lower-cased:
/// equal, an occurrence at a word start, an occurrence, or only fuzzy. Occurrences are
/// visited left to right without overlapping, as `str::match_indices` does.
pub(crate) fn class(whole: &str, hay: &[u8]) -> MatchClass {
    let w = whole.as_bytes();
    if w.is_empty() || hay.len() < w.len() {
        return MatchClass::Fuzzy;
    }
    if hay.len() == w.len() && starts_with(hay, w) {
        return MatchClass::Equal;
    }
    let mut from = 0;
    let mut class = MatchClass::Fuzzy;
    while let Some(at) = find(hay, from, w) {
        let word_start = match at.checked_sub(1).and_then(|b| hay.get(b)) {
            None => true,
            Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
            Some(_) => hay
                .get(..at)
                .and_then(last_char)
                .is_some_and(|c| !c.is_alphanumeric()),
        };
        if word_start {
            return MatchClass::WordStart;
        }
        class = MatchClass::Substring;
        from = at + w.len();
    }
    class
}

#[cfg(test)]
mod tests {
    use super::super::narrowing;
    use super::super::parse;
    use super::super::prefilter::Classifier;
    use super::super::prefilter::tests::strings;
    use super::*;

    /// Exhaustively over short texts with both cases, non-ASCII letters and word
    /// breaks, and long ones (the vectorised path): each function equals its
    /// counterpart on the ASCII-lower-cased text, from every character boundary.
    #[test]
    fn equals_the_counterpart_on_the_lower_cased_text() {
        let mut hays = strings(&['a', 'B', 'b', 'ж', 'É', ' '], 4);
        let long = "Volunteer CORPS of Ё ".repeat(5);
        let longer = "volunteer @[`{ ".repeat(20) + "Volunteer CORPS";
        hays.extend([
            long.clone(),
            format!("x{long}Ab"),
            "ЖaB".repeat(30),
            longer.clone(),
            longer.to_uppercase(),
        ]);
        let mut needles = strings(&['a', 'b', 'ж', ' '], 3);
        needles.extend(
            [
                "B", "aB", "é", "vc", "corps", "ё", "of ё", "@`", "[{", "v@", "`z",
            ]
            .map(String::from),
        );
        for h in &hays {
            let lower = h.to_ascii_lowercase();
            for n in &needles {
                for from in (0..=h.len()).filter(|&f| h.is_char_boundary(f)) {
                    assert_eq!(
                        greedy_end(h.as_bytes(), from, n),
                        narrowing::greedy_end(lower.as_bytes(), from, n),
                        "{h:?} {n:?} {from}"
                    );
                }
                let q = parse(n);
                assert_eq!(
                    class(&q.whole, h.as_bytes()),
                    Classifier::new(&q).class(&lower),
                    "{h:?} {n:?}"
                );
            }
        }
    }

    #[test]
    fn classes_read_letters_in_either_case() {
        assert_eq!(class("ab", b"AB"), MatchClass::Equal);
        assert_eq!(class("ab", b"xAB aB"), MatchClass::WordStart);
        assert_eq!(class("ab", b"xAb"), MatchClass::Substring);
        assert_eq!(class("ab", "жab".as_bytes()), MatchClass::Substring);
        assert_eq!(class("ab", "«ab".as_bytes()), MatchClass::WordStart);
        assert_eq!(class("ab", b"a b"), MatchClass::Fuzzy);
        assert_eq!(greedy_end(b"Volunteer CORPS", 0, "vlcr"), Some(13));
        assert_eq!(greedy_end(b"Volunteer CORPS", 0, "vlCr"), None);
    }
}
