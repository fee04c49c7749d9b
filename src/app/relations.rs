//! The relations map: a dossier's relations two levels deep, outgoing and incoming, as a
//! tree of dossiers (built by [`crate::model::relmap`]). j/k move over its nodes, Enter
//! opens the selected node's dossier; Back returns to the map with the same selection,
//! because the view stores only the root and the selection and rebuilds the same tree.

use super::list_filter::ListFilter;
use super::nav::Pick;
use super::stack::open;
use super::{Action, App, DossierView, Screen};
use crate::model::relmap::{Line as TreeLine, Node, lines, tree_in};

/// Levels of relations the map follows.
pub const MAP_DEPTH: usize = 2;

/// The map of one dossier's relations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationsView {
    /// Index into the corpus's dossiers: the root of the tree.
    pub dossier: usize,
    /// Selected line of the tree (0 is the root).
    pub selected: usize,
    /// First visible line.
    pub offset: usize,
    /// `/`: only the nodes whose dossier name, kind or relation match.
    pub filter: ListFilter,
}

impl RelationsView {
    pub fn new(dossier: usize) -> RelationsView {
        RelationsView {
            dossier,
            selected: 0,
            offset: 0,
            filter: ListFilter::default(),
        }
    }

    /// The tree this view shows, from the reverse index built at start-up.
    pub fn tree(&self, app: &App) -> Node {
        tree_in(&app.corpus, &app.incoming, self.dossier, MAP_DEPTH)
    }

    /// The tree's lines the view lists: all of them, or those its filter keeps (the
    /// root always, so the map keeps its subject).
    pub fn shown<'t>(&self, app: &App, tree: &'t Node) -> Vec<TreeLine<'t>> {
        self.keep(app, lines(tree))
    }

    /// Of the tree's lines `all`, those the filter keeps.
    pub fn keep<'t>(&self, app: &App, all: Vec<TreeLine<'t>>) -> Vec<TreeLine<'t>> {
        if !self.filter.is_active() {
            return all;
        }
        let m = self.filter.matcher();
        all.into_iter()
            .enumerate()
            .filter(|(i, l)| {
                *i == 0
                    || app.corpus.dossiers.get(l.node.dossier).is_some_and(|d| {
                        let edge = l.node.edge.and_then(|e| e.relation(&app.corpus));
                        let kind = edge.map_or("", |r| r.kind.as_str());
                        m.matches(&format!("{} {} {kind}", d.name, d.kind))
                    })
            })
            .map(|(_, l)| l)
            .collect()
    }
}

/// Rows for the tree (`geometry`: the body less the title line and the pane).
pub fn map_list_height(app: &App) -> usize {
    app.list_rows(crate::geometry::Shape::Relations)
}

/// `r` in a dossier: opens its relations map.
pub fn open_map(app: &mut App) {
    if let Screen::Dossier(v) = &app.screen {
        let d = v.dossier;
        open(app, Screen::Relations(RelationsView::new(d)));
    }
}

/// Keeps the selection inside the tree and on screen (after a resize).
pub fn clamp(app: &mut App) {
    let h = map_list_height(app);
    let Screen::Relations(v) = &app.screen else {
        return;
    };
    let n = v.shown(app, &v.tree(app)).len();
    if let Screen::Relations(v) = &mut app.screen {
        let mut pick = Pick::at(v.selected, v.offset);
        pick.clamp(n, h);
        (v.selected, v.offset) = (pick.selected, pick.offset);
    }
}

/// The filter changed: the nodes it keeps, from the root.
pub fn refilter(app: &mut App) {
    if let Screen::Relations(v) = &mut app.screen {
        (v.selected, v.offset) = (0, 0);
    }
}

/// One action on the map.
pub fn update(app: &mut App, action: Action) {
    let h = map_list_height(app);
    let Screen::Relations(v) = &app.screen else {
        return;
    };
    let t = v.tree(app);
    let lines = v.shown(app, &t);
    let n = lines.len();
    let mut pick = Pick::at(v.selected, v.offset);
    match action {
        Action::Open => {
            if let Some(l) = lines.get(pick.selected) {
                let d = l.node.dossier;
                open(
                    app,
                    Screen::Dossier(DossierView {
                        dossier: d,
                        selected: 0,
                        offset: 0,
                    }),
                );
            }
            return;
        }
        movement if pick.step(&movement, n, h) => {}
        _ => return,
    }
    if let Screen::Relations(v) = &mut app.screen {
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

    fn app() -> App {
        let root = DataRoot::Dir(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"),
        );
        let report = check(&root);
        assert_eq!(report.errors(), 0);
        App::new(report.corpus, Keymap::default_keymap(), (100, 30))
    }

    fn run(app: &mut App, actions: &[Action]) {
        for a in actions {
            update(app, a.clone());
        }
    }

    #[test]
    fn r_in_a_dossier_opens_its_map_and_nowhere_else() {
        let mut a = app();
        let k = a.keymap.clone();
        assert_eq!(
            k.lookup(Mode::Dossier, Key::char('r')),
            Some(Action::Relations)
        );
        assert_eq!(k.lookup(Mode::Index, Key::char('r')), None);
        run(&mut a, &[Action::Relations]);
        assert!(
            matches!(a.screen, Screen::Index(_)),
            "r does nothing in the index"
        );
        run(&mut a, &[Action::Open, Action::Relations]); // acme-corps
        let Screen::Relations(v) = &a.screen else {
            panic!("map")
        };
        assert_eq!(a.corpus.dossiers[v.dossier].id, "acme-corps");
        assert_eq!(v.selected, 0);
        assert_eq!(a.mode(), Mode::Relations);
    }

    #[test]
    fn enter_opens_the_selected_node_and_back_returns_to_the_same_selection() {
        let mut a = app();
        run(&mut a, &[Action::Open, Action::Relations]);
        // Acme's only relation is incoming: Jane Doe leads it.
        run(&mut a, &[Action::Down, Action::Down]);
        let Screen::Relations(map) = a.screen.clone() else {
            panic!("map")
        };
        assert_eq!(map.selected, 1, "the selection stops at the last node");
        run(&mut a, &[Action::Open]);
        let Screen::Dossier(d) = &a.screen else {
            panic!("dossier")
        };
        assert_eq!(a.corpus.dossiers[d.dossier].id, "jane-doe");
        run(&mut a, &[Action::Back]);
        assert_eq!(a.screen, Screen::Relations(map));
        run(&mut a, &[Action::Up, Action::Open]);
        let Screen::Dossier(d) = &a.screen else {
            panic!("dossier")
        };
        assert_eq!(a.corpus.dossiers[d.dossier].id, "acme-corps", "the root");
    }

    #[test]
    fn a_resize_keeps_the_selection_in_view() {
        let mut a = app();
        run(&mut a, &[Action::Open, Action::Relations, Action::Bottom]);
        run(&mut a, &[Action::Resize(40, 3)]);
        let Screen::Relations(v) = &a.screen else {
            panic!("map")
        };
        assert!(v.offset <= v.selected && v.selected < v.offset + map_list_height(&a));
    }
}
