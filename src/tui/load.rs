//! Checking the corpus and building the browser on a thread of its own, so the terminal
//! loop can draw the dossiers' names (`app::loading`) while the rest is checked. The
//! thread tells the loop on its channel: on a first start of a large corpus the names of
//! the files read so far (at the first part, then as they double), the outline once
//! every dossier file is parsed, each stage as it begins, then the checked browser — or
//! the number of errors that keep it from starting.
//!
//! The check runs on a rayon pool of its own, as wide as the global one: the early
//! browser's searches run on the global pool, and queued behind the check's parts
//! there, a filter key would wait for a whole stage (a second at 100,000 dossiers); on
//! two pools the system shares the cores between them.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::input::Msg;
use crate::app::App;
use crate::app::loading::Phase;
use crate::app::loading::cache;
use crate::check::{Progress, Stage};
use crate::data::DataRoot;
use crate::keymap::Keymap;
use crate::model::Dossier;

/// How the check ended.
#[derive(Debug)]
pub enum Checked {
    /// It passed: the browser on the checked corpus (searching synchronously, as
    /// `App::new` makes it), to take the early one's place.
    Ready(Box<App>),
    /// It found this many errors.
    Refused(usize),
}

/// Forwards the check's progress to the loop.
struct Tell {
    tx: Sender<Msg>,
    keymap: Keymap,
    /// Where the outline is kept for the next start, and the corpus's real path
    /// (`app::loading::cache`); `None` for the bundled corpus.
    cache: Option<(PathBuf, String)>,
    /// The names of the files read so far, drawn while the rest are read; `None` when
    /// the last start's names are drawn instead (they list every dossier).
    so_far: Option<Arc<SoFar>>,
}

/// The names of the dossier files read so far on a first start, and when the browser
/// on them was last sent and on how many: one at the first part read, then one when
/// their number has doubled, at most one a second ([`due`]), each built on a thread of
/// its own (`send_so_far`).
#[derive(Default)]
struct SoFar {
    read: Mutex<Read>,
    /// A browser on them is being built: a part read meanwhile waits for the next.
    building: Arc<AtomicBool>,
}

/// The names read so far and the last browser sent on them, under one lock.
#[derive(Default)]
struct Read {
    /// Each part's names as it was read: shared with a browser being built, so taking
    /// what was read so far costs the reading thread no copy.
    parts: Vec<Arc<Vec<Dossier>>>,
    /// When the last browser was sent, and on how many names.
    last: Option<(Instant, usize)>,
}

/// How long after one browser on the names read so far the next may be sent.
const AGAIN: Duration = Duration::from_secs(1);

/// True when a browser on the `names` read so far is due at `now`, the last sent at
/// `last` on that many: at first, then once they have doubled and a second has passed.
/// Each is built over all the names read so far while the rest of the files are read:
/// sent once a second, at 100,000 dossiers four of them made the checked browser come
/// 1.1× later (BENCHMARKS.md, "Issue 16, seventh pass"); doubling, together they cost
/// less than one browser on every name.
fn due(last: Option<(Instant, usize)>, now: Instant, names: usize) -> bool {
    last.is_none_or(|(t, n)| names >= 2 * n && now.duration_since(t) >= AGAIN)
}

impl Progress for Tell {
    fn stage(&self, stage: Stage) {
        let _ = self.tx.send(Msg::Progress(Phase::Checking(stage)));
    }

    fn wants_outline(&self, dossiers: usize) -> bool {
        dossiers >= crate::app::loading::OUTLINE_FROM
    }

    /// Only on a first start (no names from the last one) of a large corpus.
    fn wants_outline_parts(&self, files: usize) -> bool {
        self.so_far.is_some() && self.wants_outline(files)
    }

    /// The part's names join those read before; when due, a browser on all of them is
    /// built and sent on a thread of its own: built here, on the check's pool, its own
    /// parallel work would let this thread take another part of the files to read
    /// (rayon's work stealing) and send the browser a part late.
    fn outline_part(&self, part: Vec<Dossier>, _read: usize, total: usize) {
        let Some(so_far) = &self.so_far else {
            return;
        };
        let mut read = lock(&so_far.read);
        read.parts.push(Arc::new(part));
        let names = read.parts.iter().map(|p| p.len()).sum();
        let now = Instant::now();
        if !due(read.last, now, names) || so_far.building.swap(true, Ordering::AcqRel) {
            return;
        }
        read.last = Some((now, names));
        let parts = read.parts.clone();
        drop(read);
        let (building, tx, keymap) = (
            Arc::clone(&so_far.building),
            self.tx.clone(),
            self.keymap.clone(),
        );
        let spawned = std::thread::Builder::new()
            .name("names-so-far".into())
            .spawn(move || {
                send_so_far(&parts, total, keymap, &tx);
                building.store(false, Ordering::Release);
            });
        if spawned.is_err() {
            so_far.building.store(false, Ordering::Release);
        }
    }

    /// The early browser is built here, on the check's pool, the check waiting: built
    /// on the loop's thread it shared the cores with the check and took seconds at
    /// 100,000 dossiers instead of a fraction of one.
    /// The outline is kept for the next start: encoded and written on a thread of its
    /// own after the browser is sent, from the browser's own corpus (shared, not
    /// copied), so the first frame does not wait for the encoding (≈50 ms at 100,000
    /// dossiers on a busy machine, BENCHMARKS.md "Issue 16, sixth pass").
    fn outline(&self, dossiers: Vec<Dossier>) {
        if let Some(so_far) = &self.so_far {
            // Every name is in the outline now: the parts are not kept (a browser being
            // built on some of them holds those until it is sent).
            drop(std::mem::take(&mut lock(&so_far.read).parts));
        }
        let app = crate::app::loading::early(dossiers, self.keymap.clone(), (80, 24));
        let kept = self
            .cache
            .clone()
            .map(|cache| (cache, Arc::clone(&app.corpus)));
        let _ = self.tx.send(Msg::Outline(Box::new(app)));
        if let Some(((file, real), corpus)) = kept {
            let _ = std::thread::Builder::new()
                .name("outline-cache".into())
                .spawn(move || cache::write(&file, &cache::encode(&corpus.dossiers, &real)));
        }
    }
}

/// Builds the browser on the names of `parts`, `of` files in all, and sends it. A
/// browser on more names or every name may be shown by the time it comes: the loop
/// then keeps that one ([`crate::app::loading::refresh`]).
fn send_so_far(parts: &[Arc<Vec<Dossier>>], of: usize, keymap: Keymap, tx: &Sender<Msg>) {
    let names: Vec<Dossier> = parts.iter().flat_map(|p| p.iter().cloned()).collect();
    let app = crate::app::loading::early_so_far(names, of, keymap, (80, 24));
    let _ = tx.send(Msg::Outline(Box::new(app)));
}

/// `m` locked, whatever a panicking holder left: the names are only ever added to.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Starts the thread: checks the corpus at `root`; when it passes, runs `before_indexing`
/// (if any) and builds the browser with `keymap`, all on the check's pool. A loop that
/// has gone away (the user quit) ends the sends; the thread ends with the process.
pub fn spawn(
    root: DataRoot,
    keymap: Keymap,
    keep_names: bool,
    before_indexing: Option<fn()>,
    tx: Sender<Msg>,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("corpus-check".into())
        .spawn(move || {
            let work = || load(&root, keymap, keep_names, before_indexing, &tx);
            match rayon::ThreadPoolBuilder::new()
                .num_threads(rayon::current_num_threads())
                .thread_name(|i| format!("check-{i}"))
                .build()
            {
                Ok(pool) => pool.install(work),
                // No pool of its own: the global one still checks, only less fairly.
                Err(_) => work(),
            }
        })
        .map(|_| ())
}

/// Checks the corpus at `root`, telling the loop how it goes; with `keep_names` (the
/// config's `cache`), a large corpus's names are drawn from and kept in its cache file.
fn load(
    root: &DataRoot,
    keymap: Keymap,
    keep_names: bool,
    before_indexing: Option<fn()>,
    tx: &Sender<Msg>,
) {
    let cache = cache_file(root, keep_names);
    let cached = cache
        .as_ref()
        .is_some_and(|(file, real)| from_cache(file, real, keymap.clone(), tx));
    let tell = Tell {
        tx: tx.clone(),
        keymap: keymap.clone(),
        cache,
        so_far: (!cached).then(Arc::default),
    };
    let report = crate::check::check_watched(root, &tell);
    let errors = report.errors();
    let checked = if errors > 0 {
        Checked::Refused(errors)
    } else {
        let _ = tx.send(Msg::Progress(Phase::Indexing));
        if let Some(f) = before_indexing {
            f();
        }
        // The size is the loop's to set: the swap keeps the early browser's.
        Checked::Ready(Box::new(App::new(report.corpus, keymap, (80, 24))))
    };
    let _ = tx.send(Msg::Checked(Box::new(checked)));
}

/// Where the names of the corpus at `root` are kept, and its real path: nowhere for the
/// bundled corpus, or when the config says `cache = false` (`keep_names`).
fn cache_file(root: &DataRoot, keep_names: bool) -> Option<(PathBuf, String)> {
    match root {
        DataRoot::Dir(dir) if keep_names => cache::path(dir),
        DataRoot::Dir(_) | DataRoot::Bundled => None,
    }
}

/// Sends the browser on the last start's outline of the corpus, if one is kept, before
/// the check starts reading the files: on the check's pool, with the cores to itself
/// (beside a check reading 100,000 files it took seconds instead of a fraction of one).
/// True when one was sent.
fn from_cache(file: &Path, real: &str, keymap: Keymap, tx: &Sender<Msg>) -> bool {
    let Some(outline) = cache::read(file, real) else {
        return false;
    };
    let app = crate::app::loading::early_from_cache(outline, keymap, (80, 24));
    let _ = tx.send(Msg::Outline(Box::new(app)));
    true
}

#[cfg(test)]
mod tests {
    /// `cache = false` keeps no names and reads none; the bundled corpus has no file.
    #[test]
    fn no_cache_file_when_the_config_says_so() {
        let dir = crate::data::DataRoot::Dir(std::path::PathBuf::from("."));
        assert!(super::cache_file(&dir, true).is_some());
        assert!(super::cache_file(&dir, false).is_none());
        assert!(super::cache_file(&crate::data::DataRoot::Bundled, true).is_none());
    }

    /// A watcher of the check with no cache file, on a first start (`first`: it draws
    /// the names read so far) or not (the last start's names are shown).
    fn watcher(tx: std::sync::mpsc::Sender<super::Msg>, first: bool) -> super::Tell {
        super::Tell {
            tx,
            keymap: crate::keymap::Keymap::default_keymap(),
            cache: None,
            so_far: first.then(std::sync::Arc::default),
        }
    }

    /// The names are drawn first from [`crate::app::loading::OUTLINE_FROM`] dossiers on.
    #[test]
    fn only_a_large_corpus_gets_an_outline() {
        use crate::check::Progress as _;
        let (tx, _rx) = std::sync::mpsc::channel();
        let tell = watcher(tx, false);
        let from = crate::app::loading::OUTLINE_FROM;
        assert!(!tell.wants_outline(from - 1));
        assert!(tell.wants_outline(from));
        // The names read so far only on a first start (here: the last start's are shown).
        assert!(!tell.wants_outline_parts(from));
        let first = watcher(tell.tx.clone(), true);
        assert!(!first.wants_outline_parts(from - 1));
        assert!(first.wants_outline_parts(from));
    }

    /// The names of the early browsers `tell` sent, in the order they came, once it and
    /// every thread it started are done (each holds a sender).
    fn names_sent(
        tell: super::Tell,
        rx: &std::sync::mpsc::Receiver<super::Msg>,
    ) -> Vec<crate::app::loading::Names> {
        drop(tell);
        rx.iter()
            .filter_map(|m| match m {
                super::Msg::Outline(app) => app.loading.map(|l| l.names),
                _ => None,
            })
            .collect()
    }

    /// On a first start the first part's names are sent at once, the next parts' not
    /// before they have doubled, a second later; once every name is in the outline, no
    /// part is kept. When the last start's names are shown (no `so_far`), no part is sent.
    #[test]
    fn the_names_read_so_far_are_sent_at_first_then_as_they_double() {
        use crate::app::loading::Names;
        use crate::check::Progress as _;
        let (outline, _) = crate::test_support::bundled_outline();
        let (tx, rx) = std::sync::mpsc::channel();
        let tell = watcher(tx, true);
        let of = outline.len() + 10;
        tell.outline_part(outline[..4].to_vec(), 4, of);
        tell.outline_part(outline[4..8].to_vec(), 8, of);
        tell.outline(outline.clone());
        assert!(
            tell.so_far
                .iter()
                .all(|s| s.read.lock().is_ok_and(|r| r.parts.is_empty()))
        );
        let mut sent = names_sent(tell, &rx);
        // The browser on the first part is built on a thread of its own: it may come
        // after every name's (the loop then keeps every name's).
        sent.sort_by_key(|n| *n == Names::Read);
        assert_eq!(
            sent,
            [Names::SoFar { read: 4, of }, Names::Read],
            "the first part's names, and every name"
        );

        let (tx, rx) = std::sync::mpsc::channel();
        let cached = watcher(tx, false);
        cached.outline_part(outline[..4].to_vec(), 4, of);
        cached.outline(outline);
        assert_eq!(names_sent(cached, &rx), [Names::Read]);
    }

    /// A browser on the names read so far is due at first, then once they have doubled
    /// and a second has passed.
    #[test]
    fn due_at_first_then_doubled_after_a_second() {
        let t = std::time::Instant::now();
        let later = t + super::AGAIN;
        assert!(super::due(None, t, 10));
        assert!(!super::due(Some((t, 10)), t + super::AGAIN / 2, 20));
        assert!(!super::due(Some((t, 10)), later, 19));
        assert!(super::due(Some((t, 10)), later, 20));
    }

    /// The corpus folder is watched only once the check has read every file (stage 3 on):
    /// watched while the files are read, each read is an event, and at 100,000 dossiers
    /// the kernel's queue overflowed into a second load of the whole corpus.
    #[test]
    fn the_watch_waits_until_the_files_are_read() {
        use crate::app::loading::Phase;
        use crate::check::Stage;
        assert!(!super::super::read_all(Phase::Checking(Stage::Parsing {
            done: 0,
            total: 0
        })));
        assert!(!super::super::read_all(Phase::Checking(Stage::Sources)));
        assert!(super::super::read_all(Phase::Checking(Stage::Quotes)));
        assert!(super::super::read_all(Phase::Checking(Stage::Building {
            done: 0,
            total: 1
        })));
        assert!(super::super::read_all(Phase::Indexing));
    }
}
