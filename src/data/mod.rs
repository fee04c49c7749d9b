//! Where a corpus comes from: the copy compiled into the binary, or a folder on disk
//! (`--data DIR`, `DOSSIER_DATA`) with the same layout: `seeds/sources.toml` (and, for a
//! registry larger than one file may be, `seeds/sources.d/*.toml`),
//! `seeds/<article files>`, `dossiers/<people|groups|events|places>/<id>.toml`.
//!
//! Reading a user's folder is defensive: a file must be a regular file (checked on the
//! opened handle, opened non-blocking so a FIFO cannot hang us), no larger than a cap,
//! valid UTF-8, and inside the corpus folder after symlinks are resolved.

mod read;

use std::path::{Path, PathBuf};

pub use read::{ARTICLE_CAP, CanonCache, DOSSIER_CAP};

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// A problem reading a file of the corpus, named for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file, as shown to the user.
    pub path: String,
    /// What went wrong and what to do.
    pub message: String,
}

/// The corpus to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataRoot {
    /// The dossiers and seeds compiled into this binary.
    Bundled,
    /// A folder with the same layout.
    Dir(PathBuf),
}

/// Path of the sources registry, relative to the corpus root.
pub const SOURCES_FILE: &str = "seeds/sources.toml";

/// Folder of further registry files (`*.toml`, read in name order after
/// [`SOURCES_FILE`]): a large corpus's registry, split so each file stays under the cap
/// that protects against hostile files ([`DOSSIER_CAP`]).
pub const SOURCES_DIR: &str = "seeds/sources.d";

impl DataRoot {
    /// How a corpus-relative path is shown to the user.
    pub fn display(&self, rel: &str) -> String {
        match self {
            DataRoot::Bundled => rel.to_owned(),
            DataRoot::Dir(dir) => dir.join(rel).display().to_string(),
        }
    }

    /// The dossier files, as corpus-relative paths (`dossiers/<folder>/<id>.toml`),
    /// sorted. Files not ending in `.toml` are ignored.
    pub fn dossier_files(&self) -> Result<Vec<String>, LoadError> {
        match self {
            DataRoot::Bundled => Ok(bundled::FILES
                .iter()
                .map(|(p, _)| *p)
                .filter(|p| p.starts_with("dossiers/") && p.ends_with(".toml"))
                .filter(|p| p.matches('/').count() == 2)
                .map(str::to_owned)
                .collect()),
            DataRoot::Dir(dir) => list_dossiers(dir),
        }
    }

    /// The registry files, corpus-relative: [`SOURCES_FILE`] unless it is absent and
    /// [`SOURCES_DIR`] holds some, then every `*.toml` of [`SOURCES_DIR`] (not hidden) by
    /// name. With neither, [`SOURCES_FILE`] alone (reading it says it does not exist).
    pub fn registry_files(&self) -> Result<Vec<String>, LoadError> {
        let prefix = format!("{SOURCES_DIR}/");
        let registry = |name: &str| name.ends_with(".toml") && !name.starts_with('.');
        let (has_main, mut split): (bool, Vec<String>) = match self {
            DataRoot::Bundled => (
                bundled::FILES.iter().any(|(p, _)| *p == SOURCES_FILE),
                bundled::FILES
                    .iter()
                    .filter_map(|(p, _)| p.strip_prefix(&prefix))
                    .filter(|name| registry(name) && !name.contains('/'))
                    .map(|name| format!("{prefix}{name}"))
                    .collect(),
            ),
            DataRoot::Dir(dir) => {
                let folder = dir.join(SOURCES_DIR);
                let split = match std::fs::read_dir(&folder) {
                    Ok(entries) => entries
                        .flatten()
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .filter(|name| registry(name))
                        .map(|name| format!("{prefix}{name}"))
                        .collect(),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
                    Err(e) => {
                        return Err(LoadError {
                            path: folder.display().to_string(),
                            message: format!(
                                "cannot read folder: {e}; {SOURCES_DIR} holds further registry files (*.toml)"
                            ),
                        });
                    }
                };
                (
                    std::fs::symlink_metadata(dir.join(SOURCES_FILE)).is_ok(),
                    split,
                )
            }
        };
        split.sort();
        if has_main || split.is_empty() {
            split.insert(0, SOURCES_FILE.to_owned());
        }
        Ok(split)
    }

    /// Reads a corpus-relative file as text, refusing anything over `cap` bytes.
    pub fn read_text(&self, rel: &str, cap: u64) -> Result<String, LoadError> {
        self.read_text_with(rel, cap, &mut CanonCache::default())
    }

    /// [`read_text`](Self::read_text) for one of many files read in a batch: `canon`
    /// resolves each folder's real path once for the batch.
    pub fn read_text_with(
        &self,
        rel: &str,
        cap: u64,
        canon: &mut CanonCache,
    ) -> Result<String, LoadError> {
        match self {
            DataRoot::Bundled => {
                let Some((_, bytes)) = bundled::FILES.iter().find(|(p, _)| *p == rel) else {
                    return Err(LoadError {
                        path: rel.to_owned(),
                        message: "not found in the bundled corpus".into(),
                    });
                };
                read::decode(rel, bytes.to_vec(), cap)
            }
            DataRoot::Dir(dir) => read::read_capped(dir, rel, &self.display(rel), cap, canon),
        }
    }

    /// Reads the article `file` (a plain file name inside `seeds/`).
    /// `canon` resolves each folder's real path once for a batch of reads.
    pub fn read_article(&self, file: &str, canon: &mut CanonCache) -> Result<String, LoadError> {
        self.read_text_with(&format!("seeds/{file}"), ARTICLE_CAP, canon)
    }
}

/// True when `name` is a plain file name: not empty, no path separator, not `.`/`..`,
/// not absolute.
pub fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains('/')
        && !name.contains('\\')
        && !name.contains('\0')
        && !Path::new(name).is_absolute()
}

fn list_dossiers(dir: &Path) -> Result<Vec<String>, LoadError> {
    let top = dir.join("dossiers");
    let err = |path: &Path, e: std::io::Error| LoadError {
        path: path.display().to_string(),
        message: format!(
            "cannot read folder: {e}; a corpus folder needs dossiers/<people|groups|events|places>/*.toml"
        ),
    };
    let mut out = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(&top)
        .map_err(|e| err(&top, e))?
        .flatten()
        .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
        .collect();
    folders.sort_by_key(|e| e.file_name());
    for folder in folders {
        let sub = folder.file_name().to_string_lossy().into_owned();
        let path = folder.path();
        for file in std::fs::read_dir(&path)
            .map_err(|e| err(&path, e))?
            .flatten()
        {
            let name = file.file_name().to_string_lossy().into_owned();
            if name.ends_with(".toml") && !name.starts_with('.') {
                out.push(format!("dossiers/{sub}/{name}"));
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names() {
        assert!(is_plain_file_name("000_a.txt"));
        for bad in ["", "..", ".", "../x", "a/b", "/etc/passwd", "a\\b"] {
            assert!(!is_plain_file_name(bad), "{bad}");
        }
    }

    /// The registry is `sources.toml`, then `sources.d/*.toml` by name (hidden files and
    /// other extensions left out); `sources.d` alone will do; with neither, the main
    /// file is named so that reading it reports it missing.
    #[test]
    fn registry_files_main_then_split_by_name() -> Result<(), Box<dyn std::error::Error>> {
        let files = |r: &DataRoot| r.registry_files().map_err(|e| e.message);
        let dir = tempfile::tempdir()?;
        let root = DataRoot::Dir(dir.path().to_owned());
        assert_eq!(files(&root)?, [SOURCES_FILE]);
        std::fs::create_dir_all(dir.path().join(SOURCES_DIR))?;
        for name in ["b.toml", "a.toml", ".hidden.toml", "notes.txt"] {
            std::fs::write(dir.path().join(SOURCES_DIR).join(name), "")?;
        }
        let split = ["seeds/sources.d/a.toml", "seeds/sources.d/b.toml"];
        assert_eq!(files(&root)?, split);
        std::fs::write(dir.path().join(SOURCES_FILE), "")?;
        let mut all = vec![SOURCES_FILE];
        all.extend(split);
        assert_eq!(files(&root)?, all);
        assert_eq!(files(&DataRoot::Bundled)?, [SOURCES_FILE]);
        Ok(())
    }

    #[test]
    fn bundled_corpus_lists_dossiers_and_reads_sources() {
        let root = DataRoot::Bundled;
        assert!(root.read_text(SOURCES_FILE, DOSSIER_CAP).is_ok());
        let files = root.dossier_files().unwrap_or_default();
        assert!(
            files
                .iter()
                .all(|f| f.starts_with("dossiers/") && f.ends_with(".toml"))
        );
    }
}
