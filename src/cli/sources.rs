//! `dossier sources`: every article with its provenance and how much the dossiers use
//! it — citations pointing at it and the share of its text they cover.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::out;
use crate::model::Corpus;
use crate::text::sanitize_line;
use crate::xref::Xref;

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

/// One block per source: id, date, derivation, counts; then title, outlet, original.
pub fn render(corpus: &Corpus, x: &Xref) -> String {
    let mut s = String::new();
    for (i, src) in corpus.sources.iter().enumerate() {
        let st = x.stats(i);
        let _ = writeln!(
            s,
            "{}  {}  {}  {} citation{}  {:.1}% cited",
            sanitize_line(&src.id),
            src.published.as_deref().map_or("undated", |p| p),
            src.derivation.as_str(),
            st.citations,
            if st.citations == 1 { "" } else { "s" },
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
    s
}
