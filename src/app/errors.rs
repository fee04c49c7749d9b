//! Why the last live reload failed: the status line's banner ("3 errors — press E"), the
//! list `E` shows over the last good corpus (one row per diagnostic, `path:line:col:
//! message`), and Enter's request to open a row's position in the user's editor, which
//! the terminal loop carries out (update does no I/O).

use std::path::PathBuf;

use super::{Action, App};
use crate::diag::{Diagnostic, Severity};
use crate::text::sanitize_line;

/// A file position to open in an editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub path: PathBuf,
    /// 1-based; 0 for the file as a whole.
    pub line: usize,
}

/// The status line's banner while the corpus on disk does not load, if it does not.
pub fn banner(app: &App) -> Option<String> {
    if app.reload_errors.is_empty() {
        return None;
    }
    let n = app
        .reload_errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    Some(format!(
        "{} — press E (showing the last good corpus)",
        crate::text::count(n, "error")
    ))
}

/// One row of the list.
pub fn row(d: &Diagnostic) -> String {
    sanitize_line(&format!(
        "{}:{}:{}: {}",
        d.path, d.line, d.column, d.message
    ))
}

/// `E`: shows the list, or says there is nothing to show.
pub fn open(app: &mut App) {
    if app.reload_errors.is_empty() {
        app.message = Some("no reload errors: the corpus on disk loads".into());
    } else {
        app.errors = Some(0);
    }
}

/// The first row the list shows with row `selected` selected and `visible` rows in its
/// box: the selection is kept on the last visible row. Read by the renderer and by the
/// mouse, so a click lands on the row drawn there.
pub fn top(selected: usize, visible: usize) -> usize {
    selected.saturating_sub(visible.saturating_sub(1))
}

/// A key while the list is shown: j/k and g/G move, Enter asks to edit the row's file,
/// q quits, anything else closes the list.
pub fn update(app: &mut App, action: Action) {
    let len = app.reload_errors.len();
    let Some(sel) = app.errors else {
        return;
    };
    let sel = match action {
        Action::Down => super::nav::move_by(sel, len, 1),
        Action::Up => super::nav::move_by(sel, len, -1),
        Action::Top => 0,
        Action::Bottom => len.saturating_sub(1),
        Action::Open => {
            if let Some(d) = app.reload_errors.get(sel) {
                app.edit = Some(Edit {
                    path: PathBuf::from(&d.path),
                    line: d.line,
                });
            }
            sel
        }
        Action::Resize(w, h) => {
            super::fit::resize(app, w, h);
            sel
        }
        Action::Quit => {
            app.quit = true;
            sel
        }
        _ => {
            app.errors = None;
            return;
        }
    };
    app.errors = Some(sel.min(len.saturating_sub(1)));
}

/// The command that opens `edit`: `$VISUAL`, else `$EDITOR`, else `vi` (split on
/// whitespace, so `code -w` works), then `+LINE` and the file.
pub fn editor_command(
    visual: Option<&str>,
    editor: Option<&str>,
    edit: &Edit,
) -> Vec<std::ffi::OsString> {
    let program = [visual, editor]
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
        .unwrap_or("vi");
    let mut cmd: Vec<std::ffi::OsString> = program.split_whitespace().map(Into::into).collect();
    cmd.push(format!("+{}", edit.line.max(1)).into());
    cmd.push(edit.path.clone().into_os_string());
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(sev: Severity) -> Diagnostic {
        Diagnostic {
            severity: sev,
            path: "d/x.toml".into(),
            line: 3,
            column: 7,
            message: "bad".into(),
            help: None,
            notes: Vec::new(),
            snippet: None,
        }
    }

    fn app() -> App {
        let corpus = crate::check::check(&crate::data::DataRoot::Bundled).corpus;
        App::new(corpus, crate::keymap::Keymap::default_keymap(), (80, 24))
    }

    #[test]
    fn banner_counts_errors_in_the_right_number() {
        let mut a = app();
        assert_eq!(banner(&a), None);
        a.reload_errors = vec![diag(Severity::Error), diag(Severity::Warning)];
        assert!(banner(&a).is_some_and(|b| b.starts_with("1 error — press E")));
        a.reload_errors.push(diag(Severity::Error));
        assert!(banner(&a).is_some_and(|b| b.starts_with("2 errors — press E")));
        assert_eq!(row(&a.reload_errors[0]), "d/x.toml:3:7: bad");
    }

    #[test]
    fn the_list_moves_and_enter_asks_for_the_editor() {
        let mut a = app();
        a.reload_errors = vec![diag(Severity::Error), diag(Severity::Error)];
        a.reload_errors[1].line = 9;
        super::super::update(&mut a, Action::Errors);
        assert_eq!(a.errors, Some(0));
        super::super::update(&mut a, Action::Down);
        super::super::update(&mut a, Action::Down);
        assert_eq!(a.errors, Some(1));
        super::super::update(&mut a, Action::Open);
        let want = Edit {
            path: "d/x.toml".into(),
            line: 9,
        };
        assert_eq!(a.edit.as_ref(), Some(&want));
        let cmd = editor_command(None, Some("code -w"), &want);
        assert_eq!(
            cmd,
            ["code", "-w", "+9", "d/x.toml"].map(std::ffi::OsString::from)
        );
        assert_eq!(editor_command(Some("nvim"), Some("nano"), &want)[0], "nvim");
        assert_eq!(editor_command(None, None, &want)[0], "vi");
        super::super::update(&mut a, Action::Filter);
        assert_eq!(a.errors, None, "another key closes the list");
    }
}
