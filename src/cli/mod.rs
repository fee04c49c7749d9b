//! The non-interactive command line: `check`, `list`, `show`, `search`, `export`, the
//! cross-source views (`sources`, `disputes`, `claims`, `cited-by`, …), and the
//! curator's commands that write a corpus: `init`, `add-source`, `new`, `reanchor`,
//! `schema`. Plain output for people (every string from the data sanitised), `--json` for
//! scripts. Exit codes: 0 ok, 1 data errors (or an unknown id, or a refused write), 2
//! usage errors.
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

mod add_source;
mod changed;
mod check;
mod cited_by;
mod claims;
mod disputes;
mod export;
mod ftm;
mod init;
pub(crate) mod json;
mod list;
mod new;
mod output;
mod passages;
mod reanchor;
mod relations;
mod schema;
mod search;
mod show;
mod sources;
mod timeline;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::check::Report;
use crate::data::DataRoot;
use crate::model::order::Order;
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
    /// $XDG_CONFIG_HOME/dossier/config.toml; every subcommand refuses a FILE that cannot
    /// be read or does not parse.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// In the browser, append every citation made in the reader (`s`, then `y`) to FILE,
    /// one TOML inline table a line, as well as copying it through OSC 52.
    #[arg(long, value_name = "FILE")]
    pub cite_to: Option<PathBuf>,

    /// In the browser, leave the mouse to the terminal (its own text selection) instead
    /// of scrolling and clicking; `mouse = false` in the config file does the same.
    #[arg(long)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Verify every dossier and citation; report problems as path:line:col.
    Check {
        /// Print the diagnostics and summary as JSON (same as --format json).
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// How to print the diagnostics: plain, json, or github (GitHub Actions
        /// annotations).
        #[arg(long, value_enum)]
        format: Option<check::Format>,
        /// Check everything, but report only problems in files changed since the git
        /// revision REV (a change under seeds/ reports everything).
        #[arg(long, value_name = "REV")]
        changed_since: Option<String>,
    },
    /// Start a new corpus in DIR: seeds/sources.toml, the dossier folders, the JSON
    /// Schemas, a README and a CI workflow.
    Init {
        /// The folder to create (or an empty one).
        dir: PathBuf,
    },
    /// Copy an article into seeds/ and register it (with its sha256) in
    /// seeds/sources.toml. Needs --data DIR.
    AddSource {
        /// The article: a UTF-8 text file of at most 16 MiB.
        file: PathBuf,
        /// The slug citations will use, e.g. nbc-who-is-legion.
        #[arg(long)]
        id: String,
        /// The title, as the article gives it.
        #[arg(long)]
        title: String,
        /// Who published it, as far as the text tells.
        #[arg(long)]
        outlet: String,
        /// original | translation | machine-translation | paraphrase | repost.
        #[arg(long, default_value = "original")]
        derivation: String,
        /// The publication it derives from (needed unless --derivation original).
        #[arg(long)]
        original: Option<String>,
        /// YYYY, YYYY-MM or YYYY-MM-DD, only if the text tells.
        #[arg(long)]
        published: Option<String>,
        /// The language of the text.
        #[arg(long, default_value = "en")]
        lang: String,
        /// What a reader should know about the text's reliability.
        #[arg(long)]
        note: Option<String>,
        /// Its file name inside seeds/ (default: FILE's own name).
        #[arg(long = "file", value_name = "NAME")]
        name: Option<String>,
    },
    /// Create a dossier skeleton for "Name" in the right folder. Needs --data DIR.
    New {
        /// What it is about.
        #[arg(value_enum)]
        kind: KindArg,
        /// The name a careful reader would file it under.
        name: String,
        /// The id (file name) to use instead of the one made from the name.
        #[arg(long)]
        id: Option<String>,
    },
    /// After an article changed: relocate its failing quotes, show each with a diff, and
    /// with --write set the new sha256 and the quotes found again exactly. Needs --data.
    Reanchor {
        /// The source id.
        source: String,
        /// Write the changes (without it, only show them).
        #[arg(long)]
        write: bool,
    },
    /// Print the JSON Schema of a dossier file or of seeds/sources.toml.
    Schema {
        /// Which file kind.
        #[arg(value_enum)]
        which: schema::Which,
    },
    /// List the dossiers, the most cited first (as the browser's index opens).
    List {
        /// Only this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// The order: weight (citations across sources, most first; ties by name),
        /// name, or kind (then name).
        #[arg(long, value_enum, default_value_t = SortArg::Weight)]
        sort: SortArg,
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
    /// Who cites a passage: every alias, claim, variant and relation whose citation
    /// overlaps it, as the reader's `c` shows.
    #[command(arg_required_else_help = true)]
    CitedBy {
        /// The passage as SOURCE:LINE (the whole line) or SOURCE:LINE:COL (one
        /// character); SOURCE is a source id, its short marker (NBC-mt) or its file name.
        #[arg(
            value_name = "SOURCE:LINE[:COL]",
            required_unless_present = "quote",
            conflicts_with = "quote"
        )]
        at: Option<String>,
        /// The passage as words of an article, matched as `check` matches quotes.
        #[arg(long, value_name = "WORDS")]
        quote: Option<String>,
        /// With --quote: look only in this source.
        #[arg(long, value_name = "SOURCE", requires = "quote")]
        source: Option<String>,
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

/// `--sort` values of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Weight,
    Name,
    Kind,
}

impl From<SortArg> for Order {
    fn from(s: SortArg) -> Order {
        match s {
            SortArg::Weight => Order::Weight,
            SortArg::Name => Order::Name,
            SortArg::Kind => Order::Kind,
        }
    }
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
        refuse(root, report.errors());
        return None;
    }
    Some(report)
}

/// Says on stderr that the corpus at `root` has `errors` errors and how to see them:
/// why the browser does not start (before its first frame, or after it has left the
/// full screen when the check ends while the browser shows the dossiers' names).
pub fn refuse(root: &DataRoot, errors: usize) {
    err(&format!(
        "error: the corpus has {}; run `dossier{} check` to see them\n",
        crate::text::count(errors, "error"),
        match root {
            DataRoot::Bundled => String::new(),
            DataRoot::Dir(d) => format!(" --data {}", d.display()),
        }
    ));
}

/// Runs a subcommand and returns the process exit code. A `--config FILE` that cannot
/// be read or does not parse is refused first (exit 2), whatever the subcommand: a typo
/// in the path must not pass silently because this command draws nothing.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    if let Some(path) = &cli.config {
        let no_color = crate::config::no_color_env();
        if let Err(e) = crate::config::load(Some(path), no_color) {
            err(&e.to_string());
            return ExitCode::from(2);
        }
    }
    let root = cli.root();
    match command {
        Command::Check {
            json,
            format,
            changed_since,
        } => {
            let format = if *json {
                check::Format::Json
            } else {
                format.unwrap_or_default()
            };
            check::run(&root, format, changed_since.as_deref())
        }
        Command::Init { dir } => init::run(dir),
        Command::AddSource {
            file,
            id,
            title,
            outlet,
            derivation,
            original,
            published,
            lang,
            note,
            name,
        } => with_dir(cli, "add-source", |dir| {
            add_source::run(
                dir,
                &add_source::NewSource {
                    file: file.clone(),
                    name: name.clone(),
                    id: id.clone(),
                    title: title.clone(),
                    outlet: outlet.clone(),
                    derivation: derivation.clone(),
                    original: original.clone(),
                    published: published.clone(),
                    lang: lang.clone(),
                    note: note.clone(),
                },
            )
        }),
        Command::New { kind, name, id } => with_dir(cli, "new", |dir| {
            new::run(dir, Kind::from(*kind), name, id.as_deref())
        }),
        Command::Reanchor { source, write } => {
            with_dir(cli, "reanchor", |dir| reanchor::run(dir, source, *write))
        }
        Command::Schema { which } => schema::run(*which),
        Command::List { kind, sort, json } => with_corpus(&root, |c| {
            list::run(c, kind.map(Kind::from), Order::from(*sort), *json)
        }),
        Command::Show { id, json } => with_corpus(&root, |c| show::run(c, id, *json)),
        Command::Config { .. } => {
            out(&crate::config::print_default());
            ExitCode::SUCCESS
        }
        Command::Search { query, json, limit } => {
            with_corpus(&root, |c| search::run(c, &query.join(" "), *limit, *json))
        }
        Command::Sources { json } => with_corpus(&root, |c| sources::run(c, *json)),
        Command::CitedBy {
            at,
            quote,
            source,
            json,
        } => with_corpus(&root, |c| {
            let passages = match (at, quote) {
                (_, Some(q)) => cited_by::by_quote(c, q, source.as_deref()),
                (Some(at), None) => cited_by::at_position(c, at).map(|p| vec![p]),
                (None, None) => Err(cited_by::PassageError::Malformed(String::new())),
            };
            cited_by::run(c, passages, *json)
        }),
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

/// Runs a command that writes into the corpus folder given by `--data` (the bundled
/// corpus is part of the binary and cannot be written).
fn with_dir(cli: &Cli, what: &str, f: impl FnOnce(&std::path::Path) -> ExitCode) -> ExitCode {
    match &cli.data {
        Some(dir) => f(dir),
        None => {
            err(&format!(
                "error: {what} writes into a corpus folder: pass --data DIR (or set DOSSIER_DATA), e.g. the folder `dossier init DIR` made\n"
            ));
            ExitCode::from(2)
        }
    }
}

fn with_corpus(root: &DataRoot, f: impl FnOnce(&Corpus) -> ExitCode) -> ExitCode {
    match verified(root) {
        Some(report) => f(&report.corpus),
        None => ExitCode::from(1),
    }
}
