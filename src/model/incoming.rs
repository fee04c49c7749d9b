//! Who points at a dossier: every relation, held in another dossier's file, whose target
//! is it. A dossier's file lists only its own (outgoing) relations, so "who took part in
//! the raid?" or "what is located in this region?" needs this reverse index. It is built
//! in one pass over every relation and shared by the dossier view's "Linked from"
//! section, `show` (human and JSON) and the relations map, so they cannot disagree.

use super::{Corpus, Relation};

/// One relation of another dossier that points at the dossier it is listed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// Index into the corpus's dossiers: the dossier whose file holds the relation.
    pub owner: usize,
    /// Index of the relation in its owner's relations.
    pub relation: usize,
}

impl Link {
    /// The relation itself.
    pub fn relation<'a>(&self, corpus: &'a Corpus) -> Option<&'a Relation> {
        corpus
            .dossiers
            .get(self.owner)
            .and_then(|d| d.relations.get(self.relation))
    }
}

/// The reverse index of relations: per dossier, the links that point at it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Incoming {
    /// `by_target[d]`: links to dossier `d`, by owner (dossiers are sorted by id), then in
    /// the owner's file order.
    by_target: Vec<Vec<Link>>,
}

impl Incoming {
    /// Builds the index in one pass. A relation of a dossier to itself is not incoming
    /// (it is already among the dossier's own relations); one to an unknown id is left
    /// out (`check` refuses it anyway).
    pub fn new(corpus: &Corpus) -> Incoming {
        let mut by_target = vec![Vec::new(); corpus.dossiers.len()];
        for (owner, d) in corpus.dossiers.iter().enumerate() {
            for (relation, r) in d.relations.iter().enumerate() {
                let Some(t) = corpus.position(&r.target) else {
                    continue;
                };
                if t != owner {
                    if let Some(links) = by_target.get_mut(t) {
                        links.push(Link { owner, relation });
                    }
                }
            }
        }
        Incoming { by_target }
    }

    /// Links pointing at dossier `d` (none for an index out of range).
    pub fn of(&self, d: usize) -> &[Link] {
        self.by_target.get(d).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dossier, Kind, RelationType};

    fn dossier(id: &str, targets: &[&str]) -> Dossier {
        Dossier {
            id: id.into(),
            kind: Kind::Group,
            name: id.to_uppercase(),
            summary: None,
            summary_parts: Vec::new(),
            date: None,
            path: String::new(),
            aliases: Vec::new(),
            claims: Vec::new(),
            relations: targets
                .iter()
                .map(|t| Relation {
                    kind: RelationType::AlliedWith,
                    target: (*t).into(),
                    role: None,
                    note: None,
                    cites: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn every_relation_of_another_dossier_is_listed_under_its_target() {
        let c = Corpus {
            sources: Vec::new(),
            dossiers: vec![
                dossier("a", &["c", "b", "a"]),
                dossier("b", &["c", "nobody"]),
                dossier("c", &["a"]),
            ],
        };
        let i = Incoming::new(&c);
        let l = |owner, relation| Link { owner, relation };
        assert_eq!(i.of(0), [l(2, 0)], "a's self-relation is not incoming");
        assert_eq!(i.of(1), [l(0, 1)]);
        assert_eq!(i.of(2), [l(0, 0), l(1, 0)], "by owner, then file order");
        assert_eq!(i.of(3), [], "out of range");
        assert_eq!(
            l(1, 0).relation(&c).map(|r| r.target.as_str()),
            Some("c"),
            "a link finds its relation"
        );
    }
}
