//! What each piece of laid-out text is (a title, a citation marker, a quote, a match),
//! for the theme to colour. The layouts in this module tree say *what* a piece is;
//! `ui::theme` alone decides how it looks.

/// What a piece of text is, for the theme to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Title,
    Heading,
    Dim,
    Label,
    Marker,
    Selected,
    Disputed,
    Quote,
    Match,
    /// The kind letter of an event dossier.
    Event,
    /// The kind letter of a place dossier.
    Place,
    /// The reader's mark beside a line some dossier cites.
    Gutter,
}

/// One piece of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub tone: Tone,
}

/// One display row.
pub type Row = Vec<Seg>;

/// A piece of text in `tone`.
pub fn seg(text: impl Into<String>, tone: Tone) -> Seg {
    Seg {
        text: text.into(),
        tone,
    }
}

/// Appends text to a row, merging with the last segment when the tone is the same.
pub fn push_seg(row: &mut Row, text: String, tone: Tone) {
    match row.last_mut() {
        Some(last) if last.tone == tone && tone != Tone::Selected && tone != Tone::Marker => {
            last.text.push_str(&text)
        }
        _ => row.push(Seg { text, tone }),
    }
}
