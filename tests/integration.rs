//! Every integration test, as one test binary with one module per file (as bottom
//! does): the crate is linked once for all of them instead of once per file, and
//! `tests/common/` is compiled once. Cargo.toml sets `autotests = false` and names this
//! file as the only `[[test]]`, so the files stay where the README and SECURITY.md name
//! them (`tests/e2e.rs`, …) and none of them is a binary of its own.
//!
//! Adding a test file `tests/foo.rs`: declare it below as `mod foo;` (alphabetical), and
//! reach the shared helpers as `crate::common::…` (`use crate::common::{Corpus, dossier};`,
//! `use crate::common::tmux::{Tmux, have_tmux};`), never with a `mod common;` of its own.
//! A file nobody declares would silently not run: `every_test_file_is_a_module` fails
//! then. Its insta snapshots go to `tests/snapshots/integration__foo__NAME.snap`; its
//! proptest regressions stay in `tests/foo.proptest-regressions`.
//!
//! Run one file's tests with `cargo test --test integration foo::`, the end-to-end ones
//! with `cargo test --test integration e2e` (every `*e2e*` module).
//!
//! The end-to-end modules now run at the same time as each other and as the rest: each
//! `Tmux` has its own server (`-L dossier-sec-PID-N`, N counted across the whole binary),
//! the SSH test its own sshd on a port the kernel hands out, and no test changes the
//! process's environment or working directory, so nothing they share needs a lock.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

mod common;

mod audit;
mod authoring;
mod check_rules;
mod cli;
mod cli_cited_by;
mod cli_linked;
mod cli_reading;
mod cli_xref;
mod colours;
mod curator_flow;
mod e2e;
mod export;
mod fast_parse;
mod hostile_cli;
mod hostile_e2e;
mod hostile_files;
mod hostile_output;
mod hostile_views;
mod index_order;
mod input_e2e;
mod investigation_e2e;
mod plurals;
mod preview_e2e;
mod props;
mod readme;
mod readme_captures;
mod registry_split;
mod reload_e2e;
mod schema;
mod screen_walk;
mod search_spellings;
mod seeds;
mod snapshots;
mod sources_view;
mod ssh_e2e;
mod synth;
mod term_e2e;

/// Every `tests/*.rs` file is declared above: with `autotests = false` Cargo builds
/// only this file, so an undeclared one would never compile nor run.
#[test]
fn every_test_file_is_a_module() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let root = std::fs::read_to_string(dir.join("integration.rs")).unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(module) = name.strip_suffix(".rs") else {
            continue;
        };
        if module != "integration" && !root.contains(&format!("\nmod {module};\n")) {
            missing.push(format!("tests/{name}"));
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "{} not declared in tests/integration.rs: add `mod NAME;` there",
        missing.join(", ")
    );
}
