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
pub mod query;

use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::model::Corpus;
use normalize::fold_for_search;
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

/// Rank key of an entry: match class, field rank, score, shortness, entry index.
type RankKey = (MatchClass, u8, i64, usize, usize);

/// What queries search: every name, alias and claim of a corpus, folded once.
pub struct SearchIndex {
    entries: Vec<Entry>,
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

fn lower_one_for_one(s: &str) -> String {
    s.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

impl SearchIndex {
    /// Indexes `corpus`.
    pub fn new(corpus: &Corpus) -> Self {
        let mut entries = Vec::new();
        let mut name_entries = Vec::with_capacity(corpus.dossiers.len());
        for (i, d) in corpus.dossiers.iter().enumerate() {
            name_entries.push(entries.len());
            let mut push = |field: Field, text: &str| {
                let (folded, map) = fold_for_search(text);
                entries.push(Entry {
                    dossier: i,
                    field,
                    text: text.to_owned(),
                    lower: lower_one_for_one(&folded),
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
        let hay = if t.case_sensitive {
            &e.folded
        } else {
            &e.lower
        };
        let n = t.text.chars().count() as i64;
        let hit = match t.kind {
            TermKind::Fuzzy => return self.matcher.fuzzy_match(hay, &t.text),
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

    fn class(q: &Query, e: &Entry) -> MatchClass {
        if q.whole.is_empty() {
            return MatchClass::Fuzzy;
        }
        let lower = &e.lower;
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

    /// The dossiers matching `query`, best first, at most `limit`. An empty query lists
    /// every dossier by name.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        let mut best: Vec<Option<RankKey>> = vec![None; self.dossiers];
        if query.is_empty() {
            let mut all: Vec<usize> = (0..self.dossiers).collect();
            all.sort_by(|a, b| self.names[*a].cmp(&self.names[*b]));
            return all
                .into_iter()
                .take(limit)
                .filter_map(|d| self.name_entries.get(d).and_then(|&e| self.entries.get(e)))
                .map(|e| Hit {
                    dossier: e.dossier,
                    field: e.field,
                    text: e.text.clone(),
                    class: MatchClass::Fuzzy,
                    score: 0,
                    positions: Vec::new(),
                })
                .collect();
        }
        for (ei, e) in self.entries.iter().enumerate() {
            let mut total = 0i64;
            let mut ok = true;
            for t in &query.terms {
                match self.term_score(e, t) {
                    Some(s) => total += s,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                continue;
            }
            let key = (
                Self::class(query, e),
                e.field.rank(),
                total,
                usize::MAX - e.text.len(),
                ei,
            );
            let slot = &mut best[e.dossier];
            if slot.is_none_or(|b| key > b) {
                *slot = Some(key);
            }
        }
        let mut found: Vec<RankKey> = best.into_iter().flatten().collect();
        found.sort_by(|a, b| {
            (b.0, b.1, b.2, b.3)
                .cmp(&(a.0, a.1, a.2, a.3))
                .then_with(|| {
                    self.names[self.entries[a.4].dossier]
                        .cmp(&self.names[self.entries[b.4].dossier])
                })
        });
        found
            .into_iter()
            .take(limit)
            .map(|(class, _, score, _, ei)| {
                let e = &self.entries[ei];
                Hit {
                    dossier: e.dossier,
                    field: e.field,
                    text: e.text.clone(),
                    class,
                    score,
                    positions: self.positions(e, query),
                }
            })
            .collect()
    }

    /// Character indices of the entry's original text that the query's terms matched.
    fn positions(&self, e: &Entry, query: &Query) -> Vec<usize> {
        let mut out = Vec::new();
        for t in query.terms.iter().filter(|t| !t.negated) {
            let hay = if t.case_sensitive {
                &e.folded
            } else {
                &e.lower
            };
            let folded_idx: Vec<usize> = match t.kind {
                TermKind::Fuzzy => self
                    .matcher
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
            out.extend(folded_idx.into_iter().filter_map(|i| e.map.get(i).copied()));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
