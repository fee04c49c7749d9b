//! The terminal is always given back, and any TERM works or is refused clearly. The real
//! binary runs in tmux; after it exits the wrapping shell prints its status and
//! `stty -a`, so a test sees the exit code, whether the alternate screen was left and
//! whether raw mode was undone.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use std::process::Command;
use std::time::Duration;

use crate::common::tmux::{Tmux, all, bin, have_tmux};

#[test]
fn signals_exit_128_plus_n_leaving_the_alternate_screen_and_cooked_mode() {
    if !have_tmux() {
        return;
    }
    for (sig, code) in [("TERM", 143), ("INT", 130), ("HUP", 129), ("QUIT", 131)] {
        let t = Tmux::browser(bin(), &[]);
        t.wait_for(&all());
        assert_eq!(
            t.pane("#{alternate_on}"),
            "1",
            "SIG{sig}: browser on the alternate screen"
        );
        let pid = t.descendant("dossier").expect("browser pid");
        Command::new("kill")
            .arg(format!("-{sig}"))
            .arg(pid.to_string())
            .status()
            .expect("kill");
        assert_eq!(
            t.exit_status(Duration::from_secs(2)),
            Some(code.to_string()),
            "SIG{sig}: exit status within 2 s"
        );
        t.assert_restored(&format!("SIG{sig}"));
        assert!(
            !t.screen().contains(&all()),
            "SIG{sig}: index still on screen"
        );
    }
}

#[test]
fn ctrl_z_then_fg_restores_the_shell_and_redraws() {
    if !have_tmux() {
        return;
    }
    // An interactive shell with job control, as a user has.
    let t = Tmux::start("PS1='$ ' exec bash --norc --noprofile -i", &[]);
    t.wait_for("$");
    t.keys(&["-l", bin()]);
    t.keys(&["Enter"]);
    t.wait_for(&all());
    t.keys(&["/", "Yosov"]);
    t.wait_for("alias Andriy Yosov");
    t.keys(&["C-z"]);
    t.wait_for("Stopped");
    assert_eq!(
        t.pane("#{alternate_on}"),
        "0",
        "suspended: alternate screen left"
    );
    t.keys(&["-l", "stty -a"]);
    t.keys(&["Enter"]);
    t.wait_for("icanon");
    let words: Vec<String> = t.screen().split_whitespace().map(str::to_owned).collect();
    for flag in ["icanon", "echo", "isig"] {
        assert!(words.iter().any(|w| w == flag), "suspended: {flag} off");
    }
    t.keys(&["C-l"]);
    t.keys(&["-l", "fg"]);
    t.keys(&["Enter"]);
    // The whole screen comes back, filter and all, not just what changed.
    t.wait_for_all(&["/ Yosov", "alias Andriy Yosov", "Andriy Yusov"]);
    assert_eq!(
        t.pane("#{alternate_on}"),
        "1",
        "resumed on the alternate screen"
    );
    // Still responsive after the resume.
    // Enter ends the filter, q quits (no Esc: two of them in one write can be parsed as
    // Alt-Esc, and "Esc q" as Alt-q).
    t.keys(&["Enter"]);
    t.keys(&["q"]);
    t.wait_for("$ fg");
    // `fg`'s status is the browser's; printed so the typed line cannot match.
    t.keys(&["-l", "echo \"STATUS-$?-\""]);
    t.keys(&["Enter"]);
    t.wait_for("STATUS-0-");
}

/// Ctrl-L repaints the whole screen, over and over, without once asking the terminal
/// where the cursor is, and the browser stays alive and responsive. Each redraw once sent
/// `CSI 6n`; the reply, read on the main thread, could be taken from under the input
/// thread, which then took the terminal for dead (exit 129). That race lost 1 time in
/// 20, too rarely for a loop of keys to catch; its condition is the query itself, and
/// every byte the browser writes is recorded here (tmux `pipe-pane`) to prove the query
/// is never sent. `clearing_never_asks_the_terminal_where_the_cursor_is` in
/// `src/tui/scroll/tests.rs` pins the same at the backend.
#[test]
fn ctrl_l_redraws_again_and_again_without_asking_where_the_cursor_is() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("out.bytes");
    // Everything the pane's program writes, from its first byte on.
    let pipe = format!("pipe-pane -t s cat>{}", log.display());
    let t = Tmux::browser(bin(), &[&pipe]);
    t.wait_for(&all());
    t.keys(&["/", "Yosov"]);
    t.wait_for("alias Andriy Yosov");
    // Enter ends the typing (the filter stays): while typing, Ctrl-L is not a command.
    t.keys(&["Enter"]);
    t.wait_for("alias Andriy Yosov");
    let before_redraws = std::fs::read(&log).map_or(0, |b| b.len());
    for _ in 0..30 {
        t.keys(&["C-l"]);
        std::thread::sleep(Duration::from_millis(30));
    }
    t.wait_for_all(&["/ Yosov", "alias Andriy Yosov"]);
    assert_eq!(
        t.exit_status(Duration::from_millis(300)),
        None,
        "still running"
    );
    // Still responsive: q quits with status 0.
    t.keys(&["q"]);
    assert_eq!(
        t.exit_status(Duration::from_secs(5)),
        Some("0".to_string()),
        "quit normally after the redraws"
    );
    let sent = std::fs::read(&log).expect("the pane's output");
    // Each Ctrl-L clears the whole screen (`CSI 2J`): the redraws whose cursor question
    // raced did happen (30 on a quiet machine; Ctrl-Ls read in one batch clear once).
    let redraws = sent.get(before_redraws..).unwrap_or_default();
    let clears = redraws.windows(4).filter(|w| w == b"\x1b[2J").count();
    assert!(clears >= 5, "{clears} screen clears for 30 Ctrl-L");
    assert!(
        !sent.windows(4).any(|w| w == b"\x1b[6n"),
        "the browser asked the terminal where the cursor is (CSI 6n)"
    );
}

/// How the browser fares under one terminal description.
fn outcome(env: &str) -> (String, Option<String>, String) {
    let t = Tmux::browser(&format!("env -u COLORTERM {env} {}", bin()), &[]);
    let start = std::time::Instant::now();
    let mut screen = t.screen();
    while !screen.contains(&all()) && !screen.contains("EXIT=") {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{env}: nothing shown:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
        screen = t.screen();
    }
    let escaped = t.screen_escaped();
    if screen.contains(&all()) {
        t.keys(&["q"]);
    }
    let status = t.exit_status(Duration::from_secs(5));
    t.assert_restored(env);
    (screen, status, escaped)
}

#[test]
fn every_term_shows_the_index_or_refuses_clearly() {
    if !have_tmux() {
        return;
    }
    for term in [
        "vt100",
        "linux",
        "screen",
        "tmux-256color",
        "xterm-256color",
    ] {
        let (screen, status, escaped) = outcome(&format!("TERM={term}"));
        assert!(
            screen.contains(&all()),
            "TERM={term}: index not shown:\n{screen}"
        );
        assert_eq!(status.as_deref(), Some("0"), "TERM={term}");
        // COLORTERM unset: never truecolor; the theme keeps to the 16 ANSI colours.
        assert!(
            !escaped.contains("38;2;") && !escaped.contains("48;2;"),
            "TERM={term}: truecolor sent"
        );
    }
    let (screen, status, _) = outcome("-u TERM");
    assert!(
        screen.contains(&all()),
        "no TERM: index not shown:\n{screen}"
    );
    assert_eq!(status.as_deref(), Some("0"), "no TERM");
    let (screen, status, _) = outcome("TERM=dumb");
    assert!(
        screen.contains("TERM=dumb cannot show a full-screen browser")
            && screen.contains("dossier list"),
        "TERM=dumb: no clear refusal:\n{screen}"
    );
    assert_eq!(status.as_deref(), Some("2"), "TERM=dumb");
}

/// Every SGR parameter in `escaped` that sets a foreground or background colour (30–37,
/// 38, 40–47, 48, 90–97, 100–107); 39 and 49 only reset to the default.
fn colours(escaped: &str) -> Vec<String> {
    let mut out = Vec::new();
    for seq in escaped.split("\u{1b}[").skip(1) {
        let Some(end) = seq.find(|c: char| !(c.is_ascii_digit() || c == ';')) else {
            continue;
        };
        if !seq[end..].starts_with('m') {
            continue;
        }
        for p in seq[..end].split(';') {
            if let Ok(n) = p.parse::<u32>() {
                if matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107) {
                    out.push(seq[..end].to_owned());
                    break;
                }
            }
        }
    }
    out
}

#[test]
fn no_color_sends_no_colour_under_any_term() {
    if !have_tmux() {
        return;
    }
    for term in ["vt100", "linux", "tmux-256color"] {
        let (screen, status, escaped) = outcome(&format!("TERM={term} NO_COLOR=1"));
        assert!(
            screen.contains(&all()),
            "TERM={term} NO_COLOR: index not shown:\n{screen}"
        );
        assert_eq!(status.as_deref(), Some("0"));
        assert_eq!(
            colours(&escaped),
            Vec::<String>::new(),
            "TERM={term} NO_COLOR: colour sent"
        );
        // The selection still stands out without colour.
        assert!(
            escaped.contains("\u{1b}[7m")
                || escaped.contains(";7m")
                || escaped.contains("\u{1b}[1m"),
            "TERM={term} NO_COLOR: no highlight"
        );
    }
}
