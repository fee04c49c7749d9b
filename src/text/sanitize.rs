//! Making untrusted text safe to show on a terminal.
//!
//! Article and dossier text may carry escape sequences that retitle the window, write
//! the clipboard or inject input (see ../shared/design/terminal.md). Before any of it is
//! printed, every character that a terminal would interpret is replaced with a visible
//! placeholder, so an attack is shown rather than silently hidden:
//!
//! - C0 controls (except newline) and DEL become their Unicode "control picture"
//!   (ESC → `␛`, BEL → `␇`, a lone CR → `␍`); CRLF becomes a plain newline;
//! - tabs become spaces up to the next multiple of [`TAB_WIDTH`] columns;
//! - C1 controls (U+0080–U+009F), bidi overrides and isolates, zero-width characters and
//!   other invisible format characters become `⟨U+XXXX⟩`.
//!
//! [`sanitize_output`] is the last guard for text already laid out for printing (the
//! CLI's whole output): it keeps newlines and tabs as they are and replaces every other
//! unsafe character the same way.
//!
//! Sanitising is idempotent: the placeholders contain no character that would be replaced.

use std::borrow::Cow;

/// Columns a tab advances to (the next multiple of this).
pub const TAB_WIDTH: usize = 4;

/// Characters that are invisible or reorder text: bidi embeddings, overrides and
/// isolates, zero-width characters, the Arabic letter mark, the BOM, the line and
/// paragraph separators (a terminal may break the line there), the deprecated format
/// controls, interlinear annotation marks, the Mongolian vowel separator and tag
/// characters (which can smuggle invisible ASCII).
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}'
        | '\u{00AD}')
}

/// True when `c` must never reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || is_invisible_format(c)
}

/// True when `b` can be the first byte of the UTF-8 encoding of a character
/// [`is_unsafe`] rejects: an ASCII control or DEL, or the lead byte of U+0080–U+00BF
/// (C1, soft hyphen), U+0600–U+063F (U+061C), U+1800–U+183F (U+180E), U+2000–U+20BF
/// (U+200B–U+206F), U+F000–U+FFFF (U+FEFF, U+FFF9–U+FFFB) or U+E0000–U+EFFFF (tags).
/// A test checks every character, so this cannot drift from [`is_unsafe`].
fn may_start_unsafe(b: u8) -> bool {
    b < 0x20 || b == 0x7F || matches!(b, 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF | 0xF3)
}

/// The visible replacement for one unsafe character (never called for `\n` or `\t`).
fn placeholder(c: char, out: &mut String) {
    let code = c as u32;
    if code < 0x20 {
        // U+2400 + code is the control picture for that C0 control.
        out.push(char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'));
    } else if code == 0x7F {
        out.push('\u{2421}');
    } else {
        out.push_str(&format!("⟨U+{code:04X}⟩"));
    }
}

/// Returns `s` with every unsafe character replaced by a visible placeholder. Newlines
/// are kept; CRLF becomes `\n`; a lone CR is shown as `␍`; tabs expand to spaces.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(is_unsafe) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut column = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
                continue;
            }
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\t' => {
                let n = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
                continue;
            }
            c if is_unsafe(c) => placeholder(c, &mut out),
            c => out.push(c),
        }
        column += 1;
    }
    out
}

/// `s` ready to print as it is laid out: every unsafe character except newline and tab
/// replaced by its visible placeholder (a CR too, even before a newline: the layout's
/// line ends are `\n`). Borrowed, with no allocation, when there is nothing to replace.
pub fn sanitize_output(s: &str) -> Cow<'_, str> {
    let keep = |c: char| c == '\n' || c == '\t';
    // Fast path, one pass over the bytes (an export at 10,000 dossiers is 300 MB): only
    // where a byte can start an unsafe character is the character decoded and asked.
    let clean = !s.bytes().enumerate().any(|(i, b)| {
        may_start_unsafe(b)
            && s.get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| is_unsafe(c) && !keep(c))
    });
    if clean {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) && !keep(c) {
            placeholder(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`sanitize`] but also shows newlines as `␤`, for text that must stay on one line
/// (a name, an id, a value in a table).
pub fn sanitize_line(s: &str) -> String {
    sanitize(s).replace('\n', "\u{2424}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        let s = "a\u{1b}]0;pwned\u{7}b\u{9b}31mc\u{202e}d\u{200b}e\rf\u{7f}";
        let out = sanitize(s);
        assert_eq!(out, "a␛]0;pwned␇b⟨U+009B⟩31mc⟨U+202E⟩d⟨U+200B⟩e␍f␡");
        assert!(!out.chars().any(is_unsafe));
    }

    #[test]
    fn crlf_and_tabs() {
        assert_eq!(sanitize("ab\tc\r\nd\te"), "ab  c\nd   e");
    }

    #[test]
    fn idempotent_and_plain_text_untouched() {
        let s = "x\u{1b}[2J\ty\u{2066}z";
        assert_eq!(sanitize(&sanitize(s)), sanitize(s));
        assert_eq!(
            sanitize("Легион «Свобода России»"),
            "Легион «Свобода России»"
        );
    }

    #[test]
    fn output_form_keeps_its_layout_and_replaces_the_rest() {
        let clean = "name\tvalue\n  «quote»\n";
        assert!(matches!(sanitize_output(clean), Cow::Borrowed(_)));
        assert_eq!(sanitize_output(clean), clean);
        assert_eq!(
            sanitize_output("a\t\u{1b}]0;t\u{7}\r\n\u{9b}\u{202e}\u{200d}\u{e0041}\n"),
            "a\t␛]0;t␇␍\n⟨U+009B⟩⟨U+202E⟩⟨U+200D⟩⟨U+E0041⟩\n"
        );
        let hostile = "x\u{1b}[2J\ty\u{2066}z\r";
        assert_eq!(
            sanitize_output(&sanitize_output(hostile)),
            sanitize_output(hostile)
        );
        assert!(
            !sanitize_output(hostile)
                .chars()
                .any(|c| is_unsafe(c) && c != '\t')
        );
    }

    #[test]
    fn every_unsafe_character_starts_with_a_byte_the_fast_path_decodes() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_unsafe(c))
        {
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(
                may_start_unsafe(first),
                "{:04X} starts with {first:#04X}",
                c as u32
            );
        }
    }

    #[test]
    fn single_line_form_shows_newlines() {
        assert_eq!(sanitize_line("a\nb"), "a␤b");
    }
}
