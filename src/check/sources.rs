//! The registry (`seeds/sources.toml` and `seeds/sources.d/*.toml`): every registered
//! article is read, its checksum compared, and its fields validated.

use std::collections::{HashMap, HashSet};

use sha2::{Digest as _, Sha256};

use super::fields;
use crate::corpus::Article;
use crate::data::{CanonCache, DOSSIER_CAP, DataRoot, SOURCES_FILE, is_plain_file_name};
use crate::diag::{Diagnostic, Severity, SourceFile};
use crate::model::raw::{RawSource, RawSources};
use crate::model::{Derivation, Source};

/// The sources that loaded, and what to keep quiet about later.
#[derive(Debug, Default)]
pub struct Sources {
    /// Sources whose article was read.
    pub list: Vec<Source>,
    /// Ids registered but unusable (their article could not be read); citations of them
    /// are not checked further, the registry error having been reported already.
    pub broken: HashSet<String>,
    /// True when the registry itself could not be read or parsed: then no citation's
    /// source can be judged, and none is reported as unknown.
    pub registry_failed: bool,
    /// Ids of sources whose article no longer has its registered sha256: a quote of
    /// theirs that fails gets the best relocated candidate (`corpus::relocate`).
    pub changed: HashSet<String>,
    /// Source id → index into `list`: every citation looks its source up, and a scan of
    /// the list made `check` quadratic on large corpora (BENCHMARKS.md). Hashed with
    /// foldhash (seeded per process) rather than SipHash: 2.1 million lookups at 100,000
    /// dossiers, where SipHash was a third of grouping the citations by source
    /// (BENCHMARKS.md, "Issue 16, fifth pass").
    by_id: HashMap<String, usize, foldhash::fast::RandomState>,
}

impl Sources {
    /// Index of the source with `id` among the loaded ones.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Loads and validates the registry (`seeds/sources.toml`, then `seeds/sources.d/*.toml`,
/// each file under the cap) and every article it names; the articles are read and
/// hashed in parts on the thread pool (20,000 of them at the largest synthetic size).
pub fn load(root: &DataRoot, diags: &mut Vec<Diagnostic>) -> Sources {
    let mut out = Sources::default();
    let names = match root.registry_files() {
        Ok(n) => n,
        Err(e) => {
            diags.push(
                Diagnostic::file(Severity::Error, &e.path, e.problem.to_string())
                    .with_help("a corpus needs seeds/sources.toml registering its articles"),
            );
            out.registry_failed = true;
            return out;
        }
    };
    let mut files = Vec::with_capacity(names.len());
    let mut entries: Vec<(usize, RawSource)> = Vec::new();
    for rel in &names {
        let text = match root.read_text(rel, DOSSIER_CAP) {
            Ok(t) => t,
            Err(e) => {
                let help = if rel == SOURCES_FILE {
                    "a corpus needs seeds/sources.toml (or seeds/sources.d/*.toml) registering its articles"
                } else {
                    "every registry file must be readable and under the size limit; split a large one in two"
                };
                diags.push(
                    Diagnostic::file(Severity::Error, &e.path, e.problem.to_string())
                        .with_help(help),
                );
                out.registry_failed = true;
                continue;
            }
        };
        let file = SourceFile::new(root.display(rel), text);
        match toml::from_str::<RawSources>(&file.text) {
            Ok(raw) => entries.extend(raw.source.into_iter().map(|s| (files.len(), s))),
            Err(e) => {
                fields::toml_error(&file, &e, diags);
                out.registry_failed = true;
            }
        }
        files.push(file);
    }
    // Where each id was first registered (file, span): a second registration is refused
    // and shows both places.
    let mut seen: HashMap<String, (usize, std::ops::Range<usize>)> = HashMap::new();
    let mut unique = Vec::with_capacity(entries.len());
    for (f, s) in entries {
        let id = s.id.get_ref().clone();
        if let Some((first, span)) = seen.get(&id) {
            diags.push(
                files[f]
                    .error(s.id.span(), format!("source id '{id}' is registered twice"))
                    .with_note(&files[*first], span.clone(), "first registered here")
                    .with_help("give each [[source]] its own id"),
            );
            continue;
        }
        seen.insert(id, (f, s.id.span()));
        unique.push((f, s));
    }
    let files = &files;
    let loaded = super::parts::in_parts(unique, diags, |part, d| {
        let mut canon = CanonCache::default();
        part.into_iter()
            .map(|(f, s)| {
                let id = s.id.get_ref().clone();
                (id, load_one(root, &files[f], s, &mut canon, d))
            })
            .collect()
    });
    for (id, src) in loaded {
        match src {
            Some((src, changed)) => {
                if changed {
                    out.changed.insert(src.id.clone());
                }
                out.by_id.insert(src.id.clone(), out.list.len());
                out.list.push(src);
            }
            None => {
                out.broken.insert(id);
            }
        }
    }
    out
}

fn load_one(
    root: &DataRoot,
    file: &SourceFile,
    s: RawSource,
    canon: &mut CanonCache,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Source, bool)> {
    fields::slug(file, &s.id, "source id", diags);
    for (v, what) in [
        (&s.title, "title"),
        (&s.outlet, "outlet"),
        (&s.lang, "lang"),
        (&s.file, "file"),
    ] {
        fields::text(file, v, what, diags);
    }
    for (v, what) in [
        (&s.short, "short"),
        (&s.original, "original"),
        (&s.note, "note"),
    ] {
        fields::opt_text(file, v, what, diags);
    }
    for b in &s.byline {
        fields::text(file, b, "byline", diags);
    }
    fields::date(file, &s.published, "published", diags);
    let derivation = fields::word(
        file,
        &s.derivation,
        "derivation",
        Derivation::ALL,
        Derivation::parse,
        diags,
    );
    if derivation.is_some_and(|d| d != Derivation::Original) && s.original.is_none() {
        diags.push(
            file.error(s.derivation.span(), format!("source '{}' is a {} but names no `original`", s.id.get_ref(), s.derivation.get_ref()))
                .with_help("add `original = \"…\"` naming the publication it derives from; sources sharing an original are not independent"),
        );
    }

    let name = s.file.get_ref();
    if !is_plain_file_name(name) {
        diags.push(
            file.error(s.file.span(), format!("source file '{name}' must be a plain file name inside seeds/"))
                .with_help("put the article in seeds/ and write only its file name, e.g. file = \"000_article.txt\""),
        );
        return None;
    }
    let text = match root.read_article(name, canon) {
        Ok(t) => t,
        Err(e) => {
            diags.push(file.error(s.file.span(), e.to_string()));
            return None;
        }
    };
    let digest = sha256_hex(text.as_bytes());
    let changed = match &s.sha256 {
        None => {
            diags.push(
                file.error(
                    s.id.span(),
                    format!("source '{}' has no sha256", s.id.get_ref()),
                )
                .with_help(format!(
                    "add sha256 = \"{digest}\" (seeds/{name} as it is now)"
                )),
            );
            false
        }
        Some(sha) => {
            let expected = sha.get_ref();
            if !(expected.len() == 64 && expected.bytes().all(|b| b.is_ascii_hexdigit())) {
                diags.push(
                    file.error(
                        sha.span(),
                        format!("sha256 '{expected}' is not 64 hexadecimal digits"),
                    )
                    .with_help(format!(
                        "set sha256 = \"{digest}\" (seeds/{name} as it is now)"
                    )),
                );
                false
            } else if !expected.eq_ignore_ascii_case(&digest) {
                diags.push(
                    file.error(
                        sha.span(),
                        format!("seeds/{name} changed since it was registered (sha256 {digest}); re-check its citations"),
                    )
                    .with_help(format!("once its citations are re-checked (`dossier reanchor {}` helps), set sha256 = \"{digest}\"", s.id.get_ref())),
                );
                true
            } else {
                false
            }
        }
    };
    let id = s.id.into_inner();
    let source = Source {
        short: s
            .short
            .map(|v| v.into_inner())
            .unwrap_or_else(|| id.clone()),
        id,
        file: s.file.into_inner(),
        title: s.title.into_inner(),
        outlet: s.outlet.into_inner(),
        published: s.published.map(|v| v.into_inner()),
        lang: s.lang.into_inner(),
        original: s.original.map(|v| v.into_inner()),
        derivation: derivation.unwrap_or(Derivation::Original),
        sha256: digest,
        note: s.note.map(|v| v.into_inner()),
        byline: s.byline.into_iter().map(|b| b.into_inner()).collect(),
        article: Article::new(text),
    };
    Some((source, changed))
}
