//! Checks of single values: text without padding, ids, dates, vocabulary words, and the
//! rewording of the TOML parser's own messages into this project's style.

use std::ops::Range;

use crate::diag::{Diagnostic, SourceFile};
use crate::model::lean::Field;
use crate::suggest::nearest;

/// Empty or padded text: `name has leading or trailing spaces`.
pub fn text(file: &SourceFile, value: &impl Field, what: &str, diags: &mut Vec<Diagnostic>) {
    let v = value.value();
    if v.trim().is_empty() {
        diags.push(
            file.error(value.span(), format!("{what} is empty"))
                .with_help(format!("write the {what}, or remove the key")),
        );
    } else if v.trim() != v {
        diags.push(
            file.error(
                value.span(),
                format!("{what} has leading or trailing spaces"),
            )
            .with_help(format!("write {:?}", v.trim())),
        );
    }
}

/// Like [`text`] for an optional value.
pub fn opt_text(
    file: &SourceFile,
    value: &Option<impl Field>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(v) = value {
        text(file, v, what, diags);
    }
}

/// An id: lowercase ASCII letters, digits and single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reports an id that is not a slug.
pub fn slug(file: &SourceFile, value: &impl Field, what: &str, diags: &mut Vec<Diagnostic>) {
    if !is_slug(value.value()) {
        diags.push(
            file.error(
                value.span(),
                format!("{what} '{}' is not a valid id", value.value()),
            )
            .with_help("use lowercase letters, digits and single hyphens, e.g. 'denis-kapustin'"),
        );
    }
}

/// True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date.
pub fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => num(y, 4).is_some(),
        [y, m] => num(y, 4).is_some() && num(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => match (num(y, 4), num(m, 2), num(d, 2)) {
            (Some(y), Some(m), Some(d)) if (1..=12).contains(&m) => {
                let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
                let days = [
                    31,
                    if leap { 29 } else { 28 },
                    31,
                    30,
                    31,
                    30,
                    31,
                    31,
                    30,
                    31,
                    30,
                    31,
                ];
                d >= 1 && d <= days[(m - 1) as usize]
            }
            _ => false,
        },
        _ => false,
    }
}

/// Reports a malformed date: `published '23-05' is not YYYY[-MM[-DD]]`.
pub fn date(
    file: &SourceFile,
    value: &Option<impl Field>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(v) = value {
        if !is_date(v.value()) {
            diags.push(
                file.error(
                    v.span(),
                    format!("{what} '{}' is not YYYY[-MM[-DD]]", v.value()),
                )
                .with_help("write a real date as 2023, 2023-05 or 2023-05-25"),
            );
        }
    }
}

/// Parses a vocabulary word, reporting an unknown one with the allowed words.
pub fn word<T>(
    file: &SourceFile,
    value: &impl Field,
    what: &str,
    all: &[&str],
    parse: impl Fn(&str) -> Option<T>,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    let got = parse(value.value());
    if got.is_none() {
        let mut d = file.error(
            value.span(),
            format!(
                "unknown {what} '{}'; expected one of {}",
                value.value(),
                all.join(", ")
            ),
        );
        if let Some(best) = nearest(value.value(), all.iter().copied(), 1).first() {
            d = d.with_help(format!("did you mean '{best}'?"));
        }
        diags.push(d);
    }
    got
}

/// Turns a TOML parse or schema error into a located diagnostic in this project's words.
pub fn toml_error(file: &SourceFile, e: &toml::de::Error, diags: &mut Vec<Diagnostic>) {
    let span: Range<usize> = e.span().unwrap_or(0..0);
    let (message, help) = reword(e.message());
    let mut d = file.error(span, message);
    if let Some(h) = help {
        d = d.with_help(h);
    }
    diags.push(d);
}

/// Rewords serde/toml messages: backticks become quotes, the expected list is plain,
/// and an unknown field gets a "did you mean".
fn reword(msg: &str) -> (String, Option<String>) {
    let first_line = msg.lines().next().unwrap_or(msg).trim();
    if let Some(rest) = first_line.strip_prefix("unknown field `") {
        let (field, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let expected: Vec<&str> = tail
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 1)
            .map(|(_, s)| s)
            .collect();
        let message = if expected.is_empty() {
            format!("unknown field '{field}'; this table takes no fields")
        } else {
            format!(
                "unknown field '{field}'; expected one of {}",
                expected.join(", ")
            )
        };
        let help = nearest(field, expected.iter().copied(), 1)
            .first()
            .map(|b| format!("did you mean '{b}'?"))
            .or_else(|| Some("remove it, or check the README's data format".to_owned()));
        return (message, help);
    }
    if let Some(rest) = first_line.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return (
            format!("missing field '{field}'"),
            Some(format!(
                "add `{field} = …` to this table (see the README's data format)"
            )),
        );
    }
    (
        first_line
            .replace('`', "'")
            .replace(", expected", "; expected"),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for ok in ["2023", "2023-05", "2023-05-25", "2024-02-29"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "23-05",
            "2023-13",
            "2023-02-30",
            "2023-5",
            "2023-05-25-1",
            "",
            "abcd",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn slugs() {
        assert!(is_slug("denis-kapustin"));
        assert!(!is_slug("Denis"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
    }

    #[test]
    fn rewords_unknown_field() {
        let (m, h) = reword(
            "unknown field `sorce`, expected one of `source`, `quote`, `prefix`, `suffix`, `note`",
        );
        assert_eq!(
            m,
            "unknown field 'sorce'; expected one of source, quote, prefix, suffix, note"
        );
        assert_eq!(h.as_deref(), Some("did you mean 'source'?"));
    }
}
