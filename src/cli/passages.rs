//! `dossier passages QUERY`: the browser's passage search on the command line — every
//! sentence of every article, ranked like `search`, each hit with its source, location
//! and matched characters.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::{err, out};
use crate::model::Corpus;
use crate::search::passages::PassageIndex;
use crate::search::{MatchClass, parse};
use crate::text::sanitize_line;

/// One hit of `passages --json`.
#[derive(Debug, Serialize)]
struct PassageJson<'a> {
    rank: usize,
    source: &'a str,
    file: String,
    line: usize,
    column: usize,
    location: String,
    byte_start: usize,
    byte_end: usize,
    score: i64,
    class: MatchClass,
    sentence: &'a str,
    /// Character indices into `sentence`.
    positions: Vec<usize>,
}

pub fn run(corpus: &Corpus, query: &str, limit: usize, json: bool) -> ExitCode {
    let index = PassageIndex::new(corpus);
    let q = parse(query);
    let mut hits = index
        .rank(corpus, &q, None, &|| false)
        .map(|(h, _)| h)
        .unwrap_or_default();
    hits.truncate(limit);
    let items: Vec<PassageJson<'_>> = hits
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let s = corpus.sources.get(h.source)?;
            let at = s.article.lines.locate(&s.article.text, h.range.start);
            let file = format!("seeds/{}", s.file);
            Some(PassageJson {
                rank: i + 1,
                source: &s.id,
                location: format!("{file}:{}:{}", at.line, at.column),
                file,
                line: at.line,
                column: at.column,
                byte_start: h.range.start,
                byte_end: h.range.end,
                score: h.score,
                class: h.class,
                sentence: s.article.text.get(h.range.clone())?,
                positions: index.positions(corpus, &h, &q),
            })
        })
        .collect();
    if json {
        out(&format!("{}\n", super::json::pretty(&items)));
        return ExitCode::SUCCESS;
    }
    if items.is_empty() {
        err(&format!("no passage matches '{}'\n", sanitize_line(query)));
        return ExitCode::SUCCESS;
    }
    let mut s = String::new();
    for p in &items {
        let _ = writeln!(
            s,
            "{:>2}. {}  {}\n    {}",
            p.rank,
            sanitize_line(&p.location),
            sanitize_line(p.source),
            sanitize_line(p.sentence)
        );
    }
    out(&s);
    ExitCode::SUCCESS
}
