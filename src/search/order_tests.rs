//! The answer built when read ([`order::Order`]: the best dossiers picked for scoring by
//! selection, the unscored ones packed and put in order lazily, the two merged level by
//! level) against the full sort it replaces, on a corpus larger than [`SCORED`] (the
//! bundled one, which `rank_tests` uses, is all scored and never leaves a hit unscored).

use super::*;

/// A corpus of `n` dossiers from a few syllables: many equal lengths and equal names
/// (ties by length, then by name, then in the order found), aliases and claims on
/// every level.
fn index(n: usize) -> SearchIndex {
    const SYLLABLES: [&str; 8] = ["ka", "ro", "va", "len", "mi", "tor", "a", "sun"];
    let mut seed = 7u64;
    let mut next = |m: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        ((seed >> 33) as usize) % m
    };
    let word = |next: &mut dyn FnMut(usize) -> usize| {
        (0..1 + next(3))
            .map(|_| SYLLABLES[next(SYLLABLES.len())])
            .collect::<String>()
    };
    let mut entries = Entries::new();
    let mut name_entries = Vec::new();
    let mut names = Vec::new();
    for d in 0..n {
        let name = format!("{} {}", word(&mut next), word(&mut next));
        name_entries.push(entries.len());
        entries.push(d, Field::Name, &name);
        names.push(name.to_lowercase());
        for a in 0..next(3) {
            entries.push(d, Field::Alias(a), &word(&mut next));
        }
        for c in 0..next(3) {
            let claim = format!("{} said {} {}", word(&mut next), word(&mut next), d % 10);
            entries.push(d, Field::Claim(c), &claim);
        }
    }
    SearchIndex::with_entries(entries, name_entries, &names)
}

/// (dossier, entry, class, score) of every hit by the full sort: every dossier's best
/// level, the best SCORED dossiers by (level, shortness, entry) scored at the first level
/// where an entry scores, the others unscored, and everything sorted by (class, field,
/// score, shortness), then name, then the order the dossiers were picked in.
fn full_sort(index: &SearchIndex, query: &Query) -> Vec<(usize, usize, MatchClass, i64)> {
    let e = &index.entries;
    let short = |ei: usize| usize::MAX - e.meta[ei].len as usize;
    let may = |ei: usize| {
        query
            .terms
            .iter()
            .all(|t| term_may_match(&index.matcher, e.folded(ei), e.lower.get(ei), t))
    };
    // Each matching dossier: its entries at their levels, best level first.
    let mut groups: Vec<Vec<(MatchClass, u8, usize)>> = Vec::new();
    for d in 0..index.name_entries.len() {
        let mine = (index.name_entries[d]..e.len()).take_while(|&ei| e.dossier(ei) == d);
        let mut g: Vec<(MatchClass, u8, usize)> = mine
            .filter(|&ei| may(ei))
            .map(|ei| (class_of(query, e.lower.get(ei)), e.meta[ei].rank, ei))
            .collect();
        g.sort_by(|a, b| (b.0, b.1, a.2).cmp(&(a.0, a.1, b.2)));
        if !g.is_empty() {
            groups.push(g);
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse((g[0].0, g[0].1, short(g[0].2), usize::MAX - g[0].2)));
    let mut found = Vec::new();
    for (k, g) in groups.iter().enumerate() {
        if k >= SCORED {
            let (c, r, ei) = g[0];
            found.push((c, r, i64::MIN, short(ei), ei, k));
            continue;
        }
        let mut levels: Vec<(MatchClass, u8)> = g.iter().map(|l| (l.0, l.1)).collect();
        levels.dedup();
        let best = levels.into_iter().find_map(|level| {
            g.iter()
                .filter(|l| (l.0, l.1) == level)
                .filter_map(|&(c, r, ei)| {
                    Some((c, r, index.total_score(ei, query)?, short(ei), ei))
                })
                .max()
        });
        if let Some((c, r, s, sh, ei)) = best {
            found.push((c, r, s, sh, ei, k));
        }
    }
    found.sort_by_key(|&(c, r, s, sh, ei, k)| {
        (
            std::cmp::Reverse((c, r, s, sh)),
            index.name_rank[e.dossier(ei)],
            k,
        )
    });
    found
        .into_iter()
        .map(|(c, _, s, _, ei, _)| (e.dossier(ei), ei, c, s.max(0)))
        .collect()
}

fn lazily(index: &SearchIndex, order: &Order) -> Vec<(usize, usize, MatchClass, i64)> {
    (0..order.len())
        .map_while(|i| order.get(i, index))
        .map(|s| {
            let ei = s.entry as usize;
            (index.entries.dossier(ei), ei, s.class, s.score.max(0))
        })
        .collect()
}

#[test]
fn built_when_read_equals_the_full_sort_past_scored() {
    let index = index(3 * SCORED);
    let mut unscored = 0;
    for q in ["a", "ka", "kar", "ro v", "'len", "mi s", "sun$"] {
        let mut previous: Option<Matched> = None;
        let mut typed = String::new();
        for end in 1..=q.len() {
            let text = &q[..end];
            let query = parse(text);
            if query.is_empty() {
                continue; // `'` alone: every dossier by name, not ranked
            }
            let want = full_sort(&index, &query);
            let prior = previous.as_ref().filter(|_| narrows(&typed, text));
            let Some((order, matched)) = index.rank_order(&query, prior, &|| false) else {
                panic!("not cancelled");
            };
            let got = lazily(&index, &order);
            let first_difference =
                (0..want.len().max(got.len())).find(|&i| got.get(i) != want.get(i));
            assert_eq!(
                first_difference.map(|i| (i, got.get(i), want.get(i))),
                None,
                "{text:?}: {} hits, {} wanted",
                got.len(),
                want.len()
            );
            unscored += want.len().saturating_sub(SCORED);
            previous = Some(matched);
            typed = text.to_owned();
        }
    }
    // The queries leave thousands of dossiers unscored, past the sorted head.
    assert!(unscored > 10 * order::HEAD, "{unscored}");
}

/// A key scores only the dossiers of the levels its first rows show: the others are
/// scored when a row past them is read, and read the same as scored at once.
#[test]
fn later_levels_are_scored_when_first_read() {
    let index = index(3 * SCORED);
    let query = parse("ka");
    let Some((order, _)) = index.rank_order(&query, None, &|| false) else {
        panic!("not cancelled");
    };
    assert!(!order.later.groups.is_empty(), "levels left for later");
    let first: Vec<_> = (0..order::EAGER)
        .map_while(|i| order.get(i, &index))
        .collect();
    assert_eq!(first.len(), order::EAGER);
    assert!(order.later_scored.get().is_none(), "scored before read");
    assert_eq!(lazily(&index, &order), full_sort(&index, &query));
    assert!(order.later_scored.get().is_some());
}
