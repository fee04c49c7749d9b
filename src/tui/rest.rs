//! Waiting for the next message, or for the selection to rest.
//!
//! While the index's selection moves, its preview keeps showing what it showed
//! (`app::preview`): the list rows go out at once, the preview's bytes only once no key
//! has moved the selection for [`REST`]. That is a deadline on the one blocking receive
//! the loop already sleeps in — no timer thread, no polling — so an idle browser still
//! wakes for nothing, and once the preview has caught up there is no deadline at all.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::input::Msg;
use crate::app::App;
use crate::app::preview::{self, Subject};

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

/// What the preview showed and the selection was before a batch of input.
pub struct Before {
    shown: Option<Subject>,
    selected: Option<Subject>,
}

/// Remembers the preview's state before a batch of input.
pub fn before(app: &App) -> Before {
    Before {
        shown: preview::shown(app),
        selected: preview::selected(app),
    }
}

/// After a batch: holds the preview if the selection moved away from it, and returns
/// the deadline to wait for — pushed back whenever the selection moved in this batch,
/// kept when it did not, none once the preview shows the selection.
pub fn after(app: &mut App, before: Before, deadline: Option<Instant>) -> Option<Instant> {
    let moved = preview::selected(app) != before.selected;
    if !preview::hold(app, before.shown) {
        return None;
    }
    match deadline {
        Some(d) if !moved => Some(d),
        _ => Some(Instant::now() + REST),
    }
}
