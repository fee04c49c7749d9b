//! Editing a typing line (the index filter, the reader's search): one meaning of each
//! key everywhere, as readline gives them.

/// Ctrl-W: deletes the word before the end of the line, and the spaces after it
/// (readline's `unix-word-rubout`: words end at spaces).
pub fn delete_word(line: &mut String) {
    let trimmed = line.trim_end_matches(' ').len();
    let cut = line[..trimmed].rfind(' ').map_or(0, |i| i + 1);
    line.truncate(cut);
}

#[cfg(test)]
mod tests {
    use super::delete_word;

    #[test]
    fn ctrl_w_deletes_one_word_and_its_trailing_spaces() {
        let mut s = String::from("RT61 mortars  ");
        delete_word(&mut s);
        assert_eq!(s, "RT61 ");
        delete_word(&mut s);
        assert_eq!(s, "");
        delete_word(&mut s);
        assert_eq!(s, "");
        let mut s = String::from("'Denis Nik");
        delete_word(&mut s);
        assert_eq!(s, "'Denis ");
    }
}
