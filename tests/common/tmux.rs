//! Driving the real binary in a tmux server of the test's own (`-L` socket), as fzf's
//! test suite does: keys in with `send-keys`, the screen read back with `capture-pane`.
//! Shared by every end-to-end test (the browser walk-throughs, hostile data, signals,
//! TERM matrix, SSH).
//! With CI set, a missing tmux fails a test instead of skipping it.
#![allow(clippy::disallowed_macros)] // a skipped test says so on the console

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static SEQ: AtomicUsize = AtomicUsize::new(0);

/// The browser's status line while it loads a corpus.
const LOADING: &str = dossier::app::loading::LOADING;

/// True when tmux can run; under CI its absence is a failure, elsewhere a skip.
pub fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var_os("CI").is_some() {
        panic!("tmux is required for the end-to-end tests under CI (apt-get install -y tmux)");
    }
    if !ok {
        eprintln!("tmux not found; skipping end-to-end test");
    }
    ok
}

/// The index counter of the bundled corpus when nothing is filtered, e.g. "93/93": the
/// sign that the browser is up and showing the whole index.
pub fn all() -> String {
    let n = dossier::check::check(&dossier::data::DataRoot::Bundled)
        .corpus
        .dossiers
        .len();
    format!("{n}/{n}")
}

/// The browser binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_dossier")
}

/// A tmux server of our own with one 120×40 pane.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Runs `script` with `sh -c` in a new pane. `options` are tmux commands (split at
    /// spaces) run before the script starts: the pane's shell first waits for a line, so
    /// they hold before the first byte is drawn. (tmux 3.3 exits when some of these are in
    /// a config file given with -f, hence this.)
    pub fn start(script: &str, options: &[&str]) -> Tmux {
        let socket = format!(
            "dossier-sec-{}-{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::SeqCst)
        );
        let t = Tmux { socket };
        t.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "s",
            "-x",
            "120",
            "-y",
            "40",
            "sh",
            "-c",
            &format!("read go; {script}"),
        ]);
        t.run(&["set-option", "-g", "remain-on-exit", "on"]);
        t.run(&["set-option", "-g", "window-size", "manual"]);
        t.run(&["set-option", "-s", "escape-time", "10"]);
        for o in options {
            t.run(&o.split(' ').collect::<Vec<_>>());
        }
        t.keys(&["Enter"]);
        t
    }

    /// The usual wrapper: the shell sets the pane title to CLEAN, runs `command`, then
    /// prints its exit status and the terminal settings and keeps the pane open.
    pub fn browser(command: &str, options: &[&str]) -> Tmux {
        Tmux::start(
            &format!("printf '\\033]2;CLEAN\\033\\\\'; {command}; echo EXIT=$?; stty -a; sleep 60"),
            options,
        )
    }

    /// Runs a tmux command against this server; returns its stdout.
    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "s"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "s"])
    }

    /// The screen with attributes as SGR sequences.
    pub fn screen_escaped(&self) -> String {
        self.run(&["capture-pane", "-p", "-e", "-t", "s"])
    }

    /// Waits until the screen contains `text` and has stopped changing; panics with the
    /// screen after 15 s. A capture can land in the middle of a frame (the header drawn,
    /// the rows below still the previous view), so a screen counts only when a second
    /// capture a moment later is identical: the browser has no ticks, so a finished frame
    /// stays put.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_all(&[text])
    }

    /// Waits until the screen contains every one of `texts` and has settled (see
    /// [`Tmux::wait_for`]); panics naming the missing ones after 15 s. A browser still
    /// loading its corpus (the status line's `loading (n of 5)`, shown while a large
    /// corpus is checked) has not settled: its checked state is swapped in later.
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            let missing: Vec<&&str> = texts.iter().filter(|t| !s.contains(**t)).collect();
            if missing.is_empty() && !s.contains(LOADING) {
                std::thread::sleep(Duration::from_millis(60));
                // Settled, or still changing after the whole wait: take it as it is.
                if self.screen() == s || start.elapsed() > Duration::from_secs(15) {
                    return s;
                }
                continue;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {missing:?}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits (at most `limit`) for the wrapper's `EXIT=` line; returns the status.
    pub fn exit_status(&self, limit: Duration) -> Option<String> {
        let start = Instant::now();
        while start.elapsed() < limit {
            let screen = self.screen();
            if let Some(rest) = screen.split("EXIT=").nth(1) {
                return Some(rest.split_whitespace().next().unwrap_or("").to_owned());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// A pane format, e.g. `#{pane_title}`.
    pub fn pane(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "s", format])
            .trim()
            .to_owned()
    }

    /// The pid of the first process named `name` below the pane's shell.
    pub fn descendant(&self, name: &str) -> Option<u32> {
        let root: u32 = self.pane("#{pane_pid}").parse().ok()?;
        descendants(root)
            .into_iter()
            .find(|&p| comm(p).is_some_and(|c| c == name))
    }

    /// Asserts the terminal is back to normal: alternate screen left, and `stty -a`
    /// (printed by the wrapper after the browser exits) shows cooked mode.
    pub fn assert_restored(&self, what: &str) {
        let start = Instant::now();
        let mut screen = self.screen();
        while !screen.contains("icanon") && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(50));
            screen = self.screen();
        }
        assert_eq!(
            self.pane("#{alternate_on}"),
            "0",
            "{what}: alternate screen left"
        );
        let words: Vec<&str> = screen.split_whitespace().collect();
        for flag in ["icanon", "echo", "isig", "iexten", "icrnl", "opost"] {
            assert!(
                words.contains(&flag),
                "{what}: stty shows {flag} off (raw mode left on):\n{screen}"
            );
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// Every process below `root`, breadth first (from /proc).
pub fn descendants(root: u32) -> Vec<u32> {
    let mut all: Vec<(u32, u32)> = Vec::new();
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for e in dir.flatten() {
            let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            if let Some(ppid) = stat_field(pid, 1).and_then(|s| s.parse().ok()) {
                all.push((pid, ppid));
            }
        }
    }
    let mut out = Vec::new();
    let mut frontier = vec![root];
    while let Some(p) = frontier.pop() {
        for &(child, parent) in &all {
            if parent == p {
                out.push(child);
                frontier.push(child);
            }
        }
    }
    out
}

/// The command name of `pid`.
pub fn comm(pid: u32) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()
        .map(|s| s.trim().to_owned())
}

/// Field `n` (0 = state) after the command name in /proc/PID/stat.
fn stat_field(pid: u32, n: usize) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = stat.rsplit_once(')')?.1;
    rest.split_whitespace().nth(n).map(str::to_owned)
}

/// True while `pid` exists and is not a zombie.
pub fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists() && stat_field(pid, 0).is_some_and(|s| s != "Z")
}

/// The threads of `pid` (its /proc/PID/task entries).
fn threads(pid: u32) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    dir.flatten()
        .filter_map(|e| e.file_name().to_string_lossy().parse().ok())
        .collect()
}

/// Nanoseconds `pid` has spent on a CPU, all its threads together (the first field of
/// /proc/PID/task/TID/schedstat). Exact, not sampled at clock ticks as utime/stime are,
/// and a thread that sleeps gains none however loaded the machine is; one that spins
/// gains its share of a core even then.
pub fn cpu_ns(pid: u32) -> Option<u64> {
    let tids = threads(pid);
    if tids.is_empty() {
        return None;
    }
    let mut sum = 0;
    for tid in tids {
        let text = std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/schedstat")).ok();
        sum += text
            .as_deref()
            .and_then(|t| t.split_whitespace().next()?.parse::<u64>().ok())
            .unwrap_or(0);
    }
    Some(sum)
}

/// Per thread of `pid`, how many times it has been switched out, voluntarily or not
/// (/proc/PID/task/TID/status). A thread blocked in one system call adds nothing, however
/// loaded the machine; every wake-up adds at least one.
pub fn switches(pid: u32) -> std::collections::BTreeMap<u32, u64> {
    let mut out = std::collections::BTreeMap::new();
    for tid in threads(pid) {
        let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/status")) else {
            continue;
        };
        let n: u64 = status
            .lines()
            .filter(|l| l.contains("ctxt_switches:"))
            .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .sum();
        out.insert(tid, n);
    }
    out
}

/// Wake-ups between two [`switches`] readings of one process: the switches each thread
/// made, a thread that appeared or ended counting as woken.
pub fn wake_ups(
    before: &std::collections::BTreeMap<u32, u64>,
    after: &std::collections::BTreeMap<u32, u64>,
) -> u64 {
    let mut n = 0;
    for (tid, a) in after {
        n += match before.get(tid) {
            Some(b) => a.saturating_sub(*b),
            None => (*a).max(1),
        };
    }
    n + before.keys().filter(|t| !after.contains_key(t)).count() as u64
}

/// Waits until `pid` is gone; returns how long it took and the nanoseconds of CPU it
/// spent meanwhile (as far as the last look before it ended saw), or panics after
/// `limit`.
pub fn wait_gone(pid: u32, limit: Duration, what: &str) -> (Duration, u64) {
    let start = Instant::now();
    let before = cpu_ns(pid).unwrap_or(0);
    let mut last = before;
    while alive(pid) {
        last = cpu_ns(pid).unwrap_or(last);
        assert!(
            start.elapsed() < limit,
            "{what}: pid {pid} still running after {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    (start.elapsed(), last.saturating_sub(before))
}
