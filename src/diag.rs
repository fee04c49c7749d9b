//! Diagnostics for people: `path:line:col: error: message`, then the offending line of
//! the file with a caret under the bad value, then a help line saying how to fix it —
//! the shape rustc made familiar. Collected, sorted, and printed all at once.

use std::fmt::Write as _;
use std::ops::Range;

use unicode_width::UnicodeWidthStr as _;

use crate::text::{LineIndex, sanitize_line};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails `check`.
    Error,
    /// Reported, does not fail.
    Warning,
}

/// The line of the file a diagnostic points at, and where the caret goes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Snippet {
    /// The line, sanitised for display.
    pub text: String,
    /// Display columns before the caret.
    pub caret_offset: usize,
    /// Display columns the caret underlines (at least 1).
    pub caret_width: usize,
}

/// One problem found in the corpus.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, as shown to the user.
    pub path: String,
    /// 1-based line; 0 when the problem is with the file as a whole.
    pub line: usize,
    /// 1-based column in characters; 0 when the problem is with the file as a whole.
    pub column: usize,
    pub message: String,
    /// How to fix it, when there is more to say than the message.
    pub help: Option<String>,
    /// Other places the problem involves, e.g. where a duplicated id was first defined.
    pub notes: Vec<Note>,
    #[serde(skip)]
    pub snippet: Option<Snippet>,
}

/// A second place a diagnostic points at (rustc's "first defined here"), in this file or
/// another, with its own line and underline.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Note {
    /// The file, as shown to the user.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// What is at that place, e.g. "first defined here".
    pub message: String,
    #[serde(skip)]
    pub snippet: Option<Snippet>,
}

impl Diagnostic {
    /// A problem with a whole file (it cannot be read, for instance).
    pub fn file(severity: Severity, path: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            path: path.to_owned(),
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
            notes: Vec::new(),
            snippet: None,
        }
    }

    /// Adds a second place, at byte range `span` of `file`, saying what is there.
    pub fn with_note(
        mut self,
        file: &SourceFile,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let at = file.at(self.severity, span, message);
        self.notes.push(Note {
            path: at.path,
            line: at.line,
            column: at.column,
            message: at.message,
            snippet: at.snippet,
        });
        self
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sort key: file, then position, then errors before warnings.
    fn key(&self) -> (&str, usize, usize, Severity, &str) {
        (
            &self.path,
            self.line,
            self.column,
            self.severity,
            &self.message,
        )
    }

    /// Renders the diagnostic as text (no colour): the located message and its line
    /// with carets, then each note the same way (`path:line:col: note: …`, the line
    /// underlined with dashes), then the help.
    pub fn render(&self) -> String {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // One gutter for every snippet of the diagnostic, as wide as the longest number.
        let gutter = std::iter::once(self.line)
            .chain(self.notes.iter().map(|n| n.line))
            .map(|l| l.to_string().len())
            .max()
            .unwrap_or(1);
        let mut out = String::new();
        located(
            &mut out,
            &self.path,
            self.line,
            self.column,
            label,
            &self.message,
        );
        if let Some(s) = &self.snippet {
            snippet(&mut out, self.line, gutter, s, '^');
        }
        for n in &self.notes {
            located(&mut out, &n.path, n.line, n.column, "note", &n.message);
            if let Some(s) = &n.snippet {
                snippet(&mut out, n.line, gutter, s, '-');
            }
        }
        if let Some(h) = &self.help {
            let _ = writeln!(out, "  = help: {}", sanitize_line(h));
        }
        out
    }
}

impl std::fmt::Display for Diagnostic {
    /// The rendered text, as `check` prints it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Diagnostic {}

/// `path:line:col: label: message` (or `path: label: message` for a whole file).
fn located(out: &mut String, path: &str, line: usize, column: usize, label: &str, msg: &str) {
    let (path, msg) = (sanitize_line(path), sanitize_line(msg));
    let _ = if line == 0 {
        writeln!(out, "{path}: {label}: {msg}")
    } else {
        writeln!(out, "{path}:{line}:{column}: {label}: {msg}")
    };
}

/// The line of the file beside a gutter `gutter` columns wide, and `mark` under the span.
fn snippet(out: &mut String, line: usize, gutter: usize, s: &Snippet, mark: char) {
    let pad = " ".repeat(gutter);
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{line:<gutter$} | {}", s.text);
    let _ = writeln!(
        out,
        "{pad} | {}{}",
        " ".repeat(s.caret_offset),
        mark.to_string().repeat(s.caret_width.max(1))
    );
}

/// Sorts diagnostics by file and position, dropping exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.key().cmp(&b.key()));
    diags.dedup();
}

/// A file being checked: its text, for turning spans into lines, columns and snippets.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// As shown to the user.
    pub path: String,
    pub text: String,
    /// Built on the first diagnostic: `check` holds every dossier file at once, and a
    /// clean corpus needs none (10 MB at 10,000 dossiers, BENCHMARKS.md).
    lines: std::sync::OnceLock<LineIndex>,
}

/// Longest snippet line shown before it is cut around the caret.
const SNIPPET_MAX: usize = 160;

impl SourceFile {
    /// Wraps a file's text.
    pub fn new(path: String, text: String) -> Self {
        SourceFile {
            path,
            text,
            lines: std::sync::OnceLock::new(),
        }
    }

    /// A diagnostic pointing at byte range `span` of this file.
    pub fn at(
        &self,
        severity: Severity,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let lines = self.lines.get_or_init(|| LineIndex::new(&self.text));
        let start = lines.locate(&self.text, span.start);
        let line = lines.line_text(&self.text, start.line);
        let before: String = line.chars().take(start.column - 1).collect();
        let line_start = span.start.saturating_sub(before.len());
        let line_end = line_start + line.len();
        let within = span.end.min(line_end).max(span.start);
        let marked = self.text.get(span.start..within).unwrap_or("");
        let (mut text, mut offset) = (sanitize_line(line), sanitize_line(&before).width());
        let width = sanitize_line(marked).width().max(1);
        if text.width() > SNIPPET_MAX && offset > SNIPPET_MAX / 2 {
            // Cut the start of long lines so the caret stays on screen.
            let skip = before.chars().count().saturating_sub(20);
            text = format!(
                "…{}",
                sanitize_line(&line.chars().skip(skip).collect::<String>())
            );
            offset = 1 + sanitize_line(&before.chars().skip(skip).collect::<String>()).width();
        }
        // Cut the end too: a hostile one-line file (deeply nested TOML) must not print
        // hundreds of kilobytes per diagnostic.
        let limit = (offset + width.min(SNIPPET_MAX)).max(SNIPPET_MAX);
        if text.width() > limit {
            let (mut cut, mut cols) = (String::new(), 0);
            for c in text.chars() {
                cols += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if cols >= limit {
                    break;
                }
                cut.push(c);
            }
            cut.push('…');
            text = cut;
        }
        Diagnostic {
            severity,
            path: self.path.clone(),
            line: start.line,
            column: start.column,
            message: message.into(),
            help: None,
            notes: Vec::new(),
            snippet: Some(Snippet {
                text,
                caret_offset: offset,
                caret_width: width.min(SNIPPET_MAX),
            }),
        }
    }

    /// An error pointing at `span`.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Error, span, message)
    }

    /// A warning pointing at `span`.
    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Warning, span, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_snippet_and_caret() {
        let f = SourceFile::new("d/x.toml".into(), "id = \"x\"\nkind = \"persn\"\n".into());
        let d = f
            .error(16..23, "unknown kind 'persn'")
            .with_help("use person or group");
        assert_eq!(
            d.render(),
            "d/x.toml:2:8: error: unknown kind 'persn'\n  |\n2 | kind = \"persn\"\n  |        ^^^^^^^\n  = help: use person or group\n"
        );
    }

    #[test]
    fn a_note_shows_the_second_place_with_its_line_and_underline() {
        let a = SourceFile::new("d/a.toml".into(), "id = \"x\"\n".into());
        let b = SourceFile::new("d/b.toml".into(), "# b\nid = \"x\"\n".into());
        let d = b
            .error(9..12, "id 'x' is also used by d/a.toml")
            .with_note(&a, 5..8, "first defined here")
            .with_help("every dossier needs its own id");
        assert_eq!(
            d.render(),
            "d/b.toml:2:6: error: id 'x' is also used by d/a.toml\n  |\n2 | id = \"x\"\n  |      ^^^\n\
             d/a.toml:1:6: note: first defined here\n  |\n1 | id = \"x\"\n  |      ---\n\
             \x20 = help: every dossier needs its own id\n"
        );
        assert_eq!(d.to_string(), d.render());
    }

    #[test]
    fn a_huge_line_is_cut_at_both_ends_around_the_caret() {
        let line = format!("x = {}{}", "[".repeat(5000), "]".repeat(5000));
        let f = SourceFile::new("d/x.toml".into(), line);
        for span in [4..5, 90..10_000, 9000..9001] {
            let d = f.error(span.clone(), "too deep");
            let Some(s) = &d.snippet else {
                panic!("no snippet")
            };
            assert!(
                s.text.width() <= SNIPPET_MAX + 40,
                "{span:?}: {}",
                s.text.width()
            );
            assert!(
                s.caret_offset < s.text.width(),
                "{span:?}: caret off the line"
            );
        }
    }

    #[test]
    fn sorted_by_file_then_position() {
        let mut v = vec![
            Diagnostic::file(Severity::Error, "b", "x"),
            Diagnostic {
                line: 3,
                ..Diagnostic::file(Severity::Error, "a", "y")
            },
            Diagnostic {
                line: 1,
                ..Diagnostic::file(Severity::Warning, "a", "z")
            },
        ];
        sort(&mut v);
        let order: Vec<_> = v.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(order, ["z", "y", "x"]);
    }
}
