//! Helpers shared by the unit tests of several modules (compiled for tests only).

use std::path::Path;

/// Copies the folder `from` into `to`, sub-folders and all: a corpus the test can change
/// without touching the bundled one. Panics with the I/O error (a test's set-up failed).
pub fn copy_tree(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).into_iter().flatten().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap_or_else(|x| panic!("{x}"));
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap_or_else(|x| panic!("{x}"));
        }
    }
}

/// The outline a check of the bundled corpus tells a watcher that wants one, and the
/// checked corpus: what the early browser and the checked one are built on.
pub fn bundled_outline() -> (Vec<crate::model::Dossier>, crate::model::Corpus) {
    use std::sync::Mutex;
    struct Keep(Mutex<Vec<crate::model::Dossier>>);
    impl crate::check::Progress for Keep {
        fn wants_outline(&self, _dossiers: usize) -> bool {
            true
        }
        fn outline(&self, d: Vec<crate::model::Dossier>) {
            if let Ok(mut k) = self.0.lock() {
                *k = d;
            }
        }
    }
    let keep = Keep(Mutex::new(Vec::new()));
    let report = crate::check::check_watched(&crate::data::DataRoot::Bundled, &keep);
    let outline = keep.0.into_inner().unwrap_or_default();
    assert!(!outline.is_empty());
    (outline, report.corpus)
}
