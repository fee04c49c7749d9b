//! `dossier schema dossier|sources`: prints the JSON Schema of one file kind, for editors
//! (`dossier schema dossier > schema/dossier.schema.json`) and other tools.

use std::process::ExitCode;

use clap::ValueEnum;

use super::out;
use crate::model::schema::{dossier_json, sources_json};

/// Which schema to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Which {
    /// A dossier file (`dossiers/<folder>/<id>.toml`).
    Dossier,
    /// The registry, `seeds/sources.toml`.
    Sources,
}

pub fn run(which: Which) -> ExitCode {
    out(&match which {
        Which::Dossier => dossier_json(),
        Which::Sources => sources_json(),
    });
    ExitCode::SUCCESS
}
