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

mod ascii_case;
mod eight;
mod entries;
mod narrowing;
pub mod normalize;
pub mod one;
mod order;
pub mod passages;
mod prefilter;
pub mod query;

/// The cache prefetch hint, for `check`'s pass over every citation of an article too.
pub(crate) use narrowing::prefetch;

use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::model::Corpus;
use entries::Entries;
pub use narrowing::Matched;
use narrowing::{Candidates, Filter, in_parts, map_chunks};
use normalize::fold_for_search;
pub use order::DossierHits;
use order::{Order, Scored, rest_key};
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
    /// The matched field's text (shared with the index).
    pub text: Arc<str>,
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
    /// Every entry that may match the query, in entry order, with what a query that
    /// narrows this one reuses.
    pub matched: Matched,
}

/// True when every character of `needle` occurs in `hay` in order.
pub fn is_subsequence(hay: &str, needle: &str) -> bool {
    narrowing::greedy_end(hay.as_bytes(), 0, needle).is_some()
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

/// A dossier with matching entries, as the scan found it: its run of the matched
/// entries and its best entry (the first at its best level), without sorting them
/// (only the dossiers that are scored need their entries by level).
#[derive(Debug, Clone, Copy)]
struct Group {
    /// The dossier's run of [`Matched::items`].
    start: u32,
    end: u32,
    /// Its best entry, that entry's length in bytes and [`order::level`].
    first: u32,
    len: u32,
    level: u8,
}

impl Group {
    /// The order in which dossiers are picked for scoring ([`order::rest_key`] without
    /// the name): best level, shorter, then found first; unique, one integer compare.
    fn key(&self) -> u128 {
        rest_key(usize::from(self.level), self.len, 0, self.first)
    }
}

/// What [`SearchIndex::groups`] finds in a run of candidates.
#[derive(Default)]
struct Groups {
    /// Each matching dossier, in entry order.
    groups: Vec<Group>,
    /// Every entry that may match, with its greedy end and class, for the next query.
    matched: Matched,
}

/// What queries search: every name, alias and claim of a corpus, folded once.
pub struct SearchIndex {
    entries: Entries,
    /// For each dossier, the index of its name's entry (lists the corpus for an empty
    /// query without scanning every entry).
    name_entries: Vec<usize>,
    /// For each dossier, the rank of its lower-cased name among all of them (equal names
    /// share a rank): ties in the ranking are broken by name with one integer compare.
    name_rank: Vec<u32>,
    /// Every dossier by lower-cased name, then index: the empty query's order.
    by_name: Vec<usize>,
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

/// Below this many dossiers to score, one thread scores them all.
const PARALLEL_SCORING_FROM: usize = 256;

/// The dossiers in the order of their lower-cased `names` (stable: equal names keep
/// their order), and each one's rank in it, equal names ranked equal.
fn name_order(names: &[String]) -> (Vec<usize>, Vec<u32>) {
    let mut by_name: Vec<usize> = (0..names.len()).collect();
    by_name.sort_by(|a, b| names[*a].cmp(&names[*b]));
    let mut name_rank = vec![0; names.len()];
    let mut rank = 0u32;
    for (k, &d) in by_name.iter().enumerate() {
        if k > 0 && names[by_name[k - 1]] != names[d] {
            rank += 1;
        }
        name_rank[d] = rank;
    }
    (by_name, name_rank)
}

impl SearchIndex {
    /// Indexes `corpus`.
    pub fn new(corpus: &Corpus) -> Self {
        let build = || {
            let (count, bytes) = corpus.dossiers.iter().fold((0, 0), |(n, b), d| {
                let aliases = d.aliases.iter().map(|a| a.name.len());
                let claims = d.claims.iter().map(|c| c.text.len());
                let lens = std::iter::once(d.name.len()).chain(aliases).chain(claims);
                lens.fold((n, b), |(n, b), len| (n + 1, b + len))
            });
            let mut entries = Entries::with_capacity(count, bytes);
            let mut name_entries = Vec::with_capacity(corpus.dossiers.len());
            for (i, d) in corpus.dossiers.iter().enumerate() {
                name_entries.push(entries.len());
                entries.push(i, Field::Name, &d.name);
                for (a, alias) in d.aliases.iter().enumerate() {
                    entries.push(i, Field::Alias(a), &alias.name);
                }
                for (c, claim) in d.claims.iter().enumerate() {
                    entries.push(i, Field::Claim(c), &claim.text);
                }
            }
            (entries, name_entries)
        };
        // The names' order beside the entries on a large corpus: on the outline a first
        // start draws (names and aliases only) nothing else is built beside this index,
        // and the other core idled (BENCHMARKS.md, "Issue 16, sixth pass").
        let names = || {
            let names: Vec<String> = corpus
                .dossiers
                .iter()
                .map(|d| d.name.to_lowercase())
                .collect();
            name_order(&names)
        };
        let ((entries, name_entries), (by_name, name_rank)) =
            if corpus.dossiers.len() < PARALLEL_SCORING_FROM {
                (build(), names())
            } else {
                rayon::join(build, names)
            };
        SearchIndex::from_parts(entries, name_entries, (by_name, name_rank))
    }

    /// The index of `entries`, whose dossier `d` has its name at entry
    /// `name_entries[d]`, lower-cased `names[d]`.
    #[cfg(test)]
    fn with_entries(entries: Entries, name_entries: Vec<usize>, names: &[String]) -> Self {
        SearchIndex::from_parts(entries, name_entries, name_order(names))
    }

    /// The index of `entries`, whose dossier `d` has its name at entry
    /// `name_entries[d]`, with the names' order and ranks ([`name_order`]).
    fn from_parts(
        entries: Entries,
        name_entries: Vec<usize>,
        (by_name, name_rank): (Vec<usize>, Vec<u32>),
    ) -> Self {
        SearchIndex {
            entries,
            name_entries,
            name_rank,
            by_name,
            matcher: SkimMatcherV2::default().respect_case(),
        }
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
    /// `previous`, when given, is what a previous query matched: only those entries are
    /// checked, resuming where that query's checks ended, which is exact when `query`
    /// only narrows the old one (see [`narrows`]). `cancelled` is polled between
    /// dossiers; when it says true the search stops and returns `None` (a newer query
    /// has arrived).
    pub fn rank(
        &self,
        query: &Query,
        previous: Option<&Matched>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Ranked> {
        let (order, matched) = self.rank_order(query, previous, cancelled)?;
        let hits = (0..order.len())
            .map_while(|i| order.get(i, self))
            .map(|s| self.hit(s.entry as usize, s.class, s.score.max(0)))
            .collect();
        Some(Ranked { hits, matched })
    }

    /// [`SearchIndex::rank`]'s answer as it is computed: the hits in an [`Order`] that
    /// sorts and builds them as they are read (the browser reads a screenful).
    pub(crate) fn rank_order(
        &self,
        query: &Query,
        previous: Option<&Matched>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<(Order, Matched)> {
        if query.is_empty() {
            let listed = self
                .by_name
                .iter()
                .filter_map(|&d| self.name_entries.get(d))
                .map(|&ei| Scored {
                    score: 0,
                    entry: ei as u32,
                    class: MatchClass::Fuzzy,
                    rank: Field::Name.rank(),
                })
                .collect();
            return Some((
                Order::listed(query, listed),
                Matched::all(query, self.entries.len()),
            ));
        }
        let filter = Filter::new(query, previous, &self.matcher);
        let candidates = Candidates::of(previous, self.entries.len());
        // Parts are cut between two dossiers: a dossier's entries are ranked together.
        let dossier_at = |k: usize| candidates.item(k).map(|e| self.entries.dossier(e as usize));
        let align = |mut k: usize| {
            while k > 0 && dossier_at(k).is_some() && dossier_at(k) == dossier_at(k - 1) {
                k += 1;
            }
            k
        };
        let parts = in_parts(candidates.clone(), align, |part| {
            self.groups(&filter, part, cancelled)
        })?;
        // The first part's lists (the only one below the parallel threshold) grow to
        // hold the others, once: nothing is copied on one thread, and growing by
        // doubling copied the lists (up to 4 MB at 100k) several times a key.
        let (groups_len, items_len) = parts.iter().fold((0, 0), |(g, i), p| {
            (g + p.groups.len(), i + p.matched.items.len())
        });
        let mut parts = parts.into_iter();
        let mut all = parts.next().unwrap_or_default();
        all.groups
            .reserve(groups_len.saturating_sub(all.groups.len()));
        all.matched
            .items
            .reserve(items_len.saturating_sub(all.matched.items.len()));
        for rest in parts {
            let base = all.matched.items.len() as u32;
            all.groups.extend(rest.groups.into_iter().map(|g| Group {
                start: g.start + base,
                end: g.end + base,
                ..g
            }));
            all.matched.items.extend(rest.matched.items);
        }
        let Groups {
            groups,
            mut matched,
        } = all;
        matched.query = query.clone();
        // The fuzzy score only breaks ties within a (class, field) level, and scoring
        // is the expensive part: only the best SCORED dossiers by level and shortness
        // are scored (BENCHMARKS.md); the rest follow them unscored. A dossier's key is
        // its best entry's level, length and number (`order::rest_key` without the
        // name): unique, in the order the dossiers were once sorted in, and one integer
        // compare. Groups are in entry order, so a group is found from its entry.
        let name_rank = |ei: u32| {
            self.name_rank
                .get(self.entries.dossier(ei as usize))
                .copied()
                .unwrap_or(u32::MAX)
        };
        let mut keys: Vec<u128> = groups.iter().map(Group::key).collect();
        let scored = keys.len().min(SCORED);
        if keys.len() > scored {
            keys.select_nth_unstable(scored);
        }
        // The scored dossiers at the levels the first rows show are scored now; the
        // others when a row at their level is first read (`Order`). Every entry the scan
        // kept scores (a fuzzy term's check is the matcher's own subsequence test, the
        // others are exact), so a dossier keeps the level it was picked at.
        let (mut picked, mut per_level) = ([0usize; order::LEVELS], [0usize; order::LEVELS]);
        for (n, &k) in keys.iter().enumerate() {
            let counts = if n < scored {
                &mut picked
            } else {
                &mut per_level
            };
            if let Some(c) = counts.get_mut(order::key_level(k)) {
                *c += 1;
            }
        }
        let mut shown = 0;
        let now_until = (0..order::LEVELS)
            .find(|&l| {
                shown += picked[l] + per_level[l];
                shown >= order::EAGER
            })
            .map_or(order::LEVELS, |l| l + 1);
        let items = &matched.items;
        let first_of = |g: &Group| items.get(g.start as usize).map_or(u32::MAX, |m| m.0);
        // The entries at a group's best level (groups are in entry order, and the
        // key's entry is the group's first at that level).
        let best_entries = |key: u128| {
            let ei = order::key_entry(key);
            let g = groups.partition_point(|g| first_of(g) <= ei);
            let run = groups
                .get(g.wrapping_sub(1))
                .and_then(|g| items.get(g.start as usize..g.end as usize))
                .unwrap_or_default();
            let level = order::key_level(key);
            run.iter().filter_map(move |&(ei, state)| {
                let rank = self.entries.meta.get(ei as usize)?.rank;
                (order::level(narrowing::unstate(state).1, rank) == level).then_some(ei)
            })
        };
        let (now, later): (Vec<u128>, Vec<u128>) = keys[..scored]
            .iter()
            .partition(|&&k| order::key_level(k) < now_until);
        let score = |ks: &[u128]| {
            let mut out = Vec::with_capacity(ks.len());
            for (n, &k) in ks.iter().enumerate() {
                if n % 256 == 0 && cancelled() {
                    return None;
                }
                out.push((k, self.score_best(query, k, best_entries(k))));
            }
            Some(out)
        };
        let mut top = map_chunks(&now, PARALLEL_SCORING_FROM, score)?;
        top.sort_unstable_by_key(|&(key, s)| self.place(key, s));
        let top = top.into_iter().map(|(_, s)| s).collect();
        let mut pending = order::Later::default();
        for &k in &later {
            pending.push(k, best_entries(k));
        }
        // The others: unscored, their key with the name's rank (ties by name).
        let mut rest = keys.split_off(scored);
        for k in &mut rest {
            *k |= rest_key(0, 0, name_rank(order::key_entry(*k)), 0);
        }
        Some((Order::new(query, top, pending, rest, picked), matched))
    }

    /// A scored dossier's place among the scored: best (class, field, score) first,
    /// then shorter, then by name, then in the order the dossiers were picked.
    fn place(
        &self,
        key: u128,
        s: Scored,
    ) -> (std::cmp::Reverse<(MatchClass, u8, i64)>, u32, u32, u128) {
        let ei = s.entry as usize;
        (
            std::cmp::Reverse((s.class, s.rank, s.score)),
            self.entries.meta.get(ei).map_or(u32::MAX, |m| m.len),
            self.name_rank
                .get(self.entries.dossier(ei))
                .copied()
                .unwrap_or(u32::MAX),
            key,
        )
    }

    /// The best-scoring of a dossier's `entries` at its best level (higher score, then
    /// shorter, then later in entry order), with the level of its `key`. None scoring
    /// cannot happen (see `rank_order`); it would rank lowest at that level.
    fn score_best(&self, query: &Query, key: u128, entries: impl Iterator<Item = u32>) -> Scored {
        let (class, rank) = order::unlevel(order::key_level(key));
        let shortness = |ei: u32| {
            usize::MAX
                - self
                    .entries
                    .meta
                    .get(ei as usize)
                    .map_or(0, |m| m.len as usize)
        };
        let best = entries
            .filter_map(|ei| Some((self.total_score(ei as usize, query)?, shortness(ei), ei)))
            .max();
        let (score, entry) = best.map_or((i64::MIN, order::key_entry(key)), |(s, _, ei)| (s, ei));
        Scored {
            score,
            entry,
            class,
            rank,
        }
    }

    /// The dossiers with matching entries among `part` of the candidates, each with
    /// its run of the matched entries and its best entry, and every entry that may
    /// match with its state for the next query.
    fn groups(
        &self,
        filter: &Filter<'_>,
        part: Candidates<'_>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Groups> {
        let mut groups: Vec<Group> = Vec::new();
        // Candidates are in entry order, so one dossier's entries are contiguous.
        let mut dossier = u32::MAX;
        let mut n = 0u32;
        let items = filter.scan(&self.entries, part, cancelled, |ei, class| {
            let at = n;
            n += 1;
            let Some(meta) = self.entries.meta.get(ei as usize) else {
                return;
            };
            let level = order::level(class, meta.rank) as u8;
            match groups.last_mut() {
                Some(g) if meta.dossier == dossier => {
                    g.end = at + 1;
                    if level < g.level {
                        (g.level, g.first, g.len) = (level, ei, meta.len);
                    }
                }
                _ => {
                    dossier = meta.dossier;
                    groups.push(Group {
                        start: at,
                        end: at + 1,
                        first: ei,
                        len: meta.len,
                        level,
                    });
                }
            }
        })?;
        Some(Groups {
            groups,
            matched: Matched {
                query: Query::default(),
                items,
            },
        })
    }

    fn hit(&self, ei: usize, class: MatchClass, score: i64) -> Hit {
        Hit {
            dossier: self.entries.dossier(ei),
            field: self.entries.field[ei],
            text: Arc::clone(&self.entries.text[ei]),
            class,
            score,
            positions: Vec::new(),
        }
    }

    /// The sum of the terms' scores against entry `ei`, or `None` when a term does not
    /// match.
    fn total_score(&self, ei: usize, query: &Query) -> Option<i64> {
        let lower = self.entries.lower.get(ei);
        // The folded form only for a case-sensitive term (one string fewer to fetch).
        let folded = if query.terms.iter().any(|t| t.case_sensitive) {
            self.entries.folded(ei)
        } else {
            ""
        };
        query
            .terms
            .iter()
            .map(|t| score_term(&self.matcher, folded, lower, t))
            .sum()
    }

    /// Character indices of `hit.text` that `query` matched, for highlighting.
    pub fn hit_positions(&self, hit: &Hit, query: &Query) -> Vec<usize> {
        let entry = self.name_entries.get(hit.dossier).and_then(|&start| {
            (start..self.entries.len())
                .take_while(|&e| self.entries.dossier(e) == hit.dossier)
                .find(|&e| self.entries.field[e] == hit.field)
        });
        entry.map_or_else(Vec::new, |e| self.positions(e, query))
    }

    /// Character indices of entry `ei`'s original text that the query's terms matched
    /// (the folded-to-original map is recomputed here: only shown rows need it).
    fn positions(&self, ei: usize, query: &Query) -> Vec<usize> {
        let (_, map) = fold_for_search(&self.entries.text[ei]);
        positions_in(
            &self.matcher,
            self.entries.folded(ei),
            self.entries.lower.get(ei),
            |i| map.get(i).copied(),
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
mod rank_tests;

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

#[cfg(test)]
mod order_tests;
