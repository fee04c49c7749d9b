use super::*;

/// Everything `bytes` decode to, flushed at the end.
fn events(bytes: &[u8]) -> Vec<Event> {
    let mut d = Decoder::default();
    let mut out = d.feed(bytes);
    out.extend(d.flush());
    out
}

/// The keys among `events`.
fn only_keys(events: Vec<Event>) -> Vec<Key> {
    events
        .into_iter()
        .filter_map(|e| match e {
            Event::Key(k) => Some(k),
            _ => None,
        })
        .collect()
}

fn keys(bytes: &[u8]) -> Vec<Key> {
    let all = events(bytes);
    assert!(
        all.iter().all(|e| matches!(e, Event::Key(_))),
        "only keys expected: {all:?}"
    );
    only_keys(all)
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
    assert_eq!(d.feed(b"j\x1b["), vec![Event::Key(Key::char('j'))]);
    assert!(d.waiting());
    assert_eq!(d.feed(b"1;5"), vec![]);
    assert_eq!(
        only_keys(d.feed(b"Cx")),
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
    assert_eq!(d.feed(&e[1..]), vec![Event::Key(Key::char('é'))]);
}

#[test]
fn reports_and_replies_are_not_keys() {
    // SGR mouse, focus in/out, a cursor position reply, a DA reply.
    assert_eq!(
        only_keys(events(b"\x1b[<0;10;5M\x1b[I\x1b[O\x1b[3;1R\x1b[?62;22cj")),
        vec![Key::char('j')]
    );
    assert_eq!(
        events(b"\x1b[I\x1b[O\x1b[3;1R\x1b[?62;22c"),
        vec![],
        "focus reports and replies are dropped"
    );
}

fn at(kind: MouseKind, column: u16, row: u16) -> Event {
    Event::Mouse(Mouse::at(kind, column, row))
}

#[test]
fn sgr_mouse_reports_are_mouse_events() {
    // Press and release of the left button at column 10, row 5 (1-based on the wire).
    assert_eq!(
        events(b"\x1b[<0;10;5M\x1b[<0;10;5m"),
        vec![
            at(MouseKind::Down(Button::Left), 9, 4),
            at(MouseKind::Up(Some(Button::Left)), 9, 4)
        ]
    );
    // The wheel, a right click, a drag, and a large column (SGR has no 223 limit).
    assert_eq!(
        events(b"\x1b[<64;1;1M\x1b[<65;300;2M\x1b[<2;3;4M\x1b[<32;5;6M"),
        vec![
            at(MouseKind::ScrollUp, 0, 0),
            at(MouseKind::ScrollDown, 299, 1),
            at(MouseKind::Down(Button::Right), 2, 3),
            at(MouseKind::Drag(Button::Left), 4, 5),
        ]
    );
    // Modifiers: 4 shift, 8 alt, 16 ctrl.
    let Some(Event::Mouse(m)) = events(b"\x1b[<28;2;2M").pop() else {
        panic!("a mouse event")
    };
    assert!(m.shift && m.alt && m.ctrl && m.kind == MouseKind::Down(Button::Left));
    // Horizontal wheels and motion without a button: nothing, and no keys either.
    assert_eq!(events(b"\x1b[<66;1;1M\x1b[<35;1;1M\x1b[<;;M"), vec![]);
}

#[test]
fn a_mouse_report_cut_by_the_read_waits_for_its_end() {
    let mut d = Decoder::default();
    assert_eq!(d.feed(b"\x1b[<0;1"), vec![]);
    assert!(d.waiting());
    assert_eq!(
        d.feed(b"2;3Mj"),
        vec![
            at(MouseKind::Down(Button::Left), 11, 2),
            Event::Key(Key::char('j'))
        ]
    );
}

#[test]
fn x10_mouse_reports_never_become_keys() {
    // `CSI M` then button+32, column+33, row+33: a left press at (0, 0), then `j`.
    assert_eq!(
        events(b"\x1b[M !!j"),
        vec![
            at(MouseKind::Down(Button::Left), 0, 0),
            Event::Key(Key::char('j'))
        ]
    );
    // Release (button 3) and the wheel.
    assert_eq!(
        events(b"\x1b[M#!!\x1b[Ma!!"),
        vec![
            at(MouseKind::Up(None), 0, 0),
            at(MouseKind::ScrollDown, 0, 0)
        ]
    );
}

#[test]
fn a_bracketed_paste_is_one_event_whose_newlines_are_not_enter() {
    assert_eq!(
        events(b"x\x1b[200~RT61\rmortars\n\x1b[201~j"),
        vec![
            Event::Key(Key::char('x')),
            Event::Paste("RT61\rmortars\n".into()),
            Event::Key(Key::char('j'))
        ]
    );
    // Escape sequences inside a paste are text, not keys.
    assert_eq!(
        events(b"\x1b[200~a\x1b[Ab\x1b[201~"),
        vec![Event::Paste("a\x1b[Ab".into())]
    );
}

#[test]
fn a_paste_split_across_reads_and_pauses_stays_one_paste() {
    let mut d = Decoder::default();
    assert_eq!(d.feed(b"\x1b[200~RT6"), vec![]);
    // A pause (the reader's timeout) must not end it or flush its bytes as keys.
    assert!(!d.waiting());
    assert_eq!(d.flush(), vec![]);
    assert_eq!(d.feed(b"1\rmor\x1b[20"), vec![]);
    assert_eq!(
        d.feed(b"1~\r"),
        vec![
            Event::Paste("RT61\rmor".into()),
            Event::Key(Key::new(KeyCode::Enter))
        ]
    );
}

#[test]
fn a_huge_paste_is_capped() {
    let mut bytes = b"\x1b[200~".to_vec();
    bytes.extend(std::iter::repeat_n(b'a', MAX_PASTE * 2));
    bytes.extend_from_slice(b"\x1b[201~");
    let mut d = Decoder::default();
    let mut got = Vec::new();
    for chunk in bytes.chunks(4000) {
        got.extend(d.feed(chunk));
    }
    assert!(d.pending.len() < PASTE_END.len(), "{}", d.pending.len());
    assert!(matches!(got.as_slice(), [Event::Paste(p)] if p.len() == MAX_PASTE));
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
