//! `dossier list`: every dossier, in the order `--sort` asks (weight by default, as the
//! browser's index opens).

use std::fmt::Write as _;
use std::process::ExitCode;

use unicode_width::UnicodeWidthStr as _;

use super::json::ListItem;
use super::out;
use crate::model::order::{Order, sorted, weight};
use crate::model::{Corpus, Kind};
use crate::text::{count, sanitize_line};

pub fn run(corpus: &Corpus, kind: Option<Kind>, order: Order, json: bool) -> ExitCode {
    let chosen: Vec<_> = sorted(corpus, order)
        .into_iter()
        .filter_map(|i| corpus.dossiers.get(i))
        .filter(|d| kind.is_none_or(|k| d.kind == k))
        .collect();
    if json {
        let items: Vec<_> = chosen.iter().map(|d| ListItem::new(d)).collect();
        out(&format!("{}\n", super::json::pretty(&items)));
        return ExitCode::SUCCESS;
    }
    let id_width = chosen.iter().map(|d| d.id.width()).max().unwrap_or(0);
    let mut s = String::new();
    for d in &chosen {
        let _ = writeln!(
            s,
            "{:<6}  {:<id_width$}  {}  ({}, {}, {})",
            d.kind.as_str(),
            sanitize_line(&d.id),
            sanitize_line(&d.name),
            count(d.aliases.len(), "alias"),
            count(d.claims.len(), "claim"),
            count(weight(d), "citation"),
        );
    }
    out(&s);
    ExitCode::SUCCESS
}
