//! `dossier export --format json|ftm [--output FILE]`: the whole verified corpus for other
//! tools. `json` is one document (sources with their metadata, every dossier exactly as
//! `show --json` prints it, citations resolved with byte offsets and line/column); `ftm`
//! is FollowTheMoney entities as JSON lines (see [`super::ftm`]), for Aleph and friends.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use serde::Serialize;

use super::ftm;
use super::json::DossierJson;
use super::{err, out};
use crate::model::incoming::Incoming;
use crate::model::{Corpus, Source};
use crate::text::sanitize_line;

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The whole corpus as one JSON document.
    Json,
    /// FollowTheMoney entities, one JSON object per line.
    Ftm,
}

/// A registered article in the JSON export.
#[derive(Debug, Serialize)]
struct SourceJson<'a> {
    id: &'a str,
    /// `seeds/FILE`.
    file: String,
    title: &'a str,
    short: &'a str,
    outlet: &'a str,
    published: Option<&'a str>,
    lang: &'a str,
    original: Option<&'a str>,
    derivation: &'static str,
    sha256: &'a str,
    note: Option<&'a str>,
    byline: &'a [String],
}

impl<'a> SourceJson<'a> {
    fn new(s: &'a Source) -> Self {
        SourceJson {
            id: &s.id,
            file: format!("seeds/{}", s.file),
            title: &s.title,
            short: &s.short,
            outlet: &s.outlet,
            published: s.published.as_deref(),
            lang: &s.lang,
            original: s.original.as_deref(),
            derivation: s.derivation.as_str(),
            sha256: &s.sha256,
            note: s.note.as_deref(),
            byline: &s.byline,
        }
    }
}

/// The JSON export.
#[derive(Debug, Serialize)]
struct ExportJson<'a> {
    sources: Vec<SourceJson<'a>>,
    dossiers: Vec<DossierJson<'a>>,
}

/// The export as text.
pub fn render(corpus: &Corpus, format: Format) -> String {
    match format {
        Format::Json => {
            let incoming = Incoming::new(corpus);
            let doc = ExportJson {
                sources: corpus.sources.iter().map(SourceJson::new).collect(),
                dossiers: corpus
                    .dossiers
                    .iter()
                    .enumerate()
                    .map(|(i, d)| DossierJson::new(corpus, d, incoming.of(i)))
                    .collect(),
            };
            format!("{}\n", super::json::pretty(&doc))
        }
        Format::Ftm => ftm::entities(corpus)
            .iter()
            .map(super::json::compact)
            .map(|line| line + "\n")
            .collect(),
    }
}

pub fn run(corpus: &Corpus, format: Format, output: Option<&Path>) -> ExitCode {
    let text = render(corpus, format);
    match output {
        None => {
            out(&text);
            ExitCode::SUCCESS
        }
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                err(&format!(
                    "error: cannot write {}: {e}; choose a writable path, or leave out --output to print to stdout\n",
                    sanitize_line(&path.display().to_string())
                ));
                ExitCode::from(2)
            }
        },
    }
}
