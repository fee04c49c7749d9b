//! `dossier timeline`: every dated claim and variant of every dossier, in date order.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::json::{CitationJson, citation};
use super::out;
use crate::model::Corpus;
use crate::model::timeline::{Entry, timeline};
use crate::text::sanitize_line;

pub fn run(corpus: &Corpus, json: bool) -> ExitCode {
    let t = timeline(corpus);
    if json {
        let doc = TimelineJson {
            undated: t.undated,
            entries: t
                .entries
                .iter()
                .map(|e| EntryJson::new(corpus, e))
                .collect(),
        };
        out(&format!("{}\n", super::json::pretty(&doc)));
        return ExitCode::SUCCESS;
    }
    let mut s = String::new();
    for e in &t.entries {
        let name = e.dossier_of(corpus).map_or("", |d| d.name.as_str());
        let text = match e.variant {
            Some(_) => format!("«{}»", sanitize_line(e.text(corpus))),
            None => sanitize_line(e.text(corpus)),
        };
        let mut sources: Vec<&str> = Vec::new();
        for src in e
            .cites(corpus)
            .iter()
            .filter_map(|c| corpus.sources.get(c.source))
        {
            if !sources.contains(&src.short.as_str()) {
                sources.push(&src.short);
            }
        }
        let _ = writeln!(
            s,
            "{:<10}  {}: {text}  [{}]  #{}",
            e.date,
            sanitize_line(name),
            sanitize_line(&sources.join(", ")),
            sanitize_line(&format!(
                "{}/{}",
                e.dossier_of(corpus).map_or("", |d| d.id.as_str()),
                e.claim_of(corpus).map_or("", |c| c.id.as_str())
            ))
        );
    }
    let _ = writeln!(
        s,
        "{}; {} undated",
        crate::text::count(t.entries.len(), "dated entry"),
        crate::text::count(t.undated, "claim")
    );
    out(&s);
    ExitCode::SUCCESS
}

/// `timeline --json`.
#[derive(Debug, Serialize)]
struct TimelineJson<'a> {
    /// Claims with no date and no dated variant (not listed).
    undated: usize,
    entries: Vec<EntryJson<'a>>,
}

#[derive(Debug, Serialize)]
struct EntryJson<'a> {
    date: &'a str,
    dossier: &'a str,
    name: &'a str,
    claim: &'a str,
    /// The claim's text, or the variant's value when `variant` is set.
    text: &'a str,
    /// Index of the dated variant among the claim's variants; null for the claim itself.
    variant: Option<usize>,
    disputed: bool,
    citations: Vec<CitationJson<'a>>,
}

impl<'a> EntryJson<'a> {
    fn new(corpus: &'a Corpus, e: &Entry<'a>) -> Self {
        let d = e.dossier_of(corpus);
        let c = e.claim_of(corpus);
        EntryJson {
            date: e.date,
            dossier: d.map_or("", |d| d.id.as_str()),
            name: d.map_or("", |d| d.name.as_str()),
            claim: c.map_or("", |c| c.id.as_str()),
            text: e.text(corpus),
            variant: e.variant,
            disputed: c.is_some_and(|c| c.disputed),
            citations: e
                .cites(corpus)
                .into_iter()
                .filter_map(|x| citation(corpus, x))
                .collect(),
        }
    }
}
