//! `dossier reanchor SOURCE [--write]`: after an article's text changed, finds every
//! citation of it that no longer resolves a new place ([`relocate`]), and
//!
//! - when the quote still occurs (equal after folding), sets the `prefix`/`suffix` that
//!   pick that place out — the shortest, as a citation made in the reader gets
//!   ([`cite`](crate::corpus::cite::cite)) — verified with `check`'s own resolution;
//! - otherwise lists it, with its best candidate, line and word diff, for a human.
//!
//! With `--write`, those exact relocations and the article's new sha256 are written with
//! `toml_edit`, which keeps every other byte of the files. Without it nothing is written:
//! every change is printed first, never made silently. When the corpus is in git, the
//! quote's position in the committed version of the article (`git show HEAD:…`) breaks
//! ties between repeats.

use std::path::Path;
use std::process::{Command, ExitCode};

use toml_edit::{DocumentMut, Item, TableLike};

use super::out;
use crate::check::sha256_hex;
use crate::corpus::cite::cite;
use crate::corpus::relocate::{relocate, word_diff};
use crate::corpus::{Article, resolve};
use crate::data::write::replace;
use crate::data::{ARTICLE_CAP, DOSSIER_CAP, DataRoot, SOURCES_FILE};
use crate::text::sanitize_line;

pub fn run(root: &Path, source: &str, write: bool) -> ExitCode {
    match reanchor(root, source, write) {
        Ok(plan) => {
            out(&plan.report(write));
            if plan.for_human.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            crate::cli::err(&format!("error: {e}\n"));
            ExitCode::from(1)
        }
    }
}

/// What reanchoring found and (with `--write`) did.
#[derive(Debug, Default)]
pub struct Plan {
    pub source: String,
    /// (old, new) sha256 when the registered one is not the article's.
    pub sha: Option<(String, String)>,
    /// Citations relocated exactly: where, and what changes.
    pub exact: Vec<String>,
    /// Citations a human must look at: where, and the best candidate with its diff.
    pub for_human: Vec<String>,
    /// Citations that still resolve.
    pub unchanged: usize,
}

impl Plan {
    fn report(&self, written: bool) -> String {
        let mut s = String::new();
        let will = if written { "" } else { "would be " };
        match &self.sha {
            Some((old, new)) => s.push_str(&format!(
                "{SOURCES_FILE}: sha256 of '{}' {will}set: {old} → {new}\n",
                self.source
            )),
            None => s.push_str(&format!(
                "{SOURCES_FILE}: the sha256 of '{}' matches its article\n",
                self.source
            )),
        }
        for e in &self.exact {
            s.push_str(&format!("{e} ({will}written)\n"));
        }
        for h in &self.for_human {
            s.push_str(&format!("{h}\n"));
        }
        s.push_str(&format!(
            "{} still resolve{}, {} relocated exactly, {} for a human to review{}\n",
            crate::text::count(self.unchanged, "citation"),
            if self.unchanged == 1 { "s" } else { "" },
            self.exact.len(),
            self.for_human.len(),
            if written || (self.exact.is_empty() && self.sha.is_none()) {
                ""
            } else {
                "; run again with --write to write the changes above"
            }
        ));
        s
    }
}

/// Plans (and with `write` makes) the changes for `source` in the corpus at `root`.
pub fn reanchor(root: &Path, source: &str, write: bool) -> Result<Plan, String> {
    let data = DataRoot::Dir(root.to_path_buf());
    let located = |e: crate::data::LoadError| e.to_string();
    let registry = data.read_text(SOURCES_FILE, DOSSIER_CAP).map_err(located)?;
    let mut reg_doc: DocumentMut = registry.parse().map_err(|e: toml_edit::TomlError| {
        format!(
            "{}: does not parse: {}",
            data.display(SOURCES_FILE),
            e.message()
        )
    })?;
    let Some(entry) = find_source(&mut reg_doc, source) else {
        return Err(format!(
            "no source '{source}' in {}; `dossier --data {} sources` lists them",
            data.display(SOURCES_FILE),
            root.display()
        ));
    };
    let file = entry
        .get("file")
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_owned();
    if !crate::data::is_plain_file_name(&file) {
        return Err(format!(
            "source '{source}' names the file '{file}', not a plain file name inside seeds/; fix it first (`dossier check` shows where)"
        ));
    }
    let text = data
        .read_text(&format!("seeds/{file}"), ARTICLE_CAP)
        .map_err(located)?;
    let new_sha = sha256_hex(text.as_bytes());
    let old_sha = entry
        .get("sha256")
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_owned();
    let mut plan = Plan {
        source: source.to_owned(),
        ..Plan::default()
    };
    if !old_sha.eq_ignore_ascii_case(&new_sha) {
        plan.sha = Some((old_sha, new_sha.clone()));
        entry.insert("sha256", toml_edit::value(new_sha.clone()));
    }
    let article = Article::new(text);
    let old = committed(root, &file).map(Article::new);

    let files = data.dossier_files().map_err(located)?;
    let mut edits: Vec<(std::path::PathBuf, String)> = Vec::new();
    for rel in files {
        let Ok(text) = data.read_text(&rel, DOSSIER_CAP) else {
            continue; // `check` reports unreadable files; nothing of them is changed here
        };
        let Ok(mut doc) = text.parse::<DocumentMut>() else {
            continue;
        };
        let mut changed = false;
        for (place, cite_table) in citations(&mut doc) {
            let shown = format!("{}, {place}", data.display(&rel));
            if cite_table.get("source").and_then(|v| v.as_str()) != Some(source) {
                continue;
            }
            let field = |k: &str| {
                cite_table
                    .get(k)
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
            };
            let (Some(quote), prefix, suffix) = (field("quote"), field("prefix"), field("suffix"))
            else {
                continue;
            };
            if resolve(&article, &quote, prefix.as_deref(), suffix.as_deref()).is_ok() {
                plan.unchanged += 1;
                continue;
            }
            let hint = old.as_ref().and_then(|o| {
                let at = resolve(o, &quote, prefix.as_deref(), suffix.as_deref()).ok()?;
                Some(at.range.start * article.text.len() / o.text.len().max(1))
            });
            let shown_quote = sanitize_line(&quote);
            let Some(found) =
                relocate(&article, &quote, prefix.as_deref(), suffix.as_deref(), hint)
            else {
                plan.for_human.push(format!(
                    "{shown}: quote \"{shown_quote}\" is gone: no passage of seeds/{file} shares a word with it"
                ));
                continue;
            };
            let candidate = article.text.get(found.range.clone()).unwrap_or("");
            let context = found
                .exact
                .then(|| exact_context(&article, source, &quote, found.range.clone()))
                .flatten();
            match context {
                Some((p, s)) => {
                    set_or_remove(cite_table, "prefix", p.as_deref());
                    set_or_remove(cite_table, "suffix", s.as_deref());
                    changed = true;
                    plan.exact.push(format!(
                        "{shown}: quote \"{shown_quote}\" found again at line {}: prefix {} and suffix {}",
                        found.line,
                        shown_opt(p.as_deref()),
                        shown_opt(s.as_deref())
                    ));
                }
                None => plan.for_human.push(format!(
                    "{shown}: quote \"{shown_quote}\" no longer occurs; best candidate (line {}): \"{}\"\n    word diff: {}",
                    found.line,
                    sanitize_line(candidate),
                    sanitize_line(&word_diff(&quote, candidate))
                )),
            }
        }
        if changed {
            edits.push((root.join(&rel), doc.to_string()));
        }
    }
    if write {
        for (path, text) in &edits {
            replace(path, text.as_bytes()).map_err(located)?;
        }
        if plan.sha.is_some() {
            replace(&root.join(SOURCES_FILE), reg_doc.to_string().as_bytes()).map_err(located)?;
        }
    }
    Ok(plan)
}

fn shown_opt(v: Option<&str>) -> String {
    v.map_or_else(
        || "none".to_owned(),
        |s| format!("\"{}\"", sanitize_line(s)),
    )
}

/// The prefix and suffix that make `quote` resolve to exactly `range`, shortest first:
/// none, or the context a reader's citation of `range` gets. `None` when even that does
/// not land there.
#[allow(clippy::type_complexity)]
fn exact_context(
    article: &Article,
    source: &str,
    quote: &str,
    range: std::ops::Range<usize>,
) -> Option<(Option<String>, Option<String>)> {
    let lands = |p: Option<&str>, s: Option<&str>| {
        resolve(article, quote, p, s).is_ok_and(|a| a.range == range)
    };
    if lands(None, None) {
        return Some((None, None));
    }
    let made = cite(source, article, range.clone()).ok()?;
    lands(made.prefix.as_deref(), made.suffix.as_deref()).then_some((made.prefix, made.suffix))
}

fn set_or_remove(t: &mut dyn TableLike, key: &str, value: Option<&str>) {
    match value {
        Some(v) => {
            t.insert(key, toml_edit::value(v));
        }
        None => {
            t.remove(key);
        }
    }
}

/// The registry entry of `id`.
fn find_source<'a>(doc: &'a mut DocumentMut, id: &str) -> Option<&'a mut toml_edit::Table> {
    doc.get_mut("source")?
        .as_array_of_tables_mut()?
        .iter_mut()
        .find(|t| t.get("id").and_then(|v| v.as_str()) == Some(id))
}

/// Every citation table of a dossier document, with where it is for people
/// (`claim 'founded-rvc'`), in inline arrays (`cite = [{…}]`) or `[[….cite]]` tables.
fn citations(doc: &mut DocumentMut) -> Vec<(String, &mut dyn TableLike)> {
    let mut out: Vec<(String, &mut dyn TableLike)> = Vec::new();
    for (key, item) in doc.as_table_mut().iter_mut() {
        let (list, label_key) = match key.get() {
            "alias" => ("alias", "name"),
            "claim" => ("claim", "id"),
            "relation" => ("relation", "target"),
            _ => continue,
        };
        let Some(items) = item.as_array_of_tables_mut() else {
            continue;
        };
        for item in items.iter_mut() {
            let label = format!(
                "{list} '{}'",
                item.get(label_key).and_then(|v| v.as_str()).unwrap_or("?")
            );
            let (own, variants) = split_variants(item);
            push_cites(&mut out, &label, own);
            if let Some(vs) = variants.and_then(Item::as_array_of_tables_mut) {
                for v in vs.iter_mut() {
                    let vlabel = format!(
                        "{label}, variant '{}'",
                        v.get("value").and_then(|x| x.as_str()).unwrap_or("?")
                    );
                    push_cites(&mut out, &vlabel, v.get_mut("cite"));
                }
            }
        }
    }
    out
}

/// A table's own `cite` and its `variant` list, borrowed apart.
fn split_variants(t: &mut toml_edit::Table) -> (Option<&mut Item>, Option<&mut Item>) {
    let mut own = None;
    let mut variants = None;
    for (k, v) in t.iter_mut() {
        match k.get() {
            "cite" => own = Some(v),
            "variant" => variants = Some(v),
            _ => {}
        }
    }
    (own, variants)
}

fn push_cites<'a>(
    out: &mut Vec<(String, &'a mut dyn TableLike)>,
    label: &str,
    cites: Option<&'a mut Item>,
) {
    match cites {
        Some(Item::Value(toml_edit::Value::Array(a))) => {
            for v in a.iter_mut() {
                if let Some(t) = v.as_inline_table_mut() {
                    out.push((label.to_owned(), t));
                }
            }
        }
        Some(Item::ArrayOfTables(ts)) => {
            for t in ts.iter_mut() {
                out.push((label.to_owned(), t));
            }
        }
        _ => {}
    }
}

/// The article as last committed, when the corpus is in git.
fn committed(root: &Path, file: &str) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["show", &format!("HEAD:./seeds/{file}")])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() || output.stdout.len() as u64 > ARTICLE_CAP {
        return None;
    }
    String::from_utf8(output.stdout).ok()
}
