//! What a person sees on an emulated terminal, for the tests that compare screens: each
//! cell's character (a never-written cell and a written space look the same), colours
//! and attributes, one string per row. A blank without reverse or underline shows only
//! its background: its foreground, boldness or slant cannot be seen (the encoder erases
//! such cells, or writes them with the pen it has).

/// The rows of `p`'s screen as a person sees them.
pub fn visible(p: &vt100::Parser) -> Vec<String> {
    let screen = p.screen();
    let (rows, cols) = screen.size();
    (0..rows.get())
        .map(|row| {
            (0..cols.get())
                .map(|col| match screen.cell(row, col) {
                    Some(c) => {
                        let text = if c.contents().is_empty() {
                            " "
                        } else {
                            c.contents()
                        };
                        if text == " " && !c.inverse() && !c.underline() {
                            return format!(" {:?}", c.bgcolor());
                        }
                        format!(
                            "{text}{:?}{:?}{}{}{}{}",
                            c.fgcolor(),
                            c.bgcolor(),
                            u8::from(c.bold()),
                            u8::from(c.italic()),
                            u8::from(c.underline()),
                            u8::from(c.inverse())
                        )
                    }
                    None => "?".to_owned(),
                })
                .collect()
        })
        .collect()
}
