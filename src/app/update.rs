//! `update`: one action in, the state changed, maybe a follow-up action out. Pure: no
//! terminal, no clock, no I/O, so tests can drive it key by key.

use super::filter::Found;
use super::reader::{GUTTER, find_all, line_of};
use super::rows::{Target, layout};
use super::{Action, App, DossierView, IndexView, ReaderView, Screen, Searcher};
use crate::geometry::Shape;
use crate::model::{Citation, Source};
use crate::search::Field;
use crate::text::sanitize_line;
use crate::xref::Item;

/// Applies `action` to `app`; returns a follow-up action, if any.
pub fn update(app: &mut App, action: Action) -> Option<Action> {
    if let Action::Found(done) = action {
        // A background search's answer: not a key, so it neither clears the message
        // nor closes the help.
        if done.generation == app.generation {
            found(app, done.found);
        }
        return None;
    }
    if !matches!(action, Action::Resize(..)) {
        // A message lasts until the next key; a resize (or the redraw Ctrl-L asks for,
        // which re-reads the size) is not a key and must not change what is shown.
        app.message = None;
    }
    if app.errors.is_some() {
        super::errors::update(app, action);
        return None;
    }
    if app.help {
        // The overlay scrolls with the usual movement keys; any other key closes it.
        match action {
            Action::Quit => app.quit = true,
            Action::Resize(w, h) => {
                resize(app, w, h);
                super::help::scroll(app, 0);
            }
            Action::Down => super::help::scroll(app, 1),
            Action::Up => super::help::scroll(app, -1),
            Action::PageDown => super::help::scroll(app, super::help::page(app)),
            Action::PageUp => super::help::scroll(app, -super::help::page(app)),
            Action::Top => app.help_top = 0,
            Action::Bottom => super::help::scroll(app, isize::MAX),
            _ => app.help = false,
        }
        return None;
    }
    match super::typing::update(app, &action) {
        super::typing::Typed::Not => {}
        super::typing::Typed::Changed => {
            requery(app);
            return None;
        }
        super::typing::Typed::Unchanged => return None,
        // One level: the stand-in (a movement) is never a line edit.
        super::typing::Typed::Instead(a) => return update(app, a),
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Help => {
            app.help = true;
            app.help_top = 0;
        }
        Action::Resize(w, h) => resize(app, w, h),
        Action::Errors => super::errors::open(app),
        Action::Back => back(app),
        Action::Forward => forward(app),
        Action::Suspend | Action::Redraw => {}
        Action::TogglePreview => super::preview::toggle(app),
        Action::CitedBy => super::cited_by::open_from_reader(app),
        Action::Sources => super::sources::open_view(app),
        Action::Disputes => super::disputes::open_view(app),
        Action::Claims => super::claims::open_view(app),
        Action::Timeline => super::timeline::open_timeline(app),
        Action::Relations if matches!(app.screen, Screen::Dossier(_)) => {
            super::relations::open_map(app)
        }
        other => match &app.screen {
            Screen::Index(_) => index(app, other),
            Screen::Dossier(_) => dossier(app, other),
            Screen::Reader(_) => reader(app, other),
            Screen::CitedBy(_) => super::cited_by::update(app, other),
            Screen::Sources(_) => super::sources::update(app, other),
            Screen::Disputes(_) => super::disputes::update(app, other),
            Screen::Claims(_) => super::claims::update(app, other),
            Screen::Relations(_) => super::relations::update(app, other),
            Screen::Timeline(_) => super::timeline::update(app, other),
        },
    }
    None
}

pub(crate) fn resize(app: &mut App, w: u16, h: u16) {
    let (old_width, old_height) = (reader_width(app.size.0), app.list_rows(Shape::Reader));
    app.size = (w, h);
    let (width, height) = (reader_width(w), app.list_rows(Shape::Reader));
    if (old_width, old_height) != (width, height) {
        // Every reader, on screen or in the history, keeps the text it showed.
        let corpus = std::sync::Arc::clone(&app.corpus);
        let cache = &app.wrapped;
        let views = std::iter::once(&mut app.screen)
            .chain(app.back.iter_mut())
            .chain(app.forward.iter_mut());
        for screen in views {
            if let Screen::Reader(v) = screen {
                let before = cache.get(&corpus, v.source, old_width);
                let a = super::anchor::anchor(v, &before, old_height);
                let text = corpus.sources.get(v.source).map_or("", |s| &s.article.text);
                super::anchor::restore(v, a, &super::wrap::wrap(text, width), height);
            }
        }
    }
    if let Screen::Reader(v) = &app.screen {
        let source = v.source;
        app.wrapped.ensure(&app.corpus, source, width);
    }
    clamp(app);
}

/// Columns of article text at terminal width `w`.
fn reader_width(w: u16) -> usize {
    usize::from(w.saturating_sub(GUTTER))
}

/// Opens `screen`, remembering the current one for Back.
pub(crate) fn open(app: &mut App, screen: Screen) {
    let old = std::mem::replace(&mut app.screen, screen);
    app.back.push(old);
    app.forward.clear();
    after_switch(app);
}

fn back(app: &mut App) {
    if let Some(prev) = app.back.pop() {
        let cur = std::mem::replace(&mut app.screen, prev);
        app.forward.push(cur);
        after_switch(app);
    } else if let Screen::Index(v) = &mut app.screen {
        // Nothing to go back to: Esc in the index clears the filter.
        if !v.query.is_empty() {
            v.query.clear();
            refilter(app);
        }
    }
}

fn forward(app: &mut App) {
    if let Some(next) = app.forward.pop() {
        let cur = std::mem::replace(&mut app.screen, next);
        app.back.push(cur);
        after_switch(app);
    } else {
        app.message = Some("nothing to go forward to".into());
    }
}

pub(crate) fn after_switch(app: &mut App) {
    if let Screen::Reader(v) = &app.screen {
        let source = v.source;
        let w = usize::from(app.size.0.saturating_sub(GUTTER));
        app.wrapped.ensure(&app.corpus, source, w);
    }
    clamp(app);
}

/// Keeps selections and scroll positions inside the content after a resize.
fn clamp(app: &mut App) {
    let (list, text) = (app.list_rows(Shape::Index), app.list_rows(Shape::Reader));
    match &mut app.screen {
        Screen::Index(v) => {
            v.selected = v.selected.min(v.len().saturating_sub(1));
            keep_visible(&mut v.offset, v.selected, list);
        }
        Screen::Dossier(_) => keep_target_visible(app),
        Screen::Reader(v) => {
            let max_top = app.wrapped.lines.len().saturating_sub(text);
            v.top = v.top.min(max_top);
        }
        Screen::CitedBy(_) => super::cited_by::clamp(app),
        Screen::Sources(_) => super::sources::clamp(app),
        Screen::Disputes(_) => super::disputes::clamp(app),
        Screen::Claims(_) => super::claims::clamp(app),
        Screen::Relations(_) => super::relations::clamp(app),
        Screen::Timeline(_) => super::timeline::clamp(app),
    }
}

pub(crate) fn keep_visible(offset: &mut usize, row: usize, height: usize) {
    let height = height.max(1);
    if row < *offset {
        *offset = row;
    } else if row >= *offset + height {
        *offset = row + 1 - height;
    }
}

/// Searches again for the index's query in its scope: at once when searches run here,
/// otherwise on the worker (the list keeps the previous hits until the answer arrives).
fn refilter(app: &mut App) {
    let Screen::Index(v) = &mut app.screen else {
        return;
    };
    v.selected = 0;
    v.offset = 0;
    app.generation += 1;
    match &mut app.searcher {
        Searcher::Sync(finder) => {
            if let Some(f) = finder.find(v.scope, &v.query, &|| false) {
                apply(v, f);
            }
        }
        Searcher::Async(worker) => {
            v.pending = true;
            worker.send(app.generation, v.scope, &v.query);
        }
    }
}

/// Makes the index's list answer its current query before something acts on it: Enter
/// typed right after the query must open what that query finds, not a row of the list
/// that was on screen while the worker was still searching (fzf waits the same way). The
/// search runs here, once, from scratch; the worker's late answer is then dropped.
fn settle(app: &mut App) {
    let Screen::Index(v) = &mut app.screen else {
        return;
    };
    if !v.pending {
        return;
    }
    let mut finder = super::filter::Finder::new(
        std::sync::Arc::clone(&app.corpus),
        std::sync::Arc::clone(&app.search),
        std::sync::Arc::clone(&app.passages),
    );
    app.generation += 1;
    if let Some(f) = finder.find(v.scope, &v.query, &|| false) {
        apply(v, f);
    }
}

pub(crate) fn apply(v: &mut IndexView, found: Found) {
    match found {
        Found::Dossiers(hits) => v.hits = hits,
        Found::Passages(hits) => v.passages = hits,
    }
    v.pending = false;
    v.selected = v.selected.min(v.len().saturating_sub(1));
}

/// Applies the newest search's answer to the index, on screen or the last one in the
/// history (the user may have opened something meanwhile).
fn found(app: &mut App, f: Found) {
    let h = app.list_rows(Shape::Index);
    let target = match &mut app.screen {
        Screen::Index(v) => Some(v),
        _ => app.back.iter_mut().rev().find_map(|s| match s {
            Screen::Index(v) => Some(v),
            _ => None,
        }),
    };
    if let Some(v) = target {
        apply(v, f);
        keep_visible(&mut v.offset, v.selected, h);
    }
}

pub(crate) fn move_by(pos: usize, len: usize, delta: isize) -> usize {
    if len == 0 {
        return 0;
    }
    pos.saturating_add_signed(delta).min(len - 1)
}

fn index(app: &mut App, action: Action) {
    let h = app.list_rows(Shape::Index);
    if action == Action::Open {
        settle(app);
    }
    let Screen::Index(v) = &mut app.screen else {
        return;
    };
    let page = h as isize;
    match action {
        Action::Filter => v.typing = true,
        Action::Accept => v.typing = false,
        Action::Cancel | Action::ClearFilter => {
            v.typing = false;
            v.query.clear();
            refilter(app);
        }
        Action::Down => v.selected = move_by(v.selected, v.len(), 1),
        Action::Up => v.selected = move_by(v.selected, v.len(), -1),
        Action::PageDown => v.selected = move_by(v.selected, v.len(), page),
        Action::PageUp => v.selected = move_by(v.selected, v.len(), -page),
        Action::Top => v.selected = 0,
        Action::Bottom => v.selected = v.len().saturating_sub(1),
        Action::ToggleScope => {
            v.scope = v.scope.toggled();
            refilter(app);
        }
        Action::SearchPassages => {
            v.typing = true;
            if v.scope != super::filter::Scope::Passages {
                v.scope = super::filter::Scope::Passages;
                refilter(app);
            }
        }
        Action::Open if v.scope == super::filter::Scope::Passages => {
            if let Some(hit) = v.passages.get(v.selected) {
                let (source, range) = (hit.source, hit.range.clone());
                v.typing = false;
                super::jump::to_reader(app, source, Some(range));
                return;
            }
        }
        Action::Open => {
            if let Some(hit) = v.hits.get(v.selected) {
                let (d, field) = (hit.dossier, hit.field);
                v.typing = false;
                match matched_item(app, d, field) {
                    // Matched through an alias or a claim: open at that item's citation.
                    Some(item) => super::jump::to_dossier(app, d, Some((item, 0))),
                    None => open(
                        app,
                        Screen::Dossier(DossierView {
                            dossier: d,
                            selected: 0,
                            offset: 0,
                        }),
                    ),
                }
                return;
            }
        }
        _ => {}
    }
    if let Screen::Index(v) = &mut app.screen {
        keep_visible(&mut v.offset, v.selected, h);
    }
}

/// The dossier item an index hit matched, when it is not the name: the alias, or the
/// claim (a disputed claim's citations are its variants', so its first variant).
fn matched_item(app: &App, dossier: usize, field: Field) -> Option<Item> {
    let d = app.corpus.dossiers.get(dossier)?;
    match field {
        Field::Name => None,
        Field::Alias(i) => Some(Item::Alias(i)),
        Field::Claim(i) => {
            let claim = d.claims.get(i)?;
            if claim.cites.is_empty() && !claim.variants.is_empty() {
                Some(Item::Variant(i, 0))
            } else {
                Some(Item::Claim(i))
            }
        }
    }
}

/// Height of the dossier's row list.
pub fn dossier_list_height(app: &App) -> usize {
    app.list_rows(Shape::Dossier)
}

fn keep_target_visible(app: &mut App) {
    let h = dossier_list_height(app);
    let width = app.size.0;
    let Screen::Dossier(v) = &mut app.screen else {
        return;
    };
    let Some(d) = app.corpus.dossiers.get(v.dossier) else {
        return;
    };
    let lay = layout(&app.corpus, d, app.incoming.of(v.dossier), width, None);
    v.selected = v.selected.min(lay.targets.len().saturating_sub(1));
    let max_offset = lay.rows.len().saturating_sub(h);
    if let Some(&row) = lay.target_rows.get(v.selected) {
        keep_visible(&mut v.offset, row, h);
    }
    v.offset = v.offset.min(max_offset);
}

/// The text `y` puts on the clipboard for a citation.
pub fn citation_text(app: &App, c: &Citation) -> String {
    app.corpus
        .sources
        .get(c.source)
        .map_or_else(String::new, |s| clipboard_text(s, &c.quote, c.start.line))
}

/// The one format of everything `y` copies: quote, source title, outlet, `file:line`.
fn clipboard_text(s: &Source, quote: &str, line: usize) -> String {
    sanitize_line(&format!(
        "“{quote}” — {}, {}, seeds/{}:{line}",
        s.title, s.outlet, s.file
    ))
}

fn dossier(app: &mut App, action: Action) {
    let h = dossier_list_height(app);
    let width = app.size.0;
    let Screen::Dossier(v) = &app.screen else {
        return;
    };
    let Some(d) = app.corpus.dossiers.get(v.dossier) else {
        return;
    };
    let lay = layout(&app.corpus, d, app.incoming.of(v.dossier), width, None);
    let n = lay.targets.len();
    let (mut selected, mut offset) = (v.selected, v.offset);
    let is_cite = |i: usize| matches!(lay.targets.get(i), Some(Target::Cite(_)));
    let mut follow: Option<Screen> = None;
    // Enter on a citation: its article, at the quote.
    let mut reading: Option<(usize, std::ops::Range<usize>)> = None;
    // Enter on a "Linked from" row: the dossier holding the relation, at that relation.
    let mut holder: Option<(usize, usize)> = None;
    // Enter on a summary reference: the claim it names, in this dossier.
    let mut claim: Option<usize> = None;
    match action {
        Action::Down => selected = move_by(selected, n, 1),
        Action::Up => selected = move_by(selected, n, -1),
        Action::NextCite => {
            if let Some(i) = (selected + 1..n).find(|&i| is_cite(i)) {
                selected = i;
            } else {
                app.message = Some("last citation".into());
            }
        }
        Action::PrevCite => {
            if let Some(i) = (0..selected).rev().find(|&i| is_cite(i)) {
                selected = i;
            } else {
                app.message = Some("first citation".into());
            }
        }
        Action::Top => {
            selected = 0;
            offset = 0;
        }
        Action::Bottom => {
            selected = n.saturating_sub(1);
            offset = lay.rows.len().saturating_sub(h);
        }
        Action::PageDown | Action::PageUp => {
            let max_offset = lay.rows.len().saturating_sub(h);
            offset = if action == Action::PageDown {
                (offset + h).min(max_offset)
            } else {
                offset.saturating_sub(h)
            };
            if let Some(i) = lay
                .target_rows
                .iter()
                .position(|&r| r >= offset && r < offset + h)
            {
                selected = i;
            }
        }
        Action::NextPane | Action::PrevPane => {
            let row = lay.target_rows.get(selected).copied().unwrap_or(0);
            let current = lay
                .sections
                .iter()
                .copied()
                .rfind(|&s| s <= row)
                .unwrap_or(0);
            // Back to the nearest earlier section with something to select (the summary
            // has nothing: landing there would select the current section again).
            let section = if action == Action::NextPane {
                lay.sections.iter().copied().find(|&s| s > row)
            } else {
                lay.sections.iter().copied().rfind(|&s| {
                    s < current && lay.target_rows.iter().any(|&r| r >= s && r < current)
                })
            };
            if let Some(s) = section {
                if let Some(i) = lay.target_rows.iter().position(|&r| r >= s) {
                    selected = i;
                }
            }
        }
        Action::Open => match lay.targets.get(selected) {
            Some(Target::Cite(c)) => reading = Some((c.source, c.range.clone())),
            Some(Target::Relation(r)) => {
                if let Some(i) = d
                    .relations
                    .get(*r)
                    .and_then(|rel| app.corpus.dossiers.iter().position(|x| x.id == rel.target))
                {
                    follow = Some(Screen::Dossier(DossierView {
                        dossier: i,
                        selected: 0,
                        offset: 0,
                    }));
                }
            }
            Some(Target::Incoming(link)) => holder = Some((link.owner, link.relation)),
            Some(Target::Claim(c)) => claim = Some(*c),
            None => app.message = Some("nothing to open here".into()),
        },
        Action::Copy => match lay.targets.get(selected) {
            Some(Target::Cite(c)) => {
                app.clipboard = Some(citation_text(app, c));
                app.message = Some("citation copied to the clipboard (OSC 52)".into());
            }
            _ => app.message = Some("select a citation to copy (n/N)".into()),
        },
        _ => {}
    }
    if let Some(c) = claim {
        if let Screen::Dossier(v) = &mut app.screen {
            v.selected = selected;
            v.offset = offset;
            let d = v.dossier;
            let item = matched_item(app, d, Field::Claim(c));
            super::jump::to_dossier(app, d, item.map(|i| (i, 0)));
        }
        return;
    }
    if let Some((owner, relation)) = holder {
        if let Screen::Dossier(v) = &mut app.screen {
            v.selected = selected;
            v.offset = offset;
        }
        super::jump::to_relation(app, owner, relation);
        return;
    }
    if let Some((source, range)) = reading {
        if let Screen::Dossier(v) = &mut app.screen {
            v.selected = selected;
            v.offset = offset;
        }
        super::jump::to_reader(app, source, Some(range));
        return;
    }
    if let Some(screen) = follow {
        if let Screen::Dossier(v) = &mut app.screen {
            v.selected = selected;
            v.offset = offset;
        }
        open(app, screen);
        return;
    }
    if let Screen::Dossier(v) = &mut app.screen {
        v.selected = selected;
        v.offset = offset;
    }
    keep_target_visible(app);
}

/// The top line that shows byte `offset` about a third of the way down.
pub(super) fn third_from_top(
    lines: &[std::ops::Range<usize>],
    offset: usize,
    height: usize,
) -> usize {
    let line = line_of(lines, offset);
    let max_top = lines.len().saturating_sub(height);
    line.saturating_sub(height / 3).min(max_top)
}

fn reader(app: &mut App, action: Action) {
    if matches!(&app.screen, Screen::Reader(v) if v.selection.is_some() || action == Action::Select)
    {
        super::select::update(app, action);
        return;
    }
    let h = app.list_rows(Shape::Reader);
    let Screen::Reader(v) = &mut app.screen else {
        return;
    };
    let lines = &app.wrapped.lines;
    let max_top = lines.len().saturating_sub(h);
    let text = app
        .corpus
        .sources
        .get(v.source)
        .map(|s| s.article.text.as_str())
        .unwrap_or("");
    match action {
        Action::Down => v.top = (v.top + 1).min(max_top),
        Action::Up => v.top = v.top.saturating_sub(1),
        Action::PageDown => v.top = (v.top + h).min(max_top),
        Action::PageUp => v.top = v.top.saturating_sub(h),
        Action::Top => v.top = 0,
        Action::Bottom => v.top = max_top,
        Action::Search => {
            v.typing = true;
            v.search.clear();
            v.matches.clear();
            v.current = None;
        }
        Action::Accept => {
            v.typing = false;
            if v.matches.is_empty() && !v.search.is_empty() {
                app.message = Some(format!("no match for '{}'", sanitize_line(&v.search)));
            }
        }
        Action::Cancel => {
            v.typing = false;
            v.search.clear();
            v.matches.clear();
            v.current = None;
        }
        Action::NextCite | Action::PrevCite => {
            let forward = action == Action::NextCite;
            if !v.matches.is_empty() {
                let n = v.matches.len();
                let cur = v.current.unwrap_or(0);
                let next = if forward {
                    (cur + 1) % n
                } else {
                    (cur + n - 1) % n
                };
                v.current = Some(next);
                if let Some(m) = v.matches.get(next) {
                    v.top = third_from_top(lines, m.start, h);
                }
            } else {
                let cited = app.cited.get(v.source).map(Vec::as_slice).unwrap_or(&[]);
                let here = v
                    .highlight
                    .as_ref()
                    .map_or_else(|| lines.get(v.top).map_or(0, |l| l.start), |r| r.start);
                let found = if forward {
                    cited
                        .iter()
                        .find(|r| r.start > here || (v.highlight.is_none() && r.start >= here))
                } else {
                    cited.iter().rev().find(|r| r.start < here)
                };
                match found {
                    Some(r) => {
                        v.highlight = Some(r.clone());
                        v.top = third_from_top(lines, r.start, h);
                    }
                    None => {
                        app.message = Some(
                            if forward {
                                "no later cited passage"
                            } else {
                                "no earlier cited passage"
                            }
                            .into(),
                        )
                    }
                }
            }
        }
        Action::Copy => {
            let source = app.corpus.sources.get(v.source);
            if let (Some(r), Some(s)) = (v.highlight.clone(), source) {
                let line = s.article.lines.locate(text, r.start).line;
                app.clipboard = Some(clipboard_text(s, text.get(r).unwrap_or(""), line));
                app.message = Some("passage copied to the clipboard (OSC 52)".into());
            } else {
                app.message = Some("no highlighted passage to copy (n/N)".into());
            }
        }
        _ => {}
    }
}

/// The typed line changed (`typing`): the index filters again, the reader searches
/// again.
fn requery(app: &mut App) {
    let h = app.list_rows(Shape::Reader);
    match &mut app.screen {
        Screen::Index(_) => refilter(app),
        Screen::Reader(v) => {
            let text = app
                .corpus
                .sources
                .get(v.source)
                .map_or("", |s| s.article.text.as_str());
            research(v, text, &app.wrapped.lines, h);
        }
        _ => {}
    }
}

fn research(v: &mut ReaderView, text: &str, lines: &[std::ops::Range<usize>], h: usize) {
    v.matches = find_all(text, &v.search);
    let here = lines.get(v.top).map_or(0, |l| l.start);
    v.current = v
        .matches
        .iter()
        .position(|m| m.start >= here)
        .or(if v.matches.is_empty() { None } else { Some(0) });
    if let Some(m) = v.current.and_then(|c| v.matches.get(c)) {
        let line = line_of(lines, m.start);
        if line < v.top || line >= v.top + h {
            v.top = third_from_top(lines, m.start, h);
        }
    }
}

#[cfg(test)]
mod tests;
