//! `dossier check`: diagnostics to stderr, sorted, then a count; a summary line on
//! success. `--json` for scripts, `--format github` for GitHub Actions annotations, and
//! `--changed-since REV` to report only the problems in the files a change touched.

use std::process::ExitCode;

use clap::ValueEnum;

use super::out;
use crate::check::{Report, check};
use crate::data::DataRoot;
use crate::diag::{Diagnostic, Severity};
use crate::text::count;

/// How `check` prints its diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// `path:line:col: error: message` with the line and a caret, for people.
    #[default]
    Plain,
    /// One JSON object: ok, counts, stats, diagnostics.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), which
    /// show as annotations on the pull request's lines.
    Github,
}

pub fn run(root: &DataRoot, format: Format, changed_since: Option<&str>) -> ExitCode {
    let scope = match changed_since {
        None => None,
        Some(rev) => match super::changed::changed_files(root, rev) {
            Ok(s) => Some(s),
            Err(e) => {
                crate::cli::err(&format!("error: {e}\n"));
                return ExitCode::from(2);
            }
        },
    };
    let mut report = check(root);
    let mut hidden = 0;
    if let Some(scope) = &scope {
        let before = report.diagnostics.len();
        report.diagnostics.retain(|d| scope.covers(&d.path));
        hidden = before - report.diagnostics.len();
    }
    let code = print(&report, format, hidden);
    // The process exits next, and the OS takes its memory back at once: freeing the
    // checked corpus allocation by allocation was 6% of `check` at 10,000 dossiers
    // (BENCHMARKS.md).
    std::mem::forget(report);
    code
}

/// Prints the report; the exit code says whether any error was reported.
fn print(report: &Report, format: Format, hidden: usize) -> ExitCode {
    let errors = report.errors();
    let warnings = report.warnings();
    match format {
        Format::Json => {
            let value = serde_json::json!({
                "ok": errors == 0,
                "errors": errors,
                "warnings": warnings,
                "stats": report.stats,
                "diagnostics": report.diagnostics,
                "not_shown": hidden,
            });
            out(&format!("{}\n", super::json::pretty(&value)));
        }
        Format::Github => {
            let mut text = String::new();
            for d in &report.diagnostics {
                text.push_str(&github(d));
                text.push('\n');
            }
            out(&text);
            summary(report, hidden, true);
        }
        Format::Plain => {
            for d in &report.diagnostics {
                crate::cli::err(&format!("{}\n", d.render()));
            }
            summary(report, hidden, false);
        }
    }
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn summary(report: &Report, hidden: usize, to_stdout: bool) {
    let (errors, warnings) = (report.errors(), report.warnings());
    let s = report.stats;
    if hidden > 0 {
        crate::cli::err(&format!(
            "note: {} in files not changed since the given revision not shown\n",
            count(hidden, "problem")
        ));
    }
    if errors == 0 {
        out(&format!(
            "ok: {}, {}, {} verified, {}, {}{}\n",
            count(s.dossiers, "dossier"),
            count(s.claims, "claim"),
            count(s.citations, "citation"),
            count(s.disputed, "disputed claim"),
            count(s.sources, "source"),
            if warnings > 0 {
                format!(" ({})", count(warnings, "warning"))
            } else {
                String::new()
            }
        ));
    } else {
        let line = format!(
            "error: {}{} found; the corpus does not check",
            count(errors, "error"),
            if warnings > 0 {
                format!(" and {}", count(warnings, "warning"))
            } else {
                String::new()
            }
        );
        if to_stdout {
            out(&format!("{line}\n"));
        } else {
            crate::cli::err(&format!("{line}\n"));
        }
    }
}

/// One GitHub Actions workflow command: `::error file=…,line=…,col=…::message`, the
/// help on a second line. Values are escaped as the runner expects (`%`, CR and LF in
/// the message; also `:` and `,` in properties), so a message cannot end the command
/// early or start another one.
pub fn github(d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let path = d.path.strip_prefix("./").unwrap_or(&d.path);
    let mut props = format!("file={}", escape_property(path));
    if d.line > 0 {
        props.push_str(&format!(",line={},col={}", d.line, d.column));
    }
    let mut message = d.message.clone();
    if let Some(h) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    format!("::{level} {props}::{}", escape_data(&message))
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;

    #[test]
    fn github_annotations_locate_and_escape() {
        let f = SourceFile::new("./dossiers/people/a.toml".into(), "id = \"x\"\n".into());
        let d = f
            .error(5..8, "id 'x' does not match, 100% sure\nsecond line")
            .with_help("set id = \"a\"");
        assert_eq!(
            github(&d),
            "::error file=dossiers/people/a.toml,line=1,col=6::id 'x' does not match, 100%25 sure%0Asecond line%0Ahelp: set id = \"a\""
        );
        let w = Diagnostic::file(Severity::Warning, "seeds/a,b:c.txt", "cited nowhere");
        assert_eq!(
            github(&w),
            "::warning file=seeds/a%2Cb%3Ac.txt::cited nowhere"
        );
    }
}
