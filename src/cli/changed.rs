//! `check --changed-since REV`: which files of the corpus changed since a git revision,
//! asked of git itself (`git diff --name-only --relative REV`, plus untracked files) in
//! the corpus folder. The whole corpus is still checked — a changed dossier can break
//! another's relation — but only problems in the changed files are reported, so a review
//! of a large corpus shows what the change did. A change under `seeds/` (an article or
//! the registry) can break any citation, so it puts every file in scope.

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

use crate::data::DataRoot;

/// The files whose problems are reported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Every file is in scope.
    pub all: bool,
    /// Changed files as diagnostics name them (`root.display(rel)`).
    pub shown: HashSet<String>,
}

impl Scope {
    /// True when a diagnostic about `path` (as shown) is reported.
    pub fn covers(&self, path: &str) -> bool {
        self.all || self.shown.contains(path)
    }

    /// The scope of these corpus-relative changed paths.
    pub fn of(root: &DataRoot, changed: &[String]) -> Self {
        Scope {
            all: changed.iter().any(|p| p.starts_with("seeds/")),
            shown: changed.iter().map(|p| root.display(p)).collect(),
        }
    }
}

/// Asks git which files of the corpus at `root` changed since `rev`.
pub fn changed_files(root: &DataRoot, rev: &str) -> Result<Scope, String> {
    let DataRoot::Dir(dir) = root else {
        return Err(
            "--changed-since needs a corpus folder in a git repository: pass --data DIR".into(),
        );
    };
    let shown = dir.display();
    git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        format!("{shown} is not in a git repository ({e}); --changed-since compares with a git revision, so run it where the corpus is committed")
    })?;
    let commit = format!("{rev}^{{commit}}");
    git(dir, &["rev-parse", "--verify", "--quiet", "--end-of-options", &commit]).map_err(|_| {
        format!("unknown revision '{rev}' in the git repository of {shown}; give a commit, branch or tag (`git log --oneline` lists them; in CI fetch the history, e.g. fetch-depth: 0)")
    })?;
    let mut changed: Vec<String> = Vec::new();
    for args in [
        &["diff", "--name-only", "--relative", "-z", rev, "--"][..],
        &["ls-files", "--others", "--exclude-standard", "-z"][..],
    ] {
        let listed = git(dir, args).map_err(|e| format!("git {}: {e}", args.join(" ")))?;
        changed.extend(
            listed
                .split('\0')
                .filter(|p| !p.is_empty())
                .map(str::to_owned),
        );
    }
    Ok(Scope::of(root, &changed))
}

/// Runs git in `dir`; its stdout, or its stderr's first line as the error.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("git could not be run: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        let err = String::from_utf8_lossy(&output.stderr);
        Err(err.lines().next().unwrap_or("git failed").trim().to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_under_seeds_puts_everything_in_scope() {
        let root = DataRoot::Dir("c".into());
        let s = Scope::of(&root, &["dossiers/people/a.toml".into()]);
        assert!(!s.all);
        assert!(s.covers(&root.display("dossiers/people/a.toml")));
        assert!(!s.covers(&root.display("dossiers/people/b.toml")));
        let s = Scope::of(&root, &["seeds/a.txt".into()]);
        assert!(s.covers(&root.display("dossiers/people/b.toml")));
    }
}
