//! The `dossier` binary: parses arguments and hands over to the library. A subcommand
//! runs the non-interactive CLI; no subcommand opens the browser.

use std::process::ExitCode;

use clap::Parser as _;
use dossier::cli::{Cli, err, out, run};

/// mimalloc instead of the system allocator: loading a corpus allocates millions of
/// small strings, and glibc's malloc and free were ≈20% of `check`'s CPU at 10,000
/// dossiers (BENCHMARKS.md, "check at 10k"). Its v2 line (6 MB less peak RSS than v3
/// at 10,000 dossiers, same CPU), without transparent huge pages (`no_thp`): with them
/// `check` on the bundled corpus took 13 MB instead of 7, the browser 20 MB instead of 9,
/// over the 15 MB budget. The `system-alloc` feature keeps the system allocator, for
/// heap profilers that watch malloc (heaptrack; BENCHMARKS.md, "where the memory goes").
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Returns to the system the pages `check` freed before the browser builds its indexes
/// (the browser calls it on its checking thread's pool, `tui::Options::before_indexing`):
/// each of the pool's threads keeps what it freed (its parsed files, read texts, quote
/// lists) committed while it idles, and the indexes are built on other pages, so the
/// browser's peak was `check`'s leftovers plus the indexes (≈15 MB more at 10,000
/// dossiers, BENCHMARKS.md). `mi_collect` purges one thread's free pages: every thread
/// of the current pool runs it, then the calling thread.
fn release_freed_pages() {
    dossier::pages::release_pool_pages();
    dossier::pages::release_own_pages();
}

fn main() -> ExitCode {
    // Not `Cli::parse()`: clap would print its help and errors itself, and they repeat
    // what the user typed and the value of DOSSIER_DATA. Through the writers instead,
    // as plain text (clap's own printing strips its colours too when not on a terminal).
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            if e.use_stderr() {
                err(&text);
            } else {
                out(&text);
            }
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match &cli.command {
        Some(command) => run(&cli, command),
        None => {
            dossier::pages::purge_at_once();
            let no_color = dossier::config::no_color_env();
            let mut config = match dossier::config::load(cli.config.as_deref(), no_color) {
                Ok(c) => c,
                Err(e) => {
                    err(&e.to_string());
                    return ExitCode::from(2);
                }
            };
            if cli.no_mouse {
                config.mouse = false;
            }
            let options = dossier::tui::Options {
                cite_to: cli.cite_to.clone(),
                before_indexing: Some(release_freed_pages),
            };
            dossier::tui::run(cli.root(), config, options)
        }
    }
}
