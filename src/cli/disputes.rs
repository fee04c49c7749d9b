//! `dossier disputes`: every disputed claim of every dossier, its variants with their
//! sources and the curator's notes — where the articles disagree, in one list.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::json::{CitationJson, VariantJson, citations};
use super::out;
use crate::model::Corpus;
use crate::text::sanitize_line;
use crate::xref::Xref;

/// One `disputes --json` entry.
#[derive(Debug, Serialize)]
pub struct DisputeJson<'a> {
    pub dossier: &'a str,
    pub dossier_name: &'a str,
    pub claim_id: &'a str,
    pub text: &'a str,
    pub note: Option<&'a str>,
    /// Citations of the claim itself (besides its variants'), usually none.
    pub citations: Vec<CitationJson<'a>>,
    pub variants: Vec<VariantJson<'a>>,
}

pub fn run(corpus: &Corpus, json: bool) -> ExitCode {
    let x = Xref::new(corpus);
    let disputes = x.disputed().iter().filter_map(|&(d, c)| {
        let d = corpus.dossiers.get(d)?;
        Some((d, d.claims.get(c)?))
    });
    if json {
        let items: Vec<DisputeJson<'_>> = disputes
            .map(|(d, c)| DisputeJson {
                dossier: &d.id,
                dossier_name: &d.name,
                claim_id: &c.id,
                text: &c.text,
                note: c.note.as_deref(),
                citations: citations(corpus, &c.cites),
                variants: c
                    .variants
                    .iter()
                    .map(|v| VariantJson::new(corpus, v))
                    .collect(),
            })
            .collect();
        out(&format!("{}\n", super::json::pretty(&items)));
        return ExitCode::SUCCESS;
    }
    let mut s = String::new();
    let mut n = 0;
    for (d, c) in disputes {
        n += 1;
        let _ = writeln!(
            s,
            "{} ({}) #{}: {}",
            sanitize_line(&d.name),
            sanitize_line(&d.id),
            sanitize_line(&c.id),
            sanitize_line(&c.text)
        );
        for v in &c.variants {
            let _ = writeln!(s, "  «{}»", sanitize_line(&v.value));
            for cite in &v.cites {
                let Some(src) = corpus.sources.get(cite.source) else {
                    continue;
                };
                let _ = writeln!(
                    s,
                    "    “{}” — {} · seeds/{}:{}:{}",
                    sanitize_line(&cite.quote),
                    sanitize_line(&src.short),
                    sanitize_line(&src.file),
                    cite.start.line,
                    cite.start.column
                );
            }
            if let Some(note) = &v.note {
                let _ = writeln!(s, "    note: {}", sanitize_line(note));
            }
        }
        s.push('\n');
    }
    let _ = writeln!(s, "{}", crate::text::count(n, "disputed claim"));
    out(&s);
    ExitCode::SUCCESS
}
