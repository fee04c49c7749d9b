//! `dossier relations ID [--depth N]`: the dossier's relations, outgoing and incoming,
//! as an indented tree (the same tree as the browser's relations map).

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::json::{CitationJson, citations};
use super::show::unknown_id;
use super::{err, out};
use crate::model::Corpus;
use crate::model::relmap::{Node, Seen, lines, tree};
use crate::text::sanitize_line;

pub fn run(corpus: &Corpus, id: &str, depth: usize, json: bool) -> ExitCode {
    let Some(root) = corpus.dossiers.iter().position(|d| d.id == id) else {
        err(&format!("{}\n", unknown_id(corpus, id)));
        return ExitCode::from(1);
    };
    let t = tree(corpus, root, depth);
    if json {
        out(&format!(
            "{}\n",
            super::json::pretty(&NodeJson::new(corpus, &t))
        ));
    } else {
        out(&render(corpus, &t));
    }
    ExitCode::SUCCESS
}

/// `[cycle]` (the dossier is an ancestor) or `[repeat]` (expanded elsewhere in the tree)
/// for a node that is not expanded.
fn seen_mark(seen: Seen) -> &'static str {
    match seen {
        Seen::First => "",
        Seen::Cycle => "  [cycle]",
        Seen::Repeat => "  [repeat]",
    }
}

fn render(corpus: &Corpus, t: &Node) -> String {
    let mut s = String::new();
    for l in lines(t) {
        let Some(d) = corpus.dossiers.get(l.node.dossier) else {
            continue;
        };
        let name = sanitize_line(&d.name);
        match &l.node.edge {
            None => {
                let _ = writeln!(s, "{name}  ({} · {})", d.kind, sanitize_line(&d.id));
            }
            Some(e) => {
                let r = e.relation(corpus);
                let role = r
                    .and_then(|r| r.role.as_deref())
                    .map(|x| format!(" — {}", sanitize_line(x)))
                    .unwrap_or_default();
                let n = r.map_or(0, |r| r.cites.len());
                let _ = writeln!(
                    s,
                    "{}{} {name}{role}  ({}){}",
                    l.prefix,
                    e.label(corpus),
                    crate::text::count(n, "citation"),
                    seen_mark(l.node.seen)
                );
            }
        }
    }
    s
}

/// One node of `relations --json`.
#[derive(Debug, Serialize)]
struct NodeJson<'a> {
    id: &'a str,
    kind: &'a str,
    name: &'a str,
    /// How this node hangs under its parent; null for the root.
    edge: Option<EdgeJson<'a>>,
    /// `first` (expanded here when the depth allows), `cycle` (an ancestor) or `repeat`
    /// (expanded elsewhere in the tree).
    seen: &'static str,
    children: Vec<NodeJson<'a>>,
}

#[derive(Debug, Serialize)]
struct EdgeJson<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    /// `outgoing`: the parent holds the relation (parent → this); `incoming`: this
    /// dossier holds it (this → parent).
    direction: &'static str,
    /// The ids of the relation's holder and target.
    from: &'a str,
    to: &'a str,
    role: Option<&'a str>,
    note: Option<&'a str>,
    citations: Vec<CitationJson<'a>>,
}

impl<'a> NodeJson<'a> {
    fn new(corpus: &'a Corpus, n: &'a Node) -> Self {
        let d = corpus.dossiers.get(n.dossier);
        let edge = n.edge.and_then(|e| {
            let owner = corpus.dossiers.get(e.owner)?;
            let r = owner.relations.get(e.relation)?;
            Some(EdgeJson {
                kind: r.kind.as_str(),
                direction: if e.outgoing { "outgoing" } else { "incoming" },
                from: &owner.id,
                to: &r.target,
                role: r.role.as_deref(),
                note: r.note.as_deref(),
                citations: citations(corpus, &r.cites),
            })
        });
        NodeJson {
            id: d.map_or("", |d| d.id.as_str()),
            kind: d.map_or("", |d| d.kind.as_str()),
            name: d.map_or("", |d| d.name.as_str()),
            edge,
            seen: match n.seen {
                Seen::First => "first",
                Seen::Cycle => "cycle",
                Seen::Repeat => "repeat",
            },
            children: n
                .children
                .iter()
                .map(|c| NodeJson::new(corpus, c))
                .collect(),
        }
    }
}
