//! Article text and the anchoring of quotes in it.

pub mod anchor;

pub use anchor::{Anchor, AnchorError, Article, resolve};
