//! `dossier cited-by SOURCE:LINE[:COL]` and `dossier cited-by --quote "words"`: "who
//! says so?" on the command line — every alias, claim, variant and relation, in any
//! dossier, whose citation overlaps a passage of an article. The same question the
//! browser's cited-by view (`c` in the reader) asks, answered by the same
//! [`Xref::citing`]; only how the passage is named differs (a position or a quote
//! instead of the reader's highlight).

use std::fmt::Write as _;
use std::ops::Range;
use std::process::ExitCode;

use serde::Serialize;

use super::json::{CitationJson, ItemJson};
use super::{err, out};
use crate::corpus::anchor::{AnchorError, resolve};
use crate::model::{Corpus, Source};
use crate::suggest::nearest;
use crate::text::{count, sanitize_line};
use crate::xref::{Citing, Xref};

/// A passage asked about: which source, which bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Index into [`Corpus::sources`].
    pub source: usize,
    pub range: Range<usize>,
}

/// Why a passage could not be named; `Display` is the message (without "error: ").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassageError {
    /// Not `SOURCE:LINE` or `SOURCE:LINE:COL`.
    #[error(
        "'{0}' is not SOURCE:LINE or SOURCE:LINE:COL (e.g. nbc-who-is-legion:57 or NBC-mt:57:1); or pass --quote \"words\""
    )]
    Malformed(String),
    /// No source has this id, short marker or file name.
    #[error("no source '{given}'{ideas}; `dossier sources` lists them")]
    UnknownSource { given: String, ideas: String },
    /// The line or column is outside the article.
    #[error("{0}")]
    OutOfRange(String),
    /// The quote is in no article (or not in the one given).
    #[error("{0}")]
    QuoteNotFound(String),
    /// The quote occurs more than once in one article.
    #[error("{0}")]
    QuoteAmbiguous(String),
}

impl PassageError {
    /// The exit status: 2 for a malformed argument, 1 for a passage that does not exist.
    pub fn status(&self) -> u8 {
        match self {
            PassageError::Malformed(_) => 2,
            _ => 1,
        }
    }
}

/// The source named `given`: its id, its short marker (as citations show it, any case)
/// or its file name (with or without `seeds/`).
pub fn find_source(corpus: &Corpus, given: &str) -> Result<usize, PassageError> {
    let file = given.strip_prefix("seeds/").unwrap_or(given);
    let found = corpus
        .sources
        .iter()
        .position(|s| s.id == given || s.file == file);
    let found = found.or_else(|| {
        corpus
            .sources
            .iter()
            .position(|s: &Source| !s.short.is_empty() && s.short.eq_ignore_ascii_case(given))
    });
    found.ok_or_else(|| {
        // Ids first; the markers only when no id is near (a marker of one or two
        // letters is "near" almost anything).
        let mut near = nearest(given, corpus.sources.iter().map(|s| s.id.as_str()), 3);
        if near.is_empty() {
            let shorts = corpus.sources.iter().map(|s| s.short.as_str());
            near = nearest(given, shorts.filter(|s| s.chars().count() >= 3), 3);
        }
        let ideas: Vec<String> = near
            .into_iter()
            .map(|s| format!("'{}'", sanitize_line(s)))
            .collect();
        PassageError::UnknownSource {
            given: sanitize_line(given),
            ideas: if ideas.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", ideas.join(", "))
            },
        }
    })
}

/// `SOURCE:LINE` (the whole line) or `SOURCE:LINE:COL` (the character there; columns
/// count characters, as `check` and the reader's `seeds/FILE:line:col` do).
pub fn at_position(corpus: &Corpus, spec: &str) -> Result<Passage, PassageError> {
    let malformed = || PassageError::Malformed(sanitize_line(spec));
    let number = |s: &str| s.parse::<usize>().ok().filter(|&n| n >= 1);
    let (head, last) = spec.rsplit_once(':').ok_or_else(malformed)?;
    let last = number(last).ok_or_else(malformed)?;
    let (source, line, column) = match head
        .rsplit_once(':')
        .and_then(|(s, l)| number(l).map(|l| (s, l)))
    {
        Some((source, line)) => (source, line, Some(last)),
        None => (head, last, None),
    };
    let si = find_source(corpus, source)?;
    let src = &corpus.sources[si];
    let text = &src.article.text;
    let lines = src.article.lines.len();
    if line > lines {
        return Err(PassageError::OutOfRange(format!(
            "seeds/{} has {}; line {line} is past its end",
            sanitize_line(&src.file),
            count(lines, "line")
        )));
    }
    let start = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>();
    let body = src.article.lines.line_text(text, line);
    let Some(column) = column else {
        return Ok(Passage {
            source: si,
            range: start..start + body.len(),
        });
    };
    let chars = body.chars().count();
    let Some((offset, ch)) = body.char_indices().nth(column - 1) else {
        return Err(PassageError::OutOfRange(format!(
            "seeds/{}:{line} has {}; column {column} is past its end",
            sanitize_line(&src.file),
            count(chars, "character")
        )));
    };
    Ok(Passage {
        source: si,
        range: start + offset..start + offset + ch.len_utf8(),
    })
}

/// Every place `quote` resolves (after the same folding `check` applies), one per
/// article; only in `source` when given. A quote found nowhere, or twice in one
/// article, is an error that says where to look.
pub fn by_quote(
    corpus: &Corpus,
    quote: &str,
    source: Option<&str>,
) -> Result<Vec<Passage>, PassageError> {
    let only = source.map(|s| find_source(corpus, s)).transpose()?;
    let mut found = Vec::new();
    let mut closest = None;
    for (si, src) in corpus.sources.iter().enumerate() {
        if only.is_some_and(|o| o != si) {
            continue;
        }
        match resolve(&src.article, quote, None, None) {
            Ok(anchor) => found.push(Passage {
                source: si,
                range: anchor.range,
            }),
            Err(AnchorError::Ambiguous { lines }) => {
                let at: Vec<String> = lines.iter().map(|l| format!("{}:{l}", src.id)).collect();
                return Err(PassageError::QuoteAmbiguous(format!(
                    "the quote occurs {} times in seeds/{} (at {}); name one as SOURCE:LINE, or quote more words",
                    lines.len(),
                    sanitize_line(&src.file),
                    sanitize_line(&at.join(", "))
                )));
            }
            Err(AnchorError::NotFound(Some(s))) if closest.is_none() => {
                closest = Some(format!(
                    "; the closest passage is {}:{}: \"{}\"",
                    src.id,
                    s.line,
                    sanitize_line(&s.text)
                ));
            }
            Err(_) => {}
        }
    }
    if found.is_empty() {
        return Err(PassageError::QuoteNotFound(format!(
            "the quote is in no article{}{}",
            only.map_or(String::new(), |o| format!(
                " (looked only in {})",
                corpus.sources[o].id
            )),
            if only.is_some() {
                closest.unwrap_or_default()
            } else {
                String::new()
            }
        )));
    }
    Ok(found)
}

/// One `cited-by --json` answer: the passage and every item citing it.
#[derive(Debug, Serialize)]
pub struct CitedByJson<'a> {
    pub source: &'a str,
    pub short: &'a str,
    /// `seeds/FILE`.
    pub file: String,
    /// `seeds/FILE:line:col` of the passage's start.
    pub location: String,
    pub byte_start: usize,
    pub byte_end: usize,
    /// The passage's text.
    pub passage: &'a str,
    /// Every citation overlapping the passage, in article order.
    pub cited_by: Vec<CitingJson<'a>>,
}

/// One item citing the passage.
#[derive(Debug, Serialize)]
pub struct CitingJson<'a> {
    /// The dossier's id.
    pub dossier: &'a str,
    pub name: &'a str,
    #[serde(flatten)]
    pub item: ItemJson,
    /// The item's own citation (the one that overlaps the passage).
    pub citation: Option<CitationJson<'a>>,
}

/// Runs `cited-by`: one answer per passage (a quote found in several articles gives
/// several).
pub fn run(corpus: &Corpus, passages: Result<Vec<Passage>, PassageError>, json: bool) -> ExitCode {
    let passages = match passages {
        Ok(p) => p,
        Err(e) => {
            err(&format!("error: {e}\n"));
            return ExitCode::from(e.status());
        }
    };
    let x = Xref::new(corpus);
    let answers: Vec<(Passage, Vec<&Citing>)> = passages
        .into_iter()
        .map(|p| {
            let items = x.citing(p.source, &p.range);
            (p, items)
        })
        .collect();
    if json {
        let all: Vec<CitedByJson<'_>> = answers
            .iter()
            .filter_map(|(p, items)| to_json(corpus, p, items))
            .collect();
        out(&format!("{}\n", super::json::pretty(&all)));
    } else {
        let text: Vec<String> = answers
            .iter()
            .map(|(p, items)| render(corpus, p, items))
            .collect();
        out(&text.join("\n"));
    }
    ExitCode::SUCCESS
}

fn to_json<'a>(corpus: &'a Corpus, p: &Passage, items: &[&Citing]) -> Option<CitedByJson<'a>> {
    let src = corpus.sources.get(p.source)?;
    let at = src.article.lines.locate(&src.article.text, p.range.start);
    Some(CitedByJson {
        source: &src.id,
        short: &src.short,
        file: format!("seeds/{}", src.file),
        location: format!("seeds/{}:{}:{}", src.file, at.line, at.column),
        byte_start: p.range.start,
        byte_end: p.range.end,
        passage: src.article.text.get(p.range.clone()).unwrap_or(""),
        cited_by: items
            .iter()
            .filter_map(|c| {
                let d = corpus.dossiers.get(c.dossier)?;
                Some(CitingJson {
                    dossier: &d.id,
                    name: &d.name,
                    item: ItemJson::new(corpus, d, c.item),
                    citation: c
                        .citation(corpus)
                        .and_then(|cite| super::json::citation(corpus, cite)),
                })
            })
            .collect(),
    })
}

/// The passage on one line with its place, then per citing item: dossier, what it is,
/// its text; its own quote and location below.
pub fn render(corpus: &Corpus, p: &Passage, items: &[&Citing]) -> String {
    let mut s = String::new();
    let Some(src) = corpus.sources.get(p.source) else {
        return s;
    };
    let passage = src
        .article
        .text
        .get(p.range.clone())
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let at = src.article.lines.locate(&src.article.text, p.range.start);
    let _ = writeln!(s, "Cited by — “{}”", sanitize_line(&passage));
    let _ = writeln!(
        s,
        "{} ({}) · seeds/{}:{}:{} · {} {} this passage",
        sanitize_line(&src.title),
        sanitize_line(&src.short),
        sanitize_line(&src.file),
        at.line,
        at.column,
        count(items.len(), "item"),
        if items.len() == 1 { "cites" } else { "cite" }
    );
    for c in items {
        let Some(d) = corpus.dossiers.get(c.dossier) else {
            continue;
        };
        let _ = writeln!(
            s,
            "  {}  {}  {}",
            sanitize_line(&d.name),
            c.item.kind(),
            sanitize_line(&c.item.text(corpus, d))
        );
        if let Some(cite) = c.citation(corpus) {
            let _ = writeln!(
                s,
                "    “{}” seeds/{}:{}:{}  #{}",
                sanitize_line(&cite.quote),
                sanitize_line(&src.file),
                cite.start.line,
                cite.start.column,
                sanitize_line(&d.id)
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::DataRoot;

    fn corpus() -> Corpus {
        let report = crate::check::check(&DataRoot::Bundled);
        assert_eq!(report.errors(), 0);
        report.corpus
    }

    #[test]
    fn positions_name_a_line_or_one_character_and_bad_ones_say_why() {
        let c = corpus();
        let p = at_position(&c, "nbc-who-is-legion:57").expect("line");
        let src = &c.sources[p.source];
        let line = src.article.lines.line_text(&src.article.text, 57);
        assert_eq!(&src.article.text[p.range.clone()], line);
        let q = at_position(&c, "NBC-mt:57:3").expect("line and column");
        assert_eq!(q.source, p.source);
        assert_eq!(
            q.range.start,
            p.range.start + line.char_indices().nth(2).map_or(0, |x| x.0)
        );
        let f = at_position(&c, &format!("seeds/{}:57", src.file)).expect("file name");
        assert_eq!(f, p);
        assert!(matches!(
            at_position(&c, "nbc-who-is-legion"),
            Err(PassageError::Malformed(_))
        ));
        assert!(matches!(
            at_position(&c, "nbc-who-is-legion:0"),
            Err(PassageError::Malformed(_))
        ));
        assert!(matches!(
            at_position(&c, "nbc-who-is-legon:3"),
            Err(PassageError::UnknownSource { ideas, .. }) if ideas.contains("nbc-who-is-legion")
        ));
        assert!(matches!(
            at_position(&c, "nbc-who-is-legion:99999"),
            Err(PassageError::OutOfRange(m)) if m.contains("past its end")
        ));
    }

    #[test]
    fn a_quote_names_its_passage_in_every_article_that_has_it() {
        let c = corpus();
        let ps = by_quote(&c, "Andriy Yusov, a spokesman for Ukraine", None).expect("found");
        assert!(!ps.is_empty());
        for p in &ps {
            let src = &c.sources[p.source];
            assert!(src.article.text[p.range.clone()].starts_with("Andriy Yusov"));
        }
        assert!(matches!(
            by_quote(&c, "words no article has, surely", None),
            Err(PassageError::QuoteNotFound(_))
        ));
    }
}
