//! A citation made from a selection of an article, that `check` is sure to accept: the
//! selected text as the quote and, when that text occurs more than once, the shortest
//! `prefix` or `suffix` (in whole words, then by length) that picks out the selected
//! occurrence. Every citation made here is verified by [`resolve_from`] — the function
//! `check` anchors quotes with, given every occurrence — to land on exactly the selected
//! bytes; anything else is an error, never a citation that would fail later.

use std::ops::Range;
use std::path::Path;

use super::anchor::{Article, occurrences, resolve_from};
use crate::data::LoadError;

/// Most words of context tried on each side before giving up.
const MAX_CONTEXT_WORDS: usize = 64;
/// Most words per side when a prefix and a suffix are needed together.
const MAX_PAIR_WORDS: usize = 12;

/// A citation ready to paste: `{ source = "…", quote = "…" }`, with `prefix`/`suffix`
/// when the quote repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    pub source: String,
    pub quote: String,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    /// The bytes of the article the citation resolves to (the selection without
    /// surrounding white space).
    pub range: Range<usize>,
}

/// Why a selection cannot be cited.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CiteError {
    /// The range is outside the text or cuts a character.
    #[error("the selection {0:?} is not a range of the article's characters")]
    BadRange(Range<usize>),
    /// Nothing but white space is selected.
    #[error("the selection is empty; select some words to cite")]
    Empty,
    /// No prefix or suffix up to the limits makes the quote unique (the text around
    /// every occurrence is the same for many words).
    #[error(
        "the selected words occur {0} times with the same words around them; select more to make the quote unique"
    )]
    NotUnique(usize),
}

/// Cites the bytes `sel` of `article` (registered as `source`).
pub fn cite(source: &str, article: &Article, sel: Range<usize>) -> Result<Cite, CiteError> {
    let text = &article.text;
    let Some(selected) = text.get(sel.clone()) else {
        return Err(CiteError::BadRange(sel));
    };
    let lead = selected.len() - selected.trim_start().len();
    let quote = selected.trim();
    if quote.is_empty() {
        return Err(CiteError::Empty);
    }
    let range = sel.start + lead..sel.start + lead + quote.len();
    let made = |prefix: Option<&str>, suffix: Option<&str>| Cite {
        source: source.to_owned(),
        quote: quote.to_owned(),
        prefix: prefix.map(str::to_owned),
        suffix: suffix.map(str::to_owned),
        range: range.clone(),
    };
    // Every raw occurrence of the quote, found once for all the contexts tried (scanning
    // the article again for each would cost a pass over a long text per context).
    let exact = occurrences(text, quote);
    // What `check` does with the citation: resolve it among all the occurrences.
    let lands = |prefix: Option<&str>, suffix: Option<&str>| {
        resolve_from(article, quote, prefix, suffix, exact.clone()).is_ok_and(|a| a.range == range)
    };
    if lands(None, None) {
        return Ok(made(None, None));
    }
    let before = words_before(text, range.start, MAX_CONTEXT_WORDS);
    let after = words_after(text, range.end, MAX_CONTEXT_WORDS);
    // One side alone, shortest first (a prefix first when as short as a suffix).
    let mut single: Vec<(usize, Option<&str>, Option<&str>)> = before
        .iter()
        .map(|p| (p.chars().count(), Some(*p), None))
        .chain(after.iter().map(|s| (s.chars().count(), None, Some(*s))))
        .collect();
    single.sort_by_key(|c| c.0);
    if let Some((_, p, s)) = single.into_iter().find(|(_, p, s)| lands(*p, *s)) {
        return Ok(made(p, s));
    }
    // Both sides: the occurrences agree on many words on one side (a repeated caption).
    let mut pairs: Vec<(usize, &str, &str)> = Vec::new();
    for p in before.iter().take(MAX_PAIR_WORDS) {
        for s in after.iter().take(MAX_PAIR_WORDS) {
            pairs.push((p.chars().count() + s.chars().count(), p, s));
        }
    }
    pairs.sort_by_key(|c| c.0);
    if let Some((_, p, s)) = pairs.into_iter().find(|(_, p, s)| lands(Some(p), Some(s))) {
        return Ok(made(Some(p), Some(s)));
    }
    Err(CiteError::NotUnique(exact.len()))
}

/// The text before byte `at`, as 1, 2, … whole words (the word `at` is inside counts
/// as one), each trimmed.
fn words_before(text: &str, at: usize, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let head = &text[..at];
    let mut cut = head.len();
    while out.len() < max {
        let body = head[..cut].trim_end();
        if body.is_empty() {
            break;
        }
        let start = body.rfind(char::is_whitespace).map_or(0, |i| {
            i + body[i..].chars().next().map_or(1, char::len_utf8)
        });
        out.push(head[start..].trim());
        cut = start;
    }
    out
}

/// The text after byte `at`, as 1, 2, … whole words, each trimmed.
fn words_after(text: &str, at: usize, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let tail = &text[at..];
    let mut from = 0;
    while out.len() < max {
        let rest = &tail[from..];
        let skip = rest.len() - rest.trim_start().len();
        if rest.trim_start().is_empty() {
            break;
        }
        let word_start = from + skip;
        let end = tail[word_start..]
            .find(char::is_whitespace)
            .map_or(tail.len(), |i| word_start + i);
        out.push(tail[..end].trim());
        from = end;
    }
    out
}

impl Cite {
    /// The citation as a one-line TOML inline table, `{ source = "…", quote = "…" }`,
    /// every value a basic string escaped as TOML requires.
    pub fn to_toml(&self) -> String {
        use crate::data::write::toml_str;
        let mut out = format!(
            "{{ source = {}, quote = {}",
            toml_str(&self.source),
            toml_str(&self.quote)
        );
        for (key, value) in [("prefix", &self.prefix), ("suffix", &self.suffix)] {
            if let Some(v) = value {
                out.push_str(&format!(", {key} = {}", toml_str(v)));
            }
        }
        out.push_str(" }");
        out
    }
}

/// Appends the citation's TOML line to `path` (`--cite-to FILE`), creating the file when
/// absent; a FIFO, device or folder there is refused.
pub fn append_to(path: &Path, cite: &Cite) -> Result<(), LoadError> {
    crate::data::write::append_line(path, &cite.to_toml())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::resolve;
    use crate::corpus::select::{extend_word, word_at};
    use crate::search::passages::sentences;

    fn art(s: &str) -> Article {
        Article::new(s.to_owned())
    }

    fn toml_value(line: &str) -> toml::Table {
        toml::from_str(&format!("c = {line}")).unwrap_or_default()
    }

    #[test]
    fn a_unique_selection_is_cited_alone_and_trimmed() {
        let a = art("One two three.\nFour.");
        let got = cite("s", &a, 3..8);
        assert_eq!(
            got,
            Ok(Cite {
                source: "s".into(),
                quote: "two".into(),
                prefix: None,
                suffix: None,
                range: 4..7,
            })
        );
        assert_eq!(cite("s", &a, 3..4), Err(CiteError::Empty));
        assert_eq!(cite("s", &a, 0..99), Err(CiteError::BadRange(0..99)));
    }

    #[test]
    fn a_repeat_gets_the_shortest_context_that_picks_it() {
        let text = "Photo: AFP. The raid began. Photo: Reuters. The raid ended.";
        let a = art(text);
        let second = text.rfind("The raid").unwrap_or(0);
        let got = cite("s", &a, second..second + 8).unwrap_or_else(|e| panic!("{e}"));
        // "ended." (6) is shorter than "Reuters." (8).
        assert_eq!(got.prefix, None);
        assert_eq!(got.suffix.as_deref(), Some("ended."));
        let photo = text.rfind("Photo:").unwrap_or(0);
        let got = cite("s", &a, photo..photo + 6).unwrap_or_else(|e| panic!("{e}"));
        // "began." (6) before it, "Reuters." (8) after it.
        assert_eq!((got.prefix.as_deref(), got.suffix), (Some("began."), None));
    }

    #[test]
    fn both_sides_when_one_is_not_enough() {
        // The second "a": one word before it matches three of them, and no longer
        // prefix fits before it; its two words after also follow the first. Only the
        // pair picks it out.
        let text = "a a a a";
        let a = art(text);
        let got = cite("s", &a, 2..3).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(got.prefix.as_deref(), Some("a"));
        assert_eq!(got.suffix.as_deref(), Some("a a"));
        assert_eq!(
            resolve(&a, &got.quote, got.prefix.as_deref(), got.suffix.as_deref()).map(|r| r.range),
            Ok(2..3)
        );
    }

    #[test]
    fn the_toml_line_is_escaped_and_reads_back() {
        let c = Cite {
            source: "s".into(),
            quote: "He said \"no\"\\\nthen".into(),
            prefix: Some("x".into()),
            suffix: None,
            range: 0..0,
        };
        let line = c.to_toml();
        assert!(line.starts_with("{ source = \"s\", quote = "), "{line}");
        assert!(!line.contains('\n'), "one line: {line}");
        let t = toml_value(&line);
        let got = t.get("c").and_then(|v| v.as_table());
        assert_eq!(
            got.and_then(|t| t.get("quote")).and_then(|v| v.as_str()),
            Some(c.quote.as_str())
        );
        assert_eq!(
            got.and_then(|t| t.get("prefix")).and_then(|v| v.as_str()),
            Some("x")
        );
    }

    #[test]
    fn append_to_creates_then_appends() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("cites.toml");
        let c = Cite {
            source: "s".into(),
            quote: "q".into(),
            prefix: None,
            suffix: None,
            range: 0..1,
        };
        assert!(append_to(&path, &c).is_ok());
        assert!(append_to(&path, &c).is_ok());
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(text, format!("{0}\n{0}\n", c.to_toml()));
        assert!(append_to(dir.path(), &c).is_err(), "a folder is refused");
    }

    /// Every bundled article, every selection a reader can make by word or by sentence:
    /// each sentence, each word and each pair of words. The citation made for it must
    /// anchor, through `check`'s own resolution, to exactly the selected bytes — and its
    /// TOML line must read back to the same citation.
    #[test]
    fn every_selection_in_every_bundled_article_resolves_to_itself() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut files: Vec<_> = std::fs::read_dir(&seeds)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        files.sort();
        assert!(files.len() >= 5, "bundled articles missing: {files:?}");
        let mut checked = 0;
        let mut with_context = 0;
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let article = Article::new(text.clone());
            let mut selections: Vec<Range<usize>> = sentences(&text);
            let mut w = word_at(&text, 0);
            while !w.is_empty() {
                selections.push(w.clone());
                let pair = extend_word(&text, w.clone());
                if pair != w {
                    selections.push(pair.clone());
                }
                let next = word_at(&text, w.end);
                if next.start <= w.start {
                    break;
                }
                w = next;
            }
            for sel in selections {
                let c = cite("src", &article, sel.clone()).unwrap_or_else(|e| {
                    panic!("{}: {sel:?} {:?}: {e}", path.display(), &text[sel.clone()])
                });
                assert_eq!(
                    c.range, sel,
                    "selections by word and sentence have no outer spaces"
                );
                let anchored =
                    resolve(&article, &c.quote, c.prefix.as_deref(), c.suffix.as_deref());
                assert_eq!(
                    anchored.map(|a| a.range),
                    Ok(sel.clone()),
                    "{}: {c:?}",
                    path.display()
                );
                let back = toml_value(&c.to_toml());
                let t = back.get("c").and_then(|v| v.as_table());
                let field = |k: &str| {
                    t.and_then(|t| t.get(k))
                        .and_then(|v| v.as_str())
                        .map(str::to_owned)
                };
                assert_eq!(field("quote").as_deref(), Some(c.quote.as_str()));
                assert_eq!(field("prefix"), c.prefix);
                assert_eq!(field("suffix"), c.suffix);
                checked += 1;
                with_context += usize::from(c.prefix.is_some() || c.suffix.is_some());
            }
        }
        // The corpus has repeats (captions, common words): the context path is exercised.
        assert!(checked > 10_000, "{checked}");
        assert!(with_context > 1_000, "{with_context}");
    }
}
