//! Reading one file of a user's corpus without trusting it.

use std::collections::HashMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::{LoadError, Problem};

/// Largest article accepted, in bytes.
pub const ARTICLE_CAP: u64 = 16 * 1024 * 1024;
/// Largest dossier file or sources registry accepted, in bytes.
pub const DOSSIER_CAP: u64 = 4 * 1024 * 1024;

/// Opens `root/rel` without blocking, checks it is a regular file inside `root` no larger
/// than `cap`, and decodes it as UTF-8. `shown` is the path used in messages.
/// `canon` remembers folders already resolved during this batch of reads.
pub fn read_capped(
    root: &Path,
    rel: &str,
    shown: &str,
    cap: u64,
    canon: &mut CanonCache,
) -> Result<String, LoadError> {
    let fail = |problem: Problem| LoadError {
        path: shown.to_owned(),
        problem,
    };
    let path = root.join(rel);
    // Articles must stay inside seeds/ and dossiers inside dossiers/ after symlinks.
    let top = rel.split('/').next().unwrap_or("");
    #[cfg(target_os = "linux")]
    if let Some(file) = canon.open_in_known_dir(root, &path, top) {
        return read_opened(file, shown, cap);
    }
    let real = canon
        .real_path(&path)
        .map_err(|e| fail(Problem::from_io(e)))?;
    let real_root = canon
        .real_dir(root)
        .map_err(|e| fail(Problem::from_io(e)))?;
    let allowed = real_root.join(top);
    if !real.starts_with(&allowed) {
        return Err(fail(Problem::LinkOutside {
            target: real,
            top: top.to_owned(),
        }));
    }
    let file = open_nonblocking(&real).map_err(|e| fail(Problem::from_io(e)))?;
    // The path was checked before it was opened; a folder swapped for a link in between
    // would open a file elsewhere. Check where the opened file really is.
    if let Some(opened) = opened_path(&file)
        && !opened.starts_with(&allowed)
    {
        return Err(fail(Problem::Replaced {
            target: opened,
            top: top.to_owned(),
        }));
    }
    read_opened(file, shown, cap)
}

/// Reads a file outside any corpus (an article being added to one) with the same checks
/// as [`read_capped`] except containment: it must be a regular file (opened without
/// blocking, so a FIFO cannot hang us), at most `cap` bytes, valid UTF-8. Links are
/// followed: the user named this file.
pub fn read_any(path: &Path, cap: u64) -> Result<String, LoadError> {
    let shown = path.display().to_string();
    let fail = |e: std::io::Error| LoadError {
        path: shown.clone(),
        problem: Problem::from_io(e),
    };
    let real = path.canonicalize().map_err(fail)?;
    let file = open_nonblocking(&real).map_err(fail)?;
    read_opened(file, &shown, cap)
}

/// The checks after opening: a regular file, no larger than `cap`, valid UTF-8.
fn read_opened(file: std::fs::File, shown: &str, cap: u64) -> Result<String, LoadError> {
    let fail = |problem: Problem| LoadError {
        path: shown.to_owned(),
        problem,
    };
    let meta = file.metadata().map_err(|e| fail(Problem::from_io(e)))?;
    if !meta.file_type().is_file() {
        return Err(fail(Problem::NotRegular(describe_type(&meta.file_type()))));
    }
    if meta.len() > cap {
        return Err(fail(Problem::TooLarge {
            len: meta.len(),
            cap,
        }));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(Problem::from_io(e)))?;
    decode(shown, bytes, cap)
}

/// The real (symlink-free) paths of folders, resolved once per batch of reads: resolving
/// every file's whole path (`realpath`: one `readlink` per path component, the corpus
/// root twice) was 8% of `check` at 10,000 dossiers (BENCHMARKS.md). Keep one only for
/// one batch (one `check`): a folder replaced by a link later must be seen.
#[derive(Debug, Default)]
pub struct CanonCache {
    dirs: HashMap<PathBuf, PathBuf>,
    /// The folders resolved here, opened to open their files by name (`super::dirs`).
    #[cfg(target_os = "linux")]
    opened: super::dirs::OpenedDirs,
}

impl CanonCache {
    /// `path` (in the corpus at `root`, under its folder `top`) opened relative to its
    /// folder when that folder was already resolved in this batch (a second file of
    /// the folder on: a single read keeps the full path of checks) and lies inside
    /// `root/top`; `None` means: take the full path of checks.
    #[cfg(target_os = "linux")]
    fn open_in_known_dir(&mut self, root: &Path, path: &Path, top: &str) -> Option<std::fs::File> {
        let (dir, name) = (path.parent()?, path.file_name()?);
        if !self.dirs.contains_key(dir) {
            return None;
        }
        let dirs = &self.dirs;
        self.opened.open(dir, name, || {
            let (real, real_root) = (dirs.get(dir)?, dirs.get(root)?);
            real.starts_with(real_root.join(top)).then(|| real.clone())
        })
    }

    /// The real path of the folder `dir`, resolved on first use.
    pub fn real_dir(&mut self, dir: &Path) -> std::io::Result<PathBuf> {
        if let Some(real) = self.dirs.get(dir) {
            return Ok(real.clone());
        }
        let real = dir.canonicalize()?;
        self.dirs.insert(dir.to_path_buf(), real.clone());
        Ok(real)
    }

    /// The real path of `path`, as `Path::canonicalize` gives it: its folder's real path
    /// and its name when the name is not itself a link (checked with `lstat`), otherwise
    /// the whole path resolved.
    pub fn real_path(&mut self, path: &Path) -> std::io::Result<PathBuf> {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return path.canonicalize();
        };
        if dir.as_os_str().is_empty() || std::fs::symlink_metadata(path)?.file_type().is_symlink() {
            return path.canonicalize();
        }
        Ok(self.real_dir(dir)?.join(name))
    }
}

/// Checks size and UTF-8 of bytes already in memory.
pub fn decode(shown: &str, bytes: Vec<u8>, cap: u64) -> Result<String, LoadError> {
    if bytes.len() as u64 > cap {
        return Err(LoadError {
            path: shown.to_owned(),
            problem: Problem::TooLarge {
                len: bytes.len() as u64,
                cap,
            },
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        LoadError {
            path: shown.to_owned(),
            problem: Problem::NotUtf8 { offset: at, line },
        }
    })
}

fn describe_type(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "device";
        }
        if t.is_socket() {
            return "socket";
        }
    }
    if t.is_dir() {
        "directory"
    } else {
        "special file"
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .read(true)
        // `path` is already free of links: one appearing at its end since is refused.
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(path)
}

/// Where an open file really is, as the kernel knows it (Linux: `/proc/self/fd`);
/// `None` where that cannot be asked.
pub(super) fn opened_path(file: &std::fs::File) -> Option<PathBuf> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd as _;
        std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd())).ok()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = file;
        None
    }
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opened_file_is_located_where_it_really_is() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("no temp dir")
        };
        let (inside, outside) = (tmp.path().join("seeds"), tmp.path().join("elsewhere"));
        for d in [&inside, &outside] {
            std::fs::create_dir(d).unwrap_or_else(|e| panic!("mkdir: {e}"));
        }
        std::fs::write(outside.join("a.txt"), "x").unwrap_or_else(|e| panic!("write: {e}"));
        std::os::unix::fs::symlink(&outside, inside.join("via"))
            .unwrap_or_else(|e| panic!("symlink: {e}"));
        // Opened through a folder that became a link: found outside.
        let file =
            std::fs::File::open(inside.join("via/a.txt")).unwrap_or_else(|e| panic!("open: {e}"));
        let real_outside = outside
            .canonicalize()
            .unwrap_or_else(|e| panic!("canonicalize: {e}"));
        let Some(at) = opened_path(&file) else {
            panic!("no /proc/self/fd here")
        };
        assert_eq!(at, real_outside.join("a.txt"));
        let real_inside = inside
            .canonicalize()
            .unwrap_or_else(|e| panic!("canonicalize: {e}"));
        assert!(!at.starts_with(real_inside));
    }

    #[test]
    fn a_link_at_the_end_of_a_checked_path_is_not_followed() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("no temp dir")
        };
        std::fs::write(tmp.path().join("target.txt"), "x").unwrap_or_else(|e| panic!("write: {e}"));
        let link = tmp.path().join("link.txt");
        std::os::unix::fs::symlink(tmp.path().join("target.txt"), &link)
            .unwrap_or_else(|e| panic!("symlink: {e}"));
        assert!(open_nonblocking(&link).is_err());
    }

    #[test]
    fn invalid_utf8_names_line() {
        let got = decode("x.txt", b"ok\nbad \xff".to_vec(), 100);
        let Err(e) = got else { panic!("should fail") };
        assert!(
            matches!(e.problem, Problem::NotUtf8 { offset: 7, line: 2 }),
            "{e:?}"
        );
        assert_eq!(
            e.to_string(),
            "x.txt: is not valid UTF-8 (bad byte at offset 7, line 2); convert it with \
             `iconv -t UTF-8`"
        );
    }

    #[test]
    fn cached_real_paths_equal_canonicalize_through_links() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("no temp dir")
        };
        let real = tmp.path().join("real");
        let paths = [
            real.join("a.txt"),
            tmp.path().join("linkdir").join("a.txt"),
            real.join("link.txt"),
            real.join("missing.txt"),
        ];
        let made = std::fs::create_dir(&real)
            .and_then(|()| std::fs::write(real.join("a.txt"), "x"))
            .and_then(|()| std::os::unix::fs::symlink(&real, tmp.path().join("linkdir")))
            .and_then(|()| std::os::unix::fs::symlink(tmp.path(), real.join("link.txt")));
        assert!(made.is_ok(), "{made:?}");
        let mut canon = CanonCache::default();
        for _ in 0..2 {
            for p in &paths {
                let want = p.canonicalize().map_err(|e| e.kind());
                assert_eq!(canon.real_path(p).map_err(|e| e.kind()), want, "{p:?}");
            }
        }
    }

    #[test]
    fn over_cap_is_refused() {
        assert!(decode("x", vec![b'a'; 11], 10).is_err());
    }
}
