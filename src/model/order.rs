//! The orders lists take. Dossiers: by weight (what the articles say most about first),
//! by name, by kind; `dossier list --sort` and the browser's index (its order before
//! anything is typed, cycled with a key) both sort through [`sorted`], so they agree.
//! Sources: grouped by what they derive from ([`source_groups`]), for `dossier sources`
//! and the sources view.

use super::{Corpus, Dossier, Source};

/// An order of dossiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Most citations first (every citation of every alias, claim, variant and relation,
    /// across all sources); ties by name.
    #[default]
    Weight,
    /// By name, ignoring case; ties by id.
    Name,
    /// People, groups, events, places; by name within each kind.
    Kind,
}

impl Order {
    /// The next order in the cycle weight → name → kind → weight.
    pub fn next(self) -> Order {
        match self {
            Order::Weight => Order::Name,
            Order::Name => Order::Kind,
            Order::Kind => Order::Weight,
        }
    }

    /// The word for it, as the index header and `--sort` say it.
    pub fn as_str(self) -> &'static str {
        match self {
            Order::Weight => "weight",
            Order::Name => "name",
            Order::Kind => "kind",
        }
    }
}

/// A dossier's weight: how many citations back it, across every source.
pub fn weight(d: &Dossier) -> usize {
    d.all_cites().count()
}

/// Indices into `corpus.dossiers`, in `order`.
pub fn sorted(corpus: &Corpus, order: Order) -> Vec<usize> {
    use rayon::prelude::*;
    // On the pool from this many dossiers: at 100,000 the early browser's first
    // frame waited for this on one core, the other idle (BENCHMARKS.md, "Issue 16,
    // sixth pass"). The order is total (the last tie broken by index), so a parallel
    // or unstable sort gives the same.
    let large = corpus.dossiers.len() >= 256;
    let lower = |d: &Dossier| d.name.to_lowercase();
    let names: Vec<String> = if large {
        corpus.dossiers.par_iter().map(lower).collect()
    } else {
        corpus.dossiers.iter().map(lower).collect()
    };
    let weights: Vec<usize> = match order {
        Order::Weight => corpus.dossiers.iter().map(weight).collect(),
        _ => Vec::new(),
    };
    let mut v: Vec<usize> = (0..corpus.dossiers.len()).collect();
    // Dossiers are sorted by id, so the index breaks the last ties by id.
    let cmp = |&a: &usize, &b: &usize| {
        let by_name = names[a].cmp(&names[b]).then(a.cmp(&b));
        match order {
            Order::Weight => weights[b].cmp(&weights[a]).then(by_name),
            Order::Name => by_name,
            Order::Kind => corpus.dossiers[a]
                .kind
                .cmp(&corpus.dossiers[b].kind)
                .then(by_name),
        }
    };
    if large {
        v.par_sort_unstable_by(cmp);
    } else {
        v.sort_unstable_by(cmp);
    }
    v
}

/// Each dossier's place in `order` (`ranks[d]` for dossier index `d`): what a list of
/// hits sorts by to take that order.
pub fn ranks(corpus: &Corpus, order: Order) -> Vec<usize> {
    let mut r = vec![0; corpus.dossiers.len()];
    for (place, d) in sorted(corpus, order).into_iter().enumerate() {
        r[d] = place;
    }
    r
}

/// Each order's [`ranks`], worked out on first use and kept, for one corpus: the
/// browser's index takes them whenever its filter is emptied (Ctrl-U, Esc, the last
/// backspace), and working them out again (every dossier's weight, every name
/// lower-cased, a sort) took 5–15 ms at 10,000 dossiers, a fifth of a typing session's
/// CPU when a filter was cleared between queries (BENCHMARKS.md, "after the merges").
#[derive(Debug, Default)]
pub struct Ranks([std::sync::OnceLock<Vec<usize>>; 3]);

impl Ranks {
    /// [`ranks`] of `corpus` in `order`: the corpus must be the one these were first
    /// asked for (the browser keeps one `Ranks` per corpus it shows).
    pub fn get(&self, corpus: &Corpus, order: Order) -> &[usize] {
        let slot = match order {
            Order::Weight => 0,
            Order::Name => 1,
            Order::Kind => 2,
        };
        self.0[slot].get_or_init(|| ranks(corpus, order))
    }
}

/// What a source derives from: its `original`, else its own `outlet`. Sources with the
/// same origin are one source when counting corroboration.
pub fn origin(s: &Source) -> &str {
    s.original.as_deref().unwrap_or(&s.outlet)
}

/// The sources (indices into `corpus.sources`) grouped by [`origin`]: groups in the
/// registry order of their first source, sources in registry order within a group.
pub fn source_groups(corpus: &Corpus) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, s) in corpus.sources.iter().enumerate() {
        let key = origin(s);
        match groups
            .iter_mut()
            .find(|g| g.first().and_then(|&f| corpus.sources.get(f)).map(origin) == Some(key))
        {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::DataRoot;

    #[test]
    fn kept_ranks_are_each_orders_ranks_worked_out_once() {
        let c = crate::check::check(&DataRoot::Bundled).corpus;
        let kept = Ranks::default();
        for order in [Order::Weight, Order::Name, Order::Kind, Order::Weight] {
            assert_eq!(kept.get(&c, order), ranks(&c, order), "{order:?}");
            // The same list, not a new one: nothing is worked out twice.
            assert!(std::ptr::eq(kept.get(&c, order), kept.get(&c, order)));
        }
        assert_ne!(kept.get(&c, Order::Weight), kept.get(&c, Order::Name));
    }

    #[test]
    fn weight_puts_the_most_cited_first_name_and_kind_sort_as_said() {
        let c = crate::check::check(&DataRoot::Bundled).corpus;
        let by_weight = sorted(&c, Order::Weight);
        let w: Vec<usize> = by_weight.iter().map(|&i| weight(&c.dossiers[i])).collect();
        assert!(w.windows(2).all(|p| p[0] >= p[1]), "weights descend: {w:?}");
        assert!(
            w[0] > w[w.len() - 1],
            "the bundled corpus has unequal weights"
        );
        // Ties by name.
        for p in by_weight.windows(2) {
            let (a, b) = (&c.dossiers[p[0]], &c.dossiers[p[1]]);
            if weight(a) == weight(b) {
                assert!(a.name.to_lowercase() <= b.name.to_lowercase());
            }
        }
        let by_name = sorted(&c, Order::Name);
        let names: Vec<String> = by_name
            .iter()
            .map(|&i| c.dossiers[i].name.to_lowercase())
            .collect();
        assert!(names.windows(2).all(|p| p[0] <= p[1]));
        let by_kind = sorted(&c, Order::Kind);
        let kinds: Vec<_> = by_kind.iter().map(|&i| c.dossiers[i].kind).collect();
        assert!(kinds.windows(2).all(|p| p[0] <= p[1]));
        assert_ne!(by_weight, by_name);
        let r = ranks(&c, Order::Weight);
        assert_eq!(r[by_weight[0]], 0);
        assert_eq!(Order::Weight.next().next().next(), Order::Weight);
    }

    #[test]
    fn sources_sharing_an_original_form_one_group() {
        let c = crate::check::check(&DataRoot::Bundled).corpus;
        let groups = source_groups(&c);
        let shorts: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| g.iter().map(|&i| c.sources[i].short.as_str()).collect())
            .collect();
        assert_eq!(
            shorts,
            vec![
                vec!["NBC-mt", "NBC-para"],
                vec!["watson"],
                vec!["ElComercio"],
                vec!["TodayIT"]
            ]
        );
    }
}
