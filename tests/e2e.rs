//! The real binary driven through tmux, as fzf's own test suite does: keys in with
//! `send-keys`, the screen read back with `capture-pane` (`-e` keeps attributes, so a
//! highlight can be proven). With CI set, a missing tmux fails these tests instead of
//! skipping them.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::tmux::{Tmux, all, bin, have_tmux, wait_gone};

/// `command` (usually the browser) in a fresh 120×40 tmux pane with `env` set, wrapped
/// by a shell that prints its exit status (tmux 3.3's `pane_dead_status` races).
fn start(command: &str, env: &[(&str, &str)]) -> Tmux {
    let vars: String = env.iter().map(|(k, v)| format!("{k}={v} ")).collect();
    Tmux::browser(&format!("{vars}{command}"), &[])
}

#[test]
fn filter_by_alias_open_follow_citation_to_highlighted_quote_and_back() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[]);
    t.wait_for(&all());
    // "Yosov" is printed only in one article, as a misspelling: an alias, not a name.
    t.keys(&["/", "Yosov"]);
    t.wait_for("Andriy Yusov · alias Andriy Yosov");
    t.keys(&["Enter"]);
    t.keys(&["Enter"]);
    t.wait_for("Andriy Yusov  person · andriy-yusov");
    t.keys(&["n"]);
    // n skips the relation and selects its first citation, shown in full below.
    t.wait_for("“Andriy Yusov, a spokesman for Ukraine’s military intelligence service”");
    t.keys(&["Enter"]);
    let screen = t.wait_for("n next passage");
    let esc = t.screen_escaped();
    let line = esc
        .lines()
        .find(|l| l.contains("a spokesman for Ukraine"))
        .unwrap_or("");
    let hl = line
        .find("Andriy Yusov")
        .and_then(|i| line[..i].rfind('\u{1b}').map(|e| &line[e..i]))
        .unwrap_or("");
    assert!(
        hl.contains("43m") || hl.contains("48;5;3m"),
        "quote not highlighted: {line:?}"
    );
    assert!(
        screen.contains("▌"),
        "cited lines carry a gutter mark:\n{screen}"
    );
    // Back (Ctrl-o, then Backspace) restores the dossier, then the filtered index.
    t.keys(&["C-o"]);
    t.wait_for("Andriy Yusov  person · andriy-yusov");
    t.keys(&["BSpace"]);
    let index = t.wait_for("/ Yosov");
    assert!(
        index.contains("Andriy Yusov · alias Andriy Yosov"),
        "{index}"
    );
    t.keys(&["q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));
}

#[test]
fn quote_highlight_is_the_cited_text() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[("NO_COLOR", "1")]);
    t.wait_for(&all());
    t.keys(&["/", "Denis Nikitin39"]);
    t.wait_for("alias Denis Nikitin39");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Denis Kapustin  person");
    // Opened from the alias match, the alias's citation is already selected.
    t.wait_for("“Denis Nikitin39, is a former martial arts fighter”");
    t.keys(&["Enter"]);
    t.wait_for("n next passage");
    let esc = t.screen_escaped();
    // With NO_COLOR the quote is reverse + underline, and no colour is sent.
    let line = esc
        .lines()
        .find(|l| l.contains("is a former martial arts fighter"))
        .unwrap_or("");
    assert!(
        line.contains("\u{1b}[7m") || line.contains(";7m") || line.contains("\u{1b}[4;7m"),
        "quote not reversed: {line:?}"
    );
    assert!(
        !esc.contains("[38;5;") && !esc.contains("[48;5;") && !esc.contains("[43m"),
        "colour sent under NO_COLOR:\n{esc}"
    );
}

#[test]
fn resize_to_one_by_one_and_back() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[]);
    t.wait_for(&all());
    t.run(&["resize-window", "-t", "s", "-x", "1", "-y", "1"]);
    // The one cell the browser can draw at 1×1 is the first of "too small"; tmux alone
    // would keep the index's top-left cell, a blank. Seeing the "t" proves the browser
    // drew a frame at 1×1 (a resize still queued when the next one lands is skipped:
    // only the last size of a batch is applied).
    let start = Instant::now();
    loop {
        let s = t.screen();
        if s.trim_end() == "t" {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no frame drawn at 1×1: {s:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    t.run(&["resize-window", "-t", "s", "-x", "15", "-y", "4"]);
    t.wait_for("too small");
    t.run(&["resize-window", "-t", "s", "-x", "120", "-y", "40"]);
    t.wait_for(&all());
    assert_eq!(t.pane("#{pane_dead}"), "0", "the process survived");
}

#[test]
fn signals_end_the_process_with_128_plus_n() {
    if !have_tmux() {
        return;
    }
    for (sig, code) in [("HUP", 129), ("TERM", 143), ("INT", 130)] {
        let t = start(bin(), &[]);
        t.wait_for(&all());
        let pid = t.descendant("dossier").expect("browser pid").to_string();
        Command::new("kill")
            .arg(format!("-{sig}"))
            .arg(&pid)
            .status()
            .expect("kill");
        let status = t.exit_status(Duration::from_secs(2));
        assert_eq!(
            status,
            Some(code.to_string()),
            "SIG{sig}: exit status within 2 s"
        );
        let screen = t.screen();
        assert!(
            !screen.contains(&all()),
            "SIG{sig}: alternate screen left:\n{screen}"
        );
    }
}

#[test]
fn killed_session_under_a_parent_ignoring_sighup_ends_quickly_without_spinning() {
    if !have_tmux() {
        return;
    }
    // The wrapping shell, the browser's parent, ignores SIGHUP.
    let cmd = format!("trap \"\" HUP; {}", bin());
    let t = start(&cmd, &[]);
    t.wait_for(&all());
    let pid = t.descendant("dossier").expect("browser pid");
    t.run(&["kill-server"]);
    let (took, cpu) = wait_gone(pid, Duration::from_secs(2), "browser of a killed session");
    // CPU time measured exactly (schedstat, not clock ticks): a process that notices the
    // hang-up spends a few milliseconds; one that spins on the dead terminal spends its
    // share of a core for as long as it lives, loaded machine or not.
    assert!(
        cpu < 100_000_000,
        "spent {} ms of CPU while dying ({took:?})",
        cpu / 1_000_000
    );
}

#[test]
fn y_copies_the_citation_through_osc52_into_tmux() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[]);
    t.run(&["set-option", "-g", "set-clipboard", "on"]);
    t.wait_for(&all());
    t.keys(&["/", "Yosov"]);
    t.wait_for("alias Andriy Yosov");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Andriy Yusov  person");
    t.keys(&["y"]);
    t.wait_for("copied to the clipboard");
    let start = Instant::now();
    let mut buffer = String::new();
    while start.elapsed() < Duration::from_secs(5) {
        buffer = t.run(&["show-buffer"]);
        if !buffer.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        buffer.starts_with("“Andriy Yosov told NBC News") || buffer.contains("Andriy Yosov"),
        "buffer: {buffer:?}"
    );
    assert!(
        buffer.contains("seeds/001_d630ea40083de3a6.txt:"),
        "buffer: {buffer:?}"
    );
}

/// The escape sequence in force just before `needle` on the first screen line holding it.
fn style_before(esc: &str, needle: &str) -> String {
    let line = esc.lines().find(|l| l.contains(needle)).unwrap_or("");
    line.find(needle)
        .and_then(|i| line[..i].rfind('\u{1b}').map(|e| line[e..i].to_owned()))
        .unwrap_or_default()
}

#[test]
fn reader_c_lists_who_cites_the_passage_and_enter_lands_on_that_item() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[]);
    t.wait_for(&all());
    t.keys(&["/", "Yosov"]);
    t.wait_for("alias Andriy Yosov");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Andriy Yusov  person");
    t.keys(&["n"]);
    t.wait_for("“Andriy Yusov, a spokesman for Ukraine’s military intelligence service”");
    t.keys(&["Enter"]);
    t.wait_for("n next passage");
    t.keys(&["c"]);
    let list = t.wait_for(
        " Cited by — “Andriy Yusov, a spokesman for Ukraine’s military intelligence service”",
    );
    // Every item citing the passage, in any dossier: Yusov's own, and the GUR's alias.
    assert!(
        list.contains("relation spokesperson-for → Main Directorate"),
        "{list}"
    );
    assert!(
        list.contains("alias    military intelligence service"),
        "{list}"
    );
    t.keys(&["j", "j", "Enter"]);
    let d = t.wait_for("Main Directorate of Intelligence of Ukraine  group");
    // The alias's citation is the selected one: its quote fills the pane below.
    assert!(
        d.contains("“Andriy Yusov, a spokesman for Ukraine’s military intelligence service”"),
        "{d}"
    );
    // …and its marker on the alias's row is drawn selected (reverse video).
    let esc = t.screen_escaped();
    let alias_row = esc
        .lines()
        .find(|l| l.starts_with("  military intelligence service\u{1b}"))
        .unwrap_or("");
    assert!(
        alias_row.contains("7m[1 NBC-mt]"),
        "alias marker not selected: {alias_row:?}"
    );
    // Back returns to the list, then to the reader.
    t.keys(&["h"]);
    t.wait_for(" Cited by — ");
    t.keys(&["h"]);
    t.wait_for("n next passage");
}

#[test]
fn sources_table_opens_an_article_with_its_cited_lines_marked() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[]);
    t.wait_for(&all());
    t.keys(&["S"]);
    let table = t.wait_for(" Sources — 5 articles");
    assert!(table.contains("% cited"), "{table}");
    assert!(
        table.contains("original: watson (Swiss news portal)"),
        "{table}"
    );
    t.keys(&["j", "Enter"]);
    let reader = t.wait_for("  1 of ");
    assert!(
        reader.contains("What are the pro Ukraine groups behind the dramatic raid on Russia?"),
        "{reader}"
    );
    assert!(
        reader.contains("▌ "),
        "cited lines carry a gutter mark:\n{reader}"
    );
}

#[test]
fn disputes_open_a_variants_quote_highlighted() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[]);
    t.wait_for(&all());
    t.keys(&["D"]);
    let list = t.wait_for(" Disputes — ");
    assert!(
        list.contains("│ «acted “completely independently”»"),
        "{list}"
    );
    t.keys(&["Enter"]);
    t.wait_for("n next passage");
    let hl = style_before(&t.screen_escaped(), "acted “in full autonomy”");
    assert!(
        hl.contains("43m") || hl.contains("48;5;3m"),
        "quote not highlighted: {hl:?}"
    );
}

#[test]
fn filter_to_an_event_follow_its_place_and_a_citation_to_the_quote() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[]);
    t.wait_for(&all());
    // The place and the event side by side, each with its letter.
    t.keys(&["/", "Belgorod"]);
    t.wait_for("L Belgorod region");
    t.wait_for("E Belgorod raid");
    t.keys(&[" raid"]);
    t.wait_for("▶ E Belgorod raid");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Belgorod raid  event · belgorod-raid · 2023-05");
    // The summary's references come first; Tab reaches the event's located-in relation,
    // and Enter follows it.
    t.keys(&["Tab", "Enter"]);
    t.wait_for("Belgorod region  place · belgorod-region");
    t.keys(&["C-o"]);
    t.wait_for("Belgorod raid  event · belgorod-raid");
    t.keys(&["n"]);
    t.wait_for("“into Russian territory in the Belgorod region”");
    t.keys(&["Enter"]);
    t.wait_for("n next passage");
    let esc = t.screen_escaped();
    let line = esc
        .lines()
        .find(|l| l.contains("Soldiers marched from Ukraine"))
        .unwrap_or("");
    let hl = line
        .find("into Russian territory")
        .and_then(|i| line[..i].rfind('\u{1b}').map(|e| &line[e..i]))
        .unwrap_or("");
    assert!(
        hl.contains("43m") || hl.contains("48;5;3m"),
        "quote not highlighted: {line:?}"
    );
    t.keys(&["q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));
}

#[test]
fn relations_map_opens_a_node_and_back_returns_to_the_same_selection() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[]);
    t.wait_for(&all());
    t.keys(&["/", "Kapustin", "Enter", "Enter"]);
    t.wait_for("Denis Kapustin  person · denis-kapustin");
    t.keys(&["r"]);
    t.wait_for("Relations of Denis Kapustin");
    // Two levels: his founding of the RVC, then the RVC's own alliance with the Legion.
    t.keys(&["j", "j"]);
    let selected = "▶ │  ├─ ─allied-with→ Freedom of Russia Legion";
    t.wait_for(selected);
    t.keys(&["Enter"]);
    t.wait_for("Freedom of Russia Legion  group · freedom-of-russia-legion");
    t.keys(&["C-o"]);
    let map = t.wait_for("Relations of Denis Kapustin");
    assert!(map.contains(selected), "the selection is restored:\n{map}");
    assert!(
        map.contains("├─ ─founded→ Russian Volunteer Corps"),
        "{map}"
    );
    t.keys(&["q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));
}

#[test]
fn timeline_row_opens_its_dossier_with_the_claim_selected() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[]);
    t.wait_for(&all());
    t.keys(&["T"]);
    let first = t.wait_for("Timeline — ");
    assert!(first.contains("▶ 2001"), "earliest first:\n{first}");
    // 2014: Caesar's dated variant (names order equal dates: Caesar before Ilya).
    t.keys(&["j"]);
    t.wait_for("▶ 2014        Caesar");
    t.keys(&["Enter"]);
    // The dossier opens scrolled to the claim, its variant's citation selected and quoted.
    let d = t.wait_for(
        "“described in the press as a former Russian neo-Nazi who sided with Ukraine in 2014”",
    );
    assert!(d.contains("«in 2014, as a former Russian neo-Nazi»"), "{d}");
    t.keys(&["BSpace"]);
    t.wait_for("▶ 2014        Caesar");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));
}

#[test]
fn an_event_lists_who_took_part_and_enter_opens_the_participant() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[]);
    t.wait_for(&all());
    t.keys(&["/", "Belgorod raid"]);
    t.wait_for("E Belgorod raid");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Belgorod raid  event · belgorod-raid");
    // Tab from the summary's references to its own relations, then to the relations of
    // others that point at it.
    t.keys(&["Tab", "Tab"]);
    let screen = t.wait_for("Enter opens Freedom of Russia Legion");
    assert!(screen.contains("\nLinked from\n"), "{screen}");
    assert!(
        screen.contains("  Russian Volunteer Corps ─took-part-in→ (this)"),
        "{screen}"
    );
    // Down over the Legion's citations and the Russian Armed Forces to the RVC.
    // One `j` at a time, each waited for until its frame is drawn (the highlighted row
    // moves, so the capture with attributes changes): a second `j` sent before the first
    // one's frame (the old fixed 100 ms pause) would step past the RVC on a loaded machine.
    let mut moves = 0;
    while !t.screen().contains("Enter opens Russian Volunteer Corps") {
        assert!(moves < 12, "never reached the RVC:\n{}", t.screen());
        let before = t.screen_escaped();
        t.keys(&["j"]);
        moves += 1;
        let start = Instant::now();
        let mut last = before.clone();
        // Changed, then the same for 60 ms: the frame is whole.
        loop {
            std::thread::sleep(Duration::from_millis(60));
            let now = t.screen_escaped();
            if now != before && now == last {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "j drew nothing:\n{before}"
            );
            last = now;
        }
    }
    t.keys(&["Enter"]);
    // The RVC's dossier, scrolled to its own relation to the raid, which is selected
    // (reverse video); its Linked from names its leader.
    let rvc = t.wait_for("Enter opens Belgorod raid");
    assert!(rvc.contains("  Denis Kapustin ─leads→ (this)"), "{rvc}");
    let esc = t.screen_escaped();
    let line = esc
        .lines()
        .find(|l| l.contains("took-part-in → ") && l.contains("Belgorod raid"))
        .unwrap_or("");
    // The escapes between the type and the name switch reverse video on (SGR 7).
    let between = line
        .split_once("took-part-in → ")
        .and_then(|(_, rest)| rest.split_once("Belgorod raid"))
        .map_or("", |(b, _)| b);
    assert!(
        between.contains("[7m") || between.contains(";7m"),
        "the relation is not selected: {line:?}"
    );
    t.keys(&["C-o"]);
    t.wait_for("Enter opens Russian Volunteer Corps");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));
}

#[test]
fn passage_search_finds_a_sentence_and_opens_the_article_there() {
    if !have_tmux() {
        return;
    }
    let t = start(bin(), &[]);
    t.wait_for(&all());
    t.keys(&["p"]);
    t.wait_for("passages / ");
    t.keys(&["-l", "'whose real name"]);
    let list = t.wait_for("watson 49:132");
    assert!(
        list.contains("▶ watson 49:132"),
        "best hit selected:\n{list}"
    );
    // Ctrl-s switches to the dossiers with the same query, and back.
    t.keys(&["C-s"]);
    t.wait_for("/ 'whose real name▏");
    t.keys(&["C-s"]);
    t.wait_for("watson 49:132");
    t.keys(&["Enter", "Enter"]);
    let screen = t.wait_for("n next passage");
    assert!(
        screen.contains("These are the Russians who want to overthrow Putin"),
        "{screen}"
    );
    let esc = t.screen_escaped();
    let line = esc
        .lines()
        .find(|l| l.contains("whose real name"))
        .unwrap_or("");
    let hl = line
        .find("This was founded")
        .and_then(|i| line[..i].rfind('\u{1b}').map(|e| &line[e..i]))
        .unwrap_or("");
    assert!(
        hl.contains("43m") || hl.contains("48;5;3m"),
        "sentence not highlighted: {line:?}"
    );
    t.keys(&["BSpace"]);
    t.wait_for("passages / 'whose real name");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));
}
