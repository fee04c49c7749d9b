//! Every citation's raw matches, found before the dossiers are checked: one pass per
//! article over all the quotes citing it (`corpus::multi`), instead of one `memmem` scan
//! of the article per citation (BENCHMARKS.md, "check at 10k").

use rayon::prelude::*;

use super::dossiers::Parsed;
use super::sources::Sources;
use crate::corpus::exact_occurrences;
use crate::model::lean::Cite;

/// Every citation of one parsed file.
fn cites_mut(p: &mut Parsed) -> impl Iterator<Item = &mut Cite> {
    let raw = &mut p.raw;
    raw.alias
        .iter_mut()
        .flat_map(|a| &mut a.cite)
        .chain(raw.claim.iter_mut().flat_map(|c| {
            c.cite
                .iter_mut()
                .chain(c.variant.iter_mut().flat_map(|v| &mut v.cite))
        }))
        .chain(raw.relation.iter_mut().flat_map(|r| &mut r.cite))
}

/// Sets [`Cite::exact`] of every citation of a loaded source in `parsed`: the raw
/// matches of its quote, found with one pass per article (the articles spread over the
/// thread pool when there are many). Citations of unknown sources are left unset.
pub fn fill(sources: &Sources, parsed: &mut [Parsed]) {
    let mut cites: Vec<&mut Cite> = parsed.iter_mut().flat_map(cites_mut).collect();
    // (source, position among that source's quotes) of each citation, in `cites` order.
    let mut slot: Vec<Option<(usize, usize)>> = Vec::with_capacity(cites.len());
    let mut found: Vec<Option<Vec<Vec<usize>>>> = {
        let mut by_source: Vec<Vec<&str>> = vec![Vec::new(); sources.list.len()];
        for c in &cites {
            let at = sources.index(c.source.get_ref()).and_then(|i| {
                let list = by_source.get_mut(i)?;
                list.push(c.quote.get_ref());
                Some((i, list.len() - 1))
            });
            slot.push(at);
        }
        let scan = |i: usize| -> Option<Vec<Vec<usize>>> {
            let text = &sources.list.get(i)?.article.text;
            Some(exact_occurrences(text, by_source.get(i)?))
        };
        let n = sources.list.len();
        if cites.len() < 4096 {
            (0..n).map(scan).collect()
        } else {
            // Articles are independent: rayon's pool, the answers in article order.
            (0..n).into_par_iter().map(scan).collect()
        }
    };
    // Each slot belongs to exactly one citation: its list is moved there, not copied.
    for (c, at) in cites.iter_mut().zip(slot) {
        let hits = at.and_then(|(i, q)| found.get_mut(i)?.as_mut()?.get_mut(q));
        c.exact = hits.map(|h| std::mem::take(h).into_boxed_slice());
    }
}
