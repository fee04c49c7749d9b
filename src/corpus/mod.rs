//! Article text and the anchoring of quotes in it.

pub mod anchor;
pub mod cite;
pub mod multi;
pub mod relocate;
pub mod select;

pub use anchor::{Anchor, AnchorError, Article, resolve, resolve_from};
pub use multi::exact_occurrences;
