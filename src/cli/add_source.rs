//! `dossier add-source FILE --id … --title … --outlet …`: copies an article into
//! `seeds/`, computes its sha256 and registers it in `seeds/sources.toml`.
//!
//! Everything is checked before anything is written: the arguments as `check` would
//! check them, the registry as the reader reads it (and parsed), the article as the reader
//! reads one (a regular file, at most 16 MiB, valid UTF-8). The article is then created
//! where nothing exists, and the registry entry appended after the file's last byte, so
//! its comments and layout stay exactly as they were; the entry is written by `toml_edit`
//! (every value escaped as TOML requires) and the whole new registry is parsed before it
//! replaces the old one.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::out;
use crate::check::{is_date, is_slug, sha256_hex};
use crate::data::write::{create_new, folder_inside, replace};
use crate::data::{
    ARTICLE_CAP, DOSSIER_CAP, DataRoot, LoadError, SOURCES_FILE, is_plain_file_name, read_any,
};
use crate::model::Derivation;
use crate::model::raw::RawSources;

/// What `add-source` was asked to register.
#[derive(Debug, Clone, Default)]
pub struct NewSource {
    /// The article to copy in.
    pub file: PathBuf,
    /// Its name inside `seeds/`; the file's own name when `None`.
    pub name: Option<String>,
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub derivation: String,
    pub original: Option<String>,
    pub published: Option<String>,
    pub lang: String,
    pub note: Option<String>,
}

pub fn run(root: &Path, new: &NewSource) -> ExitCode {
    match add(root, new) {
        Ok(done) => {
            out(&format!(
                "added source '{}': seeds/{} ({}, sha256 {})\ncite it as {{ source = \"{}\", quote = \"…\" }}\n",
                done.id,
                done.name,
                crate::text::count(done.bytes, "byte"),
                done.sha256,
                done.id
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            crate::cli::err(&format!("error: {e}\n"));
            ExitCode::from(1)
        }
    }
}

/// What was added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub id: String,
    /// The file name inside `seeds/`.
    pub name: String,
    pub bytes: usize,
    pub sha256: String,
}

fn located(e: LoadError) -> String {
    e.to_string()
}

/// Registers `new` in the corpus at `root`; on any error nothing is left changed.
pub fn add(root: &Path, new: &NewSource) -> Result<Added, String> {
    let name = match &new.name {
        Some(n) => n.clone(),
        None => new
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    validate(new, &name)?;

    let data = DataRoot::Dir(root.to_path_buf());
    let registry = data.read_text(SOURCES_FILE, DOSSIER_CAP).map_err(located)?;
    let shown = data.display(SOURCES_FILE);
    let parsed: RawSources = toml::from_str(&registry).map_err(|e| {
        format!(
            "{shown} does not parse ({}); fix it first (`dossier --data {} check` shows where)",
            e.message().lines().next().unwrap_or(""),
            root.display()
        )
    })?;
    for s in &parsed.source {
        if s.id.get_ref() == &new.id {
            return Err(format!(
                "{shown}: source id '{}' is already registered; choose another --id",
                new.id
            ));
        }
        if s.file.get_ref() == &name {
            return Err(format!(
                "{shown}: seeds/{name} is already registered as '{}'; pass --file NAME to store this article under another name",
                s.id.get_ref()
            ));
        }
    }

    let text = read_any(&new.file, ARTICLE_CAP).map_err(located)?;
    let sha256 = sha256_hex(text.as_bytes());
    let updated = appended(&registry, &entry(new, &name, &sha256));
    let reparsed: RawSources = toml::from_str(&updated).map_err(|e| {
        format!(
            "{shown}: the entry cannot be appended to this file ({}); add it by hand:\n{}",
            e.message().lines().next().unwrap_or(""),
            entry(new, &name, &sha256)
        )
    })?;
    if reparsed.source.len() != parsed.source.len() + 1 {
        return Err(format!(
            "{shown}: the appended entry did not become a new [[source]]; add it by hand:\n{}",
            entry(new, &name, &sha256)
        ));
    }

    let seeds = folder_inside(root, "seeds").map_err(located)?;
    let target = seeds.join(&name);
    create_new(&target, text.as_bytes()).map_err(located)?;
    let registry_path = seeds.join("sources.toml");
    if let Err(e) = replace(&registry_path, updated.as_bytes()) {
        // The article was ours to create; without its entry it would be an orphan.
        let _ = std::fs::remove_file(&target);
        return Err(located(e));
    }
    Ok(Added {
        id: new.id.clone(),
        name,
        bytes: text.len(),
        sha256,
    })
}

/// The arguments, checked as `check` checks a registry entry.
fn validate(new: &NewSource, name: &str) -> Result<(), String> {
    if !is_slug(&new.id) {
        return Err(format!(
            "--id '{}' is not a valid id; use lowercase letters, digits and single hyphens, e.g. 'nbc-who-is-legion'",
            new.id
        ));
    }
    if !is_plain_file_name(name) || name == "sources.toml" {
        return Err(format!(
            "'{name}' cannot be an article's name inside seeds/; pass --file NAME with a plain file name such as article.txt"
        ));
    }
    for (value, what) in [
        (&new.title, "--title"),
        (&new.outlet, "--outlet"),
        (&new.lang, "--lang"),
    ] {
        if value.trim().is_empty() || value.trim() != value {
            return Err(format!(
                "{what} {value:?} is empty or padded with spaces; write it as the article gives it"
            ));
        }
    }
    for (value, what) in [(&new.original, "--original"), (&new.note, "--note")] {
        if let Some(v) = value
            && (v.trim().is_empty() || v.trim() != v)
        {
            return Err(format!("{what} {v:?} is empty or padded with spaces"));
        }
    }
    let Some(derivation) = Derivation::parse(&new.derivation) else {
        return Err(format!(
            "--derivation '{}' is not one of {}",
            new.derivation,
            Derivation::ALL.join(", ")
        ));
    };
    if derivation != Derivation::Original && new.original.is_none() {
        return Err(format!(
            "a {} needs --original naming the publication it derives from; sources sharing an original are not independent",
            new.derivation
        ));
    }
    if let Some(p) = &new.published
        && !is_date(p)
    {
        return Err(format!(
            "--published '{p}' is not YYYY[-MM[-DD]]; write a real date as 2023, 2023-05 or 2023-05-25"
        ));
    }
    Ok(())
}

/// The `[[source]]` entry, written by `toml_edit`.
fn entry(new: &NewSource, name: &str, sha256: &str) -> String {
    let mut table = toml_edit::Table::new();
    let mut set = |key: &str, value: Option<&str>| {
        if let Some(v) = value {
            table.insert(key, toml_edit::value(v));
        }
    };
    set("id", Some(&new.id));
    set("file", Some(name));
    set("title", Some(&new.title));
    set("outlet", Some(&new.outlet));
    set("published", new.published.as_deref());
    set("lang", Some(&new.lang));
    set("original", new.original.as_deref());
    set("derivation", Some(&new.derivation));
    set("sha256", Some(sha256));
    set("note", new.note.as_deref());
    let mut list = toml_edit::ArrayOfTables::new();
    list.push(table);
    let mut doc = toml_edit::DocumentMut::new();
    doc.insert("source", toml_edit::Item::ArrayOfTables(list));
    doc.to_string()
}

/// `registry` with `entry` after its last byte, separated by one blank line.
fn appended(registry: &str, entry: &str) -> String {
    let mut out = registry.to_owned();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if !out.trim().is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(entry);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_escapes_values_and_keeps_the_registry_above_it() {
        let new = NewSource {
            id: "a".into(),
            title: "He said \"no\" \\ twice".into(),
            outlet: "O".into(),
            derivation: "original".into(),
            lang: "en".into(),
            ..NewSource::default()
        };
        let before = "# comment kept\n[[source]] # trailing\nid = \"x\"";
        let text = appended(before, &entry(&new, "a.txt", "00"));
        assert!(
            text.starts_with("# comment kept\n[[source]] # trailing\nid = \"x\"\n\n[[source]]\n")
        );
        let doc: toml::Table = toml::from_str(&text).unwrap_or_default();
        let title = doc
            .get("source")
            .and_then(|s| s.as_array())
            .and_then(|a| a.get(1))
            .and_then(|t| t.get("title"))
            .and_then(|t| t.as_str());
        assert_eq!(title, Some("He said \"no\" \\ twice"));
    }

    #[test]
    fn arguments_are_checked_like_the_registry() {
        let good = NewSource {
            id: "a".into(),
            title: "T".into(),
            outlet: "O".into(),
            derivation: "original".into(),
            lang: "en".into(),
            ..NewSource::default()
        };
        assert!(validate(&good, "a.txt").is_ok());
        let bad = [
            NewSource {
                id: "A b".into(),
                ..good.clone()
            },
            NewSource {
                title: " T".into(),
                ..good.clone()
            },
            NewSource {
                derivation: "copy".into(),
                ..good.clone()
            },
            NewSource {
                derivation: "translation".into(),
                ..good.clone()
            },
            NewSource {
                published: Some("23-05".into()),
                ..good.clone()
            },
        ];
        for b in &bad {
            assert!(validate(b, "a.txt").is_err(), "{b:?}");
        }
        for name in ["sources.toml", "../x.txt", ""] {
            assert!(validate(&good, name).is_err(), "{name}");
        }
    }
}
