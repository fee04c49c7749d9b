//! Every citation's raw matches, found before the dossiers are checked: one pass per
//! article over all the quotes citing it (`corpus::multi`), instead of one `memmem` scan
//! of the article per citation (BENCHMARKS.md, "check at 10k").

use rayon::prelude::*;

use super::cite::place;
use super::dossiers::Parsed;
use super::sources::Sources;
use crate::corpus::{Article, exact_occurrences};
use crate::model::lean::{Cite, Found, Placed};

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

/// Sets [`Cite::found`] of every citation of a loaded source in `parsed`: the raw
/// matches of its quote, found with one pass per article (the articles spread over the
/// thread pool when there are many), and for a quote found once that needs nothing
/// else checked, its place (line and column), worked out while its article is in the
/// cache: placed later, in dossier order, each citation cost a cache miss on its
/// source, its article and the article's line index, ≈25% of `check` at 100,000
/// dossiers (BENCHMARKS.md). Citations of unknown sources are left unsought. The
/// citations are grouped by source as references (8 bytes each), and each answer is
/// written straight into its citation.
pub fn fill(sources: &Sources, parsed: &mut [Parsed]) {
    let mut by_source: Vec<Vec<&mut Cite>> = (0..sources.list.len()).map(|_| Vec::new()).collect();
    let mut count = 0usize;
    for (i, c) in by_source_index(sources, parsed).into_iter().flatten() {
        if let Some(list) = by_source.get_mut(i) {
            list.push(c);
            count += 1;
        }
    }
    let fill_one = |(i, cites): (usize, &mut Vec<&mut Cite>)| {
        let Some(source) = sources.list.get(i) else {
            return;
        };
        let article = &source.article;
        let hits = exact_occurrences(&article.text, &quotes(cites));
        for (c, at) in cites.iter_mut().zip(hits) {
            c.found = found(c, i, article, at);
        }
    };
    if count < 4096 {
        by_source.iter_mut().enumerate().for_each(fill_one);
    } else {
        // Articles are independent: rayon's pool.
        by_source.par_iter_mut().enumerate().for_each(fill_one);
    }
}

/// How many citations ahead [`quotes`] asks for each level of what it will read.
const AHEAD: usize = 8;

/// The quotes of `cites` (of one source, scattered over every dossier file), read with
/// the next ones already asked of the CPU: each is a miss on its citation, then on its
/// file's header, then on the quote's bytes, one after the other; without the hints,
/// gathering them was ≈5% of `check`'s samples at 100,000 dossiers (BENCHMARKS.md,
/// "Issue 16, fifth pass"). The citation is fetched two steps ahead, its file's header
/// one step ahead, and each quote's first bytes as it is read, for the scan.
fn quotes<'a>(cites: &'a [&mut Cite]) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(cites.len());
    for (k, c) in cites.iter().enumerate() {
        if let Some(far) = cites.get(k + 2 * AHEAD) {
            crate::search::prefetch(std::ptr::from_ref::<Cite>(far).cast());
        }
        if let Some(near) = cites.get(k + AHEAD) {
            near.quote.prefetch();
        }
        let q = c.quote.get_ref();
        crate::search::prefetch(q.as_ptr());
        out.push(q);
    }
    out
}

/// Every citation of a loaded source in `parsed` with its source's index, in parts
/// (in the files' order): looking each source up is a hash of its id and a cache miss
/// on the citation, and done in one loop before the articles were scanned, it kept one
/// core busy and the other idle for ≈0.4 s at 100,000 dossiers (BENCHMARKS.md, "Issue
/// 16, fourth pass"). Parts of [`PART`] files go to the thread pool.
fn by_source_index<'a>(
    sources: &Sources,
    parsed: &'a mut [Parsed],
) -> Vec<Vec<(usize, &'a mut Cite)>> {
    let tag = |part: &'a mut [Parsed]| -> Vec<(usize, &'a mut Cite)> {
        part.iter_mut()
            .flat_map(cites_mut)
            .filter_map(|c| Some((sources.index(c.source.get_ref())?, c)))
            .collect()
    };
    if parsed.len() <= PART {
        vec![tag(parsed)]
    } else {
        parsed.par_chunks_mut(PART).map(tag).collect()
    }
}

/// Dossier files per part when the citations are grouped by source.
const PART: usize = 1024;

/// What citation `c` of source `source` gets for the raw matches `at` of its quote.
fn found(c: &Cite, source: usize, article: &Article, at: Vec<usize>) -> Found {
    let q = c.quote.get_ref();
    let plain = c.prefix().is_none() && c.suffix().is_none() && !q.is_empty() && q.trim() == q;
    if let ([only], true) = (at.as_slice(), plain) {
        let range = *only..*only + q.len();
        let (start, end) = place(article, &range);
        if let Some(p) = Placed::new(source, range, start, end) {
            return Found::Placed(p);
        }
    }
    Found::Hits(at.into_boxed_slice())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::resolve;
    use crate::model::lean::Text;

    fn cite(quote: &str, prefix: Option<&str>) -> Cite {
        let t = |s: &str| Text::owned(0..0, s.to_owned());
        Cite::new(t("src"), t(quote), prefix.map(t), None, None)
    }

    /// Every quote comes back, in order, whether it is near the end of the list (no
    /// citation ahead to ask for) or not, a slice of its file or decoded.
    #[test]
    fn quotes_are_read_in_order_past_the_hints() {
        let file = std::sync::Arc::new(crate::diag::SourceFile::new(
            "d.toml".into(),
            (0..40).map(|i| format!("q{i} ")).collect(),
        ));
        let mut cites: Vec<Cite> = (0..40)
            .map(|i: usize| {
                let at = file.text.find(&format!("q{i} ")).unwrap_or(0);
                let quote = if i % 3 == 0 {
                    Text::owned(0..0, format!("own {i}"))
                } else {
                    Text::slice(&file, 0..0, at..at + format!("q{i}").len())
                };
                Cite::new(Text::owned(0..0, "src".into()), quote, None, None, None)
            })
            .collect();
        let want: Vec<String> = (0..40)
            .map(|i| {
                if i % 3 == 0 {
                    format!("own {i}")
                } else {
                    format!("q{i}")
                }
            })
            .collect();
        for n in [0, 1, AHEAD, 2 * AHEAD + 1, 40] {
            let refs: Vec<&mut Cite> = cites.iter_mut().take(n).collect();
            assert_eq!(quotes(&refs), want[..n]);
        }
    }

    /// A quote found once, raw, with nothing else to check is placed where the reference
    /// path (`resolve`, then `place`) puts it, multi-byte characters and later lines
    /// included; anything else is left to the reference path with its raw hits.
    #[test]
    fn placed_equals_the_reference_resolution() {
        let article =
            Article::new("Première ligne.\nLa «Légion» a dit: «non».\nFin — ici.\n".into());
        for quote in ["«Légion» a dit", "Première", "Fin — ici.", "ligne.\nLa"] {
            let c = cite(quote, None);
            let at = exact_occurrences(&article.text, &[quote]).remove(0);
            let Found::Placed(p) = found(&c, 3, &article, at) else {
                panic!("{quote:?} occurs once and should be placed");
            };
            let Ok(anchor) = resolve(&article, quote, None, None) else {
                panic!("{quote:?} should resolve");
            };
            let (start, end) = place(&article, &anchor.range);
            assert_eq!(
                (p.source(), p.range(), p.start(), p.end()),
                (3, anchor.range, start, end)
            );
        }
        // Twice, with a prefix, padded, not raw: the reference path decides.
        for (quote, prefix) in [
            ("«", None),
            ("dit", Some("a")),
            (" Fin", None),
            ("Fin - ici", None),
        ] {
            let c = cite(quote, prefix);
            let at = exact_occurrences(&article.text, &[quote]).remove(0);
            assert!(
                matches!(found(&c, 0, &article, at), Found::Hits(_)),
                "{quote:?} must not be placed"
            );
        }
    }
}
