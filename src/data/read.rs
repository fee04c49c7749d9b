//! Reading one file of a user's corpus without trusting it.

use std::io::Read as _;
use std::path::Path;

use super::LoadError;

/// Largest article accepted, in bytes.
pub const ARTICLE_CAP: u64 = 16 * 1024 * 1024;
/// Largest dossier file or sources registry accepted, in bytes.
pub const DOSSIER_CAP: u64 = 4 * 1024 * 1024;

/// Opens `root/rel` without blocking, checks it is a regular file inside `root` no larger
/// than `cap`, and decodes it as UTF-8. `shown` is the path used in messages.
pub fn read_capped(root: &Path, rel: &str, shown: &str, cap: u64) -> Result<String, LoadError> {
    let fail = |message: String| LoadError {
        path: shown.to_owned(),
        message,
    };
    let path = root.join(rel);
    let real = path.canonicalize().map_err(|e| fail(io_message(&e)))?;
    let real_root = root.canonicalize().map_err(|e| fail(io_message(&e)))?;
    // Articles must stay inside seeds/ and dossiers inside dossiers/ after symlinks.
    let top = rel.split('/').next().unwrap_or("");
    let allowed = real_root.join(top);
    if !real.starts_with(&allowed) {
        return Err(fail(format!(
            "is a link to {}, outside the corpus folder {top}/; copy the file into {top}/ instead",
            real.display()
        )));
    }
    let file = open_nonblocking(&real).map_err(|e| fail(io_message(&e)))?;
    let meta = file.metadata().map_err(|e| fail(io_message(&e)))?;
    if !meta.file_type().is_file() {
        return Err(fail(format!(
            "is not a regular file (it is a {}); only plain files are read",
            describe_type(&meta.file_type())
        )));
    }
    if meta.len() > cap {
        return Err(fail(too_large(meta.len(), cap)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(io_message(&e)))?;
    decode(shown, bytes, cap)
}

/// Checks size and UTF-8 of bytes already in memory.
pub fn decode(shown: &str, bytes: Vec<u8>, cap: u64) -> Result<String, LoadError> {
    if bytes.len() as u64 > cap {
        return Err(LoadError {
            path: shown.to_owned(),
            message: too_large(bytes.len() as u64, cap),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        LoadError {
            path: shown.to_owned(),
            message: format!(
                "is not valid UTF-8 (bad byte at offset {at}, line {line}); convert it with \
                 `iconv -t UTF-8`"
            ),
        }
    })
}

fn too_large(len: u64, cap: u64) -> String {
    format!(
        "is {len} bytes, more than the limit of {cap} bytes ({} MiB); split it",
        cap / (1024 * 1024)
    )
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "does not exist".into(),
        std::io::ErrorKind::PermissionDenied => "cannot be read: permission denied".into(),
        _ => format!("cannot be read: {e}"),
    }
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
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line() {
        let got = decode("x.txt", b"ok\nbad \xff".to_vec(), 100);
        let Err(e) = got else { panic!("should fail") };
        assert!(e.message.contains("line 2"), "{}", e.message);
    }

    #[test]
    fn over_cap_is_refused() {
        assert!(decode("x", vec![b'a'; 11], 10).is_err());
    }
}
