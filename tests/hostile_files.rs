//! Files a hostile corpus can hand us: paths that leave the corpus, files that are not
//! regular, too large, not UTF-8 or nested past the TOML parser's limit. Each gives a
//! clear error naming the file, within a timeout (never a hang), and nothing outside the
//! corpus is read. (Permission errors need a user other than root: see
//! `check_with_unreadable`.)
#![allow(clippy::disallowed_macros)] // a skipped test says so on the console
#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::Corpus;
use dossier::data::{ARTICLE_CAP, DOSSIER_CAP};

const SOURCES: &str = "seeds/sources.toml";
const JANE: &str = "dossiers/people/jane-doe.toml";

/// Runs `check` with a timeout; returns (status, stderr).
fn check(c: &Corpus) -> (i32, String) {
    let out = c
        .cmd(&["check"])
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code().unwrap_or(-1), err)
}

/// Asserts `check` fails with an error on a line naming `file` and containing `message`.
fn refused(c: &Corpus, file: &str, message: &str) -> String {
    let (code, err) = check(c);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains(file) && l.contains("error") && l.contains(message)),
        "expected an error naming {file} with {message:?}:\n{err}"
    );
    err
}

#[test]
fn source_file_names_that_leave_seeds_are_refused() {
    for bad in [
        "/etc/passwd",
        "../dossiers/people/jane-doe.toml",
        "sub/beta.txt",
        "..",
    ] {
        let c = Corpus::new();
        c.edit(SOURCES, "file = \"beta.txt\"", &format!("file = \"{bad}\""));
        let err = refused(
            &c,
            SOURCES,
            &format!("source file '{bad}' must be a plain file name inside seeds/"),
        );
        assert!(!err.contains("root:"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_corpus_are_refused_and_not_read() {
    let outside = tempfile::tempdir().expect("tempdir");
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET\n").expect("write");
    // A dossier that is a link out of dossiers/.
    let c = Corpus::new();
    std::os::unix::fs::symlink(&secret, c.path("dossiers/people/link.toml")).expect("symlink");
    let err = refused(&c, "link.toml", "outside the corpus folder dossiers/");
    assert!(!err.contains("TOP-SECRET"), "{err}");
    // The whole seeds/ folder a link to somewhere else.
    let c = Corpus::new();
    let moved = outside.path().join("seeds");
    std::fs::rename(c.path("seeds"), &moved).expect("move seeds");
    std::os::unix::fs::symlink(&moved, c.path("seeds")).expect("symlink");
    refused(&c, "sources.toml", "outside the corpus folder seeds/");
}

#[test]
fn a_directory_where_a_file_belongs_is_refused() {
    let c = Corpus::new();
    std::fs::remove_file(c.path("seeds/beta.txt")).expect("rm");
    std::fs::create_dir(c.path("seeds/beta.txt")).expect("mkdir");
    refused(&c, "beta.txt", "is not a regular file (it is a directory)");
    let c = Corpus::new();
    std::fs::create_dir(c.path("dossiers/people/dir.toml")).expect("mkdir");
    refused(&c, "dir.toml", "is not a regular file (it is a directory)");
}

#[cfg(unix)]
#[test]
fn a_device_is_refused_without_reading_it() {
    let c = Corpus::new();
    let dev = c.path("seeds/beta.txt");
    std::fs::remove_file(&dev).expect("rm");
    // /dev/zero's numbers: reading it would never end. mknod needs root (as CI runs).
    let made = std::process::Command::new("mknod")
        .arg(&dev)
        .args(["c", "1", "5"])
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("cannot mknod here; skipping");
        return;
    }
    refused(&c, "beta.txt", "is not a regular file (it is a device)");
}

#[cfg(unix)]
#[test]
fn a_fifo_dossier_is_refused_without_hanging() {
    let c = Corpus::new();
    let fifo = c.path(JANE);
    std::fs::remove_file(&fifo).expect("rm");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    refused(&c, "jane-doe.toml", "is not a regular file (it is a FIFO)");
}

#[test]
fn files_over_the_caps_are_refused_by_size_before_reading() {
    let c = Corpus::new();
    // Sparse files: the size is checked on the handle, so nothing is read.
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(c.path("seeds/beta.txt"))
        .expect("open");
    f.set_len(ARTICLE_CAP + 1).expect("grow");
    refused(
        &c,
        "beta.txt",
        &format!(
            "is {} bytes, more than the limit of {ARTICLE_CAP} bytes (16 MiB)",
            ARTICLE_CAP + 1
        ),
    );
    let c = Corpus::new();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(c.path(JANE))
        .expect("open");
    f.set_len(DOSSIER_CAP + 1).expect("grow");
    refused(
        &c,
        "jane-doe.toml",
        &format!(
            "is {} bytes, more than the limit of {DOSSIER_CAP} bytes (4 MiB)",
            DOSSIER_CAP + 1
        ),
    );
}

#[test]
fn an_article_that_is_not_utf8_is_named() {
    let c = Corpus::new();
    std::fs::write(c.path("seeds/beta.txt"), b"ok\n\xc3\x28 broken\n").expect("write");
    refused(
        &c,
        "beta.txt",
        "is not valid UTF-8 (bad byte at offset 3, line 2)",
    );
}

#[test]
fn toml_nested_past_the_parser_limit_is_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    for (name, text) in [
        (
            "arrays.toml",
            format!("x = {}{}\n", "[".repeat(depth), "]".repeat(depth)),
        ),
        (
            "tables.toml",
            format!("x = {}1{}\n", "{a=".repeat(depth), "}".repeat(depth)),
        ),
    ] {
        let c = Corpus::new();
        c.write(&format!("dossiers/people/{name}"), &text);
        let err = refused(&c, name, "max recursion depth");
        // The snippet of a 200 KB line is cut to fit a screen.
        assert!(err.lines().all(|l| l.chars().count() < 400), "{err}");
    }
    let c = Corpus::new();
    c.write(
        SOURCES,
        &format!("x = {}{}\n", "[".repeat(depth), "]".repeat(depth)),
    );
    refused(&c, "sources.toml", "max recursion depth");
}

/// Runs `check` on `c` with `shut` made unreadable, as a user other than root (root
/// reads any file, so a permission error needs another user): directly when the tests
/// are not root, else through `setpriv` as `nobody`, with the binary linked where
/// `nobody` can run it and every other file readable. `None` when neither is possible.
fn check_with_unreadable(c: &Corpus, shut: &Path) -> Option<(i32, String)> {
    let chmod = |p: &Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        chmod(shut, 0o000);
        return Some(check(c));
    }
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
    let bin = c.path("dossier-bin");
    // A hard link where possible (the binary is tens of MB), else a copy.
    if std::fs::hard_link(env!("CARGO_BIN_EXE_dossier"), &bin).is_err() {
        std::fs::copy(env!("CARGO_BIN_EXE_dossier"), &bin).expect("copy binary");
    }
    chmod(c.dir.path(), 0o755);
    for p in walk(c.dir.path()) {
        chmod(&p, if p.is_dir() { 0o755 } else { 0o644 });
    }
    chmod(&bin, 0o755);
    chmod(shut, 0o000);
    let out = assert_cmd::Command::new(setpriv)
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&bin)
        .arg("--data")
        .arg(c.dir.path())
        .arg("check")
        .env_remove("DOSSIER_DATA")
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run setpriv");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    Some((out.status.code().unwrap_or(-1), err))
}

/// Every file and folder under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut all = Vec::new();
    for e in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            all.extend(walk(&p));
        }
        all.push(p);
    }
    all
}

#[test]
fn unreadable_files_are_named_with_permission_denied() {
    for file in [JANE, "seeds/beta.txt"] {
        let c = Corpus::new();
        let Some((code, err)) = check_with_unreadable(&c, &c.path(file)) else {
            eprintln!("skipped: running as root without setpriv");
            return;
        };
        let name = file.rsplit('/').next().unwrap_or(file);
        assert_eq!(code, 1, "{err}");
        assert!(
            err.lines().any(|l| l.contains(name)
                && l.contains("error")
                && l.contains("cannot be read: permission denied")
                && l.contains("chmod a+r")),
            "expected a permission error naming {name}:\n{err}"
        );
    }
}
