//! The index filter's engine: one query language over two scopes (dossiers, or every
//! sentence of every article), computed incrementally, and off the input thread.
//!
//! - Incremental: when the new query narrows the previous one (a character appended,
//!   [`narrows`]), only the previous query's matches are scored again.
//! - Positions (for highlighting) are not computed here: the index view computes them
//!   for the rows it shows.
//! - [`Worker`]: in the terminal the search runs on its own thread and the newest query
//!   wins: queued queries are skipped and a running one is abandoned as soon as a newer
//!   one arrives, so typing never waits for a search. Tests use [`Finder`] directly,
//!   synchronously.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, OnceLock};

use crate::model::Corpus;
use crate::search::passages::{Matched as PassageMatched, PassageHits, PassageIndex};
use crate::search::{DossierHits, Matched, SearchIndex, narrows, parse};

/// What the index filter searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Names, aliases and claims of the dossiers.
    #[default]
    Dossiers,
    /// Every sentence of every article.
    Passages,
}

impl Scope {
    /// The other scope.
    pub fn toggled(self) -> Scope {
        match self {
            Scope::Dossiers => Scope::Passages,
            Scope::Passages => Scope::Dossiers,
        }
    }
}

/// A finished search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Dossiers(DossierHits),
    Passages(PassageHits),
}

/// A search's answer, tagged with the request it answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    /// The request's generation; only the newest is applied.
    pub generation: u64,
    pub found: Found,
}

/// Runs searches, remembering the previous one of each scope for incremental search.
pub struct Finder {
    corpus: Arc<Corpus>,
    dossiers: Arc<SearchIndex>,
    /// Built on the first passage search (on the worker thread in the terminal).
    passages: Arc<OnceLock<PassageIndex>>,
    /// The previous dossier query and what it matched.
    last_dossiers: Option<(String, Matched)>,
    /// The previous passage query and what it matched (with where each match ended).
    last_passages: Option<(String, PassageMatched)>,
}

impl Finder {
    /// A finder over `corpus`, sharing its indexes with the view.
    pub fn new(
        corpus: Arc<Corpus>,
        dossiers: Arc<SearchIndex>,
        passages: Arc<OnceLock<PassageIndex>>,
    ) -> Finder {
        Finder {
            corpus,
            dossiers,
            passages,
            last_dossiers: None,
            last_passages: None,
        }
    }

    /// Searches `scope` for `text`; `None` when `cancelled` said stop.
    pub fn find(
        &mut self,
        scope: Scope,
        text: &str,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Found> {
        let query = parse(text);
        match scope {
            Scope::Dossiers => {
                let previous = self
                    .last_dossiers
                    .as_ref()
                    .filter(|(old, _)| narrows(old, text))
                    .map(|(_, m)| m);
                let (order, matched) = self.dossiers.rank_order(&query, previous, cancelled)?;
                self.last_dossiers = Some((text.to_owned(), matched));
                Some(Found::Dossiers(DossierHits::new(
                    order,
                    Arc::clone(&self.dossiers),
                )))
            }
            Scope::Passages => {
                let index = self
                    .passages
                    .get_or_init(|| PassageIndex::new(&self.corpus));
                let previous = self
                    .last_passages
                    .as_ref()
                    .filter(|(old, _)| narrows(old, text))
                    .map(|(_, m)| m);
                let (hits, matched) = index.rank(&self.corpus, &query, previous, cancelled)?;
                self.last_passages = Some((text.to_owned(), matched));
                Some(Found::Passages(hits))
            }
        }
    }
}

/// A search request for the worker.
struct Request {
    generation: u64,
    scope: Scope,
    query: String,
}

/// A [`Finder`] on its own thread; the newest request wins.
pub struct Worker {
    tx: Sender<Request>,
    latest: Arc<AtomicU64>,
}

impl Worker {
    /// Starts the thread; `deliver` is called on it with each finished search.
    pub fn spawn(mut finder: Finder, deliver: impl Fn(Done) + Send + 'static) -> Worker {
        let (tx, rx) = channel::<Request>();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        std::thread::spawn(move || {
            while let Ok(mut req) = rx.recv() {
                // Skip every request a newer one has replaced.
                while let Ok(r) = rx.try_recv() {
                    req = r;
                }
                let generation = req.generation;
                let cancelled = || newest.load(Ordering::Relaxed) != generation;
                if let Some(found) = finder.find(req.scope, &req.query, &cancelled) {
                    deliver(Done { generation, found });
                }
                if req.scope == Scope::Passages {
                    // The previous key's lists were freed here, and mimalloc keeps a
                    // thread's freed pages for that thread: held while the UI thread
                    // and rayon's threads allocate beside them, they were a part of the
                    // browser's peak with a passage search open (BENCHMARKS.md, "sixth
                    // pass: passages memory"). The next key's lists are a few page
                    // faults to make again, a millisecond against a key's tens.
                    crate::pages::release_own_pages();
                }
            }
        });
        Worker { tx, latest }
    }

    /// Asks for a search; any older one still running is abandoned.
    pub fn send(&self, generation: u64, scope: Scope, query: &str) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.tx.send(Request {
            generation,
            scope,
            query: query.to_owned(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Arc<Corpus> {
        Arc::new(crate::check::check(&crate::data::DataRoot::Bundled).corpus)
    }

    fn finder(corpus: &Arc<Corpus>) -> Finder {
        Finder::new(
            Arc::clone(corpus),
            Arc::new(SearchIndex::new(corpus)),
            Arc::new(OnceLock::new()),
        )
    }

    /// Typing a query one key at a time gives exactly the hits of searching it whole,
    /// in both scopes, including queries that must not be narrowed (negation, `$`).
    #[test]
    fn incremental_equals_from_scratch() {
        let corpus = bundled();
        for scope in [Scope::Dossiers, Scope::Passages] {
            for q in [
                "nikitin",
                "kapus rvc",
                "legion$x",
                "leg !free",
                "'corps ^r",
                "Bel",
                "volunteer c",
                "rusVol",
            ] {
                let mut typed = finder(&corpus);
                let mut got = None;
                for end in (1..=q.len()).filter(|&e| q.is_char_boundary(e)) {
                    got = typed.find(scope, &q[..end], &|| false);
                }
                let want = finder(&corpus).find(scope, q, &|| false);
                assert_eq!(got, want, "{scope:?} {q}");
            }
        }
    }

    #[test]
    fn cancelled_search_returns_nothing() {
        let corpus = bundled();
        assert_eq!(finder(&corpus).find(Scope::Passages, "a", &|| true), None);
    }

    #[test]
    fn worker_delivers_only_the_newest_query() {
        let corpus = bundled();
        let (tx, rx) = channel();
        let worker = Worker::spawn(finder(&corpus), move |d| {
            let _ = tx.send(d);
        });
        for (g, q) in ["l", "le", "leg", "legion"].iter().enumerate() {
            worker.send(g as u64 + 1, Scope::Dossiers, q);
        }
        let want = finder(&corpus).find(Scope::Dossiers, "legion", &|| false);
        // Older answers may arrive (a search finished before the next key); the newest
        // arrives last and equals a search from scratch.
        let mut last = None;
        while let Ok(d) = rx.recv_timeout(std::time::Duration::from_secs(20)) {
            let newest = d.generation == 4;
            last = Some(d);
            if newest {
                break;
            }
        }
        assert_eq!(last.map(|d| (d.generation, Some(d.found))), Some((4, want)));
    }
}
