//! Where every sentence is, in 8 bytes a sentence instead of 12: its byte range in its
//! article, and its article found by rank in a bit set that marks each article's first
//! sentence (sentences are indexed article by article, so a sentence's article is the
//! one whose first sentence is the last marked at or before it). 1.4 MB less at 10,000
//! dossiers, 13.6 MB at 100,000 (BENCHMARKS.md, "passages memory").

use super::hits::Loc;

/// A bit set with the count of set bits before each word: whether bit `i` is set and
/// how many are set before it, in one word and one count read (no table per bit).
#[derive(Debug, Default)]
pub(super) struct RankBits {
    /// Bit `i % 64` of word `i / 64` is bit `i`.
    words: Vec<u64>,
    /// For each word, how many bits are set in the words before it.
    before: Vec<u32>,
    /// Bits pushed.
    len: u32,
    /// Bits set.
    ones: u32,
}

impl RankBits {
    /// Appends bit number `len`.
    pub(super) fn push(&mut self, bit: bool) {
        if self.len % 64 == 0 {
            self.words.push(0);
            self.before.push(self.ones);
        }
        if bit {
            if let Some(w) = self.words.last_mut() {
                *w |= 1 << (self.len % 64);
            }
            self.ones += 1;
        }
        self.len += 1;
    }

    /// How many bits are set among bits `0..=i`, and whether bit `i` is; `None` past
    /// the end.
    #[inline]
    pub(super) fn through(&self, i: u32) -> Option<(usize, bool)> {
        let (w, bit) = ((i / 64) as usize, i % 64);
        let word = *self.words.get(w)?;
        let before = *self.before.get(w)? as usize;
        let upto = word & (u64::MAX >> (63 - bit));
        Some((before + upto.count_ones() as usize, word >> bit & 1 == 1))
    }

    /// Frees what the lists reserved beyond their contents.
    pub(super) fn shrink_to_fit(&mut self) {
        self.words.shrink_to_fit();
        self.before.shrink_to_fit();
    }
}

/// Every sentence's place, shared by the index and every answer.
#[derive(Debug, Default)]
pub(crate) struct Places {
    /// Each sentence's byte range in its article: start, end.
    spans: Vec<(u32, u32)>,
    /// Bit `i` is set when sentence `i` is its article's first.
    firsts: RankBits,
    /// The article (index into the corpus's sources) of each set bit of `firsts`, in
    /// order: the articles with sentences.
    sources: Vec<u32>,
}

impl Places {
    /// Room for `n` sentences, allocated once.
    pub(crate) fn with_capacity(n: usize) -> Self {
        Places {
            spans: Vec::with_capacity(n),
            ..Places::default()
        }
    }

    /// Appends the next sentence: `start..end` of article `source`. Sentences come
    /// article by article, in order.
    pub(crate) fn push(&mut self, source: u32, start: u32, end: u32) {
        let first = self.sources.last() != Some(&source);
        if first {
            self.sources.push(source);
        }
        self.firsts.push(first);
        self.spans.push((start, end));
    }

    /// Frees what the lists reserved beyond their contents.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.spans.shrink_to_fit();
        self.firsts.shrink_to_fit();
        self.sources.shrink_to_fit();
    }

    /// Number of sentences.
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when there are none.
    pub(crate) fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Sentence `i`'s byte range in its article.
    #[inline]
    pub(crate) fn span(&self, i: u32) -> Option<(u32, u32)> {
        self.spans.get(i as usize).copied()
    }

    /// Sentence `i`'s article.
    #[inline]
    pub(crate) fn source(&self, i: u32) -> Option<u32> {
        let (n, _) = self.firsts.through(i)?;
        self.sources.get(n.checked_sub(1)?).copied()
    }

    /// Where sentence `i` is.
    #[inline]
    pub(crate) fn get(&self, i: u32) -> Option<Loc> {
        let (start, end) = self.span(i)?;
        Some(Loc {
            source: self.source(i)?,
            start,
            end,
        })
    }

    /// The first sentence at or after byte `start` of article `source` (in the order
    /// of articles, then of their text), or `len()` when there is none.
    pub(crate) fn at_or_after(&self, source: u32, start: u32) -> usize {
        let (mut lo, mut hi) = (0, self.spans.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let before = self
                .get(mid as u32)
                .is_some_and(|l| (l.source, l.start) < (source, start));
            if before {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each sentence keeps its article and range, past a word of the bit set, with
    /// articles that have no sentence skipped; and a place is found by article and start.
    #[test]
    fn each_sentence_keeps_its_article_and_range() {
        let mut want = Vec::new();
        // Article 1 has no sentence; article 3 has 130 (more than two words of bits).
        for (source, count) in [(0u32, 3u32), (2, 1), (3, 130), (5, 64), (6, 2)] {
            for k in 0..count {
                want.push(Loc {
                    source,
                    start: 10 * k,
                    end: 10 * k + 5,
                });
            }
        }
        let mut places = Places::with_capacity(want.len());
        for l in &want {
            places.push(l.source, l.start, l.end);
        }
        places.shrink_to_fit();
        assert_eq!(places.len(), want.len());
        for (i, l) in want.iter().enumerate() {
            assert_eq!(places.get(i as u32), Some(*l), "{i}");
            assert_eq!(places.at_or_after(l.source, l.start), i);
            assert_eq!(places.at_or_after(l.source, l.start + 1), i + 1);
        }
        assert_eq!(places.get(want.len() as u32), None);
        assert_eq!(places.at_or_after(1, 0), 3);
        assert_eq!(places.at_or_after(9, 0), want.len());
        assert!(Places::default().is_empty());
    }

    #[test]
    fn rank_bits_count_the_set_bits_before() {
        let mut bits = RankBits::default();
        let set = |i: u32| i % 3 == 0 || i % 64 == 63;
        for i in 0..300 {
            bits.push(set(i));
        }
        let mut ones = 0;
        for i in 0..300 {
            ones += usize::from(set(i));
            assert_eq!(bits.through(i), Some((ones, set(i))), "{i}");
        }
        assert_eq!(bits.ones as usize, ones);
        assert_eq!(bits.through(400), None);
    }
}
