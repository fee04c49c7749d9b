//! Checking the corpus and building the browser on a thread of its own, so the terminal
//! loop can draw the dossiers' names (`app::loading`) while the rest is checked. The
//! thread tells the loop on its channel: the outline once every dossier file is parsed,
//! each stage as it begins, then the checked browser — or the number of errors that
//! keep it from starting.
//!
//! The check runs on a rayon pool of its own, as wide as the global one: the early
//! browser's searches run on the global pool, and queued behind the check's parts
//! there, a filter key would wait for a whole stage (a second at 100,000 dossiers); on
//! two pools the system shares the cores between them.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

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
}

impl Progress for Tell {
    fn stage(&self, stage: Stage) {
        let _ = self.tx.send(Msg::Progress(Phase::Checking(stage)));
    }

    fn wants_outline(&self, dossiers: usize) -> bool {
        dossiers >= crate::app::loading::OUTLINE_FROM
    }

    /// The early browser is built here, on the check's pool, the check waiting: built
    /// on the loop's thread it shared the cores with the check and took seconds at
    /// 100,000 dossiers instead of a fraction of one.
    /// The outline is kept for the next start: encoded and written on a thread of its
    /// own after the browser is sent, from the browser's own corpus (shared, not
    /// copied), so the first frame does not wait for the encoding (≈50 ms at 100,000
    /// dossiers on a busy machine, BENCHMARKS.md "Issue 16, sixth pass").
    fn outline(&self, dossiers: Vec<Dossier>) {
        let app = crate::app::loading::early(dossiers, self.keymap.clone(), (80, 24));
        let kept = self
            .cache
            .clone()
            .map(|cache| (cache, std::sync::Arc::clone(&app.corpus)));
        let _ = self.tx.send(Msg::Outline(Box::new(app)));
        if let Some(((file, real), corpus)) = kept {
            let _ = std::thread::Builder::new()
                .name("outline-cache".into())
                .spawn(move || cache::write(&file, &cache::encode(&corpus.dossiers, &real)));
        }
    }
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
    if let Some((file, real)) = &cache {
        from_cache(file, real, keymap.clone(), tx);
    }
    let tell = Tell {
        tx: tx.clone(),
        keymap: keymap.clone(),
        cache,
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
fn from_cache(file: &Path, real: &str, keymap: Keymap, tx: &Sender<Msg>) {
    if let Some(outline) = cache::read(file, real) {
        let app = crate::app::loading::early_from_cache(outline, keymap, (80, 24));
        let _ = tx.send(Msg::Outline(Box::new(app)));
    }
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

    /// The names are drawn first from [`crate::app::loading::OUTLINE_FROM`] dossiers on.
    #[test]
    fn only_a_large_corpus_gets_an_outline() {
        use crate::check::Progress as _;
        let (tx, _rx) = std::sync::mpsc::channel();
        let tell = super::Tell {
            tx,
            keymap: crate::keymap::Keymap::default_keymap(),
            cache: None,
        };
        let from = crate::app::loading::OUTLINE_FROM;
        assert!(!tell.wants_outline(from - 1));
        assert!(tell.wants_outline(from));
    }

    /// The corpus folder is watched only once the check has read every file (stage 3 on):
    /// watched while the files are read, each read is an event, and at 100,000 dossiers
    /// the kernel's queue overflowed into a second load of the whole corpus.
    #[test]
    fn the_watch_waits_until_the_files_are_read() {
        use crate::app::loading::Phase;
        use crate::check::Stage;
        assert!(!super::super::read_all(Phase::Checking(Stage::Parsing)));
        assert!(!super::super::read_all(Phase::Checking(Stage::Sources)));
        assert!(super::super::read_all(Phase::Checking(Stage::Quotes)));
        assert!(super::super::read_all(Phase::Checking(Stage::Building {
            done: 0,
            total: 1
        })));
        assert!(super::super::read_all(Phase::Indexing));
    }
}
