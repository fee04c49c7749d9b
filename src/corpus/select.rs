//! Growing and shrinking a selection of an article by word and by sentence, for the
//! reader's citation mode. A selection is a byte range of the article's raw text, always
//! on character boundaries; its start stays where the reader put it and these functions
//! move its end, the way a mouse drag does.
//!
//! A *word* is a maximal run of non-whitespace characters (punctuation stays with its
//! word: `Kapustin,`), so a selection grown word by word is exactly the text a reader sees
//! between spaces, and a quote made from it never starts or ends with white space, which
//! `check` refuses. A *sentence* is what passage search calls one
//! ([`sentences`](crate::search::passages::sentences)): it ends at a line break, or after
//! `.`, `!` or `?` (and closing quotes or brackets) followed by white space.

use std::ops::Range;

use crate::search::passages::sentences;

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The word at or after byte `at` (the first word when `at` is in white space), or an
/// empty range at the end of the text when no word follows.
pub fn word_at(text: &str, at: usize) -> Range<usize> {
    let at = floor_char(text, at.min(text.len()));
    if at == text.len() || text[at..].starts_with(is_space) {
        let next = skip_space(text, at);
        return next..word_end(text, next);
    }
    // Back to the start of the word `at` is inside.
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !is_space(c))
        .last()
        .map_or(at, |(i, _)| i);
    start..word_end(text, start)
}

/// Grows `sel` by the next word: its end moves past the white space after it and the
/// word that follows. An empty selection becomes the word at its start. At the end of
/// the text nothing changes.
pub fn extend_word(text: &str, sel: Range<usize>) -> Range<usize> {
    if sel.is_empty() {
        return word_at(text, sel.start);
    }
    let next = skip_space(text, sel.end);
    if next >= text.len() {
        return sel;
    }
    sel.start..word_end(text, next)
}

/// Shrinks `sel` by its last word: its end moves back to the end of the word before it.
/// A selection of one word (or part of one) is left as it is, never emptied.
pub fn shrink_word(text: &str, sel: Range<usize>) -> Range<usize> {
    let Some(inner) = text.get(sel.clone()) else {
        return sel;
    };
    let body = inner.trim_end();
    // The last white space inside the selection, before its last word.
    let Some(gap) = body.rfind(is_space) else {
        return sel;
    };
    let kept = body[..gap].trim_end();
    if kept.is_empty() {
        return sel;
    }
    sel.start..sel.start + kept.len()
}

/// Grows `sel` to the end of the sentence its end is in — or, when it already ends a
/// sentence, to the end of the next one. An empty selection becomes the sentence at its
/// start. At the end of the text nothing changes.
pub fn extend_sentence(text: &str, sel: Range<usize>) -> Range<usize> {
    let all = sentences(text);
    if sel.is_empty() {
        return all
            .iter()
            .find(|s| s.end > sel.start)
            .cloned()
            .unwrap_or(sel);
    }
    match all.iter().find(|s| s.end > sel.end) {
        Some(s) => sel.start..s.end,
        None => sel,
    }
}

/// Shrinks `sel` by its last sentence (or the part of one it ends in): its end moves
/// back to the end of the last sentence that ends inside the selection before its end.
/// A selection within one sentence is left as it is.
pub fn shrink_sentence(text: &str, sel: Range<usize>) -> Range<usize> {
    match sentences(text)
        .iter()
        .rev()
        .find(|s| s.end < sel.end && s.end > sel.start)
    {
        Some(s) => sel.start..s.end,
        None => sel,
    }
}

/// The end of the word starting at `start`.
fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .find(is_space)
        .map_or(text.len(), |i| start + i)
}

/// The first non-white-space byte at or after `at`.
fn skip_space(text: &str, at: usize) -> usize {
    text[at..]
        .find(|c: char| !is_space(c))
        .map_or(text.len(), |i| at + i)
}

/// `at`, moved back to a character boundary.
fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "He said: “no.” Then   left.\nNew line here";

    fn s(r: Range<usize>) -> &'static str {
        &T[r]
    }

    #[test]
    fn words_grow_and_shrink_by_whitespace_runs() {
        let w = word_at(T, 0);
        assert_eq!(s(w.clone()), "He");
        let two = extend_word(T, w.clone());
        assert_eq!(s(two.clone()), "He said:");
        let three = extend_word(T, two.clone());
        assert_eq!(s(three.clone()), "He said: “no.”");
        assert_eq!(shrink_word(T, three.clone()), two);
        assert_eq!(shrink_word(T, two), w.clone());
        assert_eq!(shrink_word(T, w.clone()), w, "one word is never emptied");
        // Across a run of spaces and a line break.
        let then = word_at(T, T.find("Then").unwrap_or(0));
        let grown = extend_word(T, extend_word(T, then));
        assert_eq!(s(grown), "Then   left.\nNew");
    }

    #[test]
    fn word_at_inside_a_word_and_in_space() {
        let mid = T.find("aid").unwrap_or(0);
        assert_eq!(s(word_at(T, mid)), "said:");
        let space = T.find("   ").unwrap_or(0) + 1;
        assert_eq!(s(word_at(T, space)), "left.");
        assert_eq!(word_at(T, T.len()), T.len()..T.len());
        let e = extend_word(T, T.len() - 4..T.len());
        assert_eq!(e, T.len() - 4..T.len(), "nothing after the last word");
    }

    #[test]
    fn sentences_grow_and_shrink() {
        let first = extend_sentence(T, 0..0);
        assert_eq!(s(first.clone()), "He said: “no.”");
        let two = extend_sentence(T, first.clone());
        assert_eq!(s(two.clone()), "He said: “no.” Then   left.");
        let three = extend_sentence(T, two.clone());
        assert_eq!(s(three.clone()), T);
        assert_eq!(extend_sentence(T, three.clone()), three);
        assert_eq!(shrink_sentence(T, three), two);
        assert_eq!(shrink_sentence(T, two), first.clone());
        assert_eq!(shrink_sentence(T, first.clone()), first);
        // From a word inside a sentence, to that sentence's end.
        let said = word_at(T, 3);
        assert_eq!(s(extend_sentence(T, said)), "said: “no.”");
    }
}
