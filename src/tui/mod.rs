//! The browser's event loop: wait (blocking, no ticks) for a key, mouse report, paste,
//! resize, signal or dead terminal — or, while the index's preview waits for the
//! selection to rest, until that deadline (`rest`); drain everything pending; update;
//! draw once.
//!
//! The corpus is checked on a thread of its own (`load`): the first frame is drawn as
//! soon as the dossiers' names are known, the checked browser swapped in when it is
//! ready (`app::loading`), and keys that need it held until then.

pub mod encode;
pub mod input;
pub mod keys;
pub mod load;
pub mod rest;
pub mod scroll;
pub mod sink;
pub mod term;

#[cfg(test)]
mod model_tests;
#[cfg(test)]
mod seen;

use std::io::IsTerminal as _;
use std::process::ExitCode;
use std::sync::mpsc;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App, update};
use crate::config::Config;
use crate::data::DataRoot;
use crate::ui::render;
use input::Msg;

/// Why the browser will not start here, if it will not.
pub fn unsupported() -> Option<String> {
    let term = std::env::var("TERM").unwrap_or_default();
    if !std::io::stdout().is_terminal() {
        return Some("stdout is not a terminal".into());
    }
    if term == "dumb" {
        return Some("TERM=dumb cannot show a full-screen browser".into());
    }
    None
}

/// What the browser is asked to do besides browsing.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--cite-to FILE`: where citations made in the reader are appended.
    pub cite_to: Option<std::path::PathBuf>,
    /// Run on the checking thread's pool after a check that passed, before the browser's
    /// indexes are built (the binary returns the check's freed pages to the system).
    pub before_indexing: Option<fn()>,
}

/// The corpus at `root`, checked, in the browser until the user quits, a signal
/// arrives or the terminal dies. A corpus with errors is refused (exit 1), before the
/// first frame or, when the check ends after it, once the full screen is left.
pub fn run(root: DataRoot, config: Config, options: Options) -> ExitCode {
    if let Some(why) = unsupported() {
        // Without a terminal the corpus is still checked first: its errors come before
        // the complaint about the terminal, as they always have.
        if crate::cli::verified(&root).is_none() {
            return ExitCode::from(1);
        }
        eprintln!(
            "dossier: {why}; the browser needs an interactive terminal.\n\
             Use the non-interactive commands instead: `dossier list`, `dossier show ID`, `dossier search QUERY` (see --help)."
        );
        return ExitCode::from(2);
    }
    match run_loop(&root, config, options) {
        Ok(code) => code,
        Err(e) => {
            term::restore();
            eprintln!("dossier: terminal error: {e}");
            ExitCode::from(1)
        }
    }
}

/// True once the check has read every file of the corpus: from then on it works on what
/// it read.
fn read_all(p: crate::app::loading::Phase) -> bool {
    use crate::app::loading::Phase;
    use crate::check::Stage;
    matches!(
        p,
        Phase::Checking(Stage::Quotes | Stage::Building { .. }) | Phase::Indexing
    )
}

/// Starts watching the corpus folder on a thread of its own, which hands the watch (or why
/// it cannot) to the loop: watching walks every folder (a second at 100,000 dossiers).
/// Started once the check has read the files, as it always was after the check: a watch
/// set while 120,000 files are read sees each open (notify asks inotify for `IN_OPEN`),
/// and at 100,000 dossiers the kernel's event queue overflowed, which the watch must
/// take for a change — the whole corpus was loaded and checked a second time
/// (BENCHMARKS.md). True when a thread was started.
fn start_watch(root: &DataRoot, tx: &mpsc::Sender<Msg>) -> std::io::Result<bool> {
    let DataRoot::Dir(dir) = root else {
        return Ok(false);
    };
    let (dir, watch_tx) = (dir.clone(), tx.clone());
    std::thread::Builder::new()
        .name("corpus-watch-start".into())
        .spawn(move || {
            let reload_tx = watch_tx.clone();
            let w = crate::watch::watch(
                &dir,
                crate::watch::QUIET,
                crate::watch::Mode::Native,
                move || {
                    let _ = reload_tx.send(Msg::Reload);
                },
            );
            let _ = watch_tx.send(Msg::Watching(w));
        })?;
    Ok(true)
}

/// What the loop starts on.
enum Start {
    Checked(Box<App>),
    Outline(Box<App>, crate::app::loading::Phase),
    /// Leave with this code: refused, or a signal.
    Exit(ExitCode),
}

/// Waits, before the terminal is taken, for what the first frame can show: the checked
/// browser, or, for a large corpus (`app::loading::OUTLINE_FROM`), the browser on the
/// dossiers' names. The watch on the corpus folder is started here once the files are
/// read (`start_watch`, `watch_started`), and a checked browser waits for it, so an
/// edit made once the first frame is up is never missed, as before the check moved to
/// its own thread. Messages for the loop (the watch, a reload) are kept in `deferred`,
/// in order.
fn first_state(
    root: &DataRoot,
    rx: &mpsc::Receiver<Msg>,
    tx: &mpsc::Sender<Msg>,
    watch_started: &mut bool,
    deferred: &mut Vec<Msg>,
) -> std::io::Result<Start> {
    let mut checked = None;
    let mut phase =
        crate::app::loading::Phase::Checking(crate::check::Stage::Parsing { done: 0, total: 0 });
    // True while the watch is being started and has not been handed over.
    let mut watching = false;
    loop {
        if let Some(app) = checked.take() {
            if !watching {
                return Ok(Start::Checked(app));
            }
            checked = Some(app);
        }
        let Ok(msg) = rx.recv() else {
            return Err(std::io::Error::other(
                "the corpus check stopped unexpectedly",
            ));
        };
        match msg {
            // The last start's names (`loading::cache`) come too late once checked.
            Msg::Outline(app) if checked.is_none() => return Ok(Start::Outline(app, phase)),
            Msg::Progress(p) => {
                phase = p;
                if read_all(p) && !*watch_started {
                    *watch_started = true;
                    watching = start_watch(root, tx)?;
                }
            }
            Msg::Checked(c) => match *c {
                load::Checked::Ready(app) => checked = Some(app),
                load::Checked::Refused(n) => {
                    crate::cli::refuse(root, n);
                    return Ok(Start::Exit(ExitCode::from(1)));
                }
            },
            Msg::Signal(n) if n != libc::SIGCONT => {
                return Ok(Start::Exit(ExitCode::from((128 + n).clamp(0, 255) as u8)));
            }
            m @ Msg::Watching(_) => {
                watching = false;
                deferred.push(m);
            }
            m @ Msg::Reload => deferred.push(m),
            // Resizes and the rest: the size is read when the terminal is taken.
            _ => {}
        }
    }
}

fn run_loop(root: &DataRoot, config: Config, options: Options) -> std::io::Result<ExitCode> {
    let Config {
        keymap,
        theme,
        mouse,
        history,
        cache,
    } = config;
    term::install_panic_hook();
    let (tx, rx) = mpsc::channel();
    input::spawn_signals(tx.clone())?;
    load::spawn(
        root.clone(),
        keymap,
        cache,
        options.before_indexing,
        tx.clone(),
    )?;
    // The watch starts once the check has read every file (`start_watch`).
    let mut watch_started = false;
    // Messages for the loop that came before it started.
    let mut deferred = Vec::new();
    let start = match first_state(root, &rx, &tx, &mut watch_started, &mut deferred)? {
        Start::Exit(code) => return Ok(code),
        s => s,
    };
    term::enter(mouse)?;
    let _guard = term::Guard;
    // Diffs against what the terminal shows and scrolls the reader with a scroll region.
    let mut terminal = Terminal::new(scroll::ScrollBackend::new(CrosstermBackend::new(
        std::io::stdout(),
    )))?;
    let size = terminal.size()?;
    let mut app = match start {
        Start::Checked(app) => {
            let mut app = *app;
            update(&mut app, Action::Resize(size.width, size.height));
            app
        }
        Start::Outline(app, phase) => {
            let mut app = *app;
            update(&mut app, Action::Resize(size.width, size.height));
            if let Some(l) = &mut app.loading {
                l.phase = phase;
            }
            app
        }
        Start::Exit(code) => return Ok(code),
    };
    app.cite_to = options.cite_to;
    let mut history_file = crate::app::history::Store::open(history, &mut app);
    background(&mut app, &tx);
    // Keys that need the checked corpus, and every key after them, while it is checked.
    let mut held: Vec<crate::keymap::Key> = Vec::new();
    // A change on disk while the start's check runs is loaded after it.
    let mut reload_after_check = false;
    // Kept for the loop's life once it comes: dropping it stops watching.
    let mut _watch = None;
    let found_tx = tx.clone();
    input::spawn(tx);
    let mut reader_pos = scroll::draw(&mut terminal, &app, None, |f| render(&app, &theme, f))?;
    // Set while the index's preview waits for the selection to rest (`rest`).
    let mut preview_due = None;
    let mut clicks = crate::app::mouse::DoubleClick::default();
    loop {
        let mut pending: std::collections::VecDeque<Msg> = std::mem::take(&mut deferred).into();
        if pending.is_empty() {
            match rest::wait(&rx, preview_due) {
                rest::Wake::Msg(m) => pending.push_back(m),
                rest::Wake::Closed => break,
                rest::Wake::Rested => {
                    preview_due = None;
                    crate::app::preview::settle(&mut app);
                    reader_pos = scroll::draw(&mut terminal, &app, reader_pos.as_ref(), |f| {
                        render(&app, &theme, f)
                    })?;
                    continue;
                }
            }
        }
        let preview_before = rest::before(&app);
        pending.extend(rx.try_iter());
        let mut full_redraw = false;
        // A resize storm re-wraps once: only the last size of the batch is applied.
        let mut resize = None;
        // A key that started a search waits a moment for its answer (`rest::answer`).
        let answer_by = std::time::Instant::now() + rest::ANSWER;
        while let Some(msg) = pending.pop_front() {
            match msg {
                // Behind a held key, only quitting acts at once.
                Msg::Key(k) if !held.is_empty() && !quits(&app, k) => hold(&mut app, &mut held, k),
                Msg::Key(k) => match press(&mut app, k) {
                    Pressed::Held => hold(&mut app, &mut held, k),
                    p => full_redraw |= after_press(p),
                },
                Msg::Mouse(m) => {
                    let now = std::time::Instant::now();
                    if !clicks.echo(&m, now) {
                        let actions = crate::app::mouse::handle(&mut app, m);
                        clicks.opened(&m, &actions, now);
                        for a in actions {
                            // A click is not held: where it pointed may move once the
                            // corpus is in.
                            match act(&mut app, a) {
                                Pressed::Held => app.message = Some(WAIT_FOR_CHECK.into()),
                                p => full_redraw |= after_press(p),
                            }
                        }
                    }
                }
                Msg::Paste(text) => match act(&mut app, Action::Paste(text)) {
                    Pressed::Held => app.message = Some(WAIT_FOR_CHECK.into()),
                    p => full_redraw |= after_press(p),
                },
                Msg::Resize(w, h) => resize = Some((w, h)),
                Msg::Found(done) => {
                    crate::app::update::found(&mut app, *done);
                }
                Msg::Reload if app.loading.is_some() => reload_after_check = true,
                Msg::Reload => {
                    reload(&mut app, root, &found_tx);
                    preview_due = None;
                }
                // The names read now, in place of the last start's.
                Msg::Outline(fresh) => {
                    if crate::app::loading::refresh(&mut app, *fresh) {
                        background(&mut app, &found_tx);
                        preview_due = None;
                    }
                }
                Msg::Watching(Ok(w)) => _watch = Some(w),
                Msg::Watching(Err(e)) => app.message = Some(e),
                Msg::Progress(p) => {
                    if let Some(l) = &mut app.loading {
                        l.phase = p;
                    }
                    if read_all(p) && !watch_started {
                        watch_started = true;
                        start_watch(root, &found_tx)?;
                    }
                }
                Msg::Checked(c) => match *c {
                    load::Checked::Ready(checked) => {
                        crate::app::loading::swap(&mut app, *checked);
                        background(&mut app, &found_tx);
                        preview_due = None;
                        for k in std::mem::take(&mut held) {
                            full_redraw |= after_press(press(&mut app, k));
                        }
                        if std::mem::take(&mut reload_after_check) {
                            reload(&mut app, root, &found_tx);
                        }
                    }
                    load::Checked::Refused(n) => {
                        term::restore();
                        crate::cli::refuse(root, n);
                        return Ok(ExitCode::from(1));
                    }
                },
                Msg::Signal(n) if n == libc::SIGCONT => full_redraw = true,
                Msg::Signal(n) => {
                    term::restore();
                    return Ok(ExitCode::from((128 + n).clamp(0, 255) as u8));
                }
                Msg::Dead => {
                    term::restore();
                    return Ok(ExitCode::from(128 + libc::SIGHUP as u8));
                }
            }
            if pending.is_empty() {
                pending.extend(rest::answer(&rx, &app, answer_by));
                pending.extend(rx.try_iter());
            }
        }
        if let Some((w, h)) = resize {
            update(&mut app, Action::Resize(w, h));
        }
        if app.quit {
            break;
        }
        if let Some(text) = app.clipboard.take() {
            term::osc52(&text)?;
        }
        if let (Some(cite), Some(path)) = (app.cite_out.take(), app.cite_to.as_ref()) {
            app.message = Some(match crate::corpus::cite::append_to(path, &cite) {
                Ok(()) => format!(
                    "citation copied via OSC 52 and appended to {}",
                    crate::text::sanitize_line(&path.display().to_string())
                ),
                Err(e) => crate::text::sanitize_line(&e.to_string()),
            });
        }
        history_file.save(&mut app);
        if let Some(edit) = app.edit.take() {
            app.message = edit_file(&edit);
            full_redraw = true;
        }
        if full_redraw {
            term::enter(mouse)?;
            terminal.clear()?;
            let s = terminal.size()?;
            update(&mut app, Action::Resize(s.width, s.height));
            reader_pos = None;
        }
        preview_due = rest::after(&mut app, preview_before, preview_due);
        reader_pos = scroll::draw(&mut terminal, &app, reader_pos.as_ref(), |f| {
            render(&app, &theme, f)
        })?;
    }
    term::restore();
    Ok(ExitCode::SUCCESS)
}

/// What a click or paste that needs the checked corpus says while it is checked.
const WAIT_FOR_CHECK: &str = "not yet: the corpus is still being checked";

/// True when `k` quits in the app's current mode.
fn quits(app: &App, k: crate::keymap::Key) -> bool {
    app.keymap.lookup(app.mode(), k) == Some(Action::Quit)
}

/// Holds `k` until the checked corpus is in, and says how many keys wait.
fn hold(app: &mut App, held: &mut Vec<crate::keymap::Key>, k: crate::keymap::Key) {
    held.push(k);
    app.message = None;
    if let Some(l) = &mut app.loading {
        l.waiting = held.len();
    }
}

/// Moves the app's searches to a worker thread that answers on the loop's channel.
fn background(app: &mut App, tx: &mpsc::Sender<Msg>) {
    let found_tx = tx.clone();
    app.search_in_background(move |done| {
        let _ = found_tx.send(Msg::Found(Box::new(done)));
    });
}

/// The corpus folder changed: show the new corpus where the current view still exists,
/// or keep the last good one and say why the new one does not load.
fn reload(app: &mut App, root: &crate::data::DataRoot, tx: &mpsc::Sender<Msg>) {
    if crate::app::reload::apply(app, crate::watch::reload(root)) {
        background(app, tx);
    }
}

/// Opens a file position in the user's editor, the terminal given back to it meanwhile
/// (as Ctrl-Z does); the caller redraws everything. A message when it did not work.
fn edit_file(edit: &crate::app::errors::Edit) -> Option<String> {
    let visual = std::env::var("VISUAL").ok();
    let editor = std::env::var("EDITOR").ok();
    let cmd = crate::app::errors::editor_command(visual.as_deref(), editor.as_deref(), edit);
    let (program, args) = cmd.split_first()?;
    term::restore();
    let status = std::process::Command::new(program).args(args).status();
    let shown = crate::text::sanitize_line(&program.to_string_lossy());
    match status {
        Ok(s) if s.success() => None,
        Ok(s) => Some(format!("{shown} exited with {s}")),
        Err(e) => Some(format!(
            "cannot run the editor {shown}: {e}; set $VISUAL or $EDITOR"
        )),
    }
}

/// What a key asked of the terminal loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pressed {
    /// The key's action (and its follow-ups) went through `update`.
    Updated,
    /// Ctrl-Z: the loop suspends, then redraws everything.
    Suspend,
    /// Ctrl-L: the loop redraws everything.
    Redraw,
    /// No binding in the current mode.
    Unbound,
    /// The action needs the checked corpus, which is still being checked
    /// (`app::loading::acts_early`): nothing was done.
    Held,
}

/// One key through the keymap of the current mode and `update`, draining follow-up
/// actions: what the event loop does for every key, and what the model test of the
/// screen drives.
pub fn press(app: &mut App, key: crate::keymap::Key) -> Pressed {
    match app.keymap.lookup(app.mode(), key) {
        Some(a) => act(app, a),
        None => {
            crate::app::status::unbound(app, key);
            Pressed::Unbound
        }
    }
}

/// One action (a key's, a click's, a paste) through `update`, draining follow-ups.
pub fn act(app: &mut App, action: Action) -> Pressed {
    match action {
        Action::Suspend => Pressed::Suspend,
        Action::Redraw => Pressed::Redraw,
        a if !crate::app::loading::acts_early(app, &a) => Pressed::Held,
        a => {
            let mut next = Some(a);
            while let Some(a) = next {
                next = update(app, a);
            }
            Pressed::Updated
        }
    }
}

/// What the loop does after a key or click: suspends for Ctrl-Z; true when everything
/// must be redrawn.
fn after_press(p: Pressed) -> bool {
    match p {
        Pressed::Suspend => {
            suspend();
            true
        }
        Pressed::Redraw => true,
        Pressed::Updated | Pressed::Unbound | Pressed::Held => false,
    }
}

/// Ctrl-Z: give the terminal back to the shell and stop; continue here after `fg`.
fn suspend() {
    term::restore();
    // SAFETY: signals our own process group, as a shell's job control expects.
    unsafe {
        libc::kill(0, libc::SIGTSTP);
    }
}
