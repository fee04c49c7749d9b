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
