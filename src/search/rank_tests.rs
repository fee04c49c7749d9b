//! The ranking against a plain statement of it: every entry scored, the best entry of
//! each dossier kept, dossiers sorted by (class, field, score, shortness) then name. The
//! bundled corpus is far below `SCORED`, so every hit is scored and the two must agree
//! hit for hit, from scratch and typed one key at a time (which takes the narrowing
//! paths: the one-character masks, resumed greedy ends, classes kept, terms skipped).

use super::*;

fn bundled() -> Corpus {
    crate::check::check(&crate::data::DataRoot::Bundled).corpus
}

/// (dossier, field, class, score) of every hit of `query`, by the plain statement.
fn reference(corpus: &Corpus, query: &Query) -> Vec<(usize, Field, MatchClass, i64)> {
    let name = |d: usize| corpus.dossiers[d].name.to_lowercase();
    if query.is_empty() {
        // Every dossier by name.
        let mut all: Vec<usize> = (0..corpus.dossiers.len()).collect();
        all.sort_by_key(|&d| name(d));
        return all
            .into_iter()
            .map(|d| (d, Field::Name, MatchClass::Fuzzy, 0))
            .collect();
    }
    let matcher = SkimMatcherV2::default().respect_case();
    let mut best: Vec<(MatchClass, u8, i64, usize, usize, Field)> = Vec::new();
    let mut ei = 0;
    for (d, dossier) in corpus.dossiers.iter().enumerate() {
        let mut fields = vec![(Field::Name, dossier.name.as_str())];
        fields.extend(
            dossier
                .aliases
                .iter()
                .enumerate()
                .map(|(a, x)| (Field::Alias(a), x.name.as_str())),
        );
        fields.extend(
            dossier
                .claims
                .iter()
                .enumerate()
                .map(|(c, x)| (Field::Claim(c), x.text.as_str())),
        );
        let mut top: Option<(MatchClass, u8, i64, usize, usize, Field)> = None;
        for (field, text) in fields {
            let (folded, _) = fold_for_search(text);
            let lower = lower_one_for_one(&folded);
            let total: Option<i64> = query
                .terms
                .iter()
                .map(|t| score_term(&matcher, &folded, &lower, t))
                .sum();
            if let Some(total) = total {
                let key = (
                    class_of(query, &lower),
                    field.rank(),
                    total,
                    usize::MAX - text.len(),
                    ei,
                    field,
                );
                if top
                    .is_none_or(|t| (key.0, key.1, key.2, key.3, key.4) > (t.0, t.1, t.2, t.3, t.4))
                {
                    top = Some(key);
                }
            }
            ei += 1;
        }
        best.extend(top.map(|(c, r, s, l, _, f)| (c, r, s, l, d, f)));
    }
    best.sort_by(|a, b| {
        (b.0, b.1, b.2, b.3)
            .cmp(&(a.0, a.1, a.2, a.3))
            .then_with(|| name(a.4).cmp(&name(b.4)))
    });
    best.into_iter()
        .map(|(c, _, s, _, d, f)| (d, f, c, s.max(0)))
        .collect()
}

fn summary(hits: &[Hit]) -> Vec<(usize, Field, MatchClass, i64)> {
    hits.iter()
        .map(|h| (h.dossier, h.field, h.class, h.score))
        .collect()
}

/// Queries that take every path: single letters and digits (masks alone), a non-ASCII
/// letter, an upper-case letter typed later (the haystack changes), a second term, a
/// non-fuzzy term (and `'` alone: the empty query), negation, Cyrillic.
const QUERIES: &[&str] = &[
    "a",
    "e",
    "v",
    "1",
    "2023",
    "é",
    "ж",
    "nikitin",
    "kapus rvc",
    "legion sv",
    "rusVol",
    "bel ro",
    "'corps ^r",
    "leg !free",
    "de$",
    "легион",
    "volunteer c",
    "RDK",
    "z",
];

#[test]
fn ranking_equals_the_plain_statement_typed_and_from_scratch() {
    let corpus = bundled();
    let index = SearchIndex::new(&corpus);
    let mut checked = 0;
    for q in QUERIES {
        let mut previous: Option<Matched> = None;
        let mut typed_text = String::new();
        for end in (1..=q.len()).filter(|&e| q.is_char_boundary(e)) {
            let text = &q[..end];
            let query = parse(text);
            let want = reference(&corpus, &query);
            let scratch = index.rank(&query, None, &|| false);
            let scratch_matched = scratch.as_ref().map(|r| r.matched.items.clone());
            assert_eq!(
                scratch.map(|r| summary(&r.hits)),
                Some(want.clone()),
                "from scratch: {text:?}"
            );
            let prior = previous.as_ref().filter(|_| narrows(&typed_text, text));
            let typed = index.rank(&query, prior, &|| false);
            assert_eq!(
                typed.as_ref().map(|r| summary(&r.hits)),
                Some(want),
                "typed: {text:?}"
            );
            // What the next key reuses: the same entries, true greedy ends, true classes.
            if let Some(r) = &typed {
                let entries = |m: &[(u32, u32)]| m.iter().map(|p| p.0).collect::<Vec<_>>();
                assert_eq!(
                    Some(entries(&r.matched.items)),
                    scratch_matched.as_deref().map(entries),
                    "{text:?}"
                );
                assert_known_ends_and_classes(&index, &query, &r.matched);
            }
            previous = typed.map(|r| r.matched);
            typed_text = text.to_owned();
            checked += 1;
        }
    }
    assert!(checked > 60, "{checked}");
}

/// Every end a search left is where the greedy match of the query's last term ends, and
/// every class is the plain classification.
fn assert_known_ends_and_classes(index: &SearchIndex, query: &Query, m: &Matched) {
    let last = query.terms.last().filter(|t| narrowing::tracked(t));
    for &(ei, s) in &m.items {
        let e = ei as usize;
        let lower = index.entries.lower.get(e);
        let (end, class) = narrowing::unstate(s);
        if !query.is_empty() {
            assert_eq!(class, class_of(query, lower), "{query:?} {lower}");
        }
        if let Some(end) = end {
            let Some(t) = last else {
                panic!("an end without a tracked term: {query:?}");
            };
            let hay = if t.case_sensitive {
                index.entries.folded(e)
            } else {
                lower
            };
            let want = narrowing::greedy_end(hay.as_bytes(), 0, &t.text);
            assert_eq!(Some(end), want, "{query:?} {hay}");
        }
    }
}

/// The one-character path answers from the masks alone: its classes agree with the
/// plain classification, including `Equal` (an entry that is just the letter) and a
/// word start after punctuation.
#[test]
fn one_character_classes_from_masks() {
    let mut entries = Entries::new();
    for (i, text) in ["v", "a-v", "ava", "V", "Évé", "xyz"].iter().enumerate() {
        entries.push(i, Field::Name, text);
    }
    let index = SearchIndex {
        by_name: (0..6).collect(),
        name_rank: (0..6).collect(),
        name_entries: (0..6).collect(),
        entries,
        matcher: SkimMatcherV2::default().respect_case(),
    };
    let query = parse("v");
    assert!(narrowing::Plan::new(&query, None).one_char.is_some());
    let hits = index.rank(&query, None, &|| false).map(|r| {
        let mut s: Vec<_> = r.hits.iter().map(|h| (h.dossier, h.class)).collect();
        s.sort();
        s
    });
    use MatchClass::*;
    assert_eq!(
        hits,
        Some(vec![
            (0, Equal),
            (1, WordStart),
            (2, Substring),
            (3, Equal),
            (4, Substring)
        ])
    );
}
