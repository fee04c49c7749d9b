//! The only way the CLI prints: [`out`] and [`err`] sanitise the whole text, so nothing
//! a corpus, a file name, an argument or an environment variable holds reaches the
//! terminal as a character it would obey or hide, whichever subcommand printed it and
//! whether or not that subcommand sanitised its strings (it should: its placeholders keep
//! a single-line field on one line). `println!`, `eprintln!` and `std::io::stdout`/`stderr`
//! are denied by `clippy.toml` everywhere else in the crate but the browser's terminal
//! code (`src/tui/`), which writes raw escape sequences by design.

use std::io::Write as _;

use crate::text::sanitize::sanitize_output;

/// Prints `text` to stdout, every unsafe character but newline and tab shown as its
/// placeholder (no copy when there is none), and flushes. A closed pipe
/// (`dossier list | head`) is ignored.
#[allow(clippy::disallowed_methods)] // the one writer to stdout
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(sanitize_output(text).as_bytes());
    let _ = stdout.flush();
}

/// Prints `text` to stderr as [`out`] prints to stdout.
#[allow(clippy::disallowed_methods)] // the one writer to stderr
pub fn err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(sanitize_output(text).as_bytes());
    let _ = stderr.flush();
}
