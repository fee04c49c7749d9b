//! The index's preview in the real binary (tmux, 120×40): after a burst of `j` it catches
//! up with the selection once the keys stop, the browser then rests without one
//! wake-up (the rest deadline is a timeout on the loop's one receive, not a tick), and `v`
//! hides and shows it.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use std::time::{Duration, Instant};

use crate::common::tmux::{Tmux, all, bin, have_tmux, switches, wake_ups};

/// The name on the selected row (`▶ K Name  hint…`) of an index screen.
fn selected_name(screen: &str) -> Option<String> {
    let row = screen.lines().find(|l| l.starts_with('▶'))?;
    let after_kind = row.splitn(3, ' ').nth(2)?;
    let list = after_kind.split('│').next()?;
    Some(list.split("  ").next()?.trim().to_owned())
}

#[test]
fn after_a_burst_of_j_the_preview_follows_the_selection_and_the_browser_idles() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::browser(bin(), &[]);
    t.wait_for(&all());
    let keys = vec!["j"; 14];
    t.keys(&keys);
    // Wait until the selection has reached row 15 (the list shows every row from the top).
    let start = Instant::now();
    let screen = loop {
        let s = t.screen();
        let row = s.lines().skip(2).position(|l| l.starts_with('▶'));
        if row == Some(14) {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "selection never reached row 15:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let name = selected_name(&screen).expect("a selected row");
    // The preview's title, beside the list, is the selected dossier once the keys stop.
    let rested = t.wait_for(&format!("│{name}"));
    assert_eq!(selected_name(&rested).as_deref(), Some(name.as_str()));

    // Nothing left to do: not one thread wakes in a second of rest. Counted as context
    // switches, which a blocked thread never makes however loaded the machine is (CPU
    // ticks, counted before, move with the load); a timer or poll loop makes dozens.
    let pid = t.descendant("dossier").expect("browser pid");
    let before = switches(pid);
    assert!(!before.is_empty(), "threads of pid {pid}");
    std::thread::sleep(Duration::from_secs(1));
    let after = switches(pid);
    assert_eq!(
        wake_ups(&before, &after),
        0,
        "the resting browser woke up: {before:?} → {after:?}"
    );

    // `v` hides the preview: the list takes the whole width; `v` again brings it back.
    t.keys(&["v"]);
    let start = Instant::now();
    loop {
        let s = t.screen();
        if s.contains(&all()) && s.lines().skip(2).all(|l| !l.contains('│')) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "preview still shown:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    t.keys(&["v"]);
    t.wait_for(&format!("│{name}"));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
