//! `dossier show ID`: the dossier with every citation resolved.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::json::DossierJson;
use super::{err, out};
use crate::model::incoming::{Incoming, Link};
use crate::model::{Citation, Corpus, Dossier, Relation};
use crate::search::{SearchIndex, parse};
use crate::suggest::nearest;
use crate::text::{sanitize, sanitize_line};
use crate::xref::claim_backing;

pub fn run(corpus: &Corpus, id: &str, json: bool) -> ExitCode {
    let Some((i, d)) = corpus
        .position(id)
        .and_then(|i| corpus.dossiers.get(i).map(|d| (i, d)))
    else {
        err(&format!("{}\n", unknown_id(corpus, id)));
        return ExitCode::from(1);
    };
    let incoming = Incoming::new(corpus);
    let linked = incoming.of(i);
    if json {
        out(&format!(
            "{}\n",
            super::json::pretty(&DossierJson::new(corpus, d, linked))
        ));
    } else {
        out(&render(corpus, d, linked));
    }
    ExitCode::SUCCESS
}

/// `error: no dossier 'x'` with the nearest ids, and the dossier whose name or alias the
/// word matches (people often type a name where an id is wanted).
pub fn unknown_id(corpus: &Corpus, id: &str) -> String {
    let mut msg = format!("error: no dossier '{}'", sanitize_line(id));
    let mut ideas: Vec<String> = nearest(id, corpus.dossiers.iter().map(|d| d.id.as_str()), 3)
        .into_iter()
        .map(|s| format!("'{s}'"))
        .collect();
    let index = SearchIndex::new(corpus);
    if let Some(hit) = index.search(&parse(&id.replace('-', " ")), 1).first() {
        if let Some(d) = corpus.dossiers.get(hit.dossier) {
            let idea = format!("'{}'", d.id);
            if !ideas.contains(&idea) {
                ideas.insert(0, format!("{idea} ({})", sanitize_line(&hit.text)));
            }
        }
    }
    if ideas.is_empty() {
        msg.push_str("; `dossier list` shows every id");
    } else {
        let _ = write!(msg, "; did you mean {}?", ideas.join(", "));
    }
    msg
}

fn cite_lines(s: &mut String, corpus: &Corpus, cites: &[Citation], indent: &str) {
    for (n, c) in cites.iter().enumerate() {
        let Some(src) = corpus.sources.get(c.source) else {
            continue;
        };
        let _ = writeln!(
            s,
            "{indent}[{}] \u{201C}{}\u{201D}",
            n + 1,
            sanitize_line(&c.quote)
        );
        let _ = writeln!(
            s,
            "{indent}    — {} · {} · seeds/{}:{}:{}",
            sanitize_line(&src.title),
            sanitize_line(&src.outlet),
            sanitize_line(&src.file),
            c.start.line,
            c.start.column
        );
        if let Some(note) = &c.note {
            let _ = writeln!(s, "{indent}    note: {}", sanitize_line(note));
        }
    }
}

/// The plain-text rendering of a dossier; `linked` are the other dossiers' relations
/// that point at it, listed as "Linked from" after its own.
pub fn render(corpus: &Corpus, d: &Dossier, linked: &[Link]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}  ({})", sanitize_line(&d.name), d.identity());
    let _ = writeln!(s, "{}", sanitize_line(&d.path));
    if let Some(summary) = d.summary_marked() {
        let _ = writeln!(s, "\n{}", sanitize(&summary).trim_end());
    }
    if !d.aliases.is_empty() {
        let _ = writeln!(s, "\nAliases");
        for a in &d.aliases {
            let _ = writeln!(s, "  {} ({})", sanitize_line(&a.name), a.kind);
            if let Some(note) = &a.note {
                let _ = writeln!(s, "    note: {}", sanitize_line(note));
            }
            cite_lines(&mut s, corpus, &a.cites, "    ");
        }
    }
    if !d.claims.is_empty() {
        let _ = writeln!(s, "\nClaims");
        for c in &d.claims {
            let backing = claim_backing(corpus, c);
            let mark = if c.disputed { "DISPUTED  " } else { "" };
            let date = c
                .date
                .as_ref()
                .map(|d| format!(" [{d}]"))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "  {mark}{}{date} — {backing}  #{}",
                sanitize_line(&c.text),
                sanitize_line(&c.id)
            );
            if let Some(note) = &c.note {
                let _ = writeln!(s, "    note: {}", sanitize_line(note));
            }
            cite_lines(&mut s, corpus, &c.cites, "    ");
            for v in &c.variants {
                let _ = writeln!(s, "    variant: {}", sanitize_line(&v.value));
                if let Some(note) = &v.note {
                    let _ = writeln!(s, "      note: {}", sanitize_line(note));
                }
                cite_lines(&mut s, corpus, &v.cites, "      ");
            }
        }
    }
    if !d.relations.is_empty() {
        let _ = writeln!(s, "\nRelations");
        for r in &d.relations {
            let target = corpus
                .dossier(&r.target)
                .map(|t| t.name.as_str())
                .unwrap_or("?");
            let head = format!(
                "{} → {} ({})",
                r.kind,
                sanitize_line(target),
                sanitize_line(&r.target)
            );
            relation_lines(&mut s, corpus, r, &head);
        }
    }
    if !linked.is_empty() {
        let _ = writeln!(s, "\nLinked from");
        for link in linked {
            let (Some(owner), Some(r)) = (corpus.dossiers.get(link.owner), link.relation(corpus))
            else {
                continue;
            };
            let head = format!(
                "{} ({}) ─{}→ (this)",
                sanitize_line(&owner.name),
                sanitize_line(&owner.id),
                r.kind
            );
            relation_lines(&mut s, corpus, r, &head);
        }
    }
    backing_lines(&mut s, corpus, d);
    s
}

/// One relation, own or incoming: `head` (which end is which), the role, the note and
/// the citations.
fn relation_lines(s: &mut String, corpus: &Corpus, r: &Relation, head: &str) {
    let role = r
        .role
        .as_ref()
        .map(|x| format!(" — {}", sanitize_line(x)))
        .unwrap_or_default();
    let _ = writeln!(s, "  {head}{role}");
    if let Some(note) = &r.note {
        let _ = writeln!(s, "    note: {}", sanitize_line(note));
    }
    cite_lines(s, corpus, &r.cites, "    ");
}

/// "Backed by source": per source, every alias, claim, variant and relation it backs.
fn backing_lines(s: &mut String, corpus: &Corpus, d: &Dossier) {
    let backing = crate::xref::backing(d);
    if backing.is_empty() {
        return;
    }
    let _ = writeln!(s, "\nBacked by source");
    for (src, items) in backing {
        let Some(source) = corpus.sources.get(src) else {
            continue;
        };
        let _ = writeln!(
            s,
            "  {} — {} · {}",
            sanitize_line(&source.id),
            sanitize_line(&source.title),
            sanitize_line(&source.outlet)
        );
        for item in items {
            let _ = writeln!(
                s,
                "    {:<8} {}",
                item.kind(),
                sanitize_line(&item.text(corpus, d))
            );
        }
    }
}
