//! A fact-checker's audit of the dossiers (README, "Curation"): prints claims with every
//! quote in its context — the sentence before and after, from the article — for a human
//! to read and judge supported / overreach / misattributed / wrong; or lists the sentences
//! of the articles that no citation covers, to judge "boilerplate" or "fact".
//!
//! ```sh
//! cargo run --release --example audit -- --largest 5 --sample 40 --seed 2026
//! cargo run --release --example audit -- --dossier belgorod-raid --dossier caesar
//! cargo run --release --example audit -- --uncovered [--below 50] [--all]
//! cargo run --release --example audit -- --hedges
//! ```
//!
//! It reads the corpus from files (the worktree's own unless `--data DIR`), so an edited
//! dossier is audited without rebuilding.

use std::path::PathBuf;
use std::process::ExitCode;

// Printing goes through the CLI's writers, which sanitise whatever the corpus holds.
macro_rules! out {
    ($($t:tt)*) => { dossier::cli::out(&format!($($t)*)) };
}
macro_rules! say {
    ($($t:tt)*) => { dossier::cli::out(&format!("{}\n", format_args!($($t)*))) };
}
macro_rules! warn {
    ($($t:tt)*) => { dossier::cli::err(&format!("{}\n", format_args!($($t)*))) };
}

use dossier::audit::{self, Boilerplate};
use dossier::data::DataRoot;
use dossier::xref::Xref;

const USAGE: &str = "usage: audit [--data DIR] [--dossier ID]... [--largest N] \
[--sample N [--seed S]] [--relations]
       audit [--data DIR] --uncovered [--below PERCENT] [--all]
       audit [--data DIR] --hedges

  --dossier ID     every claim (and with --relations, every relation) of dossier ID
  --largest N      the same for the N dossiers with the most citations
  --sample N       N claims drawn at random from the dossiers not named otherwise
  --seed S         the sample's seed (default 1): the same seed draws the same claims
  --relations      print the chosen dossiers' relations too
  --uncovered      the sentences no citation touches, article by article, less those
                   docs/boilerplate.toml lists (--all: those too)
  --below PERCENT  with --uncovered: also sentences cited at most PERCENT per cent
  --hedges         every claim that may have dropped a hedge or an attribution: a quote
                   sits in a sentence that hedges (\"appear to\", \"allegedly\", \"claims\",
                   \"according to\"…) while the claim's text and note keep none";

#[derive(Default)]
struct Args {
    data: Option<PathBuf>,
    dossiers: Vec<String>,
    largest: usize,
    sample: usize,
    seed: u64,
    relations: bool,
    uncovered: bool,
    hedges: bool,
    below: f64,
    all: bool,
}

fn parse() -> Result<Args, String> {
    let mut a = Args {
        seed: 1,
        ..Args::default()
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = |what: &str| {
            it.next()
                .ok_or_else(|| format!("{flag} needs {what}\n{USAGE}"))
        };
        let number = |v: String| {
            v.parse::<usize>()
                .map_err(|_| format!("{flag} {v}: expected a whole number\n{USAGE}"))
        };
        match flag.as_str() {
            "--data" => a.data = Some(PathBuf::from(value("a folder")?)),
            "--dossier" => a.dossiers.push(value("an id")?),
            "--largest" => a.largest = number(value("a count")?)?,
            "--sample" => a.sample = number(value("a count")?)?,
            "--seed" => a.seed = number(value("a number")?)? as u64,
            "--below" => {
                let v = value("a percentage")?;
                a.below = v
                    .parse()
                    .map_err(|_| format!("--below {v}: expected a number\n{USAGE}"))?;
            }
            "--relations" => a.relations = true,
            "--uncovered" => a.uncovered = true,
            "--hedges" => a.hedges = true,
            "--all" => a.all = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(a)
}

fn main() -> ExitCode {
    let a = match parse() {
        Ok(a) => a,
        Err(e) => {
            warn!("{e}");
            return ExitCode::from(2);
        }
    };
    let dir = a
        .data
        .clone()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let report = dossier::check::check(&DataRoot::Dir(dir.clone()));
    if report.errors() > 0 {
        warn!(
            "{}: the corpus does not check; run `dossier --data {} check`",
            dir.display(),
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let corpus = report.corpus;
    if a.uncovered {
        let path = dir.join("docs/boilerplate.toml");
        let boilerplate = match std::fs::read_to_string(&path) {
            Ok(t) => match Boilerplate::parse(&t) {
                Ok(b) => Some(b),
                Err(e) => {
                    warn!("{}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
            },
            Err(_) => None,
        };
        if let Some(b) = &boilerplate {
            for (src, s) in b.unknown(&corpus) {
                warn!(
                    "{}: {src}: not a sentence of that source: {s:?}",
                    path.display()
                );
            }
        }
        let x = Xref::new(&corpus);
        let found = audit::uncited(&corpus, &x, a.below);
        out!(
            "{}",
            audit::render_uncited(&corpus, &found, boilerplate.as_ref(), a.all)
        );
        return ExitCode::SUCCESS;
    }
    if a.hedges {
        let found = audit::unhedged(&corpus);
        for &(d, c, hedge) in &found {
            let d = &corpus.dossiers[d];
            say!("hedge in the article: {hedge:?}");
            say!("{}", audit::render_claim(&corpus, d, &d.claims[c]));
        }
        warn!("{} candidate claims", found.len());
        return ExitCode::SUCCESS;
    }
    let mut chosen: Vec<usize> = Vec::new();
    for id in &a.dossiers {
        match corpus.position(id) {
            Some(i) => chosen.push(i),
            None => {
                warn!("no dossier {id:?}; `dossier list` shows the ids");
                return ExitCode::from(2);
            }
        }
    }
    for i in audit::largest(&corpus, a.largest) {
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    if chosen.is_empty() && a.sample == 0 {
        warn!("nothing to audit\n{USAGE}");
        return ExitCode::from(2);
    }
    let mut claims = 0;
    for &i in &chosen {
        let d = &corpus.dossiers[i];
        say!(
            "══ {} ({}, {} claims, {} citations)",
            d.id,
            d.kind,
            d.claims.len(),
            d.all_cites().count()
        );
        for c in &d.claims {
            say!("{}", audit::render_claim(&corpus, d, c));
            claims += 1;
        }
        if a.relations {
            say!("{}", audit::render_relations(&corpus, d));
        }
    }
    if a.sample > 0 {
        let pool: Vec<(usize, usize)> = corpus
            .dossiers
            .iter()
            .enumerate()
            .filter(|(i, _)| !chosen.contains(i))
            .flat_map(|(i, d)| (0..d.claims.len()).map(move |c| (i, c)))
            .collect();
        let picked = audit::sample(&pool, a.sample, a.seed);
        say!(
            "══ a sample of {} of the other {} claims (seed {})",
            picked.len(),
            pool.len(),
            a.seed
        );
        for (i, c) in picked {
            let d = &corpus.dossiers[i];
            say!("{}", audit::render_claim(&corpus, d, &d.claims[c]));
            claims += 1;
        }
    }
    warn!("{claims} claims printed");
    ExitCode::SUCCESS
}
