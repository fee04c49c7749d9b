//! The outline of a large corpus kept from its last start, so the next start can draw
//! the dossiers' names before it has opened one of its files: at 100,000 dossiers
//! reading and parsing them took ≈4 s before the first frame, most of it the kernel's
//! (an `openat`, `fstat`, two `read`s and a `close` a file, BENCHMARKS.md "Issue 16,
//! fifth pass"), against a fraction of a second for this one file.
//!
//! A cached outline is never shown as current: the status line says the names are the
//! last start's (`Loading::from_cache`) until the outline of the files as they are now
//! replaces it (`loading::refresh`), which is also when the cache is written again. Its
//! place is the user's cache folder, `$XDG_CACHE_HOME/dossier/outlines/` (else
//! `~/.cache/dossier/outlines/`), one file per corpus folder named by the SHA-256 of
//! its real path — never inside the curator's corpus. The file repeats that path and a
//! format version; a file that does not match, does not parse, or is larger than
//! [`CAP`] is ignored (a cache is only ever a head start).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{AliasKind, Dossier, Kind};

/// Bumped whenever the layout below changes: an older file is then ignored.
const VERSION: u32 = 1;

/// Largest cache file read: an outline of 100,000 dossiers is ≈10 MB.
pub const CAP: u64 = 256 * 1024 * 1024;

/// What is kept of each dossier: id, kind, name, and its aliases as (kind, name).
type Entry = (String, String, String, Vec<(String, String)>);

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    /// The corpus folder's real path, as the cache file's name was derived from.
    root: String,
    dossiers: Vec<Entry>,
}

/// Where the outline of the corpus at `root` is kept: `None` when the folder has no
/// real path or neither `XDG_CACHE_HOME` nor `HOME` is set.
pub fn path(root: &Path) -> Option<(PathBuf, String)> {
    let real = root.canonicalize().ok()?.to_string_lossy().into_owned();
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    let name = format!("{}.json", crate::check::sha256_hex(real.as_bytes()));
    Some((base.join("dossier").join("outlines").join(name), real))
}

/// The outline kept in `file` for the corpus whose real path is `root`, as
/// [`crate::check::Progress::outline`] gave it; `None` when there is none usable.
pub fn read(file: &Path, root: &str) -> Option<Vec<Dossier>> {
    let text = crate::data::read_any(file, CAP).ok()?;
    let kept: File = serde_json::from_str(&text).ok()?;
    if kept.version != VERSION || kept.root != root {
        return None;
    }
    kept.dossiers
        .into_iter()
        .map(|(id, kind, name, aliases)| {
            let aliases = aliases
                .into_iter()
                .map(|(kind, name)| Some((AliasKind::parse(&kind)?, name)))
                .collect::<Option<Vec<_>>>()?;
            Some(Dossier::outline(id, Kind::parse(&kind)?, name, aliases))
        })
        .collect()
}

/// The text of the cache file for `outline` of the corpus whose real path is `root`.
pub fn encode(outline: &[Dossier], root: &str) -> String {
    let dossiers = outline
        .iter()
        .map(|d| {
            let aliases = d.aliases.iter();
            (
                d.id.clone(),
                d.kind.as_str().to_owned(),
                d.name.clone(),
                aliases
                    .map(|a| (a.kind.as_str().to_owned(), a.name.clone()))
                    .collect(),
            )
        })
        .collect();
    let kept = File {
        version: VERSION,
        root: root.to_owned(),
        dossiers,
    };
    serde_json::to_string(&kept).unwrap_or_default()
}

/// Writes `text` to `file` whole or not at all (a temporary file renamed over it), its
/// folder made if needed. A cache that cannot be written is only a slower next start.
pub fn write(file: &Path, text: &str) -> std::io::Result<()> {
    let dir = file
        .parent()
        .ok_or_else(|| std::io::Error::other("no folder"))?;
    std::fs::create_dir_all(dir)?;
    let tmp = file.with_extension(format!("json.{}.tmp", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, file).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the index shows of a dossier.
    fn shown(d: &[Dossier]) -> Vec<(String, Kind, String, Vec<(AliasKind, String)>)> {
        d.iter()
            .map(|d| {
                let aliases = d.aliases.iter().map(|a| (a.kind, a.name.clone()));
                (d.id.clone(), d.kind, d.name.clone(), aliases.collect())
            })
            .collect()
    }

    /// An outline written and read back shows the same; a file for another corpus, of
    /// another version, cut short or with an unknown kind is not used.
    #[test]
    fn keeps_the_outline_of_its_own_corpus_only() {
        let report = crate::check::check(&crate::data::DataRoot::Bundled);
        let outline = report.corpus.dossiers;
        assert!(outline.iter().any(|d| !d.aliases.is_empty()));
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("a/b/outline.json");
        let text = encode(&outline, "/corpus");
        write(&file, &text).unwrap_or_else(|e| panic!("{e}"));
        let Some(back) = read(&file, "/corpus") else {
            panic!("not read back")
        };
        assert_eq!(shown(&back), shown(&outline));
        assert!(read(&file, "/other").is_none());
        let bad = [
            text.replacen("\"version\":1", "\"version\":0", 1),
            text[..text.len() / 2].to_owned(),
            text.replacen("\"person\"", "\"personage\"", 1),
        ];
        for bad in bad {
            assert_ne!(bad, text);
            write(&file, &bad).unwrap_or_else(|e| panic!("{e}"));
            assert!(read(&file, "/corpus").is_none(), "{}", &bad[..60]);
        }
        // Only the cache file is left: the temporary one was renamed.
        let left = std::fs::read_dir(dir.path().join("a/b")).map(|d| d.count());
        assert_eq!(left.ok(), Some(1));
    }

    /// The cache of a folder lives under `XDG_CACHE_HOME`, named by the folder's real
    /// path (the same through a link), never inside the corpus.
    #[test]
    fn lives_in_the_users_cache_folder() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(&corpus, dir.path().join("link"))
            .unwrap_or_else(|e| panic!("{e}"));
        let Some((file, real)) = path(&corpus) else {
            panic!("no cache path")
        };
        let via_link = path(&dir.path().join("link")).map(|p| p.0);
        assert_eq!(via_link.as_ref(), Some(&file));
        assert!(!file.starts_with(&corpus) && !file.starts_with(&real));
        if let Some(xdg) = std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
            assert!(file.starts_with(PathBuf::from(xdg).join("dossier/outlines")));
        }
    }
}
