//! Compiles the repository's `dossiers/` and `seeds/` into the binary, so one copied
//! binary is all a remote box needs. Generates `$OUT_DIR/bundled.rs`: a sorted table of
//! (path relative to the repository, file bytes). Cargo re-runs this script whenever
//! anything under either folder changes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, rel: &str, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let rel_path = format!("{rel}/{name}");
        if kind.is_dir() {
            collect(&path, &rel_path, out);
        } else if kind.is_file() {
            out.push((rel_path, path));
        }
    }
}

// Cargo reads its instructions from the build script's stdout.
#[allow(clippy::disallowed_macros)]
fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut files = Vec::new();
    for top in ["dossiers", "seeds"] {
        println!("cargo:rerun-if-changed={top}");
        collect(&root.join(top), top, &mut files);
    }
    files.sort();
    let mut code =
        String::from("/// Bundled corpus files: (relative path, bytes), sorted by path.\n");
    code.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (rel, path) in &files {
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("bundled.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}
