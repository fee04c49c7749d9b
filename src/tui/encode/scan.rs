//! Reading terminal output back: the characters in what the browser wrote that are not
//! part of its own control sequences and that a terminal would obey or hide. The proof
//! behind [`super::cell_text`]: the encoder's tests, the scroll backend's tests and the
//! hostile-corpus test of every view scan their bytes with this.

use crate::text::sanitize::is_unsafe;

/// Final bytes of the CSI sequences the browser sends: cursor moves (`A`–`D`, `H`),
/// erase (`J`, `K`), rendition (`m`), scroll region and scrolling (`r`, `S`, `T`) and
/// private modes (`h`, `l`, as in `CSI ?25l`).
const OWN_CSI_FINALS: &[u8] = b"ABCDHJKSTmrhl";

/// The escapes of one byte after ESC the browser sends: reverse index (`M`, one row up,
/// or a scroll at the top margin), DECSC and DECRC (`7`, `8`: save and restore the
/// cursor).
const OWN_ESC_FINALS: &[u8] = b"M78";

/// Every character of `bytes` that [`is_unsafe`] rejects and that is not part of one of
/// the browser's own sequences: a CSI (`ESC [`, parameters `0-9 ; ?`, one final byte
/// of [`OWN_CSI_FINALS`]), an escape of [`OWN_ESC_FINALS`], or one of the relative
/// moves CR, LF and BS. Bytes that are not
/// UTF-8 count as U+FFFD. Empty when the output is safe.
pub fn stray_unsafe(bytes: &[u8]) -> Vec<char> {
    let text = String::from_utf8_lossy(bytes);
    let mut stray = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' | '\u{8}' => {}
            '\u{1b}' => stray.extend((!own_escape(&mut chars)).then_some(c)),
            '\u{FFFD}' if matches!(text, std::borrow::Cow::Owned(_)) => stray.push(c),
            c if is_unsafe(c) => stray.push(c),
            _ => {}
        }
    }
    stray
}

/// Consumes the rest of an escape or CSI the browser sends, after its ESC; false
/// (consuming only what it looked at) when what follows is anything else.
fn own_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    match chars.peek() {
        Some(&c) if c.is_ascii() && OWN_ESC_FINALS.contains(&(c as u8)) => {
            chars.next();
            return true;
        }
        Some('[') => {}
        _ => return false,
    }
    chars.next();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() || c == ';' || c == '?' {
            chars.next();
            continue;
        }
        if c.is_ascii() && OWN_CSI_FINALS.contains(&(c as u8)) {
            chars.next();
            return true;
        }
        return false;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_sequences_pass_and_anything_else_is_stray() {
        let own =
            b"\x1b[H\x1b[2;5Habc\r\n\x08\x1b[K\x1b[0;1;38;5;200m\x1b[?25l\x1b[3;9r\x1b[2S\x1b[r\x1bM\x1b7\x1b8";
        assert_eq!(stray_unsafe(own), Vec::<char>::new());
        for (bytes, want) in [
            (&b"a\x1b]0;title\x07b"[..], vec!['\u{1b}', '\u{7}']),
            ("x\u{9b}31m".as_bytes(), vec!['\u{9b}']),
            (
                "a\u{202e}b\u{200d}c\u{e0041}".as_bytes(),
                vec!['\u{202e}', '\u{200d}', '\u{e0041}'],
            ),
            (b"\x1b[2q", vec!['\u{1b}']),
            (b"\x1bc", vec!['\u{1b}']),
            (b"\x1b", vec!['\u{1b}']),
            (b"\t\x7f", vec!['\t', '\u{7f}']),
            (b"\xff", vec!['\u{FFFD}']),
        ] {
            assert_eq!(stray_unsafe(bytes), want, "{bytes:?}");
        }
    }
}
