//! The help overlay's layout and scrolling. The overlay lists every binding of the current
//! view; with a dozen views it no longer fits a 80×24 terminal, so it scrolls (j/k, paging,
//! g/G) and wraps long descriptions instead of cutting them off. The layout lives here, not
//! in `ui`, because `update` needs the same line count to keep the scroll in range.

use super::App;
use crate::action::Mode;
use crate::geometry::wrap::wrap;
use crate::keymap::Keymap;

/// One display line of the overlay: the keys (only on an entry's first line) and a slice
/// of its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub keys: String,
    pub desc: String,
}

/// The width of the key column for a box `inner` columns wide: as wide as the longest keys,
/// but at most a third of the box, so descriptions keep room.
fn key_width(entries: &[(String, &str)], inner: usize) -> usize {
    let longest = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    longest.min(inner / 3).max(1)
}

/// The overlay's lines for `mode` in a box `inner` columns wide (inside the borders), and
/// the key column's width. Both columns wrap at their widths.
pub fn help_lines(keymap: &Keymap, mode: Mode, inner: usize) -> (Vec<HelpLine>, usize) {
    let entries = keymap.help(mode);
    let key_w = key_width(&entries, inner);
    // " keys  desc": one space before, two between.
    let desc_w = inner.saturating_sub(key_w + 3).max(1);
    let mut lines = Vec::new();
    for (keys, desc) in &entries {
        // Both columns wrap: a long key list continues under itself rather than being cut
        // (a cut `left` would read as `l`, another key).
        let key_parts = wrap(keys, key_w);
        let desc_parts = wrap(desc, desc_w);
        let rows = key_parts.len().max(desc_parts.len()).max(1);
        for i in 0..rows {
            let part = |parts: &[std::ops::Range<usize>], text: &str| {
                parts
                    .get(i)
                    .map(|r| text[r.clone()].trim_end().to_string())
                    .unwrap_or_default()
            };
            lines.push(HelpLine {
                keys: part(&key_parts, keys),
                desc: part(&desc_parts, desc),
            });
        }
    }
    (lines, key_w)
}

/// Lines of the overlay at the app's current size, and how many fit at once.
fn layout(app: &App) -> (usize, usize) {
    let width = crate::geometry::overlay(app.size, 0).width;
    let (lines, _) = help_lines(
        &app.keymap,
        app.mode(),
        usize::from(width.saturating_sub(2)),
    );
    let rows = crate::geometry::overlay_rows(crate::geometry::overlay(app.size, lines.len()));
    (lines.len(), rows)
}

/// Scrolls the overlay by `delta` lines (saturating at both ends).
pub fn scroll(app: &mut App, delta: isize) {
    let (len, visible) = layout(app);
    let max_top = len.saturating_sub(visible);
    app.help_top = app.help_top.saturating_add_signed(delta).min(max_top);
}

/// Lines one page of the overlay scrolls.
pub fn page(app: &App) -> isize {
    isize::try_from(layout(app).1).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_descriptions_wrap_under_their_own_column() {
        let keymap = Keymap::default_keymap();
        let (lines, key_w) = help_lines(&keymap, Mode::Dossier, 40);
        assert!(key_w <= 40 / 3);
        for l in &lines {
            assert!(
                l.desc.chars().count() <= 40 - key_w - 3,
                "{l:?} overflows its column"
            );
        }
        // A continuation line carries no keys; keys are wrapped, never cut.
        assert!(lines.iter().any(|l| l.keys.is_empty()));
        assert!(lines.iter().all(|l| l.keys.chars().count() <= key_w));
        let keys: Vec<&str> = lines
            .iter()
            .flat_map(|l| l.keys.split_whitespace())
            .collect();
        for (k, _) in keymap.help(Mode::Dossier) {
            for key in k.split_whitespace() {
                assert!(keys.contains(&key), "key {key:?} missing or cut");
            }
        }
        // Every binding's text is there, none cut off: the words of each description
        // appear in order across its lines.
        let all: String = lines
            .iter()
            .map(|l| l.desc.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for (_, desc) in keymap.help(Mode::Dossier) {
            let words = desc.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(all.contains(&words), "missing {desc:?}");
        }
    }

    #[test]
    fn the_box_fits_any_screen() {
        for size in [(0, 0), (1, 1), (5, 3), (80, 24), (300, 100)] {
            let crate::geometry::Rect {
                x,
                y,
                width: w,
                height: h,
            } = crate::geometry::overlay(size, 50);
            assert!(x + w <= size.0 && y + h <= size.1, "{size:?}");
        }
    }
}
