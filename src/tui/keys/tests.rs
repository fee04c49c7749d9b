use super::*;

fn keys(bytes: &[u8]) -> Vec<Key> {
    let mut d = Decoder::default();
    let mut out = d.feed(bytes);
    out.extend(d.flush());
    out
}

fn k(code: KeyCode) -> Key {
    Key::new(code)
}

#[test]
fn text_and_controls() {
    assert_eq!(
        keys(b"jG\r\t\x7f"),
        vec![
            Key::char('j'),
            Key::char('G'),
            k(KeyCode::Enter),
            k(KeyCode::Tab),
            k(KeyCode::Backspace)
        ]
    );
    assert_eq!(
        keys(b"\x04\x15\x17\x0c\x0a"),
        vec![
            Key::ctrl('d'),
            Key::ctrl('u'),
            Key::ctrl('w'),
            Key::ctrl('l'),
            Key::ctrl('j')
        ]
    );
    assert_eq!(keys("Céсar€𝄞".as_bytes()).len(), 7);
    assert_eq!(keys("é".as_bytes()), vec![Key::char('é')]);
}

#[test]
fn cursor_and_editing_keys_with_modifiers() {
    assert_eq!(
        keys(b"\x1b[A\x1b[B\x1b[C\x1b[D\x1bOH\x1b[F\x1b[5~\x1b[6~\x1b[3~\x1b[Z"),
        vec![
            k(KeyCode::Up),
            k(KeyCode::Down),
            k(KeyCode::Right),
            k(KeyCode::Left),
            k(KeyCode::Home),
            k(KeyCode::End),
            k(KeyCode::PageUp),
            k(KeyCode::PageDown),
            k(KeyCode::Delete),
            k(KeyCode::BackTab),
        ]
    );
    let ctrl_right = Key {
        code: KeyCode::Right,
        ctrl: true,
        alt: false,
    };
    assert_eq!(keys(b"\x1b[1;5C"), vec![ctrl_right]);
    let alt_left = Key {
        code: KeyCode::Left,
        ctrl: false,
        alt: true,
    };
    assert_eq!(keys(b"\x1b[1;3D"), vec![alt_left]);
}

#[test]
fn escape_alone_and_alt_letters() {
    assert_eq!(keys(b"\x1b"), vec![k(KeyCode::Esc)]);
    assert_eq!(keys(b"\x1b\x1b"), vec![k(KeyCode::Esc), k(KeyCode::Esc)]);
    let alt_b = Key {
        code: KeyCode::Char('b'),
        ctrl: false,
        alt: true,
    };
    assert_eq!(keys(b"\x1bb"), vec![alt_b]);
    // Esc then a CSI key: two keys.
    assert_eq!(keys(b"\x1b\x1b[A"), vec![k(KeyCode::Esc), k(KeyCode::Up)]);
}

#[test]
fn a_sequence_cut_by_the_read_waits_for_its_end() {
    let mut d = Decoder::default();
    assert_eq!(d.feed(b"j\x1b["), vec![Key::char('j')]);
    assert!(d.waiting());
    assert_eq!(d.feed(b"1;5"), vec![]);
    assert_eq!(
        d.feed(b"Cx"),
        vec![
            Key {
                code: KeyCode::Right,
                ctrl: true,
                alt: false
            },
            Key::char('x')
        ]
    );
    assert!(!d.waiting());
    // A UTF-8 character split across reads.
    let e = "é".as_bytes();
    assert_eq!(d.feed(&e[..1]), vec![]);
    assert_eq!(d.feed(&e[1..]), vec![Key::char('é')]);
}

#[test]
fn reports_and_replies_are_not_keys() {
    // SGR mouse, focus in/out, a cursor position reply, a DA reply.
    assert_eq!(
        keys(b"\x1b[<0;10;5M\x1b[I\x1b[O\x1b[3;1R\x1b[?62;22cj"),
        vec![Key::char('j')]
    );
}

#[test]
fn garbage_never_grows_the_buffer_or_panics() {
    let mut d = Decoder::default();
    let mut long = b"\x1b[".to_vec();
    long.extend(std::iter::repeat_n(b'1', 10_000));
    d.feed(&long);
    assert!(d.pending.len() <= MAX_SEQUENCE + 2);
    for b in 0..=255u8 {
        let mut d = Decoder::default();
        d.feed(&[0x1b, b, 0xff, 0x1b, b'[', b]);
        d.flush();
    }
}
