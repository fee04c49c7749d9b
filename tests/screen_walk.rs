//! The screen is the truth, end to end: a seeded random walk of keys and resizes drives
//! the real binary in tmux, and after every step the pane must equal what a full redraw
//! (Ctrl-L) of the same state shows, attributes included.
//!
//! This is what a user does all day in tmux (resize panes, press keys) and what the
//! in-process model test (`src/tui/model_tests.rs`) cannot reach: the tty, the input
//! thread and the signal thread. On the build before the input decoder, a key that
//! arrived with a resize was lost until the next key; this walk found it within its
//! first dozen steps.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use crate::common::tmux::{self, Tmux};

/// A small deterministic generator (xorshift64*), so a failing walk can be replayed from
/// its seed (`DOSSIER_WALK_SEED`).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Keys a reader presses, in tmux's names; never one that quits or suspends.
const KEYS: &[&str] = &[
    "j", "j", "k", "g", "G", "Enter", "Enter", "h", "l", "n", "N", "Tab", "/", "a", "e", "BSpace",
    "Escape", "C-d", "C-u", "Space", "S", "D", "C", "T", "r", "c", "v", "?", "p", "1", "x", "Down",
    "Up", "PPage", "NPage", "Home", "End",
];

/// How long the pane must stay unchanged to count as settled: longer than the preview's
/// rest (150 ms), so a preview catching up is part of the step, not a difference.
const SETTLE: Duration = Duration::from_millis(260);

/// What a person sees in the pane, cell by cell: the capture (with attributes) replayed
/// into a terminal emulator of the pane's size. Comparing captures as text would see
/// differences nobody can (the attributes of blank cells change how tmux encodes the
/// capture), so a blank without reverse or underline shows only its background.
fn visible(t: &Tmux, capture: &str) -> Vec<String> {
    let size = t.pane("#{pane_width} #{pane_height}");
    let mut dims = size
        .split(' ')
        .map(|n| n.parse::<u16>().unwrap_or(1).max(1));
    let (w, h) = (dims.next().unwrap_or(1), dims.next().unwrap_or(1));
    let n = |v: u16| std::num::NonZeroU16::new(v).unwrap_or(std::num::NonZeroU16::MIN);
    let mut p = vt100::Parser::new(n(h), n(w), 0);
    for (i, line) in capture.lines().enumerate() {
        // tmux carries attributes from one line of the capture to the next.
        p.process(format!("\x1b[{};1H{line}", i + 1).as_bytes());
    }
    let screen = p.screen();
    (0..h)
        .map(|row| {
            (0..w)
                .map(|col| match screen.cell(row, col) {
                    Some(c) if c.contents().is_empty() || c.contents() == " " => {
                        if c.inverse() || c.underline() {
                            format!(" {:?}{}", c.bgcolor(), u8::from(c.inverse()))
                        } else {
                            format!(" {:?}", c.bgcolor())
                        }
                    }
                    Some(c) => format!(
                        "{}{:?}{:?}{}{}{}{}",
                        c.contents(),
                        c.fgcolor(),
                        c.bgcolor(),
                        u8::from(c.bold()),
                        u8::from(c.italic()),
                        u8::from(c.underline()),
                        u8::from(c.inverse())
                    ),
                    None => "?".to_owned(),
                })
                .collect()
        })
        .collect()
}

/// The pane with attributes, every cell (`-N`: without it tmux drops trailing blanks
/// in some lines and not in others, depending on where attributes change).
fn capture(t: &Tmux) -> String {
    t.run(&["capture-pane", "-p", "-e", "-N", "-t", "s"])
}

fn settled(t: &Tmux) -> String {
    let start = Instant::now();
    let mut last = capture(t);
    let mut since = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(40));
        let now = capture(t);
        if now != last {
            last = now;
            since = Instant::now();
        } else if since.elapsed() >= SETTLE || start.elapsed() > Duration::from_secs(10) {
            return last;
        }
    }
}

fn resize(t: &Tmux, w: u64, h: u64) {
    t.run(&[
        "resize-window",
        "-t",
        "s",
        "-x",
        &w.to_string(),
        "-y",
        &h.to_string(),
    ]);
}

#[test]
fn after_every_key_and_resize_the_pane_equals_a_full_redraw() {
    if !tmux::have_tmux() {
        return;
    }
    let seed = std::env::var("DOSSIER_WALK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_d055_1e55);
    let steps: usize = std::env::var("DOSSIER_WALK_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let mut rng = Rng(seed);
    // Another build's binary can be walked too (to compare, or to show the old bug).
    let bin = std::env::var("DOSSIER_WALK_BIN").unwrap_or_else(|_| tmux::bin().to_owned());
    let t = Tmux::browser(&bin, &[]);
    t.wait_for(&tmux::all());
    let mut log: Vec<String> = Vec::new();
    for step in 0..steps {
        // A key, or a resize followed at once by a key (the case that lost keys).
        if rng.below(3) == 0 {
            let (w, h) = match rng.below(4) {
                0 => (1 + rng.below(30), 1 + rng.below(12)),
                _ => (20 + rng.below(181), 5 + rng.below(56)),
            };
            resize(&t, w, h);
            log.push(format!("resize {w}x{h}"));
        }
        let key = KEYS[rng.below(KEYS.len() as u64) as usize];
        t.keys(&[key]);
        log.push(key.to_owned());
        let shown_capture = settled(&t);
        let shown = visible(&t, &shown_capture);
        t.keys(&["C-l"]);
        let redrawn_capture = settled(&t);
        let redrawn = visible(&t, &redrawn_capture);
        if shown != redrawn {
            let differing: Vec<String> = shown
                .iter()
                .zip(&redrawn)
                .enumerate()
                .filter(|(_, (a, b))| a != b)
                .take(3)
                .map(|(row, (a, b))| {
                    let col = a.split(' ').zip(b.split(' ')).position(|(x, y)| x != y);
                    let text = |r: usize, c: &str| c.lines().nth(r).unwrap_or("").to_owned();
                    format!(
                        "row {row}, near cell field {col:?}:\n  shown  {:?}\n  redraw {:?}",
                        text(row, &shown_capture),
                        text(row, &redrawn_capture)
                    )
                })
                .collect();
            panic!(
                "step {step} (seed {seed}): the pane differs from a full redraw after: {}\n{}",
                log.join(" "),
                differing.join("\n")
            );
        }
    }
    // Back to a size where the wrapper's exit line fits, then quit.
    resize(&t, 120, 40);
    t.keys(&["C-c"]);
    assert_eq!(t.exit_status(Duration::from_secs(5)).as_deref(), Some("0"));
}
