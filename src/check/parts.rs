//! Work that is independent per file, split over rayon's pool (one thread per core of
//! the machine) on large corpora: reading, parsing and building dossiers are most of
//! `check`'s time at 10,000 dossiers (BENCHMARKS.md). Each part reports into its own
//! diagnostics, appended afterwards in part order; the caller sorts diagnostics, so their
//! order does not depend on the threads.

use rayon::prelude::*;

use crate::diag::Diagnostic;

/// Below this many items one thread is faster than handing parts to the pool.
pub const PARALLEL_FROM: usize = 256;

/// `work` over `items`, the results in the items' order: on the calling thread alone for
/// a few items, else cut into a few parts per thread of the pool (a part whose thread is
/// descheduled on a busy machine is not the whole wait).
pub fn in_parts<T: Send, U: Send>(
    mut items: Vec<T>,
    diags: &mut Vec<Diagnostic>,
    work: impl Fn(Vec<T>, &mut Vec<Diagnostic>) -> Vec<U> + Sync,
) -> Vec<U> {
    if items.len() < PARALLEL_FROM {
        return work(items, diags);
    }
    let size = items
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(PARALLEL_FROM / 4);
    // Cut from the back: each cut moves only the part it cuts off.
    let mut parts = Vec::new();
    while items.len() > size {
        let at = (items.len() - 1) / size * size;
        parts.push(items.split_off(at));
    }
    parts.push(items);
    parts.reverse();
    // A panic in a part is a bug: rayon lets it surface here, no item is lost silently.
    let done: Vec<(Vec<U>, Vec<Diagnostic>)> = parts
        .into_par_iter()
        .map(|part| {
            let mut d = Vec::new();
            (work(part, &mut d), d)
        })
        .collect();
    let mut out = Vec::with_capacity(done.iter().map(|p| p.0.len()).sum());
    for (o, d) in done {
        out.extend(o);
        diags.extend(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    /// Every part's results and diagnostics are kept, in the items' order, on either side
    /// of the threshold.
    #[test]
    fn keeps_every_result_and_diagnostic_in_order() {
        for n in [0, 3, PARALLEL_FROM - 1, PARALLEL_FROM, 1001, 20_000] {
            let mut diags = Vec::new();
            let out = in_parts((0..n).collect(), &mut diags, |part: Vec<usize>, d| {
                d.extend(
                    part.iter()
                        .map(|i| Diagnostic::file(Severity::Error, &i.to_string(), "x")),
                );
                part.iter().map(|i| i * 2).collect()
            });
            assert_eq!(out, (0..n).map(|i| i * 2).collect::<Vec<_>>());
            let paths: Vec<String> = diags.iter().map(|d| d.path.clone()).collect();
            assert_eq!(paths, (0..n).map(|i| i.to_string()).collect::<Vec<_>>());
        }
    }
}
