//! A fact-checker's read of the dossiers: each claim printed with every quote in its
//! context (the sentence before and after, from the article), and every sentence of the
//! articles that no citation touches. `check` proves a quote is in the article; only a
//! human reading the words around it can tell whether the claim keeps its hedge ("appear
//! to", "is said to"), says who asserts it, and picks the referent the text means. This
//! module makes that read repeatable: `examples/audit.rs` drives it
//! (`cargo run --release --example audit -- --help`), the README's "Curation" section
//! says how to use it, and `docs/boilerplate.toml` records the uncited sentences judged
//! to carry no fact, so that `uncovered` lists only what is still to be judged.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Deserialize;

use crate::model::{Citation, Claim, Corpus, Dossier};
use crate::search::passages::sentences;
use crate::text::sanitize_line;
use crate::xref::Xref;

/// Where a quote sits among its article's sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The sentence just before the first one the quote touches, if any.
    pub before: Option<Range<usize>>,
    /// From the start of the first sentence the quote touches to the end of the last.
    pub within: Range<usize>,
    /// The sentence just after the last one the quote touches, if any.
    pub after: Option<Range<usize>>,
}

/// The context of the bytes `quote` of `text`. A quote that touches no sentence (only
/// white space, which a verified citation never is) is its own context.
pub fn context(text: &str, quote: &Range<usize>) -> Context {
    let all = sentences(text);
    let end = quote.end.max(quote.start + 1);
    let first = all
        .iter()
        .position(|s| s.end > quote.start && s.start < end);
    let last = all
        .iter()
        .rposition(|s| s.end > quote.start && s.start < end);
    match (first, last) {
        (Some(f), Some(l)) => Context {
            before: f.checked_sub(1).and_then(|i| all.get(i)).cloned(),
            within: all.get(f).map_or(quote.start, |s| s.start.min(quote.start))
                ..all.get(l).map_or(quote.end, |s| s.end.max(quote.end)),
            after: all.get(l + 1).cloned(),
        },
        _ => Context {
            before: None,
            within: quote.clone(),
            after: None,
        },
    }
}

/// One citation as a block of lines: source and location, the sentence before, the
/// sentence(s) holding the quote with the quote between ⟦ and ⟧, the sentence after,
/// and the citation's note. Article text is sanitised; line breaks show as `␤`.
pub fn render_citation(corpus: &Corpus, c: &Citation, indent: &str) -> String {
    let mut s = String::new();
    let Some(src) = corpus.sources.get(c.source) else {
        return s;
    };
    let text = &src.article.text;
    let cx = context(text, &c.range);
    let slice = |r: Range<usize>| text.get(r).map(sanitize_line).unwrap_or_default();
    let _ = writeln!(
        s,
        "{indent}[{}] seeds/{}:{}:{}",
        sanitize_line(&src.short),
        sanitize_line(&src.file),
        c.start.line,
        c.start.column
    );
    if let Some(b) = cx.before {
        let _ = writeln!(s, "{indent}  before: {}", slice(b));
    }
    let _ = writeln!(
        s,
        "{indent}  quote:  {}⟦{}⟧{}",
        slice(cx.within.start..c.range.start),
        slice(c.range.clone()),
        slice(c.range.end..cx.within.end)
    );
    if let Some(a) = cx.after {
        let _ = writeln!(s, "{indent}  after:  {}", slice(a));
    }
    if let Some(n) = &c.note {
        let _ = writeln!(s, "{indent}  note:   {}", sanitize_line(n));
    }
    s
}

/// A claim, its note and variants, each citation in context, then a line for the
/// reader's verdict (supported / overreach / misattributed / wrong).
pub fn render_claim(corpus: &Corpus, d: &Dossier, c: &Claim) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "── {} #{}{}{}",
        sanitize_line(&d.id),
        sanitize_line(&c.id),
        if c.disputed { " ⚑ disputed" } else { "" },
        c.date
            .as_deref()
            .map_or(String::new(), |d| format!(" ({d})"))
    );
    let _ = writeln!(s, "  claim: {}", sanitize_line(&c.text));
    if let Some(n) = &c.note {
        let _ = writeln!(s, "  note:  {}", sanitize_line(n));
    }
    for cite in &c.cites {
        s.push_str(&render_citation(corpus, cite, "  "));
    }
    for v in &c.variants {
        let _ = writeln!(
            s,
            "  variant «{}»{}",
            sanitize_line(&v.value),
            v.date
                .as_deref()
                .map_or(String::new(), |d| format!(" ({d})"))
        );
        if let Some(n) = &v.note {
            let _ = writeln!(s, "    note:  {}", sanitize_line(n));
        }
        for cite in &v.cites {
            s.push_str(&render_citation(corpus, cite, "    "));
        }
    }
    s.push_str("  verdict: supported | overreach | misattributed | wrong\n");
    s
}

/// A dossier's relations, each citation in context.
pub fn render_relations(corpus: &Corpus, d: &Dossier) -> String {
    let mut s = String::new();
    for r in &d.relations {
        let _ = writeln!(
            s,
            "── {} ─{}→ {}{}",
            sanitize_line(&d.id),
            r.kind,
            sanitize_line(&r.target),
            r.role
                .as_deref()
                .map_or(String::new(), |x| format!(" — {}", sanitize_line(x)))
        );
        if let Some(n) = &r.note {
            let _ = writeln!(s, "  note:  {}", sanitize_line(n));
        }
        for cite in &r.cites {
            s.push_str(&render_citation(corpus, cite, "  "));
        }
        s.push_str("  verdict: supported | overreach | misattributed | wrong\n");
    }
    s
}

/// Words that, in the sentence a quote sits in, hedge what it says or put it in someone
/// else's mouth ("appear to", "is said to", "allegedly", "claims", "according to").
pub const HEDGES: &[&str] = &[
    "appear",
    "apparently",
    "allegedly",
    "said to",
    "reportedly",
    "possibly",
    "would have",
    "seem",
    "may ",
    "might",
    "probably",
    "claim",
    "according to",
];

/// Words that, in a claim's text or note, keep a hedge or say who asserts it.
pub const KEPT: &[&str] = &[
    "appear",
    "apparent",
    "alleg",
    "said",
    "say",
    "reported",
    "possibl",
    "seem",
    "may ",
    "might",
    "could",
    "probabl",
    "claim",
    "according to",
    "told",
    "own account",
    "in its words",
    "in his words",
    "call",
    "describ",
    "accus",
    "argu",
    "announc",
    "state",
    "wrote",
    "writes",
    "unclear",
    "judgement call",
];

/// The hedge word of [`HEDGES`] that `sentence` holds, if any.
fn hedge_in(sentence: &str) -> Option<&'static str> {
    let lower = sentence.to_lowercase();
    HEDGES.iter().copied().find(|h| lower.contains(h))
}

/// Claims (not disputed: a variant names its own source) that may have dropped a hedge or
/// an attribution: a quote of theirs sits in a sentence with a word of [`HEDGES`], while
/// neither the claim's text nor its note has a word of [`KEPT`]. Candidates for a human
/// read, as (dossier, claim, hedge word); many are fine (the hedge is about another clause).
pub fn unhedged(corpus: &Corpus) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    for (di, d) in corpus.dossiers.iter().enumerate() {
        for (ci, c) in d.claims.iter().enumerate() {
            if c.disputed {
                continue;
            }
            let own = format!("{} {}", c.text, c.note.as_deref().unwrap_or("")).to_lowercase();
            if KEPT.iter().any(|k| own.contains(k)) {
                continue;
            }
            let hedge = c.cites.iter().find_map(|cite| {
                let text = &corpus.sources.get(cite.source)?.article.text;
                hedge_in(text.get(context(text, &cite.range).within)?)
            });
            if let Some(h) = hedge {
                out.push((di, ci, h));
            }
        }
    }
    out
}

/// Indices of the `n` dossiers with the most citations (ties by id), most first.
pub fn largest(corpus: &Corpus, n: usize) -> Vec<usize> {
    let mut v: Vec<(usize, usize)> = corpus
        .dossiers
        .iter()
        .enumerate()
        .map(|(i, d)| (d.all_cites().count(), i))
        .collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    v.into_iter().take(n).map(|(_, i)| i).collect()
}

/// `n` distinct items of `pool`, drawn with a seeded generator (splitmix64, partial
/// Fisher–Yates) so that an audit can be repeated exactly; in `pool` order.
pub fn sample<T: Clone + Ord>(pool: &[T], n: usize, seed: u64) -> Vec<T> {
    let mut v = pool.to_vec();
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let n = n.min(v.len());
    for i in 0..n {
        let span = (v.len() - i) as u64;
        let j = i + (next() % span) as usize;
        v.swap(i, j);
    }
    v.truncate(n);
    v.sort();
    v
}

/// A sentence of an article that no citation covers whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncited {
    /// Index into [`Corpus::sources`].
    pub source: usize,
    pub range: Range<usize>,
    /// Share of its bytes that some citation covers, in per cent.
    pub cited: f64,
}

/// Every sentence whose cited share is at most `at_most` per cent (0: no citation
/// touches it), article by article, in article order.
pub fn uncited(corpus: &Corpus, x: &Xref, at_most: f64) -> Vec<Uncited> {
    let mut out = Vec::new();
    for (si, src) in corpus.sources.iter().enumerate() {
        for r in sentences(&src.article.text) {
            let covered = crate::xref::union_len(
                x.citing(si, &r)
                    .into_iter()
                    .map(|c| c.range.start.max(r.start)..c.range.end.min(r.end)),
            );
            let cited = covered as f64 * 100.0 / (r.end - r.start).max(1) as f64;
            if cited <= at_most {
                out.push(Uncited {
                    source: si,
                    range: r,
                    cited,
                });
            }
        }
    }
    out
}

/// `docs/boilerplate.toml`: the uncited sentences judged to carry no fact (page
/// furniture, photo captions, headings, reposters' blurbs), grouped by the reason.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Boilerplate {
    #[serde(default)]
    pub boilerplate: Vec<Judged>,
}

/// Sentences of one source judged boilerplate for one reason.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judged {
    /// A source id of `seeds/sources.toml`.
    pub source: String,
    /// Why these sentences carry no fact to record.
    pub why: String,
    /// Each exactly as the article's sentence reads (see [`sentences`]).
    pub sentences: Vec<String>,
}

impl Boilerplate {
    /// Parses the file's text; the error names the line and the problem.
    pub fn parse(text: &str) -> Result<Boilerplate, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Whether the sentence `text` of source `source_id` is listed.
    pub fn lists(&self, source_id: &str, text: &str) -> bool {
        self.boilerplate
            .iter()
            .any(|j| j.source == source_id && j.sentences.iter().any(|s| s == text))
    }

    /// Listed sentences that are not a sentence of their source (misspelt, or a source
    /// id that does not exist), as (source, sentence): a stale list hides nothing.
    pub fn unknown<'a>(&'a self, corpus: &Corpus) -> Vec<(&'a str, &'a str)> {
        let mut out = Vec::new();
        for j in &self.boilerplate {
            let text = corpus.source(&j.source).map(|s| s.article.text.as_str());
            for s in &j.sentences {
                let found = text.is_some_and(|t| sentences(t).into_iter().any(|r| &t[r] == s));
                if !found {
                    out.push((j.source.as_str(), s.as_str()));
                }
            }
        }
        out
    }
}

/// The uncited sentences, one line each (`seeds/FILE:line:col  NN% cited  text`), under
/// a heading per article; those that `boilerplate` lists are left out unless `all`.
pub fn render_uncited(
    corpus: &Corpus,
    found: &[Uncited],
    boilerplate: Option<&Boilerplate>,
    all: bool,
) -> String {
    let mut s = String::new();
    for (si, src) in corpus.sources.iter().enumerate() {
        let text = &src.article.text;
        let mine: Vec<&Uncited> = found.iter().filter(|u| u.source == si).collect();
        let shown: Vec<&&Uncited> = mine
            .iter()
            .filter(|u| {
                all || !boilerplate.is_some_and(|b| b.lists(&src.id, &text[u.range.clone()]))
            })
            .collect();
        let _ = writeln!(
            s,
            "{} (seeds/{}): {} sentences, {} uncited: {} to judge, {} listed as boilerplate",
            sanitize_line(&src.id),
            sanitize_line(&src.file),
            sentences(text).len(),
            mine.len(),
            shown.len(),
            mine.len() - shown.len()
        );
        for u in shown {
            let at = src.article.lines.locate(text, u.range.start);
            let _ = writeln!(
                s,
                "  {}:{}  {:>3.0}% cited  {}",
                at.line,
                at.column,
                u.cited,
                sanitize_line(&text[u.range.clone()])
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::DataRoot;

    fn fixture() -> Corpus {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
        let report = crate::check::check(&DataRoot::Dir(dir));
        assert_eq!(report.errors(), 0, "the good fixture checks");
        report.corpus
    }

    #[test]
    fn context_is_the_sentence_before_and_after() {
        let t = "Title\n\nOne is first. Two has the quote here. Three follows.\nFour.";
        let q = t.find("the quote").map(|i| i..i + 9).unwrap_or_default();
        let cx = context(t, &q);
        assert_eq!(cx.before.map(|r| &t[r]), Some("One is first."));
        assert_eq!(&t[cx.within], "Two has the quote here.");
        assert_eq!(cx.after.map(|r| &t[r]), Some("Three follows."));
        // A quote over two sentences holds both; the first sentence has nothing before.
        let q = 0..t.find("One").map_or(0, |i| i + 3);
        let cx = context(t, &q);
        assert_eq!(cx.before, None);
        assert_eq!(&t[cx.within], "Title\n\nOne is first.");
        assert_eq!(cx.after.map(|r| &t[r]), Some("Two has the quote here."));
    }

    #[test]
    fn a_claim_prints_each_quote_between_its_neighbours() {
        let corpus = fixture();
        let mut contexts = 0;
        for d in &corpus.dossiers {
            for c in &d.claims {
                let out = render_claim(&corpus, d, c);
                assert!(out.contains(&format!("#{}", c.id)), "{out}");
                assert!(out.contains(&c.text), "{out}");
                for cite in c.all_cites() {
                    let text = &corpus.sources[cite.source].article.text;
                    assert!(
                        out.contains(&format!("⟦{}⟧", sanitize_line(&text[cite.range.clone()]))),
                        "the quote is lost: {out}"
                    );
                    let cx = context(text, &cite.range);
                    for (label, r) in [("before: ", cx.before), ("after:  ", cx.after)] {
                        if let Some(r) = r {
                            contexts += 1;
                            let line = format!("{label}{}\n", sanitize_line(&text[r]));
                            assert!(out.contains(&line), "the context is lost: {out}");
                        }
                    }
                }
            }
        }
        assert!(contexts > 0, "the fixture has quotes with neighbours");
    }

    #[test]
    fn a_claim_that_drops_its_hedge_is_a_candidate() {
        let mut corpus = fixture();
        let listed = |corpus: &Corpus, di: usize, ci: usize| {
            unhedged(corpus).iter().any(|&(d, c, _)| (d, c) == (di, ci))
        };
        let (di, ci) = corpus
            .dossiers
            .iter()
            .enumerate()
            .flat_map(|(di, d)| d.claims.iter().enumerate().map(move |(ci, c)| (di, ci, c)))
            .find(|(_, _, c)| !c.disputed && !c.cites.is_empty() && !unhedged_text(&c.text))
            .map(|(di, ci, _)| (di, ci))
            .expect("a plain claim");
        // The article hedges what the claim states flatly: a candidate.
        let cite = corpus.dossiers[di].claims[ci].cites[0].clone();
        corpus.sources[cite.source]
            .article
            .text
            .insert_str(cite.range.start, "allegedly ");
        assert!(listed(&corpus, di, ci));
        // The claim keeps the hedge: no longer a candidate.
        corpus.dossiers[di].claims[ci].text = "It is alleged that it is so.".to_owned();
        assert!(!listed(&corpus, di, ci));
    }

    fn unhedged_text(t: &str) -> bool {
        let l = t.to_lowercase();
        KEPT.iter().any(|k| l.contains(k))
    }

    #[test]
    fn a_sample_is_repeatable_distinct_and_seeded() {
        let pool: Vec<u32> = (0..100).collect();
        let a = sample(&pool, 10, 7);
        assert_eq!(a, sample(&pool, 10, 7));
        assert_ne!(a, sample(&pool, 10, 8));
        let mut d = a.clone();
        d.dedup();
        assert_eq!(d.len(), 10);
        assert_eq!(sample(&pool, 500, 1).len(), 100);
    }

    #[test]
    fn uncited_sentences_are_those_no_quote_touches() {
        let corpus = fixture();
        let x = Xref::new(&corpus);
        let found = uncited(&corpus, &x, 0.0);
        for u in &found {
            assert!(x.citing(u.source, &u.range).is_empty());
        }
        // Every other sentence is touched by a citation.
        for (si, s) in corpus.sources.iter().enumerate() {
            for r in sentences(&s.article.text) {
                let listed = found.iter().any(|u| u.source == si && u.range == r);
                assert_eq!(listed, x.citing(si, &r).is_empty());
            }
        }
    }
}
