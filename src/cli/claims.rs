//! `dossier claims`: every claim of every dossier with how many sources back it and how
//! many of those are independent, least corroborated first — the list to check before
//! repeating a claim.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::out;
use crate::model::Corpus;
use crate::text::sanitize_line;
use crate::xref::{Xref, backing_text};

/// One `claims --json` entry.
#[derive(Debug, Serialize)]
pub struct ClaimRowJson<'a> {
    pub dossier: &'a str,
    pub dossier_name: &'a str,
    pub id: &'a str,
    pub text: &'a str,
    pub disputed: bool,
    pub sources: usize,
    pub independent_sources: usize,
    /// Ids of the distinct sources citing the claim (its own citations and variants').
    pub source_ids: Vec<&'a str>,
}

pub fn run(corpus: &Corpus, single_source: bool, json: bool) -> ExitCode {
    let x = Xref::new(corpus);
    let rows: Vec<ClaimRowJson<'_>> = x
        .claims_by_independence(single_source)
        .into_iter()
        .filter_map(|r| {
            let d = corpus.dossiers.get(r.dossier)?;
            let c = d.claims.get(r.claim)?;
            let mut ids: Vec<usize> = c.all_cites().map(|k| k.source).collect();
            ids.sort_unstable();
            ids.dedup();
            Some(ClaimRowJson {
                dossier: &d.id,
                dossier_name: &d.name,
                id: &c.id,
                text: &c.text,
                disputed: c.disputed,
                sources: r.sources,
                independent_sources: r.independent,
                source_ids: ids
                    .into_iter()
                    .filter_map(|i| corpus.sources.get(i).map(|s| s.id.as_str()))
                    .collect(),
            })
        })
        .collect();
    if json {
        out(&format!("{}\n", super::json::pretty(&rows)));
        return ExitCode::SUCCESS;
    }
    let mut s = String::new();
    for r in &rows {
        let _ = writeln!(
            s,
            "{:<26} {}#{}  {}{}  [{}]",
            backing_text(r.sources, r.independent_sources),
            sanitize_line(r.dossier),
            sanitize_line(r.id),
            if r.disputed { "DISPUTED " } else { "" },
            sanitize_line(r.text),
            sanitize_line(&r.source_ids.join(", "))
        );
    }
    let _ = writeln!(
        s,
        "{}{}",
        crate::text::count(rows.len(), "claim"),
        if single_source {
            " backed by a single independent source"
        } else {
            ""
        }
    );
    out(&s);
    ExitCode::SUCCESS
}
