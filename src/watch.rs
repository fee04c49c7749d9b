//! Live reload's core, without the terminal: watching a corpus folder and telling once
//! per settled change, and reloading the corpus into either a new checked [`Corpus`] or
//! the diagnostics that keep it from loading.
//!
//! Watching uses the `notify` crate (inotify on Linux), and falls back to polling when
//! the native watcher cannot start (inotify watches exhausted, a network file system):
//! gitui offers `--polling` for the same reason. Changes are debounced: a curator's
//! save is often several events (write a temporary file, rename it, touch the folder),
//! so the callback runs once, after `quiet` has passed with no further event. Reading
//! (access) events and files whose name starts with a dot (editor swap files, the
//! temporary files `dossier` itself writes before renaming) do not count.

use std::path::{Component, Path};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

use notify::{Event, EventKind, RecursiveMode, Watcher as _};

use crate::check::check;
use crate::data::DataRoot;
use crate::diag::Diagnostic;
use crate::model::Corpus;

/// The debounce a browser should use: long enough to cover one save's burst of events,
/// short enough to feel immediate.
pub const QUIET: Duration = Duration::from_millis(200);
/// How often the polling fallback looks at the files.
pub const POLL_EVERY: Duration = Duration::from_millis(500);

/// How to watch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The platform's watcher, polling if it cannot start.
    Native,
    /// Polling only, every given interval.
    Poll(Duration),
}

/// A running watch; dropping it stops the watcher and its thread.
pub struct Watch {
    watcher: Option<Box<dyn notify::Watcher + Send>>,
    thread: Option<JoinHandle<()>>,
    polling: bool,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("polling", &self.polling)
            .finish()
    }
}

impl Watch {
    /// True when the polling fallback is in use.
    pub fn polling(&self) -> bool {
        self.polling
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        // The watcher holds the only sender: dropping it ends the debounce thread.
        drop(self.watcher.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Watches `dir` and everything below it; `on_change` runs on a thread of its own once
/// per settled change (after `quiet` without a further event).
pub fn watch(
    dir: &Path,
    quiet: Duration,
    mode: Mode,
    mut on_change: impl FnMut() + Send + 'static,
) -> Result<Watch, String> {
    if !dir.is_dir() {
        return Err(format!(
            "{}: cannot watch for changes: not a folder",
            dir.display()
        ));
    }
    let (tx, rx) = mpsc::channel::<()>();
    let root = dir.to_path_buf();
    let handler = move |tx: mpsc::Sender<()>| {
        let root = root.clone();
        move |event: notify::Result<Event>| {
            // An error from the watcher may mean missed events: reload to be sure.
            if event.as_ref().map_or(true, |e| counts(&root, e)) {
                let _ = tx.send(());
            }
        }
    };
    let native = || -> notify::Result<Box<dyn notify::Watcher + Send>> {
        let mut w = notify::recommended_watcher(handler(tx.clone()))?;
        w.watch(dir, RecursiveMode::Recursive)?;
        Ok(Box::new(w))
    };
    let poll = |every: Duration| -> notify::Result<Box<dyn notify::Watcher + Send>> {
        let config = notify::Config::default()
            .with_poll_interval(every)
            .with_compare_contents(true);
        let mut w = notify::PollWatcher::new(handler(tx.clone()), config)?;
        w.watch(dir, RecursiveMode::Recursive)?;
        Ok(Box::new(w))
    };
    let (watcher, polling) = match mode {
        Mode::Native => match native() {
            Ok(w) => (w, false),
            Err(_) => (poll(POLL_EVERY).map_err(|e| failed(dir, &e))?, true),
        },
        Mode::Poll(every) => (poll(every).map_err(|e| failed(dir, &e))?, true),
    };
    drop(tx);
    let thread = std::thread::Builder::new()
        .name("corpus-watch".into())
        .spawn(move || {
            while rx.recv().is_ok() {
                loop {
                    match rx.recv_timeout(quiet) {
                        Ok(()) => {}
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                on_change();
            }
        })
        .map_err(|e| format!("cannot start the watching thread: {e}"))?;
    Ok(Watch {
        watcher: Some(watcher),
        thread: Some(thread),
        polling,
    })
}

fn failed(dir: &Path, e: &notify::Error) -> String {
    format!(
        "{}: cannot watch for changes ({e}); restart the browser to see edits",
        dir.display()
    )
}

/// True when `event` may change the corpus: not a read, and about at least one path
/// without a hidden component below `root` that is not merely a folder whose listing
/// changed (the file that changed it has its own event; the polling watcher reports
/// both).
fn counts(root: &Path, event: &Event) -> bool {
    match event.kind {
        EventKind::Access(_) => false,
        _ if event.paths.is_empty() => true,
        EventKind::Modify(_) => event.paths.iter().any(|p| visible(root, p) && !p.is_dir()),
        _ => event.paths.iter().any(|p| visible(root, p)),
    }
}

/// True when no component of `path` below `root` starts with a dot.
fn visible(root: &Path, path: &Path) -> bool {
    !path
        .strip_prefix(root)
        .unwrap_or(path)
        .components()
        .any(|c| matches!(c, Component::Normal(n) if n.to_string_lossy().starts_with('.')))
}

/// Loads and checks the corpus again: the new corpus when it has no error, otherwise
/// every diagnostic (errors and warnings, sorted, as `check` prints them), so the caller
/// can keep showing the last good corpus and list what is wrong.
pub fn reload(root: &DataRoot) -> Result<Corpus, Vec<Diagnostic>> {
    let report = check(root);
    if report.errors() > 0 {
        Err(report.diagnostics)
    } else {
        Ok(report.corpus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Instant;

    const TEST_QUIET: Duration = Duration::from_millis(300);

    fn wait_for(count: &AtomicUsize, want: usize) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while count.load(Ordering::SeqCst) < want && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// A burst of writes is one change; a later write is another; a hidden file and
    /// reading are none.
    fn once_per_settled_change(mode: Mode) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let sub = dir.path().join("dossiers/people");
        std::fs::create_dir_all(&sub).unwrap_or_else(|e| panic!("{e}"));
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let w = watch(dir.path(), TEST_QUIET, mode, move || {
            seen.fetch_add(1, Ordering::SeqCst);
        })
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(w.polling(), matches!(mode, Mode::Poll(_)));
        // Let a polling watcher take its first look before anything changes.
        std::thread::sleep(Duration::from_millis(300));
        for i in 0..5 {
            std::fs::write(sub.join("a.toml"), format!("id = \"a\" # {i}\n"))
                .unwrap_or_else(|e| panic!("{e}"));
            std::thread::sleep(Duration::from_millis(20));
        }
        wait_for(&count, 1);
        std::thread::sleep(TEST_QUIET * 3);
        assert_eq!(count.load(Ordering::SeqCst), 1, "a burst is one change");
        std::fs::write(dir.path().join(".a.toml.swp"), "x").unwrap_or_else(|e| panic!("{e}"));
        let _ = std::fs::read(sub.join("a.toml"));
        std::thread::sleep(TEST_QUIET * 3);
        assert_eq!(
            count.load(Ordering::SeqCst),
            1,
            "hidden files and reads are no change"
        );
        std::fs::write(sub.join("b.toml"), "id = \"b\"\n").unwrap_or_else(|e| panic!("{e}"));
        wait_for(&count, 2);
        assert_eq!(count.load(Ordering::SeqCst), 2);
        drop(w);
        std::fs::write(sub.join("c.toml"), "x").unwrap_or_else(|e| panic!("{e}"));
        std::thread::sleep(TEST_QUIET * 2);
        assert_eq!(count.load(Ordering::SeqCst), 2, "a dropped watch is silent");
    }

    #[test]
    fn native_watch_calls_once_per_settled_change() {
        once_per_settled_change(Mode::Native);
    }

    #[test]
    fn polling_watch_calls_once_per_settled_change() {
        once_per_settled_change(Mode::Poll(Duration::from_millis(50)));
    }

    #[test]
    fn watching_a_missing_folder_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let missing = dir.path().join("nope");
        let got = watch(&missing, TEST_QUIET, Mode::Native, || {});
        let Err(e) = got else {
            panic!("watching a missing folder")
        };
        assert!(
            e.contains("nope") && e.contains("cannot watch") && e.contains("not a folder"),
            "{e}"
        );
    }

    #[test]
    fn reload_gives_the_corpus_or_the_diagnostics() {
        let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        crate::test_support::copy_tree(&good, dir.path());
        let root = DataRoot::Dir(dir.path().to_path_buf());
        let Ok(corpus) = reload(&root) else {
            panic!("the good fixture must load")
        };
        assert!(!corpus.dossiers.is_empty());
        let victim = dir.path().join(&corpus.dossiers[0].path);
        std::fs::write(&victim, "id = 1\n").unwrap_or_else(|e| panic!("{e}"));
        let Err(diags) = reload(&root) else {
            panic!("a broken file must not load")
        };
        let shown = victim.display().to_string();
        assert!(diags.iter().any(|d| d.path == shown), "{diags:?}");
    }
}
