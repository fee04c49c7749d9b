//! dossier: hand-curated dossiers on the groups and people in a set of news articles,
//! where every statement is anchored to the exact words of an article.
//!
//! Module map:
//! - [`data`]: where the corpus comes from (bundled in the binary or `--data DIR`), read
//!   defensively.
//! - [`model`]: the format's serde types ([`model::raw`]), the fast path that parses
//!   dossier files straight into them with `toml` as reference and fallback
//!   ([`model::fast`]), and the verified, resolved model.
//! - [`text`]: folding (for quote matching), sanitising (for display), line/column maths.
//! - [`corpus`]: anchoring quotes in articles.
//! - [`check`]: every validation rule → a [`check::Report`] of diagnostics; no printing.
//! - [`diag`]: diagnostics and their `path:line:col` rendering.
//! - [`geometry`]: every view's rectangles (head, list, pane, foot, status) per size: the
//!   one geometry that `update` pages with, the renderers draw into and the scroll
//!   backend scrolls; and the wrapped rows of the dossier and disputes views (which row
//!   each selectable item is on, each piece of text tagged with what it is).
//! - [`search`]: fzf-style queries and fuzzy ranking over names, aliases and claims.
//! - [`suggest`]: "did you mean" by edit distance.
//! - [`cli`]: the non-interactive subcommands and their plain and JSON output.
//! - [`xref`]: facts across sources: who cites each passage, coverage, disputes,
//!   corroboration.
//! - [`watch`]: live reload's core: watching a corpus folder, debounced, and reloading it.
//! - The browser: [`action`] (every action and mode, each name declared once), [`app`]
//!   (state and a pure `update`: keys in, state out; `update` only dispatches to one
//!   module per view, every list moves through `app::nav`), [`keymap`] (one table of
//!   bindings, help and hints generated from it), [`ui`] (rendering, one file per view,
//!   into the [`geometry`] areas; tones become styles only in `ui::theme`) and [`tui`] (the terminal: the input
//!   thread and its key decoder, the event loop, the scroll backend and encoder, and the
//!   model test proving the screen always equals a full redraw).
//! - [`audit`]: a fact-checker's read: claims with each quote in its context, and the
//!   sentences no citation covers (`examples/audit.rs`).

pub mod action;
pub mod app;
pub mod audit;
pub mod check;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod data;
pub mod diag;
pub mod geometry;
pub mod keymap;
pub mod model;
pub mod pages;
pub mod search;
pub mod suggest;
#[cfg(test)]
mod test_support;
pub mod text;
// The browser's terminal code writes raw escape sequences to stdout by design, and its
// few messages before and after the screen is taken are fixed text or an io::Error;
// every cell it draws goes through tui::encode::cell_text instead.
#[allow(clippy::disallowed_macros, clippy::disallowed_methods)]
pub mod tui;
pub mod ui;
pub mod watch;
pub mod xref;
