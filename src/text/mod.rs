//! Text utilities shared by checking, the CLI and the browser: folding for quote
//! matching, sanitising for display, line/column positions, and counts with their
//! nouns agreed ("1 claim").

pub mod fold;
pub mod lines;
pub mod plural;
pub mod sanitize;

pub use fold::{Folded, fold_str};
pub use lines::{LineCol, LineIndex};
pub use plural::count;
pub use sanitize::{sanitize, sanitize_line};
