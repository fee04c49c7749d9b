//! The `dossier` binary: parses arguments and hands over to the library. A subcommand
//! runs the non-interactive CLI; no subcommand opens the browser (until it lands, the
//! dossier list is printed).

use std::process::ExitCode;

use clap::Parser as _;
use dossier::cli::{Cli, Command, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.as_ref().map_or(
        Command::List {
            kind: None,
            json: false,
        },
        |c| match c {
            Command::Check { json } => Command::Check { json: *json },
            Command::List { kind, json } => Command::List {
                kind: *kind,
                json: *json,
            },
            Command::Show { id, json } => Command::Show {
                id: id.clone(),
                json: *json,
            },
            Command::Search { query, json, limit } => Command::Search {
                query: query.clone(),
                json: *json,
                limit: *limit,
            },
        },
    );
    run(&cli, &command)
}
