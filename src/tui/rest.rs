//! Waiting for the next message, or for the selection to rest.
//!
//! While the index's selection moves, its preview keeps showing what it showed
//! (`app::preview`): the list rows go out at once, the preview's bytes only once no key
//! has moved the selection for [`REST`]. That is a deadline on the one blocking receive
//! the loop already sleeps in — no timer thread, no polling — so an idle browser still
//! wakes for nothing, and once the preview has caught up there is no deadline at all.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use super::input::Msg;
use crate::app::App;
use crate::app::preview::{self, Subject};
use crate::model::Corpus;

/// How long the selection must stay put before the preview follows it: longer than the
/// gap between a held key's repeats (25–40 ms) and a typical SSH round trip's jitter, short
/// enough to feel immediate when a single key is pressed.
pub const REST: Duration = Duration::from_millis(150);

/// What woke the loop.
pub enum Wake {
    Msg(Msg),
    /// The deadline passed with no message: the selection has rested.
    Rested,
    /// Every sender is gone.
    Closed,
}

/// Blocks for the next message; with a deadline, at most until then.
pub fn wait(rx: &Receiver<Msg>, deadline: Option<Instant>) -> Wake {
    let Some(deadline) = deadline else {
        return rx.recv().map_or(Wake::Closed, Wake::Msg);
    };
    match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(m) => Wake::Msg(m),
        Err(RecvTimeoutError::Timeout) => Wake::Rested,
        Err(RecvTimeoutError::Disconnected) => Wake::Closed,
    }
}

/// How long a key that started an index search waits for the answer before its frame
/// is drawn: a search at 10,000 dossiers answers in a few milliseconds, so the key and
/// its answer go out as one frame instead of two (the first, with the old rows under
/// the new query, was drawn and sent only to be replaced; BENCHMARKS.md, "Issue 16,
/// third pass"). Past it the key's frame is drawn and the answer follows, as before: a
/// slow search never holds back the echo of what was typed for longer than this.
pub const ANSWER: Duration = Duration::from_millis(25);

/// The next message, when the index on screen waits for a search's answer and one
/// arrives before `by` (the answer, or another key); `None` at once when nothing waits.
pub fn answer(rx: &Receiver<Msg>, app: &App, by: Instant) -> Option<Msg> {
    let waits = matches!(&app.screen, crate::app::Screen::Index(v) if v.pending);
    if !waits {
        return None;
    }
    rx.recv_timeout(by.saturating_duration_since(Instant::now()))
        .ok()
}

/// What the preview showed and the selection was before a batch of input, in which
/// corpus.
pub struct Before {
    shown: Option<Subject>,
    selected: Option<Subject>,
    /// The corpus they index into. Weak: the old corpus is not kept alive by this, and
    /// its allocation (not its contents) is, so another corpus cannot take its address.
    corpus: Weak<Corpus>,
}

/// Remembers the preview's state before a batch of input.
pub fn before(app: &App) -> Before {
    Before {
        shown: preview::shown(app),
        selected: preview::selected(app),
        corpus: Arc::downgrade(&app.corpus),
    }
}

/// After a batch: holds the preview if the selection moved away from it, and returns
/// the deadline to wait for — pushed back whenever the selection moved in this batch,
/// kept when it did not, none once the preview shows the selection. A batch that
/// brought another corpus (the checked one after the early names, a reload) never
/// holds: what the preview showed was a dossier of the old corpus by its place there,
/// which in the new one may be another dossier or none; held, the preview showed the
/// early browser's selection beside the checked browser's for a moment at 100,000
/// dossiers (BENCHMARKS.md, "Issue 16, sixth pass").
pub fn after(app: &mut App, before: Before, deadline: Option<Instant>) -> Option<Instant> {
    if !std::ptr::eq(before.corpus.as_ptr(), Arc::as_ptr(&app.corpus)) {
        preview::settle(app);
        return None;
    }
    let moved = preview::selected(app) != before.selected;
    if !preview::hold(app, before.shown) {
        return None;
    }
    match deadline {
        Some(d) if !moved => Some(d),
        _ => Some(Instant::now() + REST),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, update};
    use crate::check::check;
    use crate::data::DataRoot;
    use crate::keymap::Keymap;

    fn app(corpus: Corpus) -> App {
        App::new(corpus, Keymap::default_keymap(), (120, 30))
    }

    /// Moved within one corpus, the preview holds until the selection rests; a batch
    /// that brings another corpus with the selection elsewhere shows the new
    /// selection's preview at once, with no deadline left to wait for.
    #[test]
    fn a_new_corpus_is_previewed_at_once() {
        let corpus = check(&DataRoot::Bundled).corpus;
        let mut a = app(corpus.clone());
        let was = before(&a);
        update(&mut a, Action::Down);
        assert!(after(&mut a, was, None).is_some());
        assert_ne!(preview::shown(&a), preview::selected(&a));

        let mut a = app(corpus.clone());
        let was = before(&a);
        let mut checked = app(corpus);
        update(&mut checked, Action::Down);
        a = checked;
        assert_eq!(after(&mut a, was, None), None);
        assert!(preview::selected(&a).is_some());
        assert_eq!(preview::shown(&a), preview::selected(&a));
    }
}
