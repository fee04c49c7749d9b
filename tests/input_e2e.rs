//! The mouse, bracketed paste and the typing lines through the real binary in tmux:
//! real escape sequences in (`send-keys -H` sends bytes to the pane as a terminal would;
//! `paste-buffer -p` brackets a paste only when the program asked for it), the screen
//! and tmux's view of the terminal modes out.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use std::time::Duration;

use crate::common::tmux::{Tmux, all, bin, have_tmux};

fn start(args: &str, env: &[(&str, &str)]) -> Tmux {
    let vars: String = env.iter().map(|(k, v)| format!("{k}={v} ")).collect();
    Tmux::browser(&format!("{vars}{} {args}", bin()), &[])
}

/// A state folder of this test's own, so no test reads or writes the user's history.
fn state_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-input-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Sends `bytes` to the pane as the terminal would (hex through `send-keys -H`).
fn send_bytes(t: &Tmux, bytes: &[u8]) {
    let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let mut args = vec!["send-keys", "-t", "s", "-H"];
    args.extend(hex.iter().map(String::as_str));
    t.run(&args);
}

/// An SGR mouse report: button `b` at the 0-based cell (`col`, `row`), pressed or
/// released.
fn sgr(b: u16, col: usize, row: usize, press: bool) -> Vec<u8> {
    format!(
        "\x1b[<{b};{};{}{}",
        col + 1,
        row + 1,
        if press { 'M' } else { 'm' }
    )
    .into_bytes()
}

/// A left click (press and release) at a cell.
fn click(t: &Tmux, (col, row): (usize, usize)) {
    let mut bytes = sgr(0, col, row, true);
    bytes.extend(sgr(0, col, row, false));
    send_bytes(t, &bytes);
}

/// Where `text` starts on the screen (column in characters, row), below row `from`.
fn locate(screen: &str, text: &str, from: usize) -> (usize, usize) {
    for (y, line) in screen.lines().enumerate().skip(from) {
        if let Some(i) = line.find(text) {
            return (line[..i].chars().count(), y);
        }
    }
    panic!("{text:?} not on screen:\n{screen}")
}

fn modes(t: &Tmux) -> String {
    t.pane("#{mouse_any_flag}#{mouse_button_flag}#{mouse_sgr_flag}")
}

#[test]
fn clicks_select_and_open_the_wheel_scrolls_and_the_modes_are_restored() {
    if !have_tmux() {
        return;
    }
    let state = state_dir("mouse");
    let t = start("", &[("XDG_STATE_HOME", state.to_str().unwrap())]);
    let screen = t.wait_for(&all());
    assert_eq!(modes(&t), "111", "mouse reports 1000, 1002 and 1006 are on");
    // The third row of the index ("  G Alamy  A photo credit…"): one click selects it,
    // and the preview beside the list shows it.
    let row: String = screen.lines().nth(4).unwrap().chars().skip(4).collect();
    let name = row.split("  ").next().unwrap().trim().to_owned();
    let at = locate(&screen, &name, 2);
    click(&t, at);
    t.wait_for(&format!("│{name}"));
    // A second click on the selected row opens it: the index is gone.
    click(&t, at);
    let start = std::time::Instant::now();
    while t.screen().contains(&all()) {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "not opened:\n{}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let dossier = t.wait_for(&format!("{name}  "));
    assert!(
        dossier.lines().next().unwrap_or("").contains(&name),
        "{dossier}"
    );
    // n, Enter: the article; the wheel scrolls it three lines a notch.
    t.keys(&["n", "Enter"]);
    t.wait_for("n next passage");
    t.keys(&["g"]);
    // The line number is right-aligned to the total's width.
    t.wait_for("  1 of ");
    send_bytes(&t, &sgr(65, 10, 10, true));
    send_bytes(&t, &sgr(65, 10, 10, true));
    t.wait_for("  7 of ");
    send_bytes(&t, &sgr(64, 10, 10, true));
    t.wait_for("  4 of ");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));
    t.assert_restored("after q");
    assert_eq!(modes(&t), "000", "the restore turned the mouse reports off");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn a_click_on_a_status_hint_runs_it() {
    if !have_tmux() {
        return;
    }
    let state = state_dir("hint");
    let t = start("", &[("XDG_STATE_HOME", state.to_str().unwrap())]);
    let screen = t.wait_for(&all());
    let (col, row) = locate(&screen, "? help", 39);
    click(&t, (col + 2, row));
    t.wait_for("show or hide this help");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn no_mouse_and_mouse_false_leave_the_mouse_to_the_terminal() {
    if !have_tmux() {
        return;
    }
    let state = state_dir("nomouse");
    let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
    let t = start("--no-mouse", &env);
    t.wait_for(&all());
    assert_eq!(modes(&t), "000", "--no-mouse asks for no mouse reports");
    let config = state.join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    let t = start(&format!("--config {}", config.display()), &env);
    t.wait_for(&all());
    assert_eq!(modes(&t), "000", "mouse = false asks for no mouse reports");
    let t = start("", &env);
    t.wait_for(&all());
    assert_eq!(modes(&t), "111");
    // A signal's restore turns them off too.
    let pid = t.descendant("dossier").expect("the browser's pid");
    // SAFETY: signalling the browser this test started.
    unsafe {
        libc::kill(pid as i32, libc::SIGTERM);
    }
    t.exit_status(Duration::from_secs(5));
    assert_eq!(modes(&t), "000", "SIGTERM's restore turned the mouse off");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn a_pasted_query_with_a_newline_is_one_query_and_not_enter() {
    if !have_tmux() {
        return;
    }
    let state = state_dir("paste");
    let t = start("", &[("XDG_STATE_HOME", state.to_str().unwrap())]);
    t.wait_for(&all());
    t.keys(&["/"]);
    t.wait_for("/ ▏");
    // What a terminal sends for a bracketed paste of "RT61⏎mortars".
    send_bytes(&t, b"\x1b[200~RT61\rmortars\x1b[201~");
    let screen = t.wait_for("/ RT61 mortars▏");
    assert!(
        screen.contains("done"),
        "still typing (Enter not pressed):\n{screen}"
    );
    // tmux's own paste brackets the text only when the browser asked for mode 2004.
    t.keys(&["C-u"]);
    t.wait_for("/ ▏");
    t.run(&["set-buffer", "-b", "p", "Kapustin\nLegion"]);
    t.run(&["paste-buffer", "-p", "-b", "p", "-t", "s"]);
    let screen = t.wait_for("/ Kapustin Legion▏");
    assert!(screen.contains("done"), "{screen}");
    // Outside a typing line a paste does nothing harmful (here: a "q" to quit).
    t.keys(&["Escape"]);
    t.wait_for(&all());
    send_bytes(&t, b"\x1b[200~q\rq\r\x1b[201~");
    t.wait_for("paste ignored");
    assert_eq!(
        t.exit_status(Duration::from_millis(300)),
        None,
        "still running"
    );
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn readline_keys_and_a_persisted_history() {
    if !have_tmux() {
        return;
    }
    let state = state_dir("history");
    let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
    let t = start("", &env);
    t.wait_for(&all());
    t.keys(&["/", "RT61 mortars", "C-a", "French ", "M-f", "C-w"]);
    t.wait_for("/ French ▏ mortars");
    t.keys(&["C-u", "C-e", "C-b", "C-b", "X"]);
    t.wait_for("/  mortaX▏rs");
    t.keys(&["C-e", "C-u", "Legion", "Enter"]);
    t.wait_for("/ Legion");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));
    let file = state.join("dossier").join("history");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "Legion\n");
    // A new session walks it with Ctrl-P.
    let t = start("", &env);
    t.wait_for(&all());
    t.keys(&["/", "Yus", "C-p"]);
    t.wait_for("/ Legion▏");
    t.keys(&["C-n"]);
    t.wait_for("/ Yus▏");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn an_unwritable_history_is_said_once_and_the_browser_goes_on() {
    if !have_tmux() {
        return;
    }
    let state = state_dir("unwritable");
    // A file where the folder should be: the history can be neither read nor written.
    std::fs::write(state.join("dossier"), "not a folder").unwrap();
    let t = start("", &[("XDG_STATE_HOME", state.to_str().unwrap())]);
    t.wait_for_all(&[&all(), "history: cannot read"]);
    t.keys(&["/", "Legion", "Enter"]);
    t.keys(&["/", "C-u", "C-p"]);
    t.wait_for("/ Legion▏");
    t.keys(&["Enter", "/", "C-u", "Kapustin", "Enter"]);
    let screen = t.wait_for("/ Kapustin");
    assert!(!screen.contains("history: cannot"), "said once:\n{screen}");
    // Apart: Esc and q in one write would be Alt-q.
    t.keys(&["Escape"]);
    t.wait_for(&all());
    t.keys(&["q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));
    let _ = std::fs::remove_dir_all(&state);
}
