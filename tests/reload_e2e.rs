//! Live reload through the real binary in tmux: a curator edits a dossier of the folder
//! the browser shows, and the browser follows; a broken file leaves the last good corpus
//! on screen with a banner, `E` lists the diagnostic and Enter opens it in `$EDITOR`.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::tmux::{Tmux, bin, have_tmux};

fn copy(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Waits until the screen no longer contains `text`; panics with the screen after 15 s.
fn wait_gone(t: &Tmux, text: &str) {
    let start = Instant::now();
    loop {
        let s = t.screen();
        if !s.contains(text) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{text:?} still shown:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_browser_follows_edits_and_keeps_the_last_good_corpus_on_errors() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"),
        dir.path(),
    );
    let file = dir.path().join("dossiers/groups/acme-corps.toml");
    let good = std::fs::read_to_string(&file).unwrap();
    let editor = dir.path().join("editor.sh");
    let opened = dir.path().join("opened");
    std::fs::write(
        &editor,
        format!("#!/bin/sh\necho \"$@\" > '{}'\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let t = Tmux::browser(
        &format!(
            "VISUAL= EDITOR='{}' {} --data '{}'",
            editor.display(),
            bin(),
            dir.path().display()
        ),
        &[],
    );
    t.keys(&["/", "Acme"]);
    t.wait_for("Acme Corps");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Founded in May 2022 by Jane Doe.");

    // An edit shows up in place.
    let edited = good.replace(
        "Founded in May 2022 by Jane Doe.",
        "Founded in May 2022 by Jane Doe, as reloaded.",
    );
    assert_ne!(edited, good);
    std::fs::write(&file, &edited).unwrap();
    t.wait_for("Founded in May 2022 by Jane Doe, as reloaded.");

    // A broken file: the last good corpus stays, with the banner.
    std::fs::write(&file, edited.replace("text = \"Founded", "text = Founded")).unwrap();
    let screen = t.wait_for("press E");
    assert!(screen.contains(" error"), "{screen}");
    assert!(screen.contains("as reloaded."), "{screen}");
    t.keys(&["E"]);
    let screen = t.wait_for("acme-corps.toml:");
    assert!(screen.contains("reload problems"), "{screen}");
    // Enter opens the file at the diagnostic's line in $EDITOR.
    t.keys(&["Enter"]);
    let start = Instant::now();
    let args = loop {
        // The editor's shell creates the file before `echo` writes into it: only a whole
        // line counts.
        if let Ok(s) = std::fs::read_to_string(&opened)
            && s.ends_with('\n')
        {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the editor never ran"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        args.starts_with('+') && args.trim_end().ends_with("acme-corps.toml"),
        "{args}"
    );

    // Fixed: the banner goes.
    t.keys(&["Escape"]);
    std::fs::write(&file, &good).unwrap();
    wait_gone(&t, "press E");
    t.wait_for("Founded in May 2022 by Jane Doe.");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
