//! `dossier sources`: every article with its provenance and how much the dossiers use
//! it — citations pointing at it and the share of its text they cover — grouped by the
//! original they derive from (sources sharing one are not independent), each under the
//! short marker its citations show (`[2 NBC-mt]`).

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::out;
use crate::model::order::{origin, source_groups};
use crate::model::{Corpus, Source};
use crate::text::{count, sanitize_line};
use crate::xref::{SourceStats, Xref};

/// One `sources --json` entry.
#[derive(Debug, Serialize)]
pub struct SourceJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub short: &'a str,
    pub outlet: &'a str,
    pub published: Option<&'a str>,
    pub derivation: &'a str,
    pub original: Option<&'a str>,
    /// The ids of the other sources with the same original (its `original`, else its
    /// outlet): not independent of this one.
    pub shares_original_with: Vec<&'a str>,
    /// `seeds/FILE`.
    pub file: String,
    pub citations: usize,
    /// Bytes inside at least one cited range (overlapping citations counted once).
    pub cited_bytes: usize,
    pub bytes: usize,
    /// `cited_bytes / bytes`, as a percentage with one decimal.
    pub coverage: f64,
}

pub fn run(corpus: &Corpus, json: bool) -> ExitCode {
    let x = Xref::new(corpus);
    if json {
        let items: Vec<SourceJson<'_>> = corpus
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let st = x.stats(i);
                SourceJson {
                    id: &s.id,
                    title: &s.title,
                    short: &s.short,
                    outlet: &s.outlet,
                    published: s.published.as_deref(),
                    derivation: s.derivation.as_str(),
                    original: s.original.as_deref(),
                    shares_original_with: corpus
                        .sources
                        .iter()
                        .filter(|o| o.id != s.id && origin(o) == origin(s))
                        .map(|o| o.id.as_str())
                        .collect(),
                    file: format!("seeds/{}", s.file),
                    citations: st.citations,
                    cited_bytes: st.cited_bytes,
                    bytes: st.bytes,
                    coverage: (st.coverage() * 10.0).round() / 10.0,
                }
            })
            .collect();
        out(&format!("{}\n", super::json::pretty(&items)));
    } else {
        out(&render(corpus, &x));
    }
    ExitCode::SUCCESS
}

/// One block per group of sources sharing an original: a line naming the original and
/// how many sources derive from it; then per source its marker, id, date, derivation,
/// counts, then title, outlet, original.
pub fn render(corpus: &Corpus, x: &Xref) -> String {
    let mut s = String::new();
    for group in source_groups(corpus) {
        let Some(first) = group.first().and_then(|&i| corpus.sources.get(i)) else {
            continue;
        };
        if !s.is_empty() {
            s.push('\n');
        }
        let _ = writeln!(
            s,
            "── {} ({})",
            sanitize_line(origin(first)),
            count(group.len(), "source")
        );
        for &i in &group {
            if let Some(src) = corpus.sources.get(i) {
                source_lines(&mut s, src, x.stats(i));
            }
        }
    }
    s
}

/// The lines of one source.
fn source_lines(s: &mut String, src: &Source, st: SourceStats) {
    let _ = writeln!(
        s,
        "{}  {}  {}  {}  {}  {:.1}% cited",
        sanitize_line(&src.short),
        sanitize_line(&src.id),
        src.published.as_deref().map_or("undated", |p| p),
        src.derivation.as_str(),
        count(st.citations, "citation"),
        st.coverage()
    );
    let _ = writeln!(s, "  {}", sanitize_line(&src.title));
    let _ = writeln!(
        s,
        "  {} · seeds/{}",
        sanitize_line(&src.outlet),
        sanitize_line(&src.file)
    );
    if let Some(o) = &src.original {
        let _ = writeln!(s, "  original: {}", sanitize_line(o));
    }
}
