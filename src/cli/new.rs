//! `dossier new KIND "Name"`: a dossier skeleton at `dossiers/<folder>/<id>.toml` with
//! an id made from the name, refusing an id or a name the corpus already has — and when
//! the name is another dossier's alias, naming that dossier, since the curator most
//! likely means to add to it.

use std::path::Path;
use std::process::ExitCode;

use unicode_normalization::UnicodeNormalization as _;

use super::out;
use crate::check::is_slug;
use crate::data::write::{create_new, folder_inside, toml_str};
use crate::data::{DOSSIER_CAP, DataRoot, LoadError};
use crate::model::Kind;
use crate::text::fold_str;

pub fn run(root: &Path, kind: Kind, name: &str, id: Option<&str>) -> ExitCode {
    match create(root, kind, name, id) {
        Ok(rel) => {
            out(&format!(
                "created {}\nnext: add claims citing the articles, then dossier --data {} check\n",
                DataRoot::Dir(root.to_path_buf()).display(&rel),
                root.display()
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// An id for `name`: lower-case ASCII letters and digits, accents dropped, every other
/// run of characters one hyphen ("Denis Kapustin" → `denis-kapustin`, "Ivna (village)"
/// → `ivna-village`). Empty when the name has no Latin letter or digit.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.nfkd() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) || c == '\'' || c == '’' {
            // An accent of the previous letter, or an apostrophe inside a word.
        } else {
            gap = true;
        }
    }
    out
}

/// A dossier the corpus already has.
struct Existing {
    id: String,
    rel: String,
    name: Option<String>,
    aliases: Vec<String>,
}

/// Every dossier file's id (its file stem), name and aliases; a file that does not
/// parse still holds its id.
fn existing(root: &DataRoot) -> Result<Vec<Existing>, String> {
    let files = root.dossier_files().map_err(|e| e.to_string())?;
    Ok(files
        .into_iter()
        .map(|rel| {
            let id = rel
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".toml")
                .to_owned();
            let raw = root
                .read_text(&rel, DOSSIER_CAP)
                .ok()
                .and_then(|t| crate::model::fast::dossier(&t).ok());
            Existing {
                id,
                rel,
                name: raw.as_ref().map(|r| r.name.get_ref().clone()),
                aliases: raw
                    .map(|r| r.alias.iter().map(|a| a.name.get_ref().clone()).collect())
                    .unwrap_or_default(),
            }
        })
        .collect())
}

/// Writes the skeleton; returns its corpus-relative path.
pub fn create(root: &Path, kind: Kind, name: &str, id: Option<&str>) -> Result<String, String> {
    if name.trim().is_empty() || name.trim() != name {
        return Err(format!(
            "the name {name:?} is empty or padded with spaces; write it as a careful reader would file it"
        ));
    }
    let data = DataRoot::Dir(root.to_path_buf());
    let key = |s: &str| fold_str(s).to_lowercase();
    let wanted = key(name);
    let known = existing(&data)?;
    for e in &known {
        let shown = data.display(&e.rel);
        if e.name.as_deref().is_some_and(|n| key(n) == wanted) {
            return Err(format!(
                "'{name}' is already the name of '{}' ({shown}); add to that dossier instead",
                e.id
            ));
        }
        if let Some(alias) = e.aliases.iter().find(|a| key(a) == wanted) {
            return Err(format!(
                "'{alias}' is an alias of '{}' ({shown}); did you mean to add to that dossier? If it is another {kind}, give the new one a name that tells them apart",
                e.id
            ));
        }
    }
    let id = match id {
        Some(i) => i.to_owned(),
        None => slug(name),
    };
    if !is_slug(&id) {
        return Err(format!(
            "cannot use '{id}' as an id (made from {name:?}); pass --id with lowercase letters, digits and single hyphens"
        ));
    }
    if let Some(e) = known.iter().find(|e| e.id == id) {
        return Err(format!(
            "a dossier with id '{id}' exists: {}; add to it, or pass --id for a different one",
            data.display(&e.rel)
        ));
    }
    let rel_dir = format!("dossiers/{}", kind.folder());
    let dir = match folder_inside(root, &rel_dir) {
        Ok(d) => d,
        Err(_) if !root.join(&rel_dir).exists() && root.join("dossiers").is_dir() => {
            // A corpus laid out by hand may lack a kind's folder: make it, inside dossiers/.
            let parent = folder_inside(root, "dossiers").map_err(located)?;
            let made = parent.join(kind.folder());
            std::fs::create_dir(&made)
                .map_err(|e| format!("{}: cannot be created: {e}", made.display()))?;
            made
        }
        Err(e) => return Err(located(e)),
    };
    let rel = format!("{rel_dir}/{id}.toml");
    let schema_line = if root.join("schema/dossier.schema.json").is_file() {
        "#:schema ../../schema/dossier.schema.json\n"
    } else {
        ""
    };
    let text = format!(
        "{schema_line}id = {}\nkind = {}\nname = {}\n{SKELETON}",
        toml_str(&id),
        toml_str(kind.as_str()),
        toml_str(name)
    );
    create_new(&dir.join(format!("{id}.toml")), text.as_bytes()).map_err(located)?;
    Ok(rel)
}

fn located(e: LoadError) -> String {
    e.to_string()
}

/// The commented rest of a new dossier.
const SKELETON: &str = r#"# summary = """Two to four sentences in your own words; every point also a cited claim."""

# Each fact is a [[claim]] citing the exact words of an article. Select the words in the
# browser's reader to get a ready citation, or write one by hand:
#
# [[claim]]
# id = "founded"
# text = "One fact, in your own words."
# cite = [{ source = "some-article", quote = "the exact words of the article" }]
#
# Other names the articles use go in [[alias]] (name, kind, cite), links to other
# dossiers in [[relation]] (type, target, cite): see dossier's README, "The data format".
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_names() {
        assert_eq!(slug("Denis Kapustin"), "denis-kapustin");
        assert_eq!(slug("Ivna (village)"), "ivna-village");
        assert_eq!(slug("Müller & Söhne"), "muller-sohne");
        assert_eq!(slug("RDK's  commander"), "rdks-commander");
        assert_eq!(slug("  --Graivoron-- "), "graivoron");
        assert_eq!(slug("Денис"), "");
    }
}
