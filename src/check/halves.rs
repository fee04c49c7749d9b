//! Work that is independent per file, split over two threads on large corpora (reading,
//! parsing and building dossiers are most of `check`'s time at 10,000 dossiers,
//! BENCHMARKS.md). Each half reports into its own diagnostics, appended afterwards; the
//! caller sorts diagnostics, so their order does not depend on the threads.

use crate::diag::Diagnostic;

/// Below this many items one thread is faster than starting a second.
const TWO_THREADS_FROM: usize = 256;

/// `work` over `items`, in their order: on the calling thread alone for a few items,
/// else the first half here and the second on another thread.
pub fn in_two_halves<T: Send, U: Send>(
    mut items: Vec<T>,
    diags: &mut Vec<Diagnostic>,
    work: impl Fn(Vec<T>, &mut Vec<Diagnostic>) -> Vec<U> + Sync,
) -> Vec<U> {
    if items.len() < TWO_THREADS_FROM {
        return work(items, diags);
    }
    let second = items.split_off(items.len() / 2);
    let (mut out, (rest, rest_diags)) = std::thread::scope(|s| {
        let other = s.spawn(|| {
            let mut d = Vec::new();
            (work(second, &mut d), d)
        });
        let out = work(items, diags);
        // A panic on the other thread is a bug: let it surface, do not lose items.
        let rest = other
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (out, rest)
    });
    out.extend(rest);
    diags.extend(rest_diags);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    /// Both halves' results and diagnostics are kept, in the items' order, on either side
    /// of the threshold.
    #[test]
    fn keeps_every_result_and_diagnostic_in_order() {
        for n in [0, 3, TWO_THREADS_FROM - 1, TWO_THREADS_FROM, 1001] {
            let mut diags = Vec::new();
            let out = in_two_halves((0..n).collect(), &mut diags, |part: Vec<usize>, d| {
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
