//! A dossier's summary as text and references to the dossier's own claims.
//!
//! A summary is a fact-checker's paragraph: every sentence says which of the dossier's
//! cited claims back it, by id in square brackets before the sentence ends —
//! `Founded the corps in August 2022 [founded-rvc].`, several as `[a, b]`. Square
//! brackets holding one or more claim-id-shaped words (lower-case letters, digits and
//! `-`, separated by commas) are a reference; any other bracket is text. The parse keeps
//! byte offsets into the summary as written, so `check` can point at a reference or a
//! sentence in the file, and the browser and `show` can render a reference as a marker
//! that leads to its claim.

use std::ops::Range;

use super::Claim;

/// One piece of a summary, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SummaryPart {
    /// Plain text, exactly as written (spaces before a reference included).
    Text(String),
    /// One bracketed reference: `[a]` or `[a, b]`.
    Refs(Vec<SummaryRef>),
}

/// One claim id inside a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRef {
    /// The id as written.
    pub id: String,
    /// Index into the dossier's [`Dossier::claims`](super::Dossier::claims); `None` only
    /// when no claim has the id, which `check` reports as an error (so never in a corpus
    /// that checked).
    pub claim: Option<usize>,
}

/// A parsed part with where it sits in the summary as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub part: SummaryPart,
    /// Byte range in the summary string (for a reference, the brackets included).
    pub span: Range<usize>,
}

/// One sentence of a summary: where it is and the references it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the summary string, without surrounding white space.
    pub span: Range<usize>,
    /// Indices into the parts list of the [`SummaryPart::Refs`] parts inside it.
    pub refs: Vec<usize>,
}

/// Splits `summary` into text and references; `claims` resolves each id to its index.
pub fn parse(summary: &str, claims: &[Claim]) -> Vec<Located> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    let bytes = summary.as_bytes();
    while i < bytes.len() {
        if bytes.get(i) == Some(&b'[') {
            if let Some((end, ids)) = reference_at(summary, i) {
                if text_start < i {
                    out.push(text(summary, text_start..i));
                }
                let refs = ids
                    .into_iter()
                    .map(|id| SummaryRef {
                        claim: claims.iter().position(|c| c.id == id),
                        id: id.to_owned(),
                    })
                    .collect();
                out.push(Located {
                    part: SummaryPart::Refs(refs),
                    span: i..end,
                });
                i = end;
                text_start = end;
                continue;
            }
        }
        i += 1;
    }
    if text_start < summary.len() {
        out.push(text(summary, text_start..summary.len()));
    }
    out
}

fn text(summary: &str, span: Range<usize>) -> Located {
    Located {
        part: SummaryPart::Text(summary.get(span.clone()).unwrap_or("").to_owned()),
        span,
    }
}

/// A reference starting at the `[` at byte `at`: its end (after `]`) and its ids.
fn reference_at(s: &str, at: usize) -> Option<(usize, Vec<&str>)> {
    let rest = s.get(at + 1..)?;
    let close = rest.find(']')?;
    let inner = rest.get(..close)?;
    let ids: Vec<&str> = inner.split(',').map(str::trim).collect();
    let slug = |id: &str| {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    ids.iter()
        .all(|id| slug(id))
        .then_some((at + 1 + close + 1, ids))
}

/// The sentences of a parsed summary. A sentence ends at `.`, `!` or `?` (and any
/// closing quotes or brackets right after it) followed by white space and then an
/// upper-case letter, a digit or an opening quote; or followed by a reference or the end
/// of the summary. Text after the last such end is a sentence too, and a reference
/// belongs to the sentence it is written in: `… in 2022 [a].`, not `… in 2022. [a]`. "U.S. forces" and "e.g. this" do not end a
/// sentence; "Mr. Smith" would, so summaries avoid such abbreviations before a capital.
pub fn sentences(summary: &str, parts: &[Located]) -> Vec<Sentence> {
    let mut ends: Vec<usize> = Vec::new();
    for p in parts {
        if let SummaryPart::Text(_) = p.part {
            ends.extend(sentence_ends(summary, p.span.clone()));
        }
    }
    ends.push(summary.len());
    let mut out = Vec::new();
    let mut start = 0;
    for end in ends {
        let span = trimmed(summary, start..end);
        if !span.is_empty() {
            let refs = parts
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    matches!(p.part, SummaryPart::Refs(_))
                        && p.span.start >= span.start
                        && p.span.end <= span.end
                })
                .map(|(i, _)| i)
                .collect();
            out.push(Sentence { span, refs });
        }
        start = end;
    }
    out
}

/// Byte offsets just after each sentence end inside `range` of `s`.
fn sentence_ends(s: &str, range: Range<usize>) -> Vec<usize> {
    let Some(t) = s.get(range.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (_, c) = chars[k];
        if matches!(c, '.' | '!' | '?') {
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')' | ']') {
                j += 1;
            }
            let end = chars.get(j).map_or(t.len(), |(b, _)| *b);
            let mut n = j;
            while n < chars.len() && chars[n].1.is_whitespace() {
                n += 1;
            }
            let next = chars.get(n).map(|(_, c)| *c);
            let at_end = n == chars.len();
            let starts_sentence = next.is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '“' | '‘')
            });
            // At the end of a text part the stop ends the summary, or a reference
            // follows it (`… Kyiv. [a]`): a reference after the stop is not part of the
            // sentence it follows, so that sentence counts as unreferenced.
            if (n > j && starts_sentence) || at_end {
                out.push(range.start + end);
            }
            k = j;
            continue;
        }
        k += 1;
    }
    out
}

/// `range` without leading and trailing white space.
fn trimmed(s: &str, range: Range<usize>) -> Range<usize> {
    let t = s.get(range.clone()).unwrap_or("");
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead + trail >= t.len() {
        return range.start..range.start;
    }
    range.start + lead..range.end - trail
}

/// The summary for reading: each reference as `[#id]` (several as `[#a, #b]`), the
/// `#id` that `show` prints after each claim.
pub fn marked(parts: &[SummaryPart]) -> String {
    let mut out = String::new();
    for p in parts {
        match p {
            SummaryPart::Text(t) => out.push_str(t),
            SummaryPart::Refs(refs) => {
                out.push('[');
                for (i, r) in refs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push('#');
                    out.push_str(&r.id);
                }
                out.push(']');
            }
        }
    }
    out
}

/// The summary without its references (and the space before each): the prose that
/// [`Dossier::summary`](super::Dossier::summary) holds, for places that cannot link to
/// a claim (the index's one-line hint, an FtM export).
pub fn plain(parts: &[SummaryPart]) -> String {
    let mut out = String::new();
    for p in parts {
        match p {
            SummaryPart::Text(t) => out.push_str(t),
            SummaryPart::Refs(_) => {
                let kept = out.trim_end_matches([' ', '\u{a0}']).len();
                out.truncate(kept);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: &str) -> Claim {
        Claim {
            id: id.to_owned(),
            text: String::new(),
            disputed: false,
            date: None,
            note: None,
            cites: Vec::new(),
            variants: Vec::new(),
        }
    }

    fn parts(s: &str) -> Vec<SummaryPart> {
        parse(s, &[claim("a"), claim("b-2")])
            .into_iter()
            .map(|l| l.part)
            .collect()
    }

    #[test]
    fn references_resolve_to_claim_indexes() {
        let p = parts("Founded in 2022 [b-2]. Led by X [a, b-2, zz].");
        assert_eq!(
            p,
            vec![
                SummaryPart::Text("Founded in 2022 ".into()),
                SummaryPart::Refs(vec![SummaryRef {
                    id: "b-2".into(),
                    claim: Some(1)
                }]),
                SummaryPart::Text(". Led by X ".into()),
                SummaryPart::Refs(vec![
                    SummaryRef {
                        id: "a".into(),
                        claim: Some(0)
                    },
                    SummaryRef {
                        id: "b-2".into(),
                        claim: Some(1)
                    },
                    SummaryRef {
                        id: "zz".into(),
                        claim: None
                    },
                ]),
                SummaryPart::Text(".".into()),
            ]
        );
        assert_eq!(
            marked(&p),
            "Founded in 2022 [#b-2]. Led by X [#a, #b-2, #zz]."
        );
        assert_eq!(plain(&p), "Founded in 2022. Led by X.");
    }

    #[test]
    fn other_brackets_are_text() {
        let p = parts("The 'obalsts [Oblasts]' and [Sic] and [] and [a b] [a].");
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(matches!(&p[1], SummaryPart::Refs(r) if r.len() == 1));
    }

    #[test]
    fn sentences_split_at_a_stop_before_a_capital() {
        let s = "One [a]. Two U.S. forces, e.g. this [b-2]! \"Three\" has none. 4 is last";
        let located = parse(s, &[claim("a"), claim("b-2")]);
        let got: Vec<(&str, usize)> = sentences(s, &located)
            .iter()
            .map(|x| (&s[x.span.clone()], x.refs.len()))
            .collect();
        assert_eq!(
            got,
            [
                ("One [a].", 1),
                ("Two U.S. forces, e.g. this [b-2]!", 1),
                ("\"Three\" has none.", 0),
                ("4 is last", 0),
            ]
        );
    }

    #[test]
    fn a_reference_after_the_stop_starts_the_next_sentence() {
        let s = "One. [a] two.";
        let located = parse(s, &[claim("a")]);
        let got: Vec<(&str, usize)> = sentences(s, &located)
            .iter()
            .map(|x| (&s[x.span.clone()], x.refs.len()))
            .collect();
        assert_eq!(got, [("One.", 0), ("[a] two.", 1)]);
    }
}
