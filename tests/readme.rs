//! The README documents every key binding of the default keymap.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

#[test]
fn readme_lists_every_binding() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let keymap = dossier::keymap::Keymap::default_keymap();
    assert!(!keymap.bindings.is_empty());
    for b in &keymap.bindings {
        assert!(
            readme.contains(&b.desc),
            "README does not describe {:?}: {}",
            b.action,
            b.desc
        );
        for k in &b.keys {
            assert!(
                readme.contains(&format!("`{}`", k.label())),
                "README does not show key {}",
                k.label()
            );
        }
    }
}
