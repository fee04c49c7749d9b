//! The browser's event loop: wait (blocking, no ticks) for a key, mouse report, paste,
//! resize, signal or dead terminal — or, while the index's preview waits for the
//! selection to rest, until that deadline (`rest`); drain everything pending; update;
//! draw once.

pub mod encode;
pub mod input;
pub mod keys;
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
use crate::model::Corpus;
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
    /// Where the corpus came from: a folder is watched and reloaded on change.
    pub root: Option<crate::data::DataRoot>,
}

/// Runs the browser until the user quits, a signal arrives or the terminal dies.
pub fn run(corpus: Corpus, config: Config, options: Options) -> ExitCode {
    if let Some(why) = unsupported() {
        eprintln!(
            "dossier: {why}; the browser needs an interactive terminal.\n\
             Use the non-interactive commands instead: `dossier list`, `dossier show ID`, `dossier search QUERY` (see --help)."
        );
        return ExitCode::from(2);
    }
    match run_loop(corpus, config, options) {
        Ok(code) => code,
        Err(e) => {
            term::restore();
            eprintln!("dossier: terminal error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run_loop(corpus: Corpus, config: Config, options: Options) -> std::io::Result<ExitCode> {
    let Config {
        keymap,
        theme,
        mouse,
        history,
    } = config;
    term::install_panic_hook();
    let (tx, rx) = mpsc::channel();
    input::spawn_signals(tx.clone())?;
    term::enter(mouse)?;
    let _guard = term::Guard;
    // Diffs against what the terminal shows and scrolls the reader with a scroll region.
    let mut terminal = Terminal::new(scroll::ScrollBackend::new(CrosstermBackend::new(
        std::io::stdout(),
    )))?;
    let size = terminal.size()?;
    let mut app = App::new(corpus, keymap, (size.width, size.height));
    app.cite_to = options.cite_to;
    let mut history_file = crate::app::history::Store::open(history, &mut app);
    background(&mut app, &tx);
    // Kept for the loop's life: dropping it stops watching.
    let _watch = match &options.root {
        Some(crate::data::DataRoot::Dir(dir)) => {
            let reload_tx = tx.clone();
            match crate::watch::watch(
                dir,
                crate::watch::QUIET,
                crate::watch::Mode::Native,
                move || {
                    let _ = reload_tx.send(Msg::Reload);
                },
            ) {
                Ok(w) => Some(w),
                Err(e) => {
                    app.message = Some(e);
                    None
                }
            }
        }
        _ => None,
    };
    let found_tx = tx.clone();
    input::spawn(tx);
    let mut reader_pos = scroll::draw(&mut terminal, &app, None, |f| render(&app, &theme, f))?;
    // Set while the index's preview waits for the selection to rest (`rest`).
    let mut preview_due = None;
    let mut clicks = crate::app::mouse::DoubleClick::default();
    loop {
        let first = match rest::wait(&rx, preview_due) {
            rest::Wake::Msg(m) => m,
            rest::Wake::Closed => break,
            rest::Wake::Rested => {
                preview_due = None;
                crate::app::preview::settle(&mut app);
                reader_pos = scroll::draw(&mut terminal, &app, reader_pos.as_ref(), |f| {
                    render(&app, &theme, f)
                })?;
                continue;
            }
        };
        let preview_before = rest::before(&app);
        let mut pending: std::collections::VecDeque<Msg> = std::iter::once(first).collect();
        pending.extend(rx.try_iter());
        let mut full_redraw = false;
        // A resize storm re-wraps once: only the last size of the batch is applied.
        let mut resize = None;
        // A key that started a search waits a moment for its answer (`rest::answer`).
        let answer_by = std::time::Instant::now() + rest::ANSWER;
        while let Some(msg) = pending.pop_front() {
            match msg {
                Msg::Key(k) => full_redraw |= after_press(press(&mut app, k)),
                Msg::Mouse(m) => {
                    let now = std::time::Instant::now();
                    if !clicks.echo(&m, now) {
                        let actions = crate::app::mouse::handle(&mut app, m);
                        clicks.opened(&m, &actions, now);
                        for a in actions {
                            full_redraw |= after_press(act(&mut app, a));
                        }
                    }
                }
                Msg::Paste(text) => full_redraw |= after_press(act(&mut app, Action::Paste(text))),
                Msg::Resize(w, h) => resize = Some((w, h)),
                Msg::Found(done) => {
                    crate::app::update::found(&mut app, *done);
                }
                Msg::Reload => {
                    if let Some(root) = &options.root {
                        reload(&mut app, root, &found_tx);
                        preview_due = None;
                    }
                }
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
        Pressed::Updated | Pressed::Unbound => false,
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
