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
mod tally;

use rayon::prelude::*;
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
    /// Reading and parsing the dossier files: `done` of `total` read (`total` is 0
    /// until the files are listed).
    Parsing { done: usize, total: usize },
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
            Stage::Parsing { total: 0, .. } => f.write_str("reading the dossier files"),
            Stage::Parsing { done, total } => {
                write!(f, "reading the dossier files, {done} of {total}")
            }
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
    /// True when [`Progress::outline_part`] should be called, for a corpus of this many
    /// dossier files.
    fn wants_outline_parts(&self, _files: usize) -> bool {
        false
    }
    /// A part of the dossier files is parsed, `read` of `total` files so far: the outline
    /// of that part (unsorted; a repeated id is not yet known as one), from the thread
    /// that parsed it, all but the last, so a browser can draw the names read so far on
    /// a first start (BENCHMARKS.md, "Issue 16, seventh pass").
    fn outline_part(&self, _part: Vec<Dossier>, _read: usize, _total: usize) {}
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
    progress.stage(Stage::Parsing { done: 0, total: 0 });
    // Counted and told under one lock, so the files read are told in order; a part's
    // names are made outside it, and not for the part that reads the last files.
    let read = std::sync::Mutex::new(0);
    let mut parsed = dossiers::parse_all(root, &mut diags, &|part, files, total| {
        let so_far = {
            let mut read = read
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            *read += files;
            progress.stage(Stage::Parsing { done: *read, total });
            *read
        };
        if so_far < total && progress.wants_outline_parts(total) {
            progress.outline_part(outline::outline_unsorted(part), so_far, total);
        }
    });
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
    let (mut built, tally) = build_all(&ctx, parsed, &mut diags, progress);
    // The corpus-wide tables are dropped beside the last passes over the built corpus
    // on a large corpus (freeing a few hundred thousand strings took one core ≈0.1 s at
    // 100,000 dossiers, the other idle); a small one does not start the pool.
    let large = built.len() >= parts::PARALLEL_FROM;
    let mut finish = || {
        warn_uncited_sources(&sources, &tally.used, &mut diags);
        if large {
            built.par_sort_by(|a, b| a.id.cmp(&b.id));
        } else {
            built.sort_by(|a, b| a.id.cmp(&b.id));
        }
        // A dossier whose id another has (reported as an error) is kept once; its
        // counts leave the tally with it.
        let mut dropped = Stats::default();
        built.dedup_by(|later, kept| {
            let same = later.id == kept.id;
            if same {
                dropped = dropped.plus(Stats::of(later));
            }
            same
        });
        tally.stats.minus(dropped)
    };
    let mut stats = if large {
        rayon::join(|| drop(known), finish).1
    } else {
        finish()
    };
    stats.sources = sources.list.len();
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
/// Each finished part is told to `progress` (a few per thread of the pool). Each dossier
/// is counted into the [`Tally`](tally::Tally) as soon as it is built, while it is in
/// the cache.
fn build_all(
    ctx: &dossiers::Ctx<'_>,
    parsed: Vec<dossiers::Parsed>,
    diags: &mut Vec<Diagnostic>,
    progress: &dyn Progress,
) -> (Vec<Dossier>, tally::Tally) {
    let total = parsed.len();
    let sources = ctx.sources.list.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let whole = std::sync::Mutex::new(tally::Tally::new(sources));
    progress.stage(Stage::Building { done: 0, total });
    let built = parts::in_parts(parsed, diags, |part, d| {
        let n = part.len();
        let mut mine = tally::Tally::new(sources);
        let built: Vec<Dossier> = part
            .into_iter()
            .map(|p| {
                let b = dossiers::build(ctx, p, d);
                mine.add(&b);
                b
            })
            .collect();
        // A part that panicked has already failed the check (rayon surfaces the
        // panic); the others' counts are whole whatever it left.
        whole
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .join(mine);
        let done = done.fetch_add(n, std::sync::atomic::Ordering::Relaxed) + n;
        progress.stage(Stage::Building { done, total });
        built
    });
    let tally = whole
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    (built, tally)
}

/// Warns about registered sources that no citation uses (`used`, by source, from the
/// [`Tally`](tally::Tally) of the built dossiers).
fn warn_uncited_sources(sources: &sources::Sources, used: &[bool], diags: &mut Vec<Diagnostic>) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::DataRoot;

    /// The counts of the summary line are those of the checked corpus as it is kept:
    /// on the bundled corpus, and on one where two files share an id (the second is
    /// built, counted and then dropped).
    #[test]
    fn stats_count_the_corpus_as_kept() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/duplicates");
        for root in [DataRoot::Bundled, DataRoot::Dir(dir)] {
            let report = check(&root);
            let mut recount = tally::Tally::new(0);
            report.corpus.dossiers.iter().for_each(|d| recount.add(d));
            let mut want = recount.stats;
            want.sources = report.corpus.sources.len();
            assert_eq!(report.stats, want, "{root:?}");
        }
    }

    /// A source is reported as cited nowhere exactly when it is not marked used.
    #[test]
    fn uncited_sources_are_the_unmarked_ones() {
        let report = check(&DataRoot::Bundled);
        let mut sources = sources::Sources::default();
        sources.list = report.corpus.sources.clone();
        let mut used = vec![true; sources.list.len()];
        used[1] = false;
        let mut diags = Vec::new();
        warn_uncited_sources(&sources, &used, &mut diags);
        let got: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            got,
            vec![format!("source '{}' is cited nowhere", sources.list[1].id)]
        );
    }
}
