//! Writing into a corpus folder (`init`, `add-source`, `new`, `reanchor`, `--cite-to`)
//! without losing anything: a new file is created only where nothing exists (`O_EXCL`,
//! which also refuses a dangling link), a rewritten file is replaced whole by a rename so
//! a crash leaves the old or the new version, never half of one, and a folder written
//! into must lie inside the corpus after links are resolved, as the reader demands of
//! the files it reads.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{LoadError, Problem};

/// A failure writing `path`, named for a person.
fn fail(path: &Path, message: impl Into<String>) -> LoadError {
    LoadError {
        path: path.display().to_string(),
        problem: Problem::Write(message.into()),
    }
}

/// The real path of the folder `root/rel`, which must exist and lie inside the real
/// `root/<first component of rel>` (so `dossiers/people` linked elsewhere is refused).
pub fn folder_inside(root: &Path, rel: &str) -> Result<PathBuf, LoadError> {
    let dir = root.join(rel);
    let real = dir.canonicalize().map_err(|e| {
        fail(
            &dir,
            format!("cannot be opened as a folder: {e}; is --data the folder `dossier init` made?"),
        )
    })?;
    let top = rel.split('/').next().unwrap_or("");
    let real_root = root
        .canonicalize()
        .map_err(|e| fail(root, format!("cannot be opened: {e}")))?;
    let allowed = real_root.join(top);
    if !real.starts_with(&allowed) {
        return Err(fail(
            &dir,
            format!(
                "is a link to {}, outside the corpus folder {top}/; nothing was written",
                real.display()
            ),
        ));
    }
    if !real.is_dir() {
        return Err(fail(&dir, "is not a folder; nothing was written"));
    }
    Ok(real)
}

/// Creates `path` with `bytes`, refusing when anything (a file, a folder, a link, a FIFO)
/// is already there.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                fail(
                    path,
                    "already exists; nothing was overwritten (choose another name, or remove it first)",
                )
            } else {
                fail(path, format!("cannot be created: {e}"))
            }
        })?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = written {
        // Our own half-written file: remove it rather than leave a broken one behind.
        let _ = std::fs::remove_file(path);
        return Err(fail(
            path,
            format!("cannot be written: {e}; nothing was kept"),
        ));
    }
    Ok(())
}

/// Replaces the regular file `path` with `bytes`: written beside it under a temporary
/// name, then renamed over it, so the old text stays whole until the new one is.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(fail(path, "is not a file path"));
    };
    let temp = dir.join(format!(
        ".{}.dossier-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    create_new(&temp, bytes)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&temp, meta.permissions());
    }
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        fail(
            path,
            format!("cannot be replaced: {e}; it was left as it was"),
        )
    })
}

/// Appends `line` (a newline is added) to `path`, creating it when absent. A FIFO,
/// device or folder there is refused without blocking; a file not ending in a newline
/// gets one first, so the line stands alone.
pub fn append_line(path: &Path, line: &str) -> Result<(), LoadError> {
    use std::io::{Read as _, Seek as _};
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true).append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = opts
        .open(path)
        .map_err(|e| fail(path, format!("cannot be opened for appending: {e}")))?;
    let meta = file
        .metadata()
        .map_err(|e| fail(path, format!("cannot be read: {e}")))?;
    if !meta.is_file() {
        return Err(fail(
            path,
            "is not a regular file; give a plain file to append citations to",
        ));
    }
    let mut text = String::new();
    if meta.len() > 0 {
        let mut last = [0u8; 1];
        let ends_in_newline = file
            .seek(std::io::SeekFrom::End(-1))
            .and_then(|_| file.read_exact(&mut last))
            .map(|()| last[0] == b'\n')
            .map_err(|e| fail(path, format!("cannot be read: {e}")))?;
        if !ends_in_newline {
            text.push('\n');
        }
    }
    text.push_str(line);
    text.push('\n');
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| fail(path, format!("cannot be written: {e}")))
}

/// `s` as a one-line TOML basic string (`"…"`), escaped as TOML requires: quotes,
/// backslashes and control characters, line breaks included, so the value fits in an
/// inline table (`{ quote = "…" }` cannot span lines).
pub fn toml_str(s: &str) -> String {
    use toml_writer::WriteTomlValue as _;
    let mut out = String::new();
    let _ = toml_writer::TomlStringBuilder::new(s)
        .as_basic()
        .write_toml_value(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
    }

    #[test]
    fn create_new_never_overwrites_a_file_or_follows_a_link() {
        let t = tmp();
        let p = t.path().join("a.txt");
        assert!(create_new(&p, b"first").is_ok());
        let again = create_new(&p, b"second");
        assert!(
            again
                .as_ref()
                .is_err_and(|e| e.to_string().contains("already exists")),
            "{again:?}"
        );
        assert_eq!(std::fs::read(&p).ok().as_deref(), Some(&b"first"[..]));
        let link = t.path().join("link.txt");
        let outside = t.path().join("outside.txt");
        std::os::unix::fs::symlink(&outside, &link).unwrap_or_else(|e| panic!("{e}"));
        assert!(create_new(&link, b"x").is_err());
        assert!(!outside.exists(), "a dangling link was followed");
    }

    #[test]
    fn replace_swaps_the_whole_file_and_leaves_no_temporary() {
        let t = tmp();
        let p = t.path().join("s.toml");
        std::fs::write(&p, "old").unwrap_or_else(|e| panic!("{e}"));
        assert!(replace(&p, b"new").is_ok());
        assert_eq!(std::fs::read_to_string(&p).ok().as_deref(), Some("new"));
        let names: Vec<_> = std::fs::read_dir(t.path())
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn append_line_creates_appends_and_refuses_a_fifo() {
        let t = tmp();
        let p = t.path().join("cites.toml");
        assert!(append_line(&p, "a = 1").is_ok());
        std::fs::write(&p, "a = 1\nb = 2").unwrap_or_else(|e| panic!("{e}"));
        assert!(append_line(&p, "c = 3").is_ok());
        assert_eq!(
            std::fs::read_to_string(&p).ok().as_deref(),
            Some("a = 1\nb = 2\nc = 3\n")
        );
        let fifo = t.path().join("fifo");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let got = append_line(&fifo, "x");
        assert!(
            got.as_ref()
                .is_err_and(|e| e.to_string().contains("not a regular file")),
            "{got:?}"
        );
    }

    #[test]
    fn folder_inside_refuses_a_link_out_of_the_corpus() {
        let t = tmp();
        let root = t.path().join("corpus");
        let elsewhere = t.path().join("elsewhere");
        for d in [root.join("dossiers"), elsewhere.clone()] {
            std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::create_dir(root.join("dossiers/groups")).unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(&elsewhere, root.join("dossiers/people"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(folder_inside(&root, "dossiers/groups").is_ok());
        let got = folder_inside(&root, "dossiers/people");
        assert!(
            got.as_ref()
                .is_err_and(|e| e.to_string().contains("outside the corpus")),
            "{got:?}"
        );
    }

    #[test]
    fn toml_strings_are_escaped() {
        for s in [
            "plain",
            "say \"hi\"",
            "back\\slash",
            "line\nbreak",
            "tab\there",
            "it's",
            "\u{7f}\u{1}",
        ] {
            assert!(
                toml_str(s).starts_with('"') && !toml_str(s).contains('\n'),
                "{s:?}"
            );
            let doc = format!("v = {}", toml_str(s));
            let parsed: Result<toml::Table, _> = toml::from_str(&doc);
            let got = parsed
                .ok()
                .and_then(|t| t.get("v").and_then(|v| v.as_str()).map(str::to_owned));
            assert_eq!(got.as_deref(), Some(s), "{doc}");
        }
    }
}
