//! `dossier init DIR`: a new corpus that passes `check` as it is — a commented registry,
//! the four dossier folders, the JSON Schemas editors validate against, a README and a
//! CI workflow that runs `check` on every pull request. Refuses a folder that is not
//! empty, so nothing of a curator's is ever overwritten.

use std::path::Path;
use std::process::ExitCode;

use super::out;
use crate::data::write::create_new;
use crate::model::Kind;

/// The commented registry of a new corpus.
pub const SOURCES: &str = r#"#:schema ../schema/sources.schema.json
# The articles this corpus cites. Each [[source]] registers one file of this folder.
# Add one with
#
#   dossier --data . add-source ~/article.txt --id some-article --title "…" --outlet "…"
#
# which copies the file here, computes its sha256 and appends an entry like this one
# (every key is described in dossier's README, "The data format"):
#
# [[source]]
# id = "some-article"             # the slug citations use
# file = "article.txt"            # a plain file name inside seeds/
# title = "The title, as the article gives it"
# outlet = "Who published it, as far as the text tells"
# published = "2023-05-25"        # optional: YYYY, YYYY-MM or YYYY-MM-DD, only if the text tells
# lang = "en"                     # the language of this text
# derivation = "original"         # original | translation | machine-translation | paraphrase | repost
# original = "…"                  # the publication it derives from; needed unless derivation is original
# sha256 = "…"                    # of the file's bytes; `dossier check` prints the value when it is wrong
# note = "What a reader should know about this text's reliability."
"#;

/// The new corpus's README.
const README: &str = "# A dossier corpus

- `seeds/` holds the articles, never edited, and `seeds/sources.toml` registers each one
  (`dossier --data . add-source FILE --id … --title … --outlet …`).
- `dossiers/people|groups|events|places/` hold one TOML file per dossier
  (`dossier --data . new person \"Full Name\"`); every alias, claim and relation cites
  the exact words of an article.
- `dossier --data . check` proves every citation resolves; `dossier --data .` opens the
  browser, where a selection in an article becomes a ready citation.
- `schema/` holds the JSON Schemas of both file kinds: editors with taplo or tombi read the
  `#:schema` line at the top of each file and check it as you type
  (`dossier schema dossier > schema/dossier.schema.json` refreshes them).
- `.github/workflows/check.yml` runs `check` on every pull request.
";

/// The CI workflow of a new corpus.
pub const WORKFLOW: &str = r#"# Runs `dossier check` on every pull request and push, so a broken citation never
# reaches the main branch. Problems show as annotations on the changed lines
# (`--format github`); on a pull request only problems in the files it changes are
# reported (`--changed-since`), except that a change under seeds/ reports everything,
# since it can break any citation.
name: check

on:
  pull_request:
  push:
    branches: [main]

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # --changed-since compares with the base branch's commit
      # Install dossier. Set the repository variable DOSSIER_REPO to the git URL of
      # dossier's source (Settings → Variables), or replace this step with however
      # your team installs it (a release binary, a cached build).
      - name: Install dossier
        run: cargo install --locked --git "${{ vars.DOSSIER_REPO }}" dossier
      - name: Check the changed files
        if: github.event_name == 'pull_request'
        run: dossier --data . check --format github --changed-since "origin/${{ github.base_ref }}"
      - name: Check everything
        if: github.event_name != 'pull_request'
        run: dossier --data . check --format github
"#;

pub fn run(dir: &Path) -> ExitCode {
    match init(dir) {
        Ok(()) => {
            out(&format!(
                "created a corpus in {shown}\nnext: dossier --data {shown} add-source FILE --id ID --title TITLE --outlet OUTLET\n",
                shown = dir.display()
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Lays the corpus out in `dir`, which must be absent or an empty folder.
pub fn init(dir: &Path) -> Result<(), String> {
    let shown = dir.display();
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            let mut entries =
                std::fs::read_dir(dir).map_err(|e| format!("{shown}: cannot be read: {e}"))?;
            if entries.next().is_some() {
                return Err(format!(
                    "{shown} exists and is not empty; init makes a new corpus in an empty or new folder, and nothing was written"
                ));
            }
        }
        Ok(_) => {
            return Err(format!(
                "{shown} exists and is not a folder; choose a new folder name, nothing was written"
            ));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("{shown}: cannot be read: {e}")),
    }
    let mut folders = vec![
        "seeds".to_owned(),
        "schema".to_owned(),
        ".github/workflows".to_owned(),
    ];
    folders.extend(
        Kind::ALL
            .iter()
            .filter_map(|w| Kind::parse(w))
            .map(|k| format!("dossiers/{}", k.folder())),
    );
    for f in &folders {
        let p = dir.join(f);
        std::fs::create_dir_all(&p)
            .map_err(|e| format!("{}: cannot be created: {e}", p.display()))?;
    }
    let mut files: Vec<(String, String)> = vec![
        ("seeds/sources.toml".into(), SOURCES.into()),
        ("README.md".into(), README.into()),
        (".github/workflows/check.yml".into(), WORKFLOW.into()),
        (
            "schema/dossier.schema.json".into(),
            crate::model::schema::dossier_json(),
        ),
        (
            "schema/sources.schema.json".into(),
            crate::model::schema::sources_json(),
        ),
    ];
    // Git keeps no empty folder: a placeholder keeps each kind's folder in a clone.
    files.extend(
        folders
            .iter()
            .filter(|f| f.starts_with("dossiers/"))
            .map(|f| (format!("{f}/.gitkeep"), String::new())),
    );
    for (rel, text) in files {
        create_new(&dir.join(rel), text.as_bytes()).map_err(|e| e.to_string())?;
    }
    Ok(())
}
