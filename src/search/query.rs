//! The query language, as in fzf: space-separated terms that must all match.
//!
//! | term      | matches fields that                        |
//! |-----------|--------------------------------------------|
//! | `word`    | fuzzy-match `word`                         |
//! | `'word`   | contain `word`                             |
//! | `^word`   | start with `word`                          |
//! | `word$`   | end with `word`                            |
//! | `^word$`  | are exactly `word`                         |
//! | `!word`   | do not contain `word` (also `!^w`, `!w$`)  |
//!
//! Matching is smart-case (case-sensitive only when the term has an upper-case letter)
//! and ignores diacritics (`Cesar` finds `César`). A backslash escapes a space (`a\ b`).

use super::normalize::fold_for_search;

/// How a term is compared with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// Characters in order, with gaps (fzf's default).
    Fuzzy,
    /// A contiguous substring.
    Substring,
    /// The field starts with it.
    Prefix,
    /// The field ends with it.
    Suffix,
    /// The field is exactly it.
    Equal,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub kind: TermKind,
    /// True for `!term`: the field must NOT match.
    pub negated: bool,
    /// The text to match, folded for search (lower-cased unless `case_sensitive`).
    pub text: String,
    /// Smart case: true when the typed term has an upper-case letter.
    pub case_sensitive: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// The whole query, folded and lower-cased, used to rank whole-name matches first.
    pub whole: String,
}

impl Query {
    /// True when the query has no terms (matches everything).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Splits on unescaped spaces.
fn split_terms(q: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = q.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&' ') => {
                cur.push(' ');
                chars.next();
            }
            c if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Parses `q` in fzf's extended syntax.
pub fn parse(q: &str) -> Query {
    let mut terms = Vec::new();
    let mut plain = Vec::new();
    for raw in split_terms(q) {
        let mut t = raw.as_str();
        let negated = t.starts_with('!');
        if negated {
            t = &t[1..];
        }
        let mut kind = if negated {
            TermKind::Substring
        } else {
            TermKind::Fuzzy
        };
        if let Some(rest) = t.strip_prefix('\'') {
            t = rest;
            kind = TermKind::Substring;
        } else if let Some(rest) = t.strip_prefix('^') {
            t = rest;
            kind = TermKind::Prefix;
        }
        if t.len() > 1 || kind == TermKind::Prefix {
            if let Some(rest) = t.strip_suffix('$') {
                t = rest;
                kind = if kind == TermKind::Prefix {
                    TermKind::Equal
                } else {
                    TermKind::Suffix
                };
            }
        }
        if t.is_empty() {
            continue;
        }
        if kind == TermKind::Fuzzy {
            plain.push(t.to_owned());
        }
        let case_sensitive = t.chars().any(char::is_uppercase);
        let folded = fold_for_search(t).0;
        terms.push(Term {
            kind,
            negated,
            text: if case_sensitive {
                folded
            } else {
                folded.to_lowercase()
            },
            case_sensitive,
        });
    }
    let whole = if plain.len() == terms.len() {
        fold_for_search(&plain.join(" ")).0.to_lowercase()
    } else {
        String::new()
    };
    Query { terms, whole }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(q: &str) -> Vec<(TermKind, bool, String)> {
        parse(q)
            .terms
            .into_iter()
            .map(|t| (t.kind, t.negated, t.text))
            .collect()
    }

    #[test]
    fn fzf_syntax() {
        use TermKind::*;
        assert_eq!(
            kinds("kap 'corps ^den tin$ ^rvc$ !nazi !^x !y$"),
            vec![
                (Fuzzy, false, "kap".into()),
                (Substring, false, "corps".into()),
                (Prefix, false, "den".into()),
                (Suffix, false, "tin".into()),
                (Equal, false, "rvc".into()),
                (Substring, true, "nazi".into()),
                (Prefix, true, "x".into()),
                (Suffix, true, "y".into()),
            ]
        );
    }

    #[test]
    fn smart_case_diacritics_and_whole() {
        let q = parse("César Nikitin");
        assert!(q.terms.iter().all(|t| t.case_sensitive));
        assert_eq!(q.terms[0].text, "Cesar");
        assert_eq!(q.whole, "cesar nikitin");
        assert_eq!(parse("a\\ b").terms[0].text, "a b");
        assert!(parse("  ").is_empty());
        assert_eq!(parse("'x y").whole, "");
    }
}
