//! "Start your own investigation", exactly as the README walks it, with the real binary
//! in tmux: `init` → `add-source` → `new` → the browser on the new corpus with
//! `--cite-to`, the article opened, a passage selected and cited → the citation read back
//! from the `--cite-to` file and pasted into the dossier → the running browser reloads
//! and shows the new claim → `check` passes.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::dossier;
use crate::common::tmux::{self, Tmux};

const ARTICLE: &str = "Raid on the border\n\nArmed men crossed into the Belgorod region on Monday, the governor said.\nThe Russian Volunteer Corps, led by Denis Kapustin, claimed the raid.\n";

fn ok(c: &mut assert_cmd::Command) -> String {
    let out = c.output().expect("run");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Waits until `path` holds a line; panics after 15 s.
fn first_line(path: &Path) -> String {
    let start = Instant::now();
    loop {
        // A whole line only: a read can land between the writer's create and its write.
        if let Ok(text) = std::fs::read_to_string(path)
            && let Some((line, _)) = text.split_once('\n')
        {
            return line.to_owned();
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "nothing appended to {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn from_a_new_article_to_a_checked_claim_in_the_terminal() {
    if !tmux::have_tmux() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("my-investigation");
    ok(dossier().arg("init").arg(&dir));
    let article = tmp.path().join("article.txt");
    std::fs::write(&article, ARTICLE).expect("article");
    ok(dossier().arg("--data").arg(&dir).args([
        "add-source",
        article.to_str().expect("utf-8"),
        "--id",
        "wire-raid",
        "--title",
        "Raid on the border",
        "--outlet",
        "Wire service",
        "--published",
        "2023-05-22",
    ]));
    ok(dossier()
        .arg("--data")
        .arg(&dir)
        .args(["new", "person", "Denis Kapustin"]));

    let cites = tmp.path().join("cites.toml");
    let t = Tmux::browser(
        &format!(
            "{} --data '{}' --cite-to '{}'",
            tmux::bin(),
            dir.display(),
            cites.display()
        ),
        &[],
    );
    t.wait_for("1/1");
    // The sources view, Enter: the article at the top; a search finds "Armed", s starts
    // the selection at the match, ) grows it to the end of the sentence, y cites it.
    t.keys(&["S"]);
    t.wait_for("Sources");
    t.keys(&["Enter"]);
    t.wait_for("line 1 of");
    t.keys(&["/", "Armed", "Enter"]);
    t.wait_for("match 1/1");
    t.keys(&["s"]);
    t.wait_for("selecting");
    t.keys(&[")"]);
    t.keys(&["y"]);
    let line = first_line(&cites);
    assert!(
        line.starts_with("{ source = \"wire-raid\", quote = \"Armed men crossed"),
        "{line}"
    );
    t.wait_for("appended to");

    // Paste it into the dossier; the running browser reloads and shows the claim.
    let path = dir.join("dossiers/people/denis-kapustin.toml");
    let mut d = std::fs::read_to_string(&path).expect("dossier");
    d.push_str(&format!(
        "\n[[claim]]\nid = \"crossed\"\ntext = \"Armed men crossed into the Belgorod region, the governor said.\"\ncite = [{line}]\n"
    ));
    std::fs::write(&path, d).expect("paste");
    t.keys(&["h", "h"]);
    t.keys(&["Enter"]);
    t.wait_for("Armed men crossed into the Belgorod region, the governor said.");

    let out = ok(dossier().arg("--data").arg(&dir).arg("check"));
    assert!(
        out.starts_with("ok: 1 dossier, 1 claim, 1 citation verified"),
        "{out}"
    );
    t.keys(&["q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));
}
