//! The non-interactive command line: `check`, `list`, `show`, `search`, `export`. Plain output for
//! people (every string from the data sanitised), `--json` for scripts. Exit codes: 0 ok,
//! 1 data errors (or an unknown id), 2 usage errors.
//!
//! ## Printing: [`out`] and [`err`], nothing else
//!
//! Every subcommand prints through these two (and `src/main.rs` too, clap's help and
//! errors included):
//!
//! ```text
//! cli::out(&text)   // to stdout
//! cli::err(&text)   // to stderr; add the "\n" yourself (no println!-style newline)
//! ```
//!
//! Both replace every character a terminal would obey or hide (escape and other C0/C1
//! controls, bidi controls, zero-width and tag characters) with its visible placeholder
//! (`␛`, `⟨U+202E⟩`, see [`crate::text::sanitize`]), keeping newlines and tabs; clean
//! text is written as it is, without a copy. They are the choke point: `clippy.toml`
//! denies `println!`, `print!`, `eprintln!`, `eprint!`, `std::io::stdout` and
//! `std::io::stderr` elsewhere. Still sanitise single-line fields with
//! [`sanitize_line`](crate::text::sanitize_line) when laying out (it also shows a newline
//! inside a name as `␤`); the writers are the guarantee behind that. JSON goes through
//! [`json::pretty`]/`compact`, which escape those characters as `\uXXXX`, then through
//! `out` unchanged.

mod check;
mod claims;
mod disputes;
mod export;
mod ftm;
mod json;
mod list;
mod output;
mod passages;
mod relations;
mod search;
mod show;
mod sources;
mod timeline;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::check::Report;
use crate::data::DataRoot;
use crate::model::{Corpus, Kind};

pub use output::{err, out};

/// Read hand-curated dossiers on the groups and people in a set of news articles; every
/// statement cites the exact words of an article.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, long_about = None)]
pub struct Cli {
    /// Use the corpus in DIR (with seeds/ and dossiers/) instead of the bundled one.
    #[arg(long, global = true, value_name = "DIR", env = "DOSSIER_DATA")]
    pub data: Option<PathBuf>,

    /// Read key bindings and colours from FILE instead of
    /// $XDG_CONFIG_HOME/dossier/config.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Verify every dossier and citation; report problems as path:line:col.
    Check {
        /// Print the diagnostics and summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the dossiers.
    List {
        /// Only this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one dossier with every citation resolved to its quote and position.
    Show {
        /// The dossier id (its file name without .toml), e.g. denis-kapustin.
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy-search names, aliases and claims (fzf syntax: 'exact ^prefix suffix$ !not).
    Search {
        /// The query; several words must all match.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// The browser's configuration (key bindings and colours).
    Config {
        /// Print a commented default configuration to start from.
        #[arg(long, required = true)]
        print_default: bool,
    },
    /// Every article: provenance, citations pointing at it, share of its text cited.
    Sources {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every disputed claim across all dossiers, its variants with sources and notes.
    Disputes {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every claim with how many sources back it and how many are independent, least
    /// corroborated first.
    Claims {
        /// Only claims backed by a single independent source.
        #[arg(long)]
        single_source: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export the whole corpus: `json` (citations resolved with offsets) or `ftm`
    /// (FollowTheMoney entities, one JSON object per line, for Aleph).
    Export {
        /// The output format.
        #[arg(long, value_enum)]
        format: export::Format,
        /// Write to FILE instead of stdout.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A dossier's relations, outgoing and incoming, as a tree N levels deep.
    Relations {
        /// The dossier id, e.g. denis-kapustin.
        id: String,
        /// Levels of relations to follow.
        #[arg(long, default_value_t = 2)]
        depth: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every dated claim and variant of every dossier, in date order.
    Timeline {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy-search every sentence of the articles (same syntax as search).
    Passages {
        /// The query; several words must all match one sentence.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
}

/// `--kind` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Person,
    Group,
    Event,
    Place,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Person => Kind::Person,
            KindArg::Group => Kind::Group,
            KindArg::Event => Kind::Event,
            KindArg::Place => Kind::Place,
        }
    }
}

impl Cli {
    /// The corpus the arguments select.
    pub fn root(&self) -> DataRoot {
        match &self.data {
            Some(dir) => DataRoot::Dir(dir.clone()),
            None => DataRoot::Bundled,
        }
    }
}

/// Loads and checks the corpus; when it has errors, says so and returns `None` (the
/// reading commands refuse an unverified corpus, like a compiler refusing to run).
pub fn verified(root: &DataRoot) -> Option<Report> {
    let report = crate::check::check(root);
    if report.errors() > 0 {
        err(&format!(
            "error: the corpus has {} error{}; run `dossier{} check` to see them\n",
            report.errors(),
            if report.errors() == 1 { "" } else { "s" },
            match root {
                DataRoot::Bundled => String::new(),
                DataRoot::Dir(d) => format!(" --data {}", d.display()),
            }
        ));
        return None;
    }
    Some(report)
}

/// Runs a subcommand and returns the process exit code.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let root = cli.root();
    match command {
        Command::Check { json } => check::run(&root, *json),
        Command::List { kind, json } => {
            with_corpus(&root, |c| list::run(c, kind.map(Kind::from), *json))
        }
        Command::Show { id, json } => with_corpus(&root, |c| show::run(c, id, *json)),
        Command::Config { .. } => {
            out(&crate::config::print_default());
            ExitCode::SUCCESS
        }
        Command::Search { query, json, limit } => {
            with_corpus(&root, |c| search::run(c, &query.join(" "), *limit, *json))
        }
        Command::Sources { json } => with_corpus(&root, |c| sources::run(c, *json)),
        Command::Disputes { json } => with_corpus(&root, |c| disputes::run(c, *json)),
        Command::Claims {
            single_source,
            json,
        } => with_corpus(&root, |c| claims::run(c, *single_source, *json)),
        Command::Export { format, output } => {
            with_corpus(&root, |c| export::run(c, *format, output.as_deref()))
        }
        Command::Relations { id, depth, json } => {
            with_corpus(&root, |c| relations::run(c, id, *depth, *json))
        }
        Command::Timeline { json } => with_corpus(&root, |c| timeline::run(c, *json)),
        Command::Passages { query, json, limit } => {
            with_corpus(&root, |c| passages::run(c, &query.join(" "), *limit, *json))
        }
    }
}

fn with_corpus(root: &DataRoot, f: impl FnOnce(&Corpus) -> ExitCode) -> ExitCode {
    match verified(root) {
        Some(report) => f(&report.corpus),
        None => ExitCode::from(1),
    }
}
