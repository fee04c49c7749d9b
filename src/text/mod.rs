//! Text utilities shared by checking, the CLI and the browser: folding for quote
//! matching, sanitising for display, and line/column positions.

pub mod fold;
pub mod lines;
pub mod sanitize;

pub use fold::{Folded, fold_str};
pub use lines::{LineCol, LineIndex};
pub use sanitize::{sanitize, sanitize_line};
