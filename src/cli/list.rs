//! `dossier list`.

use std::fmt::Write as _;
use std::process::ExitCode;

use unicode_width::UnicodeWidthStr as _;

use super::json::ListItem;
use super::out;
use crate::model::{Corpus, Kind};
use crate::text::sanitize_line;

pub fn run(corpus: &Corpus, kind: Option<Kind>, json: bool) -> ExitCode {
    let chosen: Vec<_> = corpus
        .dossiers
        .iter()
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
            "{:<6}  {:<id_width$}  {}  ({} aliases, {} claims)",
            d.kind.as_str(),
            sanitize_line(&d.id),
            sanitize_line(&d.name),
            d.aliases.len(),
            d.claims.len(),
        );
    }
    out(&s);
    ExitCode::SUCCESS
}
