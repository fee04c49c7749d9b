//! The outline of a large corpus kept from its last start, so the next start can draw
//! the dossiers' names before it has opened one of its files: at 100,000 dossiers
//! reading and parsing them took ≈4 s before the first frame, most of it the kernel's
//! (an `openat`, `fstat`, two `read`s and a `close` a file, BENCHMARKS.md "Issue 16,
//! fifth pass"), against a fraction of a second for this one file.
//!
//! A cached outline is never shown as current: the status line says the names are the
//! last start's (`Names::Cached`) until the outline of the files as they are now
//! replaces it (`loading::refresh`), which is also when the cache is written again. Its
//! place is the user's cache folder, `$XDG_CACHE_HOME/dossier/outlines/` (else
//! `~/.cache/dossier/outlines/`), one file per corpus folder named by the SHA-256 of
//! its real path — never inside the curator's corpus. The file repeats that path and a
//! format version; a file that does not match, does not parse, or is larger than
//! [`CAP`] is ignored (a cache is only ever a head start).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::model::{AliasKind, Dossier, Kind};

/// The first line's start; bumped whenever the layout below changes, so an older file
/// is then ignored. The line goes on with a tab, the number of dossiers (a file cut
/// short is not taken), a tab and the corpus folder's real path, as the file's name was
/// derived from it. Each further line is one dossier: id, kind,
/// name, then each alias's kind and name, separated by tabs, a tab, a line break and a
/// backslash inside a field written `\t`, `\n`, `\\`. A line a dossier: read in
/// parallel parts, ≈10× faster than the same outline as JSON.
const HEADER: &str = "dossier outline 1";

/// Largest cache file read: an outline of 100,000 dossiers is ≈9 MB.
pub const CAP: u64 = 256 * 1024 * 1024;

/// Where the outline of the corpus at `root` is kept: `None` when the folder has no
/// real path or neither `XDG_CACHE_HOME` nor `HOME` is set.
pub fn path(root: &Path) -> Option<(PathBuf, String)> {
    let real = root.canonicalize().ok()?.to_string_lossy().into_owned();
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    let name = format!("{}.txt", crate::check::sha256_hex(real.as_bytes()));
    Some((base.join("dossier").join("outlines").join(name), real))
}

/// The outline kept in `file` for the corpus whose real path is `root`, as
/// [`crate::check::Progress::outline`] gave it; `None` when there is none usable.
pub fn read(file: &Path, root: &str) -> Option<Vec<Dossier>> {
    let text = crate::data::read_any(file, CAP).ok()?;
    let mut lines = text.split('\n');
    let mut first = lines.next()?.splitn(3, '\t');
    let (header, count, kept_root) = (first.next()?, first.next()?, first.next()?);
    if header != HEADER || unescape(kept_root) != root {
        return None;
    }
    let lines: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    if count.parse() != Ok(lines.len()) {
        return None;
    }
    lines.par_iter().map(|l| dossier(l)).collect()
}

/// One dossier's line, or `None` when it is not one.
fn dossier(line: &str) -> Option<Dossier> {
    let mut fields = line.split('\t').map(unescape);
    let (id, kind, name) = (fields.next()?, fields.next()?, fields.next()?);
    let mut aliases = Vec::new();
    while let Some(kind) = fields.next() {
        aliases.push((AliasKind::parse(&kind)?, fields.next()?));
    }
    Some(Dossier::outline(id, Kind::parse(&kind)?, name, aliases))
}

/// The text of the cache file for `outline` of the corpus whose real path is `root`.
pub fn encode(outline: &[Dossier], root: &str) -> String {
    let mut out = String::with_capacity(outline.len() * 96);
    out.push_str(HEADER);
    out.push('\t');
    out.push_str(&outline.len().to_string());
    out.push('\t');
    escape(&mut out, root);
    for d in outline {
        out.push('\n');
        escape(&mut out, &d.id);
        out.push('\t');
        out.push_str(d.kind.as_str());
        out.push('\t');
        escape(&mut out, &d.name);
        for a in &d.aliases {
            out.push('\t');
            out.push_str(a.kind.as_str());
            out.push('\t');
            escape(&mut out, &a.name);
        }
    }
    out.push('\n');
    out
}

/// `field` onto `out` with its tabs, line breaks and backslashes escaped.
fn escape(out: &mut String, field: &str) {
    for c in field.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
}

/// The field written by [`escape`].
fn unescape(field: &str) -> String {
    if !field.contains('\\') {
        return field.to_owned();
    }
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(c) => out.push(c),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// Writes `text` to `file` whole or not at all, readable by the user only
/// ([`crate::data::private`]: the names of an investigation's subjects). A cache that
/// cannot be written is only a slower next start.
pub fn write(file: &Path, text: &str) -> std::io::Result<()> {
    crate::data::private::write(file, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the index shows of a dossier: id, kind, name, aliases.
    type Shown = (String, Kind, String, Vec<(AliasKind, String)>);

    fn shown(d: &[Dossier]) -> Vec<Shown> {
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
        assert!(report.corpus.dossiers.iter().any(|d| !d.aliases.is_empty()));
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("a/b/outline.txt");
        let mut outline = report.corpus.dossiers;
        // Every character a field escapes, in a name, an alias and the path.
        outline[0].name = "Tab\there,\nline \\ back\\".to_owned();
        if let Some(a) = outline.iter_mut().find_map(|d| d.aliases.first_mut()) {
            a.name.push_str(" \t\\");
        }
        let root = "/cor\tpus";
        let text = encode(&outline, root);
        write(&file, &text).unwrap_or_else(|e| panic!("{e}"));
        let Some(back) = read(&file, root) else {
            panic!("not read back")
        };
        assert_eq!(shown(&back), shown(&outline));
        assert!(read(&file, "/cor\tpu").is_none());
        let bad = [
            text.replacen(HEADER, "dossier outline 0", 1),
            text[..text.rfind('\t').unwrap_or(0)].to_owned(),
            text[..text.trim_end().rfind('\n').unwrap_or(0)].to_owned(),
            text.replacen("\tperson\t", "\tpersonage\t", 1),
        ];
        for bad in bad {
            assert_ne!(bad, text);
            write(&file, &bad).unwrap_or_else(|e| panic!("{e}"));
            let start: String = bad.chars().take(60).collect();
            assert!(read(&file, root).is_none(), "{start}");
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
