//! Where a corpus comes from: the copy compiled into the binary, or a folder on disk
//! (`--data DIR`, `DOSSIER_DATA`) with the same layout: `seeds/sources.toml` (and, for a
//! registry larger than one file may be, `seeds/sources.d/*.toml`),
//! `seeds/<article files>`, `dossiers/<people|groups|events|places>/<id>.toml`.
//!
//! Reading a user's folder is defensive: a file must be a regular file (checked on the
//! opened handle, opened non-blocking so a FIFO cannot hang us), no larger than a cap,
//! valid UTF-8, and inside the corpus folder after symlinks are resolved.

#[cfg(target_os = "linux")]
mod dirs;
pub mod private;
mod read;
pub mod write;

use std::path::{Path, PathBuf};

pub use read::{ARTICLE_CAP, CanonCache, DOSSIER_CAP, read_any};

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// A problem reading a file of the corpus, named for a person: shown as
/// `PATH: PROBLEM`, e.g. `seeds/a.txt: does not exist`.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct LoadError {
    /// The file, as shown to the user.
    pub path: String,
    /// What went wrong and what to do.
    #[source]
    pub problem: Problem,
}

/// What went wrong reading one file (or listing one folder) of a corpus. The `Display`
/// of each is the message a person reads after the path: what is wrong and the fix.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// A path the bundled corpus does not have.
    #[error("not found in the bundled corpus")]
    NotBundled,
    /// The file is not there.
    #[error("does not exist")]
    NotFound,
    /// The file or a folder above it may not be read by this user.
    #[error(
        "cannot be read: permission denied; give the user running dossier read access \
         to it (and search access to its folders), e.g. `chmod a+r`"
    )]
    PermissionDenied,
    /// Any other failure of the operating system.
    #[error("cannot be read: {0}")]
    Io(#[source] std::io::Error),
    /// A folder of `dossiers/` could not be listed.
    #[error(
        "cannot read folder: {0}; a corpus folder needs dossiers/<people|groups|events|places>/*.toml"
    )]
    Folder(#[source] std::io::Error),
    /// The path leads, through a symbolic link, out of the folder it belongs in.
    #[error(
        "is a link to {}, outside the corpus folder {top}/; copy the file into {top}/ instead",
        .target.display()
    )]
    LinkOutside {
        /// Where the link really leads.
        target: PathBuf,
        /// The corpus folder the file belongs in (`seeds` or `dossiers`).
        top: String,
    },
    /// A folder on the path was swapped for a link between the check and the open.
    #[error(
        "was replaced while being read and now leads to {}, outside the corpus folder {top}/; nothing was read from it",
        .target.display()
    )]
    Replaced {
        /// Where the opened file really is.
        target: PathBuf,
        /// The corpus folder the file belongs in.
        top: String,
    },
    /// `seeds/sources.d/` exists but could not be listed.
    #[error("cannot read folder: {0}; seeds/sources.d holds further registry files (*.toml)")]
    RegistryFolder(#[source] std::io::Error),
    /// Writing into the corpus failed (`init`, `add-source`, `new`, `reanchor`,
    /// `--cite-to`): what happened and what to do, already worded for a person.
    #[error("{0}")]
    Write(String),
    /// A FIFO, device, socket or folder where a file was expected.
    #[error("is not a regular file (it is a {0}); only plain files are read")]
    NotRegular(&'static str),
    /// Over the size limit for its kind of file.
    #[error(
        "is {len} bytes, more than the limit of {cap} bytes ({} MiB); split it",
        .cap / (1024 * 1024)
    )]
    TooLarge {
        /// The file's size in bytes.
        len: u64,
        /// The limit in bytes.
        cap: u64,
    },
    /// Not UTF-8 text.
    #[error(
        "is not valid UTF-8 (bad byte at offset {offset}, line {line}); convert it with \
         `iconv -t UTF-8`"
    )]
    NotUtf8 {
        /// Byte offset of the first bad byte.
        offset: usize,
        /// 1-based line of the first bad byte.
        line: usize,
    },
}

impl Problem {
    /// The problem behind an operating-system error.
    pub fn from_io(e: std::io::Error) -> Problem {
        match e.kind() {
            std::io::ErrorKind::NotFound => Problem::NotFound,
            std::io::ErrorKind::PermissionDenied => Problem::PermissionDenied,
            _ => Problem::Io(e),
        }
    }
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
    /// How a corpus-relative path is shown to the user. `to_string_lossy` is what
    /// `Path`'s `Display` writes, without the formatting machinery: made for each of
    /// 100,000 dossier files, `display().to_string()` was 4% of a first start's samples.
    pub fn display(&self, rel: &str) -> String {
        match self {
            DataRoot::Bundled => rel.to_owned(),
            DataRoot::Dir(dir) => dir.join(rel).to_string_lossy().into_owned(),
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
                            problem: Problem::RegistryFolder(e),
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
        self.read_text_shown(rel, &self.display(rel), cap, canon)
    }

    /// [`read_text_with`](Self::read_text_with) where the caller has made `shown`,
    /// [`display`](Self::display) of `rel`, and keeps it (`check` names each file).
    pub fn read_text_shown(
        &self,
        rel: &str,
        shown: &str,
        cap: u64,
        canon: &mut CanonCache,
    ) -> Result<String, LoadError> {
        match self {
            DataRoot::Bundled => {
                let Some((_, bytes)) = bundled::FILES.iter().find(|(p, _)| *p == rel) else {
                    return Err(LoadError {
                        path: rel.to_owned(),
                        problem: Problem::NotBundled,
                    });
                };
                read::decode(rel, bytes.to_vec(), cap)
            }
            DataRoot::Dir(dir) => read::read_capped(dir, rel, shown, cap, canon),
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
    use rayon::prelude::*;

    let top = dir.join("dossiers");
    let err = |path: &Path, e: std::io::Error| LoadError {
        path: path.display().to_string(),
        problem: Problem::Folder(e),
    };
    let mut folders: Vec<_> = std::fs::read_dir(&top)
        .map_err(|e| err(&top, e))?
        .flatten()
        .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
        .collect();
    folders.sort_by_key(|e| e.file_name());
    // One folder per thread of the pool: listing 100,000 files took a core ≈0.15 s
    // before any file was read (BENCHMARKS.md, "Issue 16, sixth pass"). The first
    // folder (by name) that cannot be read is reported, as when they were listed in turn.
    let list = |folder: &std::fs::DirEntry| -> Result<Vec<String>, LoadError> {
        let sub = folder.file_name().to_string_lossy().into_owned();
        let path = folder.path();
        let mut out = Vec::new();
        for file in std::fs::read_dir(&path)
            .map_err(|e| err(&path, e))?
            .flatten()
        {
            let name = file.file_name();
            let name = name.to_string_lossy();
            if name.ends_with(".toml") && !name.starts_with('.') {
                out.push(format!("dossiers/{sub}/{name}"));
            }
        }
        Ok(out)
    };
    let listed: Vec<Result<Vec<String>, LoadError>> = if folders.len() > 1 {
        folders.par_iter().map(list).collect()
    } else {
        folders.iter().map(list).collect()
    };
    let mut out = Vec::new();
    for files in listed {
        out.extend(files?);
    }
    // Unstable is enough: equal names are equal strings.
    if out.len() >= 256 {
        out.par_sort_unstable();
    } else {
        out.sort_unstable();
    }
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
        let files = |r: &DataRoot| r.registry_files().map_err(|e| e.problem.to_string());
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
    fn a_load_error_is_an_error_whose_source_is_its_problem() {
        let Err(e) = DataRoot::Bundled.read_text("seeds/nope.txt", DOSSIER_CAP) else {
            panic!("not in the bundled corpus")
        };
        assert!(matches!(e.problem, Problem::NotBundled), "{e:?}");
        assert_eq!(
            e.to_string(),
            "seeds/nope.txt: not found in the bundled corpus"
        );
        let source = std::error::Error::source(&e).map(ToString::to_string);
        assert_eq!(source.as_deref(), Some("not found in the bundled corpus"));
        let Err(e) = DataRoot::Dir("/nonexistent-corpus".into()).dossier_files() else {
            panic!("no such folder")
        };
        assert!(
            matches!(&e.problem, Problem::Folder(io) if io.kind() == std::io::ErrorKind::NotFound),
            "{e:?}"
        );
        let io = std::error::Error::source(&e).and_then(std::error::Error::source);
        assert!(io.is_some(), "the OS error is kept as the problem's source");
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
