//! The index opens on what matters: with nothing typed its rows are in weight order
//! (most citations first), the same order as `dossier list`; `o` cycles weight → name →
//! kind → weight, the header says which; a query ranks by match, and clearing it
//! restores the chosen order.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use dossier::app::{Action, App, Screen, update};
use dossier::check::check;
use dossier::data::DataRoot;
use dossier::keymap::Keymap;
use dossier::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> App {
    let report = check(&DataRoot::Bundled);
    assert_eq!(report.errors(), 0);
    App::new(report.corpus, Keymap::default_keymap(), (120, 40))
}

/// The ids of the index's rows.
fn ids(app: &App) -> Vec<String> {
    let Screen::Index(v) = &app.screen else {
        panic!("not on the index");
    };
    v.hits
        .iter()
        .map(|h| app.corpus.dossiers[h.dossier].id.clone())
        .collect()
}

fn header(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let theme = Theme::default_theme(false);
    term.draw(|f| render(app, &theme, f)).expect("draw");
    let buf = term.backend().buffer().clone();
    (0..buf.area.width).map(|x| buf[(x, 0)].symbol()).collect()
}

/// `dossier list [--sort S]`'s ids, in order.
fn listed(sort: &str) -> Vec<String> {
    let out = crate::common::dossier()
        .args(["list", "--json", "--sort", sort])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    v.as_array()
        .expect("array")
        .iter()
        .map(|d| d["id"].as_str().expect("id").to_owned())
        .collect()
}

#[test]
fn the_index_opens_by_weight_and_o_cycles_name_kind_weight_as_list_sorts() {
    let mut a = app();
    let by_weight = ids(&a);
    assert_eq!(
        by_weight,
        listed("weight"),
        "the index opens as `list` sorts"
    );
    assert_eq!(
        by_weight[0], "freedom-of-russia-legion",
        "the most cited first"
    );
    assert!(header(&a).contains("· by weight"), "{}", header(&a));
    let default = crate::common::dossier()
        .args(["list", "--json"])
        .output()
        .expect("run");
    let default: serde_json::Value = serde_json::from_slice(&default.stdout).expect("json");
    assert_eq!(
        default[0]["id"], "freedom-of-russia-legion",
        "list's default is weight"
    );

    update(&mut a, Action::Down);
    update(&mut a, Action::CycleOrder);
    assert_eq!(ids(&a), listed("name"));
    assert!(header(&a).contains("· by name"), "{}", header(&a));
    let Screen::Index(v) = &a.screen else {
        panic!()
    };
    assert_eq!(v.selected, 0, "a new order starts at its top");

    update(&mut a, Action::CycleOrder);
    assert_eq!(ids(&a), listed("kind"));
    assert!(header(&a).contains("· by kind"));

    // A query ranks by match; clearing it comes back to the chosen order.
    update(&mut a, Action::Filter);
    for c in "kapus".chars() {
        update(&mut a, Action::Input(c));
    }
    assert_eq!(ids(&a)[0], "denis-kapustin");
    assert!(header(&a).contains("· by match"));
    update(&mut a, Action::Cancel);
    assert_eq!(ids(&a), listed("kind"));

    update(&mut a, Action::CycleOrder);
    assert_eq!(ids(&a), by_weight);
}

#[test]
fn o_is_bound_in_the_index() {
    let k = Keymap::default_keymap();
    let bound = k
        .bindings
        .iter()
        .any(|b| b.mode.as_str() == "index" && b.action == Action::CycleOrder);
    assert!(bound, "the default keymap binds cycle-order in the index");
}
