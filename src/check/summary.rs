//! The rules of a summary's references to its dossier's claims: every sentence cites at
//! least one claim, every reference names a claim of the dossier, and (a warning) a
//! sentence that names another dossier cites at least one claim that names it too — a
//! sentence about someone else must rest on a claim that is about them, not on a claim
//! that happens to sit in this file.

use foldhash::HashMap;
use std::ops::Range;

use crate::model::lean::Text;

use crate::diag::{Diagnostic, SourceFile};
use crate::model::summary::{self, Located, SummaryPart};
use crate::model::{Claim, SummaryPart as Part};

/// Every name and alias of every dossier, indexed by its first word, so a sentence can
/// be scanned for other dossiers' names in one pass over its words.
#[derive(Debug, Default)]
pub struct Spellings {
    /// First word → (spelling, dossier id).
    by_first_word: HashMap<String, Vec<(String, String)>>,
    /// Dossier id → its spellings.
    of: HashMap<String, Vec<String>>,
}

impl Spellings {
    /// Adds `spelling` as a name of dossier `id`.
    pub fn add(&mut self, id: &str, spelling: &str) {
        let first = first_word(spelling);
        if first.is_empty() {
            return;
        }
        self.by_first_word
            .entry(first.to_owned())
            .or_default()
            .push((spelling.to_owned(), id.to_owned()));
        self.of
            .entry(id.to_owned())
            .or_default()
            .push(spelling.to_owned());
    }

    /// The dossiers other than `own` named in `text` (whole words, case-sensitive), each
    /// once with the first spelling found, in order of appearance. At each word the
    /// longest spelling that starts there wins and its words are not read again, so
    /// "Foreign Legion" names the Foreign Legion and not a dossier called "Legion"; a
    /// spelling that is also a name of `own` names `own`, not the other dossier.
    fn named_in<'a>(&'a self, text: &str, own: &str) -> Vec<(&'a str, &'a str)> {
        let own_names = self.of.get(own).map(Vec::as_slice).unwrap_or(&[]);
        let mut out: Vec<(&str, &str)> = Vec::new();
        let mut read_to = 0;
        for (at, word) in words(text) {
            if at < read_to {
                continue;
            }
            let Some(cands) = self.by_first_word.get(word) else {
                continue;
            };
            let rest = text.get(at..).unwrap_or("");
            let Some(longest) = cands
                .iter()
                .map(|(s, _)| s.as_str())
                .filter(|s| whole_word_prefix(rest, s))
                .max_by_key(|s| s.len())
            else {
                continue;
            };
            read_to = at + longest.len();
            if own_names.iter().any(|n| n == longest) {
                continue;
            }
            for (spelling, id) in cands.iter().filter(|(s, _)| s == longest) {
                if id != own && !out.iter().any(|(i, _)| i == id) {
                    out.push((id, spelling));
                }
            }
        }
        out
    }

    /// Whether `text` names dossier `id` by any of its spellings.
    fn names(&self, text: &str, id: &str) -> bool {
        self.of
            .get(id)
            .is_some_and(|sp| sp.iter().any(|s| contains_word(text, s)))
    }
}

/// The leading run of letters and digits.
fn first_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    s.get(..end).unwrap_or("")
}

/// Each word (a run of letters and digits) of `text` with its byte offset.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, text.get(s..i).unwrap_or("")));
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

/// `rest` starts with `word` and no letter or digit follows it.
fn whole_word_prefix(rest: &str, word: &str) -> bool {
    rest.starts_with(word)
        && rest
            .get(word.len()..)
            .and_then(|r| r.chars().next())
            .is_none_or(|c| !c.is_alphanumeric())
}

/// `text` contains `word` as whole words.
fn contains_word(text: &str, word: &str) -> bool {
    words(text).any(|(at, _)| whole_word_prefix(text.get(at..).unwrap_or(""), word))
}

/// Parses a dossier's summary against its claims and reports every rule broken.
pub fn check(
    file: &SourceFile,
    summary: &Text,
    own_id: &str,
    claims: &[Claim],
    spellings: &Spellings,
    diags: &mut Vec<Diagnostic>,
) -> Vec<SummaryPart> {
    let text = summary.get_ref();
    let parts = summary::parse(text, claims);
    let at = |range: Range<usize>| locate(file, summary, range);
    for p in &parts {
        let Part::Refs(refs) = &p.part else {
            continue;
        };
        for r in refs.iter().filter(|r| r.claim.is_none()) {
            let hint = crate::suggest::nearest(&r.id, claims.iter().map(|c| c.id.as_str()), 1)
                .first()
                .map(|b| format!(" (did you mean '{b}'?)"))
                .unwrap_or_default();
            diags.push(
                file.error(
                    at(p.span.clone()),
                    format!("summary refers to no claim '{}'{hint}", r.id),
                )
                .with_help("a reference names claim ids of this dossier: `[claim-id]` or `[a, b]`"),
            );
        }
    }
    for s in summary::sentences(text, &parts) {
        let body = text.get(s.span.clone()).unwrap_or("");
        if s.refs.is_empty() {
            diags.push(
                file.error(
                    at(s.span.clone()),
                    format!("summary sentence cites no claim: \"{}\"", opening(body)),
                )
                .with_help(
                    "end it with the ids of the claims that back it, before the full stop (`… [claim-id].`); cut it if no claim does",
                ),
            );
            continue;
        }
        let cited: Vec<&Claim> = s
            .refs
            .iter()
            .filter_map(|&i| match parts.get(i).map(|l| &l.part) {
                Some(Part::Refs(r)) => Some(r),
                _ => None,
            })
            .flatten()
            .filter_map(|r| r.claim.and_then(|i| claims.get(i)))
            .collect();
        if cited.is_empty() {
            continue;
        }
        let words_only = without_refs(s.span.clone(), &parts);
        for (other, spelling) in spellings.named_in(&words_only, own_id) {
            if !cited.iter().any(|c| claim_names(c, spellings, other)) {
                let ids: Vec<&str> = cited.iter().map(|c| c.id.as_str()).collect();
                diags.push(
                    file.warning(
                        at(s.span.clone()),
                        format!(
                            "summary sentence names '{spelling}' ({other}) but no claim it cites ({}) does",
                            ids.join(", ")
                        ),
                    )
                    .with_help(format!(
                        "cite a claim of this dossier that says it, or leave it to {other}'s own dossier"
                    )),
                );
            }
        }
    }
    parts.into_iter().map(|l| l.part).collect()
}

/// A claim's own words and its sources': text, variant values and quotes.
fn claim_names(c: &Claim, spellings: &Spellings, id: &str) -> bool {
    spellings.names(&c.text, id)
        || c.variants.iter().any(|v| spellings.names(&v.value, id))
        || c.all_cites().any(|q| spellings.names(&q.quote, id))
}

/// The text of a sentence with its references blanked out.
fn without_refs(span: Range<usize>, parts: &[Located]) -> String {
    parts
        .iter()
        .filter(|p| p.span.start >= span.start && p.span.end <= span.end)
        .map(|p| match &p.part {
            Part::Text(t) => t.as_str(),
            Part::Refs(_) => " ",
        })
        .collect()
}

/// The first words of a sentence, for a message.
fn opening(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Where `range` of the summary value sits in the file: the same text found inside the
/// string's token (the `n`th time it occurs there if it occurs earlier in the value
/// too); the whole token when escapes make the written form differ.
fn locate(file: &SourceFile, summary: &Text, range: Range<usize>) -> Range<usize> {
    let token = summary.span();
    let value = summary.get_ref();
    let Some(needle) = value.get(range.clone()) else {
        return token;
    };
    let Some(written) = file.text.get(token.clone()) else {
        return token;
    };
    let earlier = value
        .get(..range.start)
        .map_or(0, |v| v.matches(needle).count());
    match written.match_indices(needle).nth(earlier) {
        Some((i, _)) => token.start + i..token.start + i + needle.len(),
        None => token,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_whole_words_and_not_the_dossiers_own() {
        let mut sp = Spellings::default();
        sp.add("russia", "Russia");
        sp.add("rvc", "Russian Volunteer Corps");
        sp.add("rvc", "RVC");
        sp.add("me", "Me");
        sp.add("me", "RVC");
        let found = sp.named_in(
            "A Russian who founded the Russian Volunteer Corps in Russia.",
            "x",
        );
        assert_eq!(
            found,
            [("rvc", "Russian Volunteer Corps"), ("russia", "Russia")]
        );
        assert!(sp.named_in("The RVC, says Me.", "me").is_empty());
        sp.add("frl", "Legion");
        sp.add("il", "Foreign Legion");
        assert!(
            sp.named_in("It joined the Foreign Legion.", "il")
                .is_empty()
        );
        assert_eq!(
            sp.named_in("The Legion and the Foreign Legion.", "il"),
            [("frl", "Legion")]
        );
        assert!(sp.names("led the RVC.", "rvc"));
        assert!(!sp.names("led the RVCs.", "rvc"));
    }
}
