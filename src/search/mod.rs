//! Fuzzy search over dossiers: names, aliases and claim texts, ranked so that typing any
//! spelling an article uses puts the right dossier first.
//!
//! Ranking, most important first:
//! 1. how the whole query meets the field: equal to it, at the start of one of its
//!    words, anywhere in it, or only fuzzily (characters in order);
//! 2. which field matched: the name, then an alias, then a claim (claims rank lower);
//! 3. the fuzzy score (fuzzy-matcher's SkimMatcherV2), then the shorter field.
//!
//! Each dossier appears once, with the field that ranked best; match positions (for
//! highlighting) are computed only for the hits returned.

pub mod normalize;
pub mod passages;
mod prefilter;
pub mod query;

use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::model::Corpus;
use normalize::fold_for_search;
use prefilter::{Classifier, char_mask, may_contain, query_mask};
pub use query::{Query, Term, TermKind, parse};

/// Which part of a dossier a hit matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "field", content = "index", rename_all = "lowercase")]
pub enum Field {
    /// The dossier's name.
    Name,
    /// The alias at this index.
    Alias(usize),
    /// The claim at this index (its text).
    Claim(usize),
}

impl Field {
    /// Name beats alias beats claim.
    fn rank(self) -> u8 {
        match self {
            Field::Name => 3,
            Field::Alias(_) => 2,
            Field::Claim(_) => 1,
        }
    }
}

/// One searchable string.
#[derive(Debug, Clone)]
struct Entry {
    dossier: usize,
    field: Field,
    /// The original text.
    text: String,
    /// Folded for search (diacritics dropped), same case.
    folded: String,
    /// `folded`, lower-cased one character for one.
    lower: String,
    /// For each character of `folded`: the index of the original character.
    map: Vec<usize>,
}

/// How strongly the whole query meets a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchClass {
    /// All terms matched, fuzzily.
    Fuzzy,
    /// The query occurs in the field.
    Substring,
    /// The query starts one of the field's words.
    WordStart,
    /// The field is the query.
    Equal,
}

/// A dossier found by a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Corpus::dossiers`].
    pub dossier: usize,
    pub field: Field,
    /// The matched field's text.
    pub text: String,
    pub class: MatchClass,
    pub score: i64,
    /// Character indices of `text` that matched (sorted).
    pub positions: Vec<usize>,
}

/// How many dossiers (the best by match class, field and shortness) get a fuzzy score
/// per query: far more than anyone scrolls through, and all of any bundled-size corpus.
pub const SCORED: usize = 2_000;

/// The result of [`SearchIndex::rank`].
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    /// Matching dossiers, best first, without positions.
    pub hits: Vec<Hit>,
    /// Every entry that may match the query, in entry order: the candidates for a query
    /// that narrows this one.
    pub matched: Vec<u32>,
}

/// True when every character of `needle` occurs in `hay` in order.
pub fn is_subsequence(hay: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        // An ASCII byte never occurs inside a multi-byte UTF-8 character, so a byte
        // search is a character search; memchr makes it vectorised.
        let hay = hay.as_bytes();
        if hay.len() <= 64 {
            // Short strings (names, aliases): a plain loop beats starting a vectorised
            // search per character.
            let needle = needle.as_bytes();
            let mut k = 0;
            for &b in hay {
                if needle.get(k) == Some(&b) {
                    k += 1;
                }
            }
            return k == needle.len();
        }
        let mut pos = 0;
        for b in needle.bytes() {
            match hay.get(pos..).and_then(|rest| memchr::memchr(b, rest)) {
                Some(i) => pos += i + 1,
                None => return false,
            }
        }
        return true;
    }
    let mut want = needle.chars().peekable();
    for c in hay.chars() {
        if want.peek() == Some(&c) {
            want.next();
        }
    }
    want.peek().is_none()
}

/// True when every dossier or passage `new` matches also matched `old`, so `new` may be
/// scored over `old`'s matches only: `new` extends `old` by typing, and nothing typed
/// can widen the match (a negation, an escape, or a `$` that `old` ended with).
pub fn narrows(old: &str, new: &str) -> bool {
    new.starts_with(old)
        && !new.contains('!')
        && !new.contains('\\')
        && !old.ends_with('$')
        && !old.ends_with('\'')
        && !old.ends_with('^')
}

/// Rank key of an entry: match class, field rank, score, shortness, entry index.
type RankKey = (MatchClass, u8, i64, usize, usize);

/// What queries search: every name, alias and claim of a corpus, folded once.
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// For each entry, the characters of its `lower` ([`prefilter::char_mask`]); apart
    /// from the entries so that rejecting one reads 8 contiguous bytes.
    masks: Vec<u64>,
    /// For each dossier, the index of its name's entry (lists the corpus for an empty
    /// query without scanning every entry).
    name_entries: Vec<usize>,
    dossiers: usize,
    names: Vec<String>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .finish()
    }
}

pub(crate) fn lower_one_for_one(s: &str) -> String {
    s.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

impl SearchIndex {
    /// Indexes `corpus`.
    pub fn new(corpus: &Corpus) -> Self {
        let mut entries = Vec::new();
        let mut masks = Vec::new();
        let mut name_entries = Vec::with_capacity(corpus.dossiers.len());
        for (i, d) in corpus.dossiers.iter().enumerate() {
            name_entries.push(entries.len());
            let mut push = |field: Field, text: &str| {
                let (folded, map) = fold_for_search(text);
                let lower = lower_one_for_one(&folded);
                masks.push(char_mask(&lower));
                entries.push(Entry {
                    dossier: i,
                    field,
                    text: text.to_owned(),
                    lower,
                    folded,
                    map,
                });
            };
            push(Field::Name, &d.name);
            for (a, alias) in d.aliases.iter().enumerate() {
                push(Field::Alias(a), &alias.name);
            }
            for (c, claim) in d.claims.iter().enumerate() {
                push(Field::Claim(c), &claim.text);
            }
        }
        SearchIndex {
            entries,
            masks,
            name_entries,
            dossiers: corpus.dossiers.len(),
            names: corpus
                .dossiers
                .iter()
                .map(|d| d.name.to_lowercase())
                .collect(),
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }

    /// Scores one term against an entry; `None` when it does not match (or, negated,
    /// when it does).
    fn term_score(&self, e: &Entry, t: &Term) -> Option<i64> {
        score_term(&self.matcher, &e.folded, &e.lower, t)
    }

    /// The dossiers matching `query`, best first, at most `limit`, with match positions.
    /// An empty query lists every dossier by name.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        let Some(mut ranked) = self.rank(query, None, &|| false) else {
            return Vec::new();
        };
        ranked.hits.truncate(limit);
        for h in &mut ranked.hits {
            h.positions = self.hit_positions(h, query);
        }
        ranked.hits
    }

    /// Every dossier matching `query`, best first, WITHOUT match positions (the browser
    /// computes them only for the rows it shows, [`SearchIndex::hit_positions`]).
    ///
    /// `candidates`, when given, are the entries a previous query matched: only they are
    /// scored, which is exact when the new query only narrows the old one (see
    /// [`narrows`]). `cancelled` is polled between dossiers; when it says true the search
    /// stops and returns `None` (a newer query has arrived).
    pub fn rank(
        &self,
        query: &Query,
        candidates: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Ranked> {
        if query.is_empty() {
            let mut all: Vec<usize> = (0..self.dossiers).collect();
            all.sort_by(|a, b| self.names[*a].cmp(&self.names[*b]));
            let hits = all
                .into_iter()
                .filter_map(|d| self.name_entries.get(d).and_then(|&e| self.entries.get(e)))
                .map(|e| self.hit(e, MatchClass::Fuzzy, 0))
                .collect();
            return Some(Ranked {
                hits,
                matched: (0..self.entries.len() as u32).collect(),
            });
        }
        let all: Vec<u32>;
        let candidates = match candidates {
            Some(c) => c,
            None => {
                all = (0..self.entries.len() as u32).collect();
                &all
            }
        };
        // Every matching entry with its (class, field rank), grouped by dossier, best
        // level first within a group; `groups` holds each dossier's range of `levels`.
        // Two threads on large candidate lists, split between two dossiers.
        let mut split = candidates.len() / 2;
        while split > 0
            && split < candidates.len()
            && self.entries[candidates[split] as usize].dossier
                == self.entries[candidates[split - 1] as usize].dossier
        {
            split += 1;
        }
        let (a, b) = candidates.split_at(split.min(candidates.len()));
        let (ra, rb) = if candidates.len() > 20_000 {
            std::thread::scope(|s| {
                let other = s.spawn(|| self.levels(query, b, cancelled));
                let ra = self.levels(query, a, cancelled);
                (
                    ra,
                    other
                        .join()
                        .unwrap_or_else(|e| std::panic::resume_unwind(e)),
                )
            })
        } else {
            (
                self.levels(query, a, cancelled),
                self.levels(query, b, cancelled),
            )
        };
        let (mut levels, mut groups, mut matched) = ra?;
        let (levels_b, groups_b, matched_b) = rb?;
        let base = levels.len();
        levels.extend(levels_b);
        groups.extend(groups_b.into_iter().map(|g| g.start + base..g.end + base));
        matched.extend(matched_b);
        // The fuzzy score only breaks ties within a (class, field) level, and scoring
        // is the expensive part: only the best SCORED dossiers by level and shortness
        // are scored (BENCHMARKS.md); the rest follow them unscored.
        let shortness = |ei: u32| usize::MAX - self.entries[ei as usize].text.len();
        // Unstable is exact here: the key ends with the entry, unique per group.
        groups.sort_unstable_by_key(|g| {
            let (class, rank, ei) = levels[g.start];
            std::cmp::Reverse((class, rank, shortness(ei), usize::MAX - ei as usize))
        });
        let mut found: Vec<RankKey> = Vec::with_capacity(groups.len());
        for (n, g) in groups.iter().enumerate() {
            let group = &levels[g.clone()];
            if n >= SCORED {
                let (class, rank, ei) = group[0];
                found.push((class, rank, i64::MIN, shortness(ei), ei as usize));
                continue;
            }
            if n % 256 == 0 && cancelled() {
                return None;
            }
            let mut k = 0;
            while k < group.len() {
                let level = (group[k].0, group[k].1);
                let mut best: Option<RankKey> = None;
                while let Some(&(class, rank, ei)) = group.get(k) {
                    if (class, rank) != level {
                        break;
                    }
                    k += 1;
                    let e = &self.entries[ei as usize];
                    if let Some(total) = self.total_score(e, query) {
                        let key = (class, rank, total, shortness(ei), ei as usize);
                        if best.is_none_or(|b| key > b) {
                            best = Some(key);
                        }
                    }
                }
                if let Some(b) = best {
                    found.push(b);
                    break;
                }
            }
        }
        found.sort_by(|a, b| {
            (b.0, b.1, b.2, b.3)
                .cmp(&(a.0, a.1, a.2, a.3))
                .then_with(|| {
                    self.names[self.entries[a.4].dossier]
                        .cmp(&self.names[self.entries[b.4].dossier])
                })
        });
        let hits = found
            .into_iter()
            .map(|(class, _, score, _, ei)| self.hit(&self.entries[ei], class, score.max(0)))
            .collect();
        Some(Ranked { hits, matched })
    }

    /// The matching entries among `candidates` with their (class, field rank), grouped by
    /// dossier (best level first), each group's range, and every entry that may match.
    #[allow(clippy::type_complexity)]
    fn levels(
        &self,
        query: &Query,
        candidates: &[u32],
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<(
        Vec<(MatchClass, u8, u32)>,
        Vec<std::ops::Range<usize>>,
        Vec<u32>,
    )> {
        let mut matched = Vec::new();
        let mut levels: Vec<(MatchClass, u8, u32)> = Vec::new();
        let qmask = query_mask(query);
        let classifier = Classifier::new(query);
        let mut groups = Vec::new();
        // Candidates are in entry order, so one dossier's entries are contiguous.
        let mut i = 0;
        while i < candidates.len() {
            if i % 256 == 0 && cancelled() {
                return None;
            }
            let dossier = self.entries[candidates[i] as usize].dossier;
            let start = levels.len();
            while let Some(&ei) = candidates.get(i) {
                let e = &self.entries[ei as usize];
                if e.dossier != dossier {
                    break;
                }
                i += 1;
                if may_contain(self.masks[ei as usize], qmask)
                    && query.terms.iter().all(|t| self.term_may_match(e, t))
                {
                    matched.push(ei);
                    levels.push((classifier.class(&e.lower), e.field.rank(), ei));
                }
            }
            if levels.len() > start {
                levels[start..].sort_unstable_by(|a, b| (b.0, b.1, a.2).cmp(&(a.0, a.1, b.2)));
                groups.push(start..levels.len());
            }
        }
        Some((levels, groups, matched))
    }

    fn hit(&self, e: &Entry, class: MatchClass, score: i64) -> Hit {
        Hit {
            dossier: e.dossier,
            field: e.field,
            text: e.text.clone(),
            class,
            score,
            positions: Vec::new(),
        }
    }

    /// The sum of the terms' scores, or `None` when a term does not match.
    fn total_score(&self, e: &Entry, query: &Query) -> Option<i64> {
        query.terms.iter().map(|t| self.term_score(e, t)).sum()
    }

    /// A cheap necessary condition for [`SearchIndex::term_score`]: exact for every kind
    /// but fuzzy, where it checks only that the characters occur in order.
    fn term_may_match(&self, e: &Entry, t: &Term) -> bool {
        term_may_match(&self.matcher, &e.folded, &e.lower, t)
    }

    /// Character indices of `hit.text` that `query` matched, for highlighting.
    pub fn hit_positions(&self, hit: &Hit, query: &Query) -> Vec<usize> {
        let entry = self.name_entries.get(hit.dossier).and_then(|&start| {
            self.entries[start..]
                .iter()
                .take_while(|e| e.dossier == hit.dossier)
                .find(|e| e.field == hit.field)
        });
        entry.map_or_else(Vec::new, |e| self.positions(e, query))
    }

    /// Character indices of the entry's original text that the query's terms matched.
    fn positions(&self, e: &Entry, query: &Query) -> Vec<usize> {
        positions_in(
            &self.matcher,
            &e.folded,
            &e.lower,
            |i| e.map.get(i).copied(),
            query,
        )
    }
}

/// Scores one term against a text (`folded` for case-sensitive terms, `lower` for the
/// others); `None` when it does not match (or, negated, when it does).
pub(crate) fn score_term(
    matcher: &SkimMatcherV2,
    folded: &str,
    lower: &str,
    t: &Term,
) -> Option<i64> {
    let hay = if t.case_sensitive { folded } else { lower };
    let n = t.text.chars().count() as i64;
    let hit = match t.kind {
        TermKind::Fuzzy => return matcher.fuzzy_match(hay, &t.text),
        TermKind::Substring => hay.contains(&t.text),
        TermKind::Prefix => hay.starts_with(&t.text),
        TermKind::Suffix => hay.ends_with(&t.text),
        TermKind::Equal => *hay == t.text,
    };
    match (hit, t.negated) {
        (true, false) => Some(16 * n),
        (false, true) => Some(0),
        _ => None,
    }
}

/// A cheap necessary condition for [`score_term`]: exact for every kind but fuzzy, where
/// it checks only that the characters occur in order.
pub(crate) fn term_may_match(matcher: &SkimMatcherV2, folded: &str, lower: &str, t: &Term) -> bool {
    if t.kind != TermKind::Fuzzy {
        return score_term(matcher, folded, lower, t).is_some();
    }
    is_subsequence(if t.case_sensitive { folded } else { lower }, &t.text)
}

/// How strongly the whole query meets a text (lower-cased, folded): the plain statement
/// of what [`prefilter::Classifier`] computes in one pass (and is tested against).
#[cfg(test)]
pub(crate) fn class_of(q: &Query, lower: &str) -> MatchClass {
    if q.whole.is_empty() {
        return MatchClass::Fuzzy;
    }
    if *lower == q.whole {
        MatchClass::Equal
    } else if lower.starts_with(&q.whole)
        || lower.match_indices(&q.whole).any(|(i, _)| {
            lower[..i]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_alphanumeric())
        })
    {
        MatchClass::WordStart
    } else if lower.contains(&q.whole) {
        MatchClass::Substring
    } else {
        MatchClass::Fuzzy
    }
}

/// Character indices of an original text that the query's terms matched, given its
/// folded and lower-cased forms and the map from their characters to the original's.
pub(crate) fn positions_in(
    matcher: &SkimMatcherV2,
    folded: &str,
    lower: &str,
    map: impl Fn(usize) -> Option<usize>,
    query: &Query,
) -> Vec<usize> {
    let mut out = Vec::new();
    for t in query.terms.iter().filter(|t| !t.negated) {
        let hay = if t.case_sensitive { folded } else { lower };
        let folded_idx: Vec<usize> = match t.kind {
            TermKind::Fuzzy => matcher
                .fuzzy_indices(hay, &t.text)
                .map(|(_, ix)| ix)
                .unwrap_or_default(),
            _ => {
                let at = match t.kind {
                    TermKind::Suffix => hay
                        .len()
                        .checked_sub(t.text.len())
                        .filter(|_| hay.ends_with(&t.text)),
                    _ => hay.find(&t.text),
                };
                at.map(|b| {
                    let start = hay[..b].chars().count();
                    (start..start + t.text.chars().count()).collect()
                })
                .unwrap_or_default()
            }
        };
        out.extend(folded_idx.into_iter().filter_map(&map));
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsequence_in_order_ascii_and_not() {
        assert!(is_subsequence("volunteer corps", "vlcr"));
        assert!(!is_subsequence("volunteer corps", "rv"));
        assert!(is_subsequence("легион «свобода»", "лгс"));
        assert!(!is_subsequence("легион", "нл"));
        assert!(is_subsequence("éa b", "ab"));
        assert!(!is_subsequence("ab", "abc"));
        assert!(is_subsequence("anything", ""));
        // Longer than 64 bytes: the vectorised path.
        let long = "x".repeat(70) + "volunteer corps";
        assert!(is_subsequence(&long, "vlcr"));
        assert!(is_subsequence(&long, "xvs"));
        assert!(!is_subsequence(&long, "rv"));
        assert!(!is_subsequence(&long, "volcorpse"));
    }

    #[test]
    fn narrowing_is_refused_where_typing_can_widen() {
        assert!(narrows("kap", "kapu"));
        assert!(narrows("", "k"));
        assert!(!narrows("kapu", "kap"));
        assert!(!narrows("leg", "leg !x"));
        assert!(!narrows("tin$", "tin$x"));
        assert!(!narrows("a\\", "a\\ b"));
    }
}
