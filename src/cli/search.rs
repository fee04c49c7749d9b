//! `dossier search QUERY`.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::json::{HitJson, MatchedJson};
use super::{err, out};
use crate::model::Corpus;
use crate::search::{Field, SearchIndex, parse};
use crate::text::sanitize_line;

pub fn run(corpus: &Corpus, query: &str, limit: usize, json: bool) -> ExitCode {
    let index = SearchIndex::new(corpus);
    let hits = index.search(&parse(query), limit);
    if json {
        let items: Vec<HitJson<'_>> = hits
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let d = corpus.dossiers.get(h.dossier)?;
                let (field, alias_kind, claim_id) = match h.field {
                    Field::Name => ("name", None, None),
                    Field::Alias(a) => ("alias", d.aliases.get(a).map(|x| x.kind.as_str()), None),
                    Field::Claim(c) => ("claim", None, d.claims.get(c).map(|x| x.id.as_str())),
                };
                Some(HitJson {
                    rank: i + 1,
                    id: &d.id,
                    kind: d.kind.as_str(),
                    name: &d.name,
                    score: h.score,
                    class: h.class,
                    matched: MatchedJson {
                        field,
                        text: &h.text,
                        alias_kind,
                        claim_id,
                        positions: &h.positions,
                    },
                })
            })
            .collect();
        out(&format!("{}\n", super::json::pretty(&items)));
        return ExitCode::SUCCESS;
    }
    if hits.is_empty() {
        err(&format!("no dossier matches '{}'\n", sanitize_line(query)));
        return ExitCode::SUCCESS;
    }
    let mut s = String::new();
    for (i, h) in hits.iter().enumerate() {
        let Some(d) = corpus.dossiers.get(h.dossier) else {
            continue;
        };
        let how = match h.field {
            Field::Name => "name".to_owned(),
            Field::Alias(a) => format!(
                "alias \u{201C}{}\u{201D} ({})",
                sanitize_line(&h.text),
                d.aliases.get(a).map(|x| x.kind.as_str()).unwrap_or("")
            ),
            Field::Claim(c) => format!(
                "claim #{}: {}",
                d.claims
                    .get(c)
                    .map(|x| sanitize_line(&x.id))
                    .unwrap_or_default(),
                sanitize_line(&h.text)
            ),
        };
        let _ = writeln!(
            s,
            "{:>2}. {}  {} ({}) · {how}",
            i + 1,
            sanitize_line(&d.id),
            sanitize_line(&d.name),
            d.kind
        );
    }
    out(&s);
    ExitCode::SUCCESS
}
