//! The timeline: every dated claim and variant of every dossier, in date order (built by
//! [`crate::model::timeline`]). Enter opens the row's dossier with that claim's (or
//! variant's) first citation selected, so the claim is in view and its quote shown.

use super::list_filter::ListFilter;
use super::nav::Pick;
use super::stack::open;
use super::{Action, App, DossierView, Screen};
use crate::geometry::dossier::{Target, layout};
use crate::model::timeline::{Entry, Timeline, timeline};

/// The timeline's selection and scroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineView {
    /// Selected entry.
    pub selected: usize,
    /// First visible entry.
    pub offset: usize,
    /// `/`: only the entries whose date, dossier name or text match.
    pub filter: ListFilter,
}

/// Rows for the list (`geometry`: the body less the title line and the pane).
pub fn timeline_list_height(app: &App) -> usize {
    app.list_rows(crate::geometry::Shape::Timeline)
}

/// `T`: opens the timeline (a no-op when it is already on screen).
pub fn open_timeline(app: &mut App) {
    if !matches!(app.screen, Screen::Timeline(_)) {
        open(
            app,
            Screen::Timeline(TimelineView {
                selected: 0,
                offset: 0,
                filter: ListFilter::default(),
            }),
        );
    }
}

/// The timeline's order and what the view needs of every entry, computed once per
/// corpus: building and sorting every dated claim on each key and frame cost time in
/// proportion to the corpus.
#[derive(Debug, Default)]
pub struct Kept {
    /// (dossier, claim, variant) of each entry, in timeline order.
    order: Vec<(usize, usize, Option<usize>)>,
    undated: usize,
    /// The widest dossier name among the entries, in columns (sanitised as shown).
    pub name_width: usize,
}

impl Kept {
    /// Entries in the timeline (every dated claim and variant).
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when no claim has a date.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// The kept timeline of `app`'s corpus.
pub fn kept(app: &App) -> &Kept {
    app.timeline.get_or_init(|| {
        let t = timeline(&app.corpus);
        let name_width = t
            .entries
            .iter()
            .filter_map(|e| e.dossier_of(&app.corpus))
            .map(|d| {
                unicode_width::UnicodeWidthStr::width(crate::text::sanitize_line(&d.name).as_str())
            })
            .max()
            .unwrap_or(0);
        Kept {
            order: t
                .entries
                .iter()
                .map(|e| (e.dossier, e.claim, e.variant))
                .collect(),
            undated: t.undated,
            name_width,
        }
    })
}

/// The timeline, from the kept order (no sorting): the same entries `timeline` gives.
pub fn entries(app: &App) -> Timeline<'_> {
    let corpus = &app.corpus;
    let k = kept(app);
    let entries = k
        .order
        .iter()
        .filter_map(|&(dossier, claim, variant)| {
            let c = corpus.dossiers.get(dossier)?.claims.get(claim)?;
            let date = match variant {
                Some(v) => c.variants.get(v)?.date.as_deref()?,
                None => c.date.as_deref()?,
            };
            Some(Entry {
                date,
                dossier,
                claim,
                variant,
            })
        })
        .collect();
    Timeline {
        entries,
        undated: k.undated,
    }
}

/// The entries `v` lists: every dated claim, or those its filter keeps.
pub fn shown<'a>(app: &'a App, v: &TimelineView) -> Timeline<'a> {
    let mut t = entries(app);
    if v.filter.is_active() {
        let m = v.filter.matcher();
        t.entries.retain(|e| {
            let name = e.dossier_of(&app.corpus).map_or("", |d| d.name.as_str());
            m.matches(&format!("{} {name} · {}", e.date, e.text(&app.corpus)))
        });
    }
    t
}

/// The filter changed: the entries it keeps, from the top.
pub fn refilter(app: &mut App) {
    if let Screen::Timeline(v) = &mut app.screen {
        (v.selected, v.offset) = (0, 0);
    }
}

/// Keeps the selection inside the list and on screen (after a resize).
pub fn clamp(app: &mut App) {
    let h = timeline_list_height(app);
    let n = match &app.screen {
        Screen::Timeline(v) if v.filter.is_active() => shown(app, v).entries.len(),
        _ => kept(app).len(),
    };
    if let Screen::Timeline(v) = &mut app.screen {
        let mut pick = Pick::at(v.selected, v.offset);
        pick.clamp(n, h);
        (v.selected, v.offset) = (pick.selected, pick.offset);
    }
}

/// The dossier view that shows `e`: its dossier, with the first citation of the dated
/// claim or variant selected (the first target when it has none).
fn dossier_at(app: &App, e: &Entry<'_>) -> DossierView {
    let first = e.cites(&app.corpus).first().copied();
    let selected = e
        .dossier_of(&app.corpus)
        .and_then(|d| {
            let lay = layout(&app.corpus, d, app.incoming.of(e.dossier), app.size.0, None);
            lay.targets.iter().position(
                |t| matches!((t, first), (Target::Cite(c), Some(f)) if std::ptr::eq(*c, f)),
            )
        })
        .unwrap_or(0);
    DossierView {
        dossier: e.dossier,
        selected,
        offset: 0,
    }
}

/// One action on the timeline.
pub fn update(app: &mut App, action: Action) {
    let h = timeline_list_height(app);
    let Screen::Timeline(v) = &app.screen else {
        return;
    };
    let t = shown(app, v);
    let n = t.entries.len();
    let mut pick = Pick::at(v.selected, v.offset);
    match action {
        Action::Open => {
            match t.entries.get(pick.selected) {
                Some(e) => {
                    let view = dossier_at(app, e);
                    open(app, Screen::Dossier(view));
                }
                None => app.message = Some("no dated claims to open".into()),
            }
            return;
        }
        movement if pick.step(&movement, n, h) => {}
        _ => return,
    }
    if let Screen::Timeline(v) = &mut app.screen {
        (v.selected, v.offset) = (pick.selected, pick.offset);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::update;
    use crate::check::check;
    use crate::data::DataRoot;
    use crate::keymap::{Key, Keymap, Mode};

    fn app(root: DataRoot) -> App {
        let report = check(&root);
        assert_eq!(report.errors(), 0);
        App::new(report.corpus, Keymap::default_keymap(), (100, 30))
    }

    /// The fixture corpus with two claims dated (the fixture itself has none), or with
    /// none when `dated` is false.
    fn fixture_dated(dated: bool) -> App {
        let report = check(&DataRoot::Dir(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"),
        ));
        assert_eq!(report.errors(), 0);
        let mut corpus = report.corpus;
        for d in &mut corpus.dossiers {
            for c in &mut d.claims {
                c.date = match c.id.as_str() {
                    "founded" if dated => Some("2022-05".into()),
                    "age" if dated => Some("2023".into()),
                    _ => None,
                };
            }
        }
        App::new(corpus, Keymap::default_keymap(), (100, 30))
    }

    fn fixture() -> App {
        fixture_dated(true)
    }

    fn run(app: &mut App, actions: &[Action]) {
        for a in actions {
            update(app, a.clone());
        }
    }

    /// The quote of the dossier view's selected citation.
    fn selected_quote(a: &App) -> String {
        let Screen::Dossier(v) = &a.screen else {
            panic!("dossier")
        };
        let d = &a.corpus.dossiers[v.dossier];
        match layout(&a.corpus, d, a.incoming.of(v.dossier), a.size.0, None)
            .targets
            .get(v.selected)
        {
            Some(Target::Cite(c)) => c.quote.clone(),
            _ => panic!("no citation selected"),
        }
    }

    #[test]
    fn t_opens_the_timeline_everywhere_but_while_typing() {
        let a = fixture();
        for mode in [Mode::Index, Mode::Dossier, Mode::Reader, Mode::Relations] {
            assert_eq!(
                a.keymap.lookup(mode, Key::char('T')),
                Some(Action::Timeline)
            );
        }
        assert_eq!(
            a.keymap.lookup(Mode::Filter, Key::char('T')),
            Some(Action::Input('T'))
        );
        let mut a = fixture();
        run(&mut a, &[Action::Timeline]);
        assert_eq!(a.mode(), Mode::Timeline);
        run(&mut a, &[Action::Timeline]);
        assert_eq!(a.back.len(), 1, "T on the timeline does not stack it again");
    }

    #[test]
    fn enter_opens_the_dossier_with_the_claim_selected_and_back_returns() {
        let mut a = fixture();
        run(&mut a, &[Action::Timeline, Action::Down, Action::Down]);
        let Screen::Timeline(before) = a.screen.clone() else {
            panic!("timeline")
        };
        assert_eq!(before.selected, 1, "two entries: the selection stops at 1");
        run(&mut a, &[Action::Open]);
        assert_eq!(
            selected_quote(&a),
            "Jane Doe, 41",
            "2023 sorts after 2022-05"
        );
        run(&mut a, &[Action::Back]);
        assert_eq!(a.screen, Screen::Timeline(before));
        run(&mut a, &[Action::Top, Action::Open]);
        assert_eq!(selected_quote(&a), "was founded in May 2022 by Jane Doe");
    }

    #[test]
    fn an_empty_timeline_says_so_on_enter() {
        let mut a = fixture_dated(false);
        run(&mut a, &[Action::Timeline, Action::Down, Action::Open]);
        assert!(matches!(a.screen, Screen::Timeline(_)));
        assert_eq!(a.message.as_deref(), Some("no dated claims to open"));
    }

    /// The kept order gives exactly what building and sorting the timeline gives (the
    /// reference), on the bundled corpus.
    #[test]
    fn the_kept_timeline_is_the_sorted_timeline() {
        let a = app(DataRoot::Bundled);
        let kept = entries(&a);
        assert!(!kept.entries.is_empty());
        assert_eq!(kept, timeline(&a.corpus));
    }

    #[test]
    fn a_dated_variant_opens_with_that_variants_citation_selected() {
        let mut a = app(DataRoot::Bundled);
        let t = timeline(&a.corpus);
        let row = t
            .entries
            .iter()
            .position(|e| {
                e.variant == Some(0)
                    && e.claim_of(&a.corpus)
                        .is_some_and(|c| c.id == "sided-with-ukraine-when")
            })
            .unwrap_or_else(|| panic!("Caesar's dated variant is in the timeline"));
        run(&mut a, &[Action::Timeline]);
        for _ in 0..row {
            run(&mut a, &[Action::Down]);
        }
        run(&mut a, &[Action::Open]);
        assert_eq!(
            selected_quote(&a),
            "described in the press as a former Russian neo-Nazi who sided with Ukraine in 2014"
        );
    }
}
