//! `dossier check`: every rule of data-model.md, as a list of diagnostics. Nothing here
//! prints; the CLI renders the [`Report`]. Every problem is collected (one bad file does
//! not hide the next), then sorted by file and position.

mod cite;
mod dossiers;
mod exact;
mod fields;
mod known;
mod outline;
mod parts;
mod sources;
mod summary;

use serde::Serialize;

pub use fields::{is_date, is_slug};
pub use sources::sha256_hex;

use crate::data::DataRoot;
use crate::diag::{self, Diagnostic, Severity};
use crate::model::{Corpus, Dossier};

/// Counts for the one-line summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub dossiers: usize,
    pub claims: usize,
    /// Citations that resolved to exactly one passage.
    pub citations: usize,
    pub disputed: usize,
    pub sources: usize,
}

/// The outcome of checking a corpus: what loaded, and every problem found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The corpus as far as it loaded (complete when there are no errors).
    pub corpus: Corpus,
    /// Sorted diagnostics, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    pub stats: Stats,
}

impl Report {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// How far a check has come: what a browser shows while it waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and parsing the dossier files.
    Parsing,
    /// Reading the registry, reading and hashing the articles.
    Sources,
    /// Finding every quote in its article.
    Quotes,
    /// Checking and building the dossiers: `done` of `total` built.
    Building { done: usize, total: usize },
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stage::Parsing => f.write_str("reading the dossier files"),
            Stage::Sources => f.write_str("reading and hashing the articles"),
            Stage::Quotes => f.write_str("finding the quotes in the articles"),
            Stage::Building { done, total } => {
                write!(f, "checking the dossiers, {done} of {total}")
            }
        }
    }
}

/// Told how a check goes, from the threads that do it (hence `Sync`). Every method has
/// a default that does nothing, and the outline is only made for a watcher that wants
/// it.
pub trait Progress: Sync {
    /// A stage begins, or moves on.
    fn stage(&self, _stage: Stage) {}
    /// True when [`Progress::outline`] should be called, for a corpus of this many
    /// parsed dossier files.
    fn wants_outline(&self, _dossiers: usize) -> bool {
        false
    }
    /// Every dossier file is parsed: their ids, kinds, names and aliases, sorted by id
    /// (see [`outline::outline`]). Nothing in them is checked yet.
    fn outline(&self, _dossiers: Vec<Dossier>) {}
}

/// No one watching.
impl Progress for () {}

/// Loads and checks the corpus at `root`.
pub fn check(root: &DataRoot) -> Report {
    check_watched(root, &())
}

/// [`check`], telling `progress` how it goes: the dossier files are parsed first (no
/// rule needs the articles for that), so a browser can list the dossiers' names while
/// the articles are read and the quotes found. The report is the same whoever watches:
/// diagnostics are sorted at the end, whatever order they were found in.
pub fn check_watched(root: &DataRoot, progress: &dyn Progress) -> Report {
    let mut diags = Vec::new();
    progress.stage(Stage::Parsing);
    let mut parsed = dossiers::parse_all(root, &mut diags);
    if progress.wants_outline(parsed.len()) {
        progress.outline(outline::outline(&parsed));
    }
    progress.stage(Stage::Sources);
    // The articles are read and hashed while the corpus-wide tables are gathered from
    // the parsed files (neither needs the other), side by side on the pool for a large
    // corpus (a small one does not start the pool, as `parts::in_parts`); their
    // diagnostics are appended in the order they were found in one after the other.
    let read_sources = || {
        let mut d = Vec::new();
        (sources::load(root, &mut d), d)
    };
    let gather = || {
        let mut d = Vec::new();
        (known::gather(&parsed, &mut d), d)
    };
    let ((sources, source_diags), (known, known_diags)) = if parsed.len() < parts::PARALLEL_FROM {
        (read_sources(), gather())
    } else {
        rayon::join(read_sources, gather)
    };
    diags.extend(source_diags);
    progress.stage(Stage::Quotes);
    exact::fill(&sources, &mut parsed);
    diags.extend(known_diags);
    let ctx = dossiers::Ctx {
        sources: &sources,
        ids: &known.ids,
        kinds: &known.kinds,
        names: &known.names,
        spellings: &known.spellings,
    };
    let mut built = build_all(&ctx, parsed, &mut diags, progress);
    warn_uncited_sources(&sources, &built, &mut diags);

    built.sort_by(|a, b| a.id.cmp(&b.id));
    built.dedup_by(|a, b| a.id == b.id);
    let stats = Stats {
        dossiers: built.len(),
        claims: built.iter().map(|d| d.claims.len()).sum(),
        citations: built.iter().map(|d| d.all_cites().count()).sum(),
        disputed: built
            .iter()
            .flat_map(|d| &d.claims)
            .filter(|c| c.disputed)
            .count(),
        sources: sources.list.len(),
    };
    diag::sort(&mut diags);
    Report {
        corpus: Corpus {
            sources: sources.list,
            dossiers: built,
        },
        diagnostics: diags,
        stats,
    }
}

/// Checks and builds every parsed dossier, in parts on the thread pool for large corpora (anchoring
/// quotes is most of `check`'s time, BENCHMARKS.md), dropping each parsed file once it is
/// built so the raw and resolved forms of the corpus are not both held at the peak.
/// Diagnostics are sorted afterwards, so their order does not depend on the threads.
/// Each finished part is told to `progress` (a few per thread of the pool).
fn build_all(
    ctx: &dossiers::Ctx<'_>,
    parsed: Vec<dossiers::Parsed>,
    diags: &mut Vec<Diagnostic>,
    progress: &dyn Progress,
) -> Vec<Dossier> {
    let total = parsed.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    progress.stage(Stage::Building { done: 0, total });
    parts::in_parts(parsed, diags, |part, d| {
        let n = part.len();
        let built: Vec<Dossier> = part
            .into_iter()
            .map(|p| dossiers::build(ctx, p, d))
            .collect();
        let done = done.fetch_add(n, std::sync::atomic::Ordering::Relaxed) + n;
        progress.stage(Stage::Building { done, total });

        built
    })
}

/// Warns about registered sources that no citation uses.
fn warn_uncited_sources(
    sources: &sources::Sources,
    built: &[Dossier],
    diags: &mut Vec<Diagnostic>,
) {
    let mut used = vec![false; sources.list.len()];
    for d in built {
        for c in d.all_cites() {
            if let Some(u) = used.get_mut(c.source) {
                *u = true;
            }
        }
    }
    for (s, u) in sources.list.iter().zip(used) {
        if !u {
            diags.push(Diagnostic::file(
                Severity::Warning,
                &format!("seeds/{}", s.file),
                format!("source '{}' is cited nowhere", s.id),
            ));
        }
    }
}
