//! Matches marked in a filtered list: after `/` narrows disputes, claims, sources, the
//! timeline, cited-by or the relations map, every shown piece of text marks where the
//! query's terms occur, in the index's match style, so a reader sees why each row stayed.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::list_filter::ListFilter;

/// `rows` with the filter's terms marked in `hl` (unchanged without a filter).
pub fn mark(rows: Vec<Line<'static>>, filter: &ListFilter, hl: Style) -> Vec<Line<'static>> {
    if !filter.is_active() {
        return rows;
    }
    let m = filter.matcher();
    rows.into_iter()
        .map(|line| {
            let (style, alignment) = (line.style, line.alignment);
            let spans: Vec<Span<'static>> = line
                .spans
                .into_iter()
                .flat_map(|span| {
                    let at = m.highlights(&span.content);
                    if at.is_empty() {
                        return vec![span];
                    }
                    split(&span.content, span.style, &at, hl)
                })
                .collect();
            let mut out = Line::from(spans).style(style);
            out.alignment = alignment;
            out
        })
        .collect()
}

/// `text` in `base`, the characters at `at` (ascending char indices) patched with `hl`.
fn split(text: &str, base: Style, at: &[usize], hl: Style) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut marked = false;
    let mut next = at.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        let is_mark = next.peek() == Some(&&i);
        if is_mark {
            next.next();
        }
        if is_mark != marked && !run.is_empty() {
            let style = if marked { base.patch(hl) } else { base };
            out.push(Span::styled(std::mem::take(&mut run), style));
        }
        marked = is_mark;
        run.push(c);
    }
    if !run.is_empty() {
        out.push(Span::styled(
            run,
            if marked { base.patch(hl) } else { base },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn the_terms_are_marked_and_the_text_kept() {
        let filter = ListFilter {
            query: "legion".into(),
            typing: false,
        };
        let hl = Style::default().add_modifier(Modifier::UNDERLINED);
        let rows = mark(
            vec![Line::from("Freedom of Russia Legion · legion")],
            &filter,
            hl,
        );
        let text: String = rows[0].spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "Freedom of Russia Legion · legion");
        let marked: Vec<&str> = rows[0]
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::UNDERLINED))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(marked, ["Legion", "legion"]);
        let none = ListFilter::default();
        assert_eq!(mark(vec![Line::from("x")], &none, hl)[0].spans.len(), 1);
    }
}
