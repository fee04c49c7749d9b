//! Files of a batch opened relative to their folder, the folder opened and checked once.
//!
//! [`read_capped`](super::read::read_capped) proves a file is inside its corpus with
//! three system calls besides the open: `lstat` on its path (is its name a link?), the
//! open walking the whole path again, and `readlink` of `/proc/self/fd/N` (where did
//! it really open?). Reading 100,000 dossier files, those were ≈12% of `check`'s CPU
//! (BENCHMARKS.md, "Issue 16, fourth pass"). Here a folder is opened once per batch,
//! and where it really is checked once (`readlink` of its descriptor, which must be its
//! resolved path); each file in it is then opened with `openat` on that descriptor
//! and its one name, without following a link (`O_NOFOLLOW`). The file is then in that
//! folder whatever happens to the folder's path meanwhile: the guarantee the per-file
//! `readlink` gave. Anything unusual — the name is a link, missing, not a plain name,
//! the folder could not be opened or checked — gives `None`, and the caller takes the
//! full path of checks, which reports it exactly as before.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs::File;
use std::os::fd::{AsRawFd as _, FromRawFd as _, OwnedFd};
use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

/// Folders opened during one batch of reads, by their path as given (`None`: not
/// usable, every file in it takes the full path of checks).
#[derive(Debug, Default)]
pub struct OpenedDirs {
    dirs: HashMap<PathBuf, Option<OwnedFd>>,
}

impl OpenedDirs {
    /// Opens `name` in the folder `dir`, opened first if it is not yet, at its real
    /// (link-free) path as `real` gives it (`None`: the folder is not to be used):
    /// `None` when the fast way does not apply (see the module).
    pub fn open(
        &mut self,
        dir: &Path,
        name: &OsStr,
        real: impl FnOnce() -> Option<PathBuf>,
    ) -> Option<File> {
        if !self.dirs.contains_key(dir) {
            let fd = real().and_then(|r| open_dir(&r));
            self.dirs.insert(dir.to_path_buf(), fd);
        }
        let fd = self.dirs.get(dir)?.as_ref()?;
        open_at(fd, name)
    }
}

/// The folder at `real` (a resolved path), if it opens as a folder and its descriptor is
/// really at `real`.
fn open_dir(real: &Path) -> Option<OwnedFd> {
    let dir = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW)
        .open(real)
        .ok()?;
    (super::read::opened_path(&dir)? == real).then(|| OwnedFd::from(dir))
}

/// `name` (one plain component) opened for reading in the folder `dir`, without
/// blocking (a FIFO cannot hang us) and without following a link.
fn open_at(dir: &OwnedFd, name: &OsStr) -> Option<File> {
    let bytes = name.as_bytes();
    if bytes.is_empty() || bytes == b"." || bytes == b".." || bytes.contains(&b'/') {
        return None;
    }
    let name = std::ffi::CString::new(bytes).ok()?;
    let flags = libc::O_RDONLY | libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_CLOEXEC;
    // SAFETY: `dir` is an open descriptor borrowed for the call and `name` a
    // NUL-terminated string that outlives it; `openat` reads both and returns a new
    // descriptor or -1.
    let fd = unsafe { libc::openat(dir.as_raw_fd(), name.as_ptr(), flags) };
    if fd < 0 {
        return None;
    }
    // SAFETY: `fd` was just returned by `openat`, is open, and is owned by nothing else.
    Some(unsafe { File::from_raw_fd(fd) })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain file opens; a link, a missing name, `..` and a path do not (the caller
    /// then checks them the full way); a folder's descriptor is kept across files.
    #[test]
    fn opens_plain_names_only() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("no temp dir")
        };
        let real = tmp
            .path()
            .canonicalize()
            .unwrap_or_else(|e| panic!("canonicalize: {e}"));
        let made = std::fs::write(real.join("a.txt"), "x")
            .and_then(|()| std::os::unix::fs::symlink(real.join("a.txt"), real.join("l.txt")));
        assert!(made.is_ok(), "{made:?}");
        let mut dirs = OpenedDirs::default();
        let dir = tmp.path();
        let at = || Some(real.clone());
        assert!(dirs.open(dir, OsStr::new("a.txt"), at).is_some());
        for name in ["l.txt", "missing.txt", "..", ".", "", "x/a.txt"] {
            assert!(dirs.open(dir, OsStr::new(name), at).is_none(), "{name:?}");
        }
        assert_eq!(dirs.dirs.len(), 1);
        // A real path that is not where the folder is, or none: never used.
        for real in [Some(real.join("nowhere")), Some(real.join("a.txt")), None] {
            let mut wrong = OpenedDirs::default();
            let a = wrong.open(dir, OsStr::new("a.txt"), || real.clone());
            assert!(a.is_none(), "{real:?}");
        }
    }
}
