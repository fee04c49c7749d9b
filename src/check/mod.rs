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
    // The corpus-wide tables are dropped beside the last passes over the built corpus
    // on a large corpus (freeing a few hundred thousand strings took one core ≈0.1 s at
    // 100,000 dossiers, the other idle); a small one does not start the pool.
    let large = built.len() >= parts::PARALLEL_FROM;
    let mut finish = || {
        warn_uncited_sources(&sources, &built, &mut diags);
        if large {
            built.par_sort_by(|a, b| a.id.cmp(&b.id));
        } else {
            built.sort_by(|a, b| a.id.cmp(&b.id));
        }
        built.dedup_by(|a, b| a.id == b.id);
        count(&built)
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

/// The counts of [`Stats`] but `sources`, in parts on the pool for a large corpus:
/// reading every claim and citation of 100,000 dossiers again is a cache miss on each,
/// ≈0.1 s of one core with the other idle (BENCHMARKS.md, "Issue 16, fifth pass").
fn count(built: &[Dossier]) -> Stats {
    let part = |part: &[Dossier]| Stats {
        dossiers: part.len(),
        claims: part.iter().map(|d| d.claims.len()).sum(),
        citations: part.iter().map(|d| d.all_cites().count()).sum(),
        disputed: part
            .iter()
            .flat_map(|d| &d.claims)
            .filter(|c| c.disputed)
            .count(),
        sources: 0,
    };
    let add = |a: Stats, b: Stats| Stats {
        dossiers: a.dossiers + b.dossiers,
        claims: a.claims + b.claims,
        citations: a.citations + b.citations,
        disputed: a.disputed + b.disputed,
        sources: 0,
    };
    parts::reduce_parts(built, part, Stats::default, add)
}

/// Warns about registered sources that no citation uses. Which are used is found in
/// parts on the pool for a large corpus (a cache miss per citation, as [`count`]).
fn warn_uncited_sources(
    sources: &sources::Sources,
    built: &[Dossier],
    diags: &mut Vec<Diagnostic>,
) {
    let n = sources.list.len();
    let part = |part: &[Dossier]| {
        let mut used = vec![false; n];
        for c in part.iter().flat_map(|d| d.all_cites()) {
            if let Some(u) = used.get_mut(c.source) {
                *u = true;
            }
        }
        used
    };
    let used = parts::reduce_parts(
        built,
        part,
        || vec![false; n],
        |mut a, b| {
            a.iter_mut().zip(b).for_each(|(x, y)| *x |= y);
            a
        },
    );
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

    /// The bundled corpus's dossiers, repeated until there are enough for three parts
    /// on the pool.
    fn many() -> (Report, Vec<Dossier>) {
        let report = check(&DataRoot::Bundled);
        let times = (2 * parts::REDUCE_PART).div_ceil(report.corpus.dossiers.len()) + 1;
        let built = (0..times)
            .flat_map(|_| report.corpus.dossiers.iter().cloned())
            .collect();
        (report, built)
    }

    /// The counts summed in parts on the pool are the counts of the whole, on either
    /// side of the threshold.
    #[test]
    fn counts_every_part() {
        let (report, built) = many();
        let n = built.len() / report.corpus.dossiers.len();
        let one = count(&report.corpus.dossiers);
        assert!(report.corpus.dossiers.len() < parts::PARALLEL_FROM && one.citations > 0);
        let all = count(&built);
        assert!(built.len() > 2 * parts::REDUCE_PART);
        assert_eq!(
            (all.dossiers, all.claims, all.citations, all.disputed),
            (
                n * one.dossiers,
                n * one.claims,
                n * one.citations,
                n * one.disputed
            )
        );
        assert_eq!(
            (one.dossiers, one.claims, one.citations, one.disputed),
            (
                report.stats.dossiers,
                report.stats.claims,
                report.stats.citations,
                report.stats.disputed
            )
        );
    }

    /// A source is reported as cited nowhere exactly when no citation of any part names
    /// it: the parts' marks are all kept, a large corpus or a small one.
    #[test]
    fn uncited_sources_seen_over_every_part() {
        let (report, mut built) = many();
        let mut sources = sources::Sources::default();
        sources.list = report.corpus.sources.clone();
        let mut extra = sources.list[0].clone();
        extra.id = "never-cited".into();
        sources.list.push(extra);
        // Only the last dossier cites the last cited source: one part alone sees it.
        let last = sources.list.len() - 2;
        for d in &mut built {
            for a in &mut d.aliases {
                a.cites.retain(|c| c.source != last);
            }
            for c in &mut d.claims {
                c.cites.retain(|c| c.source != last);
                for v in &mut c.variants {
                    v.cites.retain(|c| c.source != last);
                }
            }
            for r in &mut d.relations {
                r.cites.retain(|c| c.source != last);
            }
        }
        let keep = report
            .corpus
            .dossiers
            .iter()
            .find(|d| d.all_cites().any(|c| c.source == last))
            .cloned();
        built.extend(keep);
        for corpus in [&built[..], &built[built.len() - 3..]] {
            let mut diags = Vec::new();
            warn_uncited_sources(&sources, corpus, &mut diags);
            let mut used = vec![false; sources.list.len()];
            for c in corpus.iter().flat_map(|d| d.all_cites()) {
                used[c.source] = true;
            }
            let want: Vec<String> = sources
                .list
                .iter()
                .zip(&used)
                .filter(|(_, u)| !**u)
                .map(|(s, _)| format!("source '{}' is cited nowhere", s.id))
                .collect();
            let got: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
            assert_eq!(got, want);
            assert!(got.contains(&"source 'never-cited' is cited nowhere".to_owned()));
            assert!(used[last]);
        }
    }
}
