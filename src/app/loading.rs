//! The browser while its corpus is still being checked (a large corpus: 100,000
//! dossiers take seconds). As soon as every dossier file is parsed, the index lists the
//! dossiers' names ([`crate::check::Progress::outline`]) and filters them by name and
//! alias; what needs the checked corpus (a dossier, an article, the cross-source views,
//! passages, the order by weight) waits for it: the terminal loop holds such a key, and
//! every key after it, and replays them once the checked browser is swapped in
//! ([`swap`], the live reload's carrying over). Nothing acts on a half-built corpus:
//! the outline has no claims, relations, citations or sources, and no view that would
//! show them opens before the swap.

use super::{Action, App, Screen};
use crate::check::Stage;
use crate::keymap::Keymap;
use crate::model::order::Order;
use crate::model::{Corpus, Dossier};

/// From this many dossier files the browser draws their names while the rest is checked.
/// Below it the check and the indexes take well under a second (10,000 dossiers: 0.6 s
/// on two cores, BENCHMARKS.md), and the early browser would only cost memory (14 MB
/// more at the peak at 10,000, past twice the corpus's size) and a second frame.
pub const OUTLINE_FROM: usize = 20_000;

/// How the status line starts while the corpus is checked (tests wait for its end).
pub const LOADING: &str = "loading (";

/// What is still being done before the browser has its checked corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The check, at this stage.
    Checking(Stage),
    /// The check passed; the browser's indexes are being built.
    Indexing,
}

/// The state of a browser showing an outline (`App::loading`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    pub phase: Phase,
    /// Keys held until the checked corpus is in (the terminal loop holds them).
    pub waiting: usize,
    /// Whose names the index lists.
    pub names: Names,
}

/// Whose names an early browser lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    /// The last start's ([`cache`]), not yet read from the files.
    Cached,
    /// Those of the files read so far, `read` dossiers of `of` files, on a first start
    /// of a large corpus (no cache yet): drawn as they are read, the way fzf draws a
    /// stream, rather than after every file (≈4 s at 100,000 dossiers).
    SoFar { read: usize, of: usize },
    /// Every dossier file's, as parsed now.
    Read,
}

impl Names {
    /// True when an early browser on `self` should take the place of one on `shown`:
    /// every file's names replace any others, more of the files' names fewer of them;
    /// the names read so far never replace a whole list (the last start's).
    pub fn fresher_than(self, shown: Names) -> bool {
        match (shown, self) {
            (Names::Read, _) => false,
            (_, Names::Read) => true,
            (Names::SoFar { read: was, .. }, Names::SoFar { read: now, .. }) => now > was,
            (Names::Cached, _) | (Names::SoFar { .. }, Names::Cached) => false,
        }
    }
}

impl Loading {
    /// The status line's words for it.
    pub fn status(&self) -> String {
        let what = match self.phase {
            Phase::Checking(s) => {
                let step = match s {
                    Stage::Parsing { .. } => 1,
                    Stage::Sources => 2,
                    Stage::Quotes => 3,
                    Stage::Building { .. } => 4,
                };
                format!("{LOADING}{step} of 5): {s}")
            }
            Phase::Indexing => format!("{LOADING}5 of 5): checked, building the indexes"),
        };
        let waiting = match (self.waiting, self.names) {
            (0, Names::Cached) => "names as of the last start, / filters them".to_owned(),
            (0, Names::SoFar { .. }) => "the names read so far, / filters them".to_owned(),
            (0, Names::Read) => "names only, / filters them".to_owned(),
            (1, _) => "1 key waits (q quits)".to_owned(),
            (n, _) => format!("{n} keys wait (q quits)"),
        };
        format!("{what} · {waiting}")
    }
}

/// The browser on the outline of a corpus being checked: the index of its dossiers'
/// names, filterable, with the status line saying what is being checked.
pub fn early(outline: Vec<Dossier>, keymap: Keymap, size: (u16, u16)) -> App {
    let corpus = Corpus {
        sources: Vec::new(),
        dossiers: outline,
    };
    let mut app = App::new(corpus, keymap, size);
    // Every weight is 0 until the citations are checked: "by weight" would be a lie.
    if let Screen::Index(v) = &mut app.screen {
        v.order = Order::Name;
        super::index::order_hits(v, &app.corpus, &app.order_ranks);
    }
    app.loading = Some(Loading {
        phase: Phase::Checking(Stage::Sources),
        waiting: 0,
        names: Names::Read,
    });
    app
}

/// [`early`] on the names of the files read so far, `outline` unsorted as parsed (ids
/// in any order, a repeated id not yet known as one), `of` files in all: sorted and
/// de-duplicated as the whole outline is, and marked as partial on the status line
/// until [`refresh`] brings more of them or all.
pub fn early_so_far(mut outline: Vec<Dossier>, of: usize, keymap: Keymap, size: (u16, u16)) -> App {
    outline.sort_by(|a, b| a.id.cmp(&b.id));
    outline.dedup_by(|a, b| a.id == b.id);
    let read = outline.len();
    let mut app = early(outline, keymap, size);
    app.loading = Some(Loading {
        phase: Phase::Checking(Stage::Parsing {
            done: read,
            total: of,
        }),
        waiting: 0,
        names: Names::SoFar { read, of },
    });
    app
}

/// [`early`] on the last start's outline of the corpus ([`cache`]), drawn before its
/// files are read: the status line says so until [`refresh`].
pub fn early_from_cache(outline: Vec<Dossier>, keymap: Keymap, size: (u16, u16)) -> App {
    let mut app = early(outline, keymap, size);
    app.loading = Some(Loading {
        phase: Phase::Checking(Stage::Parsing { done: 0, total: 0 }),
        waiting: 0,
        names: Names::Cached,
    });
    app
}

/// The early browser `fresh`, on the outline of the files as they are now (all of them
/// or more of them), takes the place of `app`, one on the last start's names
/// ([`cache`]) or on fewer of the files': showing what it showed (the filter searched
/// again, the selection kept by id), still loading as it was. An outline that is not
/// fresher than what `app` shows ([`Names::fresher_than`]) changes nothing: false.
pub fn refresh(app: &mut App, fresh: App) -> bool {
    let (Some(was), Some(now)) = (app.loading, fresh.loading) else {
        return false;
    };
    if !now.names.fresher_than(was.names) {
        return false;
    }
    *app = super::reload::carry_into(app, fresh);
    app.loading = Some(Loading {
        names: now.names,
        ..was
    });
    true
}

/// True when `action` may act while the browser shows an outline: moving in the index,
/// filtering it, the help, the preview's toggle and pane, redraws, resizes, quitting.
/// Everything else needs the checked corpus. The help overlay takes any key (it only
/// scrolls or closes), and Esc with no history clears the filter.
pub fn acts_early(app: &App, action: &Action) -> bool {
    if app.loading.is_none() || app.help {
        return true;
    }
    match action {
        Action::Quit
        | Action::Help
        | Action::Down
        | Action::Up
        | Action::Top
        | Action::Bottom
        | Action::PageDown
        | Action::PageUp
        | Action::Filter
        | Action::ClearFilter
        | Action::Accept
        | Action::Cancel
        | Action::DeleteChar
        | Action::DeleteWord
        | Action::DeleteLine
        | Action::Input(_)
        | Action::Edit(_)
        | Action::Paste(_)
        | Action::Resize(..)
        | Action::Suspend
        | Action::Redraw
        | Action::TogglePreview
        | Action::PaneDown
        | Action::PaneUp => true,
        Action::Back => app.back.is_empty(),
        _ => false,
    }
}

/// The checked browser `checked` takes the place of the early one `app`, showing what
/// it showed (the live reload's carrying over, [`super::reload::carry_into`]): the
/// filter as typed, searched again over names, aliases and claims, the selected dossier
/// kept by id.
/// The index takes the order every start has (`o` is held while loading, so the order
/// by name is the outline's, not the user's choice).
pub fn swap(app: &mut App, checked: App) {
    let order = Order::default();
    let screens = std::iter::once(&mut app.screen)
        .chain(app.back.iter_mut())
        .chain(app.forward.iter_mut());
    for s in screens {
        if let Screen::Index(v) = s {
            v.order = order;
        }
    }
    *app = super::reload::carry_into(app, checked);
    app.loading = None;
}

pub mod cache;
#[cfg(test)]
mod tests;
