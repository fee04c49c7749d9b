//! Files the browser keeps for the user outside any corpus (the query history, the
//! outline of a large corpus): written whole or not at all, and readable by the user
//! only. They hold what an investigation is about — the names of its subjects, the
//! queries typed — and the remote boxes this is read on are often shared, where a file
//! made with the usual 0644 would let every other account read them.

use std::fs::{DirBuilder, OpenOptions};
use std::io::Write as _;
use std::os::unix::fs::{DirBuilderExt as _, OpenOptionsExt as _};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file beside it, renamed over it, so a
/// crash leaves the old file or the new one. The file is made `0600`, and the folders
/// made on the way `0700` (folders that exist are left as they are).
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(std::io::Error::other("not a file path"));
    };
    DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes));
    written
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    /// The file and the folders made for it are the user's only, whatever the umask
    /// would have given, and nothing but the file is left beside it.
    #[test]
    fn only_the_user_can_read_what_is_kept() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("cache/dossier/kept.txt");
        super::write(&file, b"Denis Kapustin").unwrap_or_else(|e| panic!("{e}"));
        super::write(&file, b"replaced").unwrap_or_else(|e| panic!("{e}"));
        let mode = |p: &std::path::Path| {
            std::fs::metadata(p).map_or(0, |m| m.permissions().mode() & 0o777)
        };
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&dir.path().join("cache/dossier")), 0o700);
        assert_eq!(mode(&dir.path().join("cache")), 0o700);
        assert_eq!(std::fs::read(&file).ok().as_deref(), Some(&b"replaced"[..]));
        let beside = std::fs::read_dir(dir.path().join("cache/dossier")).map(|d| d.count());
        assert_eq!(beside.ok(), Some(1));
    }
}
