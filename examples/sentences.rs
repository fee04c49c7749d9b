//! Prints every sentence the passage search indexes, one a line, in corpus order: the
//! same input for fzf that `dossier`'s passage search searches (`scripts/keys-vs-fzf.sh`).
//!
//! ```sh
//! cargo run --release --example sentences -- target/synth/10k > /tmp/sentences.txt
//! ```

// A tool for benchmarks: it writes its sentences raw, as fzf is to read them.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use dossier::data::DataRoot;
use dossier::search::passages::sentences;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: sentences CORPUS_DIR");
        return ExitCode::FAILURE;
    };
    let report = dossier::check::check(&DataRoot::Dir(PathBuf::from(&dir)));
    if report.errors() > 0 {
        eprintln!("{dir}: the corpus does not check");
        return ExitCode::FAILURE;
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for s in &report.corpus.sources {
        let text = s.article.text.as_str();
        for r in sentences(text) {
            // A sentence ends at a line break, so it is one line.
            if writeln!(out, "{}", &text[r]).is_err() {
                return ExitCode::FAILURE;
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
