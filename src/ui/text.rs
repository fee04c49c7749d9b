//! Turning untrusted text into spans: every character is sanitised on its own (so
//! highlights keep exact character positions), then styled.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::text::sanitize::{TAB_WIDTH, is_unsafe};

/// How one raw character is shown.
pub fn display_char(c: char, out: &mut String) {
    match c {
        '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
        '\n' => out.push('\u{2424}'),
        c if is_unsafe(c) => out.push_str(&crate::text::sanitize_line(&c.to_string())),
        c => out.push(c),
    }
}

/// Spans for `text` where each character's style comes from `style_of(char_index,
/// byte_offset)`; neighbouring characters with the same style share a span.
pub fn styled(text: &str, mut style_of: impl FnMut(usize, usize) -> Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut buf = String::new();
    let mut cur: Option<Style> = None;
    for (i, (b, c)) in text.char_indices().enumerate() {
        let s = style_of(i, b);
        if cur != Some(s) {
            if let Some(prev) = cur {
                if !buf.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut buf), prev));
                }
            }
            cur = Some(s);
        }
        display_char(c, &mut buf);
    }
    if let Some(prev) = cur {
        if !buf.is_empty() {
            spans.push(Span::styled(buf, prev));
        }
    }
    spans
}

/// Spans for `text` with the characters at `positions` (sorted char indices) in `hl`.
pub fn with_matches(text: &str, positions: &[usize], base: Style, hl: Style) -> Vec<Span<'static>> {
    styled(text, |i, _| {
        if positions.binary_search(&i).is_ok() {
            base.patch(hl)
        } else {
            base
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn controls_become_placeholders_and_styles_follow_chars() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let spans = with_matches("a\u{1b}b", &[2], Style::default(), bold);
        let text: Vec<String> = spans.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(text, ["a␛", "b"]);
        assert_eq!(spans[1].style, bold);
    }
}
