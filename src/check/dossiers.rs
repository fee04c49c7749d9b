//! Dossier files: parsed with spans, then every rule of data-model.md that concerns one
//! file — id and file name, kinds, padding, citations, disputed claims — is checked.

use std::collections::HashMap;
use std::sync::Arc;

use super::cite::{alias_in_quote, resolve_all};
use super::fields;
use super::sources::Sources;
use crate::data::{CanonCache, DOSSIER_CAP, DataRoot};
use crate::diag::{Diagnostic, Severity, SourceFile};
use crate::model::lean::{self, Text};
use crate::model::{Alias, AliasKind, Claim, Dossier, Kind, Relation, RelationType, Variant};

/// A dossier file that parsed.
pub struct Parsed {
    /// Corpus-relative path.
    pub rel: String,
    /// Shared with every string of `raw`, which are slices of its text.
    pub file: Arc<SourceFile>,
    pub raw: lean::Dossier,
}

/// Told of each part of the files as it is parsed: what parsed, how many files the part
/// had, how many the corpus has.
pub type OnPart<'a> = &'a (dyn Fn(&[Parsed], usize, usize) + Sync);

/// Reads and parses every dossier file; files that cannot be read or parsed are reported
/// and skipped. `on_part` is told of each part as it is done, from its thread.
pub fn parse_all(root: &DataRoot, diags: &mut Vec<Diagnostic>, on_part: OnPart<'_>) -> Vec<Parsed> {
    let files = match root.dossier_files() {
        Ok(f) => f,
        Err(e) => {
            diags.push(Diagnostic::file(
                Severity::Error,
                &e.path,
                e.problem.to_string(),
            ));
            return Vec::new();
        }
    };
    // Reading and parsing are independent per file: in parts on the pool for large corpora.
    let total = files.len();
    super::parts::in_parts(files, diags, |part, d| {
        let n = part.len();
        let parsed = parse_some(root, part, d);
        on_part(&parsed, n, total);
        parsed
    })
}

fn parse_some(root: &DataRoot, files: Vec<String>, diags: &mut Vec<Diagnostic>) -> Vec<Parsed> {
    let mut out = Vec::new();
    let mut canon = CanonCache::default();
    for rel in files {
        let shown = root.display(&rel);
        let text = match root.read_text_shown(&rel, &shown, DOSSIER_CAP, &mut canon) {
            Ok(t) => t,
            Err(e) => {
                diags.push(Diagnostic::file(
                    Severity::Error,
                    &e.path,
                    e.problem.to_string(),
                ));
                continue;
            }
        };
        let file = Arc::new(SourceFile::new(shown, text));
        match crate::model::fast::lean_dossier(&file) {
            Ok(raw) => out.push(Parsed { rel, file, raw }),
            Err(e) => fields::toml_error(&file, &e, diags),
        }
    }
    out
}

/// What the whole corpus knows when one dossier is checked.
pub struct Ctx<'a> {
    pub sources: &'a Sources,
    /// Every dossier id, so relation targets can be checked.
    pub ids: &'a foldhash::HashSet<String>,
    /// The kind of every dossier whose kind is known, so a relation's ends can be checked.
    pub kinds: &'a foldhash::HashMap<String, Kind>,
    /// Lower-cased names and aliases → dossier id, for "did you mean".
    pub names: &'a foldhash::HashMap<String, (String, String)>,
    /// Every dossier's name and aliases, for the summary's "names another dossier" rule.
    pub spellings: &'a super::summary::Spellings,
}

/// Checks one parsed dossier and builds its resolved form. The parsed file is consumed:
/// its strings move into the dossier instead of being copied (copying every quote was 6%
/// of `check`'s samples at 10,000 dossiers in `memmove` alone, plus a malloc and a free
/// per string: BENCHMARKS.md).
pub fn build(ctx: &Ctx<'_>, p: Parsed, diags: &mut Vec<Diagnostic>) -> Dossier {
    let Parsed { rel, file, raw } = p;
    let file = &file;
    let stem = rel
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".toml");
    let folder = rel.split('/').nth(1).unwrap_or("");
    fields::slug(file, &raw.id, "id", diags);
    if raw.id.get_ref() != stem {
        diags.push(
            file.error(
                raw.id.span(),
                format!(
                    "id '{}' does not match file name '{stem}.toml'",
                    raw.id.get_ref()
                ),
            )
            .with_help(format!(
                "set id = \"{stem}\", or rename the file to {}.toml",
                raw.id.get_ref()
            )),
        );
    }
    let kind = fields::word(file, &raw.kind, "kind", Kind::ALL, Kind::parse, diags);
    if let Some(k) = kind {
        if k.folder() != folder {
            diags.push(
                file.error(
                    raw.kind.span(),
                    format!("kind '{k}' but the file is in dossiers/{folder}/"),
                )
                .with_help(format!("move the file to dossiers/{}/", k.folder())),
            );
        }
    }
    fields::text(file, &raw.name, "name", diags);
    fields::opt_text(file, &raw.summary, "summary", diags);
    event_date(file, &raw, kind, diags);

    let lean::Dossier {
        id,
        name,
        summary,
        date,
        alias,
        claim,
        relation,
        ..
    } = raw;
    let aliases = aliases(ctx, file, &name, alias, diags);
    let claims = claims(ctx, file, claim, diags);
    let summary_parts = summary
        .as_ref()
        .map(|s| super::summary::check(file, s, id.get_ref(), &claims, ctx.spellings, diags))
        .unwrap_or_default();
    let relations = relations(ctx, file, id.get_ref(), kind, relation, diags);
    Dossier {
        id: id.into_inner(),
        kind: kind.unwrap_or(Kind::Group),
        name: name.into_inner(),
        summary: summary.map(|_| crate::model::summary::plain(&summary_parts)),
        summary_parts,
        date: date.map(Text::into_inner),
        path: rel,
        aliases,
        claims,
        relations,
    }
}

/// A dossier-level `date` belongs to events only, and must repeat the date of one of the
/// dossier's claims (or variants), which is cited: the top-level date is a convenience
/// for display and export, never a statement without a source.
fn event_date(
    file: &SourceFile,
    raw: &lean::Dossier,
    kind: Option<Kind>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(date) = &raw.date else {
        return;
    };
    fields::date(file, &raw.date, "date", diags);
    if kind.is_some_and(|k| k != Kind::Event) {
        diags.push(
            file.error(date.span(), format!("a {} has no date", raw.kind.get_ref()))
                .with_help("only an event dossier carries a top-level date; put dates on claims"),
        );
        return;
    }
    let d = date.get_ref();
    let claimed = raw.claim.iter().any(|c| {
        c.date.as_ref().is_some_and(|x| x.get_ref() == d)
            || c.variant
                .iter()
                .any(|v| v.date.as_ref().is_some_and(|x| x.get_ref() == d))
    });
    if !claimed {
        diags.push(
            file.error(
                date.span(),
                format!("date '{d}' is not the date of any claim"),
            )
            .with_help(format!(
                "add date = \"{d}\" to the cited claim that says when it happened"
            )),
        );
    }
}

fn no_citation(file: &SourceFile, span: std::ops::Range<usize>, what: String) -> Diagnostic {
    file.error(span, format!("{what} has no citation"))
        .with_help("add cite = [{ source = \"…\", quote = \"…\" }] with the words of an article that support it")
}

fn aliases(
    ctx: &Ctx<'_>,
    file: &SourceFile,
    name: &Text,
    mut raw: Vec<lean::Alias>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Alias> {
    // Alias name → where it is first listed.
    let mut seen: HashMap<&str, std::ops::Range<usize>> = HashMap::new();
    let mut out = Vec::with_capacity(raw.len());
    for a in &mut raw {
        let lean::Alias {
            name: a_name,
            kind: a_kind,
            note,
            cite,
        } = a;
        // Shared from here on: `seen` keeps the names while the citations move out.
        let a_name: &Text = a_name;
        let n = a_name.get_ref();
        fields::text(file, a_name, "alias name", diags);
        fields::opt_text(file, note, "note", diags);
        if let Some(first) = seen.get(n) {
            diags.push(
                file.error(a_name.span(), format!("alias '{n}' is listed twice"))
                    .with_note(file, first.clone(), "first listed here")
                    .with_help(
                        "keep one [[alias]] and cite every source that uses the spelling in it",
                    ),
            );
        } else {
            seen.insert(n, a_name.span());
        }
        if n == name.get_ref() {
            diags.push(
                file.error(
                    a_name.span(),
                    format!("alias '{n}' is the dossier's own name"),
                )
                .with_help("remove it: an alias records another spelling"),
            );
        }
        let kind = fields::word(
            file,
            a_kind,
            "alias kind",
            AliasKind::ALL,
            AliasKind::parse,
            diags,
        );
        if cite.is_empty() {
            diags.push(no_citation(file, a_name.span(), format!("alias '{n}'")));
        }
        // Found before the citations move into `resolve_all`, reported after its own
        // diagnostics as before.
        let outside: Vec<_> = cite
            .iter()
            .filter(|rc| !alias_in_quote(n, rc.quote.get_ref()))
            .map(|rc| rc.quote.span())
            .collect();
        let cites = resolve_all(ctx.sources, file, std::mem::take(cite), diags);
        for span in outside {
            diags.push(
                file.error(
                    span,
                    format!("alias '{n}' does not occur in its cited quote"),
                )
                .with_help(
                    "cite a passage that spells the alias exactly as written (case matters)",
                ),
            );
        }
        out.push(Alias {
            name: n.to_owned(),
            kind: kind.unwrap_or(AliasKind::Misrendering),
            note: note.take().map(Text::into_inner),
            cites,
        });
    }
    out
}

fn claims(
    ctx: &Ctx<'_>,
    file: &SourceFile,
    mut raw: Vec<lean::Claim>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Claim> {
    // Claim id → where it is first used.
    let mut seen: HashMap<&str, std::ops::Range<usize>> = HashMap::new();
    let mut out = Vec::with_capacity(raw.len());
    for c in &mut raw {
        let lean::Claim {
            id: c_id,
            text,
            disputed,
            date,
            note,
            cite,
            variant,
        } = c;
        // Shared from here on: `seen` keeps the ids while the rest moves out.
        let c_id: &Text = c_id;
        let id = c_id.get_ref();
        fields::slug(file, c_id, "claim id", diags);
        if let Some(first) = seen.get(id) {
            diags.push(
                file.error(
                    c_id.span(),
                    format!("claim id '{id}' is used twice in this file"),
                )
                .with_note(file, first.clone(), "first used here")
                .with_help("give each claim its own id"),
            );
        } else {
            seen.insert(id, c_id.span());
        }
        fields::text(file, text, "claim text", diags);
        fields::opt_text(file, note, "note", diags);
        fields::date(file, date, "date", diags);
        let disputed = disputed.as_ref().is_some_and(|d| *d.get_ref());
        if disputed && variant.len() < 2 {
            diags.push(
                file.error(
                    c_id.span(),
                    format!(
                        "claim '{id}' is disputed but has {} variant{}",
                        variant.len(),
                        if variant.len() == 1 { "" } else { "s" }
                    ),
                )
                .with_help(
                    "add a [[claim.variant]] for each version the sources give, or drop `disputed`",
                ),
            );
        }
        if !disputed && !variant.is_empty() {
            diags.push(
                file.error(
                    c_id.span(),
                    format!("claim '{id}' has variants but is not disputed"),
                )
                .with_help("add `disputed = true`, or fold the variants into one cited claim"),
            );
        }
        if !disputed && cite.is_empty() {
            diags.push(no_citation(file, c_id.span(), format!("claim '{id}'")));
        }
        let mut variants = Vec::with_capacity(variant.len());
        for v in std::mem::take(variant) {
            fields::text(file, &v.value, "variant value", diags);
            fields::opt_text(file, &v.note, "note", diags);
            fields::date(file, &v.date, "date", diags);
            if v.cite.is_empty() {
                diags.push(no_citation(
                    file,
                    v.value.span(),
                    format!("variant '{}' of claim '{id}'", v.value.get_ref()),
                ));
            }
            variants.push(Variant {
                cites: resolve_all(ctx.sources, file, v.cite, diags),
                value: v.value.into_inner(),
                note: v.note.map(Text::into_inner),
                date: v.date.map(Text::into_inner),
            });
        }
        out.push(Claim {
            cites: resolve_all(ctx.sources, file, std::mem::take(cite), diags),
            id: id.to_owned(),
            text: text.get_ref().to_owned(),
            disputed,
            date: date.take().map(Text::into_inner),
            note: note.take().map(Text::into_inner),
            variants,
        });
    }
    out
}

fn relations(
    ctx: &Ctx<'_>,
    file: &SourceFile,
    own_id: &str,
    own_kind: Option<Kind>,
    raw: Vec<lean::Relation>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Relation> {
    let mut out = Vec::with_capacity(raw.len());
    for r in raw {
        let kind = fields::word(
            file,
            &r.kind,
            "relation type",
            RelationType::ALL,
            RelationType::parse,
            diags,
        );
        fields::opt_text(file, &r.role, "role", diags);
        fields::opt_text(file, &r.note, "note", diags);
        let target = r.target.get_ref();
        if target == own_id {
            diags.push(
                file.error(r.target.span(), "a relation cannot target its own dossier")
                    .with_help("name another dossier's id"),
            );
        } else if !ctx.ids.contains(target) {
            diags.push(unknown_target(ctx, file, &r.target));
        } else if let (Some(t), Some(from), Some(to)) = (kind, own_kind, ctx.kinds.get(target)) {
            if let Some(rule) = t.misfit(from, *to) {
                diags.push(
                    file.error(
                        r.kind.span(),
                        format!(
                            "relation '{t}' from {} {from} to the {to} '{target}'",
                            if from == Kind::Event { "an" } else { "a" }
                        ),
                    )
                    .with_help(format!("'{t}' {rule}")),
                );
            }
        }
        if r.cite.is_empty() {
            diags.push(no_citation(
                file,
                r.kind.span(),
                format!("relation '{}' → '{target}'", r.kind.get_ref()),
            ));
        }
        out.push(Relation {
            cites: resolve_all(ctx.sources, file, r.cite, diags),
            kind: kind.unwrap_or(RelationType::AffiliatedWith),
            target: r.target.into_inner(),
            role: r.role.map(Text::into_inner),
            note: r.note.map(Text::into_inner),
        });
    }
    out
}

/// `no dossier 'rdk' (did you mean 'russian-volunteer-corps', which has alias 'RDK'?)`
fn unknown_target(ctx: &Ctx<'_>, file: &SourceFile, target: &Text) -> Diagnostic {
    let t = target.get_ref();
    let spoken = t.replace('-', " ").to_lowercase();
    let hint = if let Some((id, alias)) = ctx.names.get(&spoken) {
        format!(" (did you mean '{id}', which has alias '{alias}'?)")
    } else if let Some(best) =
        crate::suggest::nearest(t, ctx.ids.iter().map(String::as_str), 1).first()
    {
        format!(" (did you mean '{best}'?)")
    } else {
        String::new()
    };
    file.error(target.span(), format!("no dossier '{t}'{hint}"))
        .with_help("a relation's target is the id of another dossier (its file name without .toml)")
}
