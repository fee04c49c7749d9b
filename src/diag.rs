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
            snippet: None,
        }
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

    /// Renders the diagnostic as text (no colour).
    pub fn render(&self) -> String {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = if self.line == 0 {
            format!(
                "{}: {label}: {}\n",
                sanitize_line(&self.path),
                sanitize_line(&self.message)
            )
        } else {
            format!(
                "{}:{}:{}: {label}: {}\n",
                sanitize_line(&self.path),
                self.line,
                self.column,
                sanitize_line(&self.message)
            )
        };
        if let Some(s) = &self.snippet {
            let num = self.line.to_string();
            let pad = " ".repeat(num.len());
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{num} | {}", s.text);
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(s.caret_offset),
                "^".repeat(s.caret_width.max(1))
            );
        }
        if let Some(h) = &self.help {
            let _ = writeln!(out, "  = help: {}", sanitize_line(h));
        }
        out
    }
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
    lines: LineIndex,
}

/// Longest snippet line shown before it is cut around the caret.
const SNIPPET_MAX: usize = 160;

impl SourceFile {
    /// Wraps a file's text.
    pub fn new(path: String, text: String) -> Self {
        let lines = LineIndex::new(&text);
        SourceFile { path, text, lines }
    }

    /// A diagnostic pointing at byte range `span` of this file.
    pub fn at(
        &self,
        severity: Severity,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let start = self.lines.locate(&self.text, span.start);
        let line = self.lines.line_text(&self.text, start.line);
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
