//! What the whole corpus knows of its dossiers before any one is checked: every id, each
//! id's kind, the names and aliases for "did you mean" and for the summary rule, and
//! the corpus-wide findings about them (an id used twice, an alias two dossiers share).
//!
//! It needs only the parsed dossier files, not the articles, so `check` gathers it
//! while the articles are read and hashed ([`super::check_watched`]): done after them
//! on one thread, it was ≈0.7 s of `check` at 100,000 dossiers with the other core
//! idle (BENCHMARKS.md, "Issue 16, fourth pass"). Its tables hash with foldhash
//! (seeded per process, as `std`'s SipHash is) rather than SipHash: every id, name and
//! alias of 100,000 dossiers goes in, and every relation target, kind and summary word
//! is looked up in them when the dossiers are built.

use foldhash::{HashMap, HashMapExt, HashSet};

use super::dossiers::Parsed;
use super::summary::Spellings;
use crate::diag::{Diagnostic, SourceFile};
use crate::model::Kind;

/// The corpus-wide tables a dossier is checked against (owned: the parsed files are
/// changed afterwards, when the quotes are found).
pub struct Known {
    /// Every dossier id, so relation targets can be checked.
    pub ids: HashSet<String>,
    /// The kind of every dossier whose kind is known, so a relation's ends can be checked.
    pub kinds: HashMap<String, Kind>,
    /// Lower-cased aliases → (dossier id, alias), for "did you mean".
    pub names: HashMap<String, (String, String)>,
    /// Every dossier's name and aliases, for the summary's "names another dossier" rule.
    pub spellings: Spellings,
}

/// Gathers [`Known`] from `parsed`, reporting repeated ids and shared aliases into
/// `diags` (in that order).
pub fn gather(parsed: &[Parsed], diags: &mut Vec<Diagnostic>) -> Known {
    // Ids must be unique across folders (file stems are unique within one).
    let mut first: HashMap<&str, &Parsed> = HashMap::new();
    for p in parsed {
        let id = p.raw.id.get_ref();
        if let Some(other) = first.get(id) {
            diags.push(
                p.file
                    .error(
                        p.raw.id.span(),
                        format!("id '{id}' is also used by {}", other.file.path),
                    )
                    .with_note(&other.file, other.raw.id.span(), "first defined here")
                    .with_help("every dossier needs its own id"),
            );
        } else {
            first.insert(id, p);
        }
    }
    let ids: HashSet<String> = first.keys().map(|s| (*s).to_owned()).collect();
    let mut names: HashMap<String, (String, String)> = HashMap::new();
    for p in parsed {
        let id = p.raw.id.get_ref();
        for a in &p.raw.alias {
            names
                .entry(a.name.get_ref().to_lowercase())
                .or_insert_with(|| (id.to_owned(), a.name.get_ref().to_owned()));
        }
    }
    let mut spellings = Spellings::default();
    for p in parsed {
        let id = p.raw.id.get_ref();
        spellings.add(id, p.raw.name.get_ref());
        for a in &p.raw.alias {
            spellings.add(id, a.name.get_ref());
        }
    }
    let kinds: HashMap<String, Kind> = first
        .iter()
        .filter_map(|(id, p)| Some(((*id).to_owned(), Kind::parse(p.raw.kind.get_ref())?)))
        .collect();
    warn_shared_aliases(parsed, diags);
    Known {
        ids,
        kinds,
        names,
        spellings,
    }
}

/// Warns when two dossiers claim the same alias (case-insensitively): a reader typing it
/// cannot know which is meant.
fn warn_shared_aliases(parsed: &[Parsed], diags: &mut Vec<Diagnostic>) {
    // Lower-cased name or alias → the dossier that has it first, and where.
    let mut owner: HashMap<String, (&str, &Parsed, std::ops::Range<usize>)> = HashMap::new();
    for p in parsed {
        let id = p.raw.id.get_ref();
        let mut own = vec![(p.raw.name.get_ref().to_lowercase(), p.raw.name.span(), None)];
        own.extend(
            p.raw
                .alias
                .iter()
                .map(|a| (a.name.get_ref().to_lowercase(), a.name.span(), Some(a))),
        );
        for (key, span, alias) in own {
            match owner.get(&key) {
                Some((other, first, first_span)) if *other != id => {
                    if let Some(a) = alias {
                        diags.push(
                            warning_at(
                                &p.file,
                                a.name.span(),
                                format!(
                                    "alias '{}' is also a name or alias of '{other}'",
                                    a.name.get_ref()
                                ),
                            )
                            .with_note(
                                &first.file,
                                first_span.clone(),
                                format!("'{other}' has it here"),
                            ),
                        );
                    }
                }
                _ => {
                    owner.insert(key, (id, p, span));
                }
            }
        }
    }
}

fn warning_at(file: &SourceFile, span: std::ops::Range<usize>, msg: String) -> Diagnostic {
    file.warning(span, msg)
        .with_help("if both are right, say in a note which dossier the spelling usually means")
}
