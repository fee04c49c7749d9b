//! What a browser can show of a corpus before it is checked: each parsed dossier's id,
//! kind, name and aliases, as [`Dossier`]s with nothing else (no path, summary, claims,
//! relations or citations). Sorted and de-duplicated by id as the checked corpus is,
//! so the index lists the same dossiers in the same order before and after the check.

use rayon::prelude::*;

use super::dossiers::Parsed;
use crate::model::{AliasKind, Dossier, Kind};

/// The outline of `parsed`. An alias whose kind does not parse is left out (the check
/// reports it); a kind that does not parse is shown as the check's built dossier shows
/// it, a group.
pub fn outline(parsed: &[Parsed]) -> Vec<Dossier> {
    let mut out: Vec<Dossier> = parsed.par_iter().map(one).collect();
    // As `check` orders the built dossiers: by id, the first of a repeated id kept
    // (both sorts are stable). On the pool: sorting 100,000 outlines on one core kept
    // the other idle before the first frame.
    out.par_sort_by(|a, b| a.id.cmp(&b.id));
    out.dedup_by(|a, b| a.id == b.id);
    out
}

/// The outline of a part of the files, in their order, on the calling thread (a part is
/// one thread's work).
pub fn outline_unsorted(parsed: &[Parsed]) -> Vec<Dossier> {
    parsed.iter().map(one).collect()
}

/// What the index shows of one parsed dossier.
fn one(p: &Parsed) -> Dossier {
    let aliases = p.raw.alias.iter().filter_map(|a| {
        Some((
            AliasKind::parse(a.kind.get_ref())?,
            a.name.get_ref().to_owned(),
        ))
    });
    Dossier::outline(
        p.raw.id.get_ref().to_owned(),
        Kind::parse(p.raw.kind.get_ref()).unwrap_or(Kind::Group),
        p.raw.name.get_ref().to_owned(),
        aliases.collect(),
    )
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use crate::check::{Progress, Stage, check, check_watched};
    use crate::data::DataRoot;
    use crate::model::Dossier;

    /// Records what a check tells.
    #[derive(Default)]
    struct Record {
        stages: Mutex<Vec<Stage>>,
        outline: Mutex<Option<Vec<Dossier>>>,
        /// Each part's outline, with the files read so far and in all.
        parts: Mutex<Vec<(Vec<Dossier>, usize, usize)>>,
        /// Wants no part's outline (the default: wants them).
        none: bool,
    }

    impl Progress for Record {
        fn stage(&self, stage: Stage) {
            if let Ok(mut s) = self.stages.lock() {
                s.push(stage);
            }
        }
        fn wants_outline(&self, _dossiers: usize) -> bool {
            true
        }
        fn wants_outline_parts(&self, _files: usize) -> bool {
            !self.none
        }
        fn outline(&self, dossiers: Vec<Dossier>) {
            if let Ok(mut o) = self.outline.lock() {
                *o = Some(dossiers);
            }
        }
        fn outline_part(&self, part: Vec<Dossier>, read: usize, total: usize) {
            if let Ok(mut p) = self.parts.lock() {
                p.push((part, read, total));
            }
        }
    }

    /// What the index shows of a dossier: id, kind, name, aliases.
    fn shown(d: &[Dossier]) -> Vec<(String, String, String, Vec<String>)> {
        d.iter()
            .map(|d| {
                (
                    d.id.clone(),
                    d.kind.to_string(),
                    d.name.clone(),
                    d.aliases.iter().map(|a| a.name.clone()).collect(),
                )
            })
            .collect()
    }

    /// The outline lists the dossiers the check builds, in the same order, with the
    /// same names and aliases, and nothing the check has not built yet; a watched check
    /// reports the same as an unwatched one, its stages in order.
    #[test]
    fn the_outline_is_the_checked_corpus_names() {
        for root in [
            DataRoot::Bundled,
            DataRoot::Dir(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"),
            ),
        ] {
            let record = Record::default();
            let watched = check_watched(&root, &record);
            let plain = check(&root);
            assert_eq!(watched.errors(), 0, "{root:?}");
            assert_eq!(watched.stats, plain.stats);
            assert_eq!(watched.diagnostics, plain.diagnostics);
            let Ok(Some(outline)) = record.outline.lock().map(|o| o.clone()) else {
                panic!("no outline for {root:?}")
            };
            assert!(outline.len() > 1, "{root:?}");
            assert_eq!(shown(&outline), shown(&watched.corpus.dossiers), "{root:?}");
            assert!(outline.iter().all(|d| d.claims.is_empty()
                && d.relations.is_empty()
                && d.summary.is_none()
                && d.aliases.iter().all(|a| a.cites.is_empty())));
            let stages = record.stages.lock().map(|s| s.clone()).unwrap_or_default();
            let n = outline.len();
            assert_eq!(
                stages,
                [
                    Stage::Parsing { done: 0, total: 0 },
                    Stage::Parsing { done: n, total: n },
                    Stage::Sources,
                    Stage::Quotes,
                    Stage::Building { done: 0, total: n },
                    Stage::Building { done: n, total: n },
                ],
                "{root:?}"
            );
        }
    }

    /// A corpus read in parts tells each part's names as it is read, with the files
    /// read so far, all but the last part: every name told is in the whole outline,
    /// none twice, and the files read climb to all of them. A watcher that wants no
    /// outline is told no part.
    #[test]
    fn the_names_read_so_far_are_told_part_by_part() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let people = dir.path().join("dossiers/people");
        std::fs::create_dir_all(&people).unwrap_or_else(|e| panic!("{e}"));
        let files = 3 * crate::check::parts::PARALLEL_FROM;
        for i in 0..files {
            let text = format!("id = \"p{i:04}\"\nkind = \"person\"\nname = \"Person {i}\"\n");
            std::fs::write(people.join(format!("p{i:04}.toml")), text)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let root = DataRoot::Dir(dir.path().to_path_buf());
        let record = Record::default();
        check_watched(&root, &record);
        let parts = record.parts.lock().map(|p| p.clone()).unwrap_or_default();
        let Ok(Some(outline)) = record.outline.lock().map(|o| o.clone()) else {
            panic!("no outline")
        };
        assert_eq!(outline.len(), files);
        assert!(!parts.is_empty(), "no part told");
        let mut told: Vec<String> = parts
            .iter()
            .flat_map(|(p, _, _)| p.iter().map(|d| d.id.clone()))
            .collect();
        let mut read: Vec<usize> = parts.iter().map(|(_, r, _)| *r).collect();
        read.sort_unstable();
        assert!(
            parts.iter().all(|(_, r, t)| *t == files && *r < files),
            "{read:?}"
        );
        assert_eq!(
            read.last(),
            Some(&told.len()),
            "the last part told read them all so far"
        );
        told.sort();
        let before = told.len();
        told.dedup();
        assert_eq!(told.len(), before, "a name told twice");
        let ids: Vec<String> = outline.iter().map(|d| d.id.clone()).collect();
        assert!(told.iter().all(|id| ids.binary_search(id).is_ok()));
        assert!(told.len() < files, "the last part is the whole outline's");
        let stages = record.stages.lock().map(|s| s.clone()).unwrap_or_default();
        let reading: Vec<(usize, usize)> = stages
            .iter()
            .filter_map(|s| match s {
                Stage::Parsing { done, total } => Some((*done, *total)),
                _ => None,
            })
            .collect();
        assert_eq!(reading.first(), Some(&(0, 0)));
        assert_eq!(reading.last(), Some(&(files, files)));
        assert!(reading.len() > 2, "{reading:?}");
        assert!(reading.windows(2).all(|w| w[0].0 < w[1].0), "{reading:?}");

        let unwanted = Record {
            none: true,
            ..Record::default()
        };
        check_watched(&root, &unwanted);
        assert!(unwanted.parts.lock().is_ok_and(|p| p.is_empty()));
    }

    /// Files listed out of id order, and a repeated id, come out as the check orders
    /// them: by id, the first of a repeated id kept.
    #[test]
    fn the_outline_is_sorted_and_deduplicated_by_id() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let people = dir.path().join("dossiers/people");
        let groups = dir.path().join("dossiers/groups");
        for d in [&people, &groups] {
            std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("{e}"));
        }
        let write = |p: std::path::PathBuf, id: &str, kind: &str, name: &str| {
            let text = format!("id = \"{id}\"\nkind = \"{kind}\"\nname = \"{name}\"\n");
            std::fs::write(p, text).unwrap_or_else(|e| panic!("{e}"));
        };
        // Groups are listed before people; "zed" the group repeats the person's id.
        write(groups.join("zed.toml"), "zed", "group", "Zed Group");
        write(groups.join("abe.toml"), "mia", "group", "Mia Group");
        write(people.join("zed.toml"), "zed", "person", "Zed Person");
        write(people.join("bob.toml"), "bob", "person", "Bob");
        let record = Record::default();
        let report = check_watched(&DataRoot::Dir(dir.path().to_path_buf()), &record);
        let Ok(Some(outline)) = record.outline.lock().map(|o| o.clone()) else {
            panic!("no outline")
        };
        let ids: Vec<&str> = outline.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["bob", "mia", "zed"]);
        let built: Vec<&str> = report
            .corpus
            .dossiers
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(ids, built);
        let zed = |d: &[Dossier]| d.iter().find(|d| d.id == "zed").map(|d| d.name.clone());
        assert_eq!(zed(&outline), zed(&report.corpus.dossiers));
    }
}
