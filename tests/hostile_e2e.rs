//! The browser on a hostile corpus (tests/fixtures/hostile), in tmux with
//! `set-clipboard on` so an OSC 52 that got through would land in tmux's paste buffer
//! and an OSC 0/2 would retitle the pane. After walking the index, the dossier and the
//! article, the pane title and the buffers are unchanged and every attack is on screen
//! as a visible placeholder; the cited quote, escapes and all, is exactly what is
//! highlighted. A control at the end proves the probes work: the shell then sends a real
//! OSC 52 and OSC 2, and tmux takes both.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use std::time::Duration;

use crate::common::tmux::{Tmux, bin, have_tmux};

fn corpus() -> String {
    format!("{}/tests/fixtures/hostile", env!("CARGO_MANIFEST_DIR"))
}

/// The text of the one reverse-video run on the line containing `needle`: with
/// NO_COLOR the cited quote is reverse + underline.
fn highlighted(escaped_screen: &str, needle: &str) -> String {
    let line = escaped_screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?}:\n{escaped_screen}"));
    let start = line
        .find("\u{1b}[4;7m")
        .map(|i| i + "\u{1b}[4;7m".len())
        .unwrap_or_else(|| panic!("no highlight on {line:?}"));
    let rest = &line[start..];
    rest[..rest.find('\u{1b}').unwrap_or(rest.len())].to_owned()
}

#[test]
fn hostile_text_is_shown_as_placeholders_and_never_reaches_the_terminal() {
    if !have_tmux() {
        return;
    }
    // After the browser, the shell waits for Enter, then sends a real OSC 52 and OSC 2.
    let t = Tmux::start(
        &format!(
            "printf '\\033]2;CLEAN\\033\\\\'; NO_COLOR=1 {} --data {}; echo EXIT=$?; read x; \
             printf '\\033]52;c;Q09OVFJPTA==\\007\\033]2;AFTER\\007'; sleep 60",
            bin(),
            corpus()
        ),
        &["set-option -g set-clipboard on"],
    );
    // Index: the name with an OSC 0 in it. By name (`o`; it opens by weight), so Day
    // Agent, whose hint is a hyperlink, is selected and previewed.
    t.wait_for("2/2");
    t.keys(&["o"]);
    t.wait_for_all(&[
        "2/2",
        "Night Legion␛]0;NAME-TITLE␇",
        "␛]8;;https://evil.example/␛\\x␛]8;;␛\\.",
    ]);
    // Dossier: every kind of dossier string.
    t.keys(&["j", "Enter"]);
    t.wait_for_all(&[
        "group · night-legion",
        "Night⟨U+200B⟩Legion (nickname)",
        "bidi override ⟨U+202E⟩GNOR⟨U+202C⟩ and OSC 52 ␛]52;c;U1VNTUFSWQ==␇ end [#title].",
        "ally␛[2J",
        "Met at dawn⟨U+009B⟩31m (C1 CSI).",
        "Crossed the river␛]52;c;Q0xBSU0=␇.",
        "Its commander   is reversed.",
        "«LIVE⟨U+202E⟩»",
        "Variant note⟨U+009D⟩0;VAR-TITLE⟨U+009C⟩.",
    ]);
    // The claim's citation, then the article with the quote highlighted.
    t.keys(&["n", "n"]);
    t.wait_for("“the Night Legion␛]0;PWNED-TITLE␇ met at dawn”");
    t.keys(&["Enter"]);
    t.wait_for_all(&[
        "line  1 of 10 (end)",
        "Title: the Night Legion␛]0;PWNED-TITLE␇ met at dawn, and ␛]2;PWNED-TITLE2␛\\ again.",
        "Clipboard: the Night Legion␛]52;c;UFdORUQtQ0xJUA==␇ crossed the river.",
        "Link: see ␛]8;;https://evil.example/␛\\the report␛]8;;␛\\ for details.",
        "Screen: ␛[2J␛[H␛[31mred text␛[0m and a cursor move.",
        "C1: ⟨U+009D⟩2;C1-TITLE⟨U+009C⟩ and ⟨U+009B⟩31m eight-bit CSI.",
        "the commander ⟨U+202E⟩LIVE⟨U+202C⟩ and isolates ⟨U+2066⟩inside⟨U+2069⟩ here.",
        "Night⟨U+200B⟩Legion and BOM⟨U+FEFF⟩here.",
        "Carriage: overwritten␍FAKE and back␈␈space and    tab here.",
    ]);
    assert_eq!(
        highlighted(&t.screen_escaped(), "Title: "),
        "the Night Legion␛]0;PWNED-TITLE␇ met at dawn",
        "the highlight is exactly the quote"
    );
    // Nothing reached the terminal: title and window name as the shell left them, no
    // paste buffer.
    assert_eq!(t.pane("#{pane_title}"), "CLEAN");
    assert!(!t.pane("#{window_name}").contains("TITLE"));
    assert_eq!(t.run(&["list-buffers"]), "", "an OSC 52 got through");
    assert_eq!(t.pane("#{pane_dead}"), "0");
    t.keys(&["q", "q", "q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));

    // Control: the same probes catch a real OSC 52 and OSC 2.
    t.keys(&["Enter"]);
    let start = std::time::Instant::now();
    while t.run(&["show-buffer"]).is_empty() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(t.run(&["show-buffer"]), "CONTROL");
    assert_eq!(t.pane("#{pane_title}"), "AFTER");
}
