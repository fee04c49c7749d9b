//! Citations: the source must be registered and the quote must anchor to exactly one
//! place in its article (see `corpus::anchor`).

use super::sources::Sources;
use crate::corpus::{AnchorError, resolve, resolve_from};
use crate::diag::{Diagnostic, SourceFile};
use crate::model::Citation;
use std::ops::Range;

use crate::corpus::Article;
use crate::model::lean::{Cite, Found, Text};
use crate::suggest::nearest;
use crate::text::LineCol;
use crate::text::{fold_str, sanitize_line};

/// Longest stretch of a suggested passage quoted in a message.
const SHOWN: usize = 160;

fn shorten(s: &str) -> String {
    let s = sanitize_line(s);
    if s.chars().count() <= SHOWN {
        s
    } else {
        format!("{}…", s.chars().take(SHOWN).collect::<String>())
    }
}

/// Resolves every citation in `cites`, reporting the ones that fail. A citation's raw
/// matches found beforehand (`Cite::found`) are used; without them it is scanned for.
/// The list is exactly as long as needed: collected from a filter it would keep room
/// for four (≈17 MB of empty room at 10,000 dossiers, where most items have one or two).
pub fn resolve_all(
    sources: &Sources,
    file: &SourceFile,
    cites: Vec<Cite>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Citation> {
    let mut out = Vec::with_capacity(cites.len());
    out.extend(
        cites
            .into_iter()
            .filter_map(|c| resolve_one(sources, file, c, diags)),
    );
    if out.len() < out.capacity() {
        out.shrink_to_fit();
    }
    out
}

/// Resolves one citation, or reports why it does not resolve. Its quote and note move
/// into the [`Citation`].
pub fn resolve_one(
    sources: &Sources,
    file: &SourceFile,
    mut c: Cite,
    diags: &mut Vec<Diagnostic>,
) -> Option<Citation> {
    if let Found::Placed(p) = &c.found {
        // Found once, raw, with nothing else to check (`check::exact`).
        let p = *p;
        return Some(Citation {
            source: p.source(),
            note: c.take_note().map(Text::into_inner),
            quote: c.quote.into_inner(),
            start: p.start(),
            end: p.end(),
            range: p.range(),
        });
    }
    let sid = c.source.get_ref();
    let Some(index) = sources.index(sid) else {
        if !sources.registry_failed && !sources.broken.contains(sid) {
            let known: Vec<&str> = sources.list.iter().map(|s| s.id.as_str()).collect();
            let mut d = file.error(
                c.source.span(),
                format!("unknown source '{sid}'; known: {}", known.join(", ")),
            );
            if let Some(best) = nearest(sid, known.iter().copied(), 1).first() {
                d = d.with_help(format!("did you mean '{best}'?"));
            }
            diags.push(d);
        }
        return None;
    };
    let source = &sources.list[index];
    let quote = c.quote.get_ref();
    if quote.trim().is_empty() {
        diags.push(
            file.error(c.quote.span(), "quote is empty")
                .with_help("copy the supporting words from the article"),
        );
        return None;
    }
    if quote.trim() != quote {
        diags.push(
            file.error(c.quote.span(), "quote has leading or trailing spaces")
                .with_help(format!("write {:?}", quote.trim())),
        );
        return None;
    }
    for (part, what) in [(c.prefix(), "prefix"), (c.suffix(), "suffix")] {
        if part.is_some_and(|p| p.get_ref().trim().is_empty()) {
            if let Some(p) = part {
                diags.push(
                    file.error(p.span(), format!("{what} is empty"))
                        .with_help(format!(
                            "remove the {what}, or copy the words next to the quote"
                        )),
                );
            }
            return None;
        }
    }
    let exact = std::mem::take(&mut c.found);
    let prefix = c.prefix().map(|p| p.get_ref());
    let suffix = c.suffix().map(|p| p.get_ref());
    let found = match exact {
        Found::Hits(at) => resolve_from(&source.article, quote, prefix, suffix, at.into_vec()),
        Found::NotSought | Found::Placed(_) => resolve(&source.article, quote, prefix, suffix),
    };
    if found.is_err() && sources.changed.contains(sid) {
        diags.push(relocated(file, &c, sid, &source.article, &source.file));
        return None;
    }
    match found {
        Ok(anchor) => {
            let (start, end) = place(&source.article, &anchor.range);
            Some(Citation {
                source: index,
                note: c.take_note().map(|n| n.into_inner()),
                quote: c.quote.into_inner(),
                start,
                end,
                range: anchor.range,
            })
        }
        Err(AnchorError::NotFound(suggestion)) => {
            let d = match suggestion {
                Some(s) => file
                    .error(c.quote.span(), format!("quote not found in {sid}; closest passage (line {}): \"{}\"", s.line, shorten(&s.text)))
                    .with_help(format!("copy the words exactly from seeds/{} line {}; quotes match after folding spaces, quotes and dashes, never fuzzily", source.file, s.line)),
                None => file
                    .error(c.quote.span(), format!("quote not found in {sid}, and no passage shares a word with it"))
                    .with_help(format!("check that seeds/{} is the article you meant", source.file)),
            };
            diags.push(d);
            None
        }
        Err(AnchorError::Ambiguous { lines }) => {
            let where_: Vec<String> = lines.iter().map(usize::to_string).collect();
            diags.push(
                file.error(c.quote.span(), format!("quote occurs {} times in {sid} (lines {}); add prefix or suffix", lines.len(), where_.join(", ")))
                    .with_help("lengthen the quote, or add prefix = \"…\" (the words just before it) or suffix = \"…\" (just after)"),
            );
            None
        }
        Err(AnchorError::PrefixMismatch { actual }) => {
            let span = c.prefix().map_or(c.quote.span(), |p| p.span());
            diags.push(
                file.error(
                    span,
                    format!(
                        "prefix \"{}\" does not immediately precede the quote",
                        shorten(prefix.unwrap_or(""))
                    ),
                )
                .with_help(format!(
                    "the text before the quote ends \"{}\"",
                    shorten(&actual)
                )),
            );
            None
        }
        Err(AnchorError::SuffixMismatch { actual }) => {
            let span = c.suffix().map_or(c.quote.span(), |p| p.span());
            diags.push(
                file.error(
                    span,
                    format!(
                        "suffix \"{}\" does not immediately follow the quote",
                        shorten(suffix.unwrap_or(""))
                    ),
                )
                .with_help(format!(
                    "the text after the quote starts \"{}\"",
                    shorten(&actual)
                )),
            );
            None
        }
    }
}

/// The line and column of the first and of the last character of `range` in `article`.
pub fn place(article: &Article, range: &Range<usize>) -> (LineCol, LineCol) {
    let text = &article.text;
    let last = text
        .get(..range.end)
        .and_then(|t| t.char_indices().next_back())
        .map_or(range.start, |(i, _)| i);
    let lines = &article.lines;
    let start = lines.locate(text, range.start);
    (start, lines.locate_after(text, range.start, start, last))
}

/// A quote of a source whose article changed since it was registered no longer
/// resolves: the best relocated candidate and a word diff against it, so the curator
/// sees at once whether the text moved or changed (`dossier reanchor` writes the ones
/// found again exactly).
fn relocated(
    file: &SourceFile,
    c: &Cite,
    sid: &str,
    article: &crate::corpus::Article,
    seed: &str,
) -> Diagnostic {
    let quote = c.quote.get_ref();
    let prefix = c.prefix().map(|p| p.get_ref());
    let suffix = c.suffix().map(|p| p.get_ref());
    let base =
        format!("quote no longer resolves in {sid}, whose text changed since it was registered");
    match crate::corpus::relocate::relocate(article, quote, prefix, suffix, None) {
        None => file
            .error(
                c.quote.span(),
                format!("{base}; no passage shares a word with it"),
            )
            .with_help(format!(
                "find the passage in seeds/{seed} again, or remove the citation"
            )),
        Some(found) => {
            let text = article.text.get(found.range.clone()).unwrap_or("");
            if found.exact {
                file.error(c.quote.span(), format!("{base}; the quote still occurs at line {}, but its prefix/suffix no longer pick it", found.line))
                    .with_help(format!("`dossier reanchor {sid} --write` sets the context that picks line {}", found.line))
            } else {
                file.error(
                    c.quote.span(),
                    format!("{base}; best relocated candidate (line {}): \"{}\"", found.line, shorten(text)),
                )
                .with_help(format!(
                    "word diff, quote → candidate: {}; if the candidate says the same, copy it as the quote",
                    shorten(&crate::corpus::relocate::word_diff(quote, text))
                ))
            }
        }
    }
}

/// True when `alias` occurs in `quote` after folding (spelling and case must match).
pub fn alias_in_quote(alias: &str, quote: &str) -> bool {
    fold_str(quote).contains(&fold_str(alias))
}
