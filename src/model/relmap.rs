//! The relations map: a dossier's relations, outgoing and incoming, a few levels deep, as
//! a tree. Shared by `dossier relations` and the browser's map so both show the same
//! tree. The graph may have cycles (A leads B, B part-of A) and several edges to one
//! dossier; each dossier is expanded once, at its shallowest place, and every other
//! occurrence is a leaf marked as a cycle (an ancestor) or a repeat, so the tree is
//! finite whatever the data.

use super::incoming::Incoming;
use super::{Corpus, Relation};

/// One relation seen from the node it hangs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    /// The dossier whose file holds the relation.
    pub owner: usize,
    /// Index of the relation in its owner's relations.
    pub relation: usize,
    /// True when the parent node holds the relation (parent ─type→ child); false when the
    /// child holds it and points at the parent (child ─type→ parent).
    pub outgoing: bool,
}

impl Edge {
    /// The relation itself.
    pub fn relation<'a>(&self, corpus: &'a Corpus) -> Option<&'a Relation> {
        corpus
            .dossiers
            .get(self.owner)
            .and_then(|d| d.relations.get(self.relation))
    }

    /// The edge as read from the parent: `─leads→` (the parent leads the child) or
    /// `←leads─` (the child leads the parent).
    pub fn label(&self, corpus: &Corpus) -> String {
        let kind = self.relation(corpus).map_or("?", |r| r.kind.as_str());
        if self.outgoing {
            format!("─{kind}→")
        } else {
            format!("←{kind}─")
        }
    }
}

/// Why a node is not expanded although the depth allows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// Shown here first (expanded when the depth allows).
    First,
    /// The dossier is an ancestor of this node: following it would loop.
    Cycle,
    /// The dossier is expanded elsewhere in the tree.
    Repeat,
}

/// One dossier in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Index into the corpus's dossiers.
    pub dossier: usize,
    /// How it hangs under its parent; `None` for the root.
    pub edge: Option<Edge>,
    pub seen: Seen,
    /// Levels below the root (0 for the root).
    pub depth: usize,
    pub children: Vec<Node>,
}

/// Every relation touching dossier `d`: its own (outgoing) then other dossiers' relations
/// that point at it (incoming, from the shared reverse index), each as the edge and the
/// dossier at its other end.
pub fn edges_of(corpus: &Corpus, incoming: &Incoming, d: usize) -> Vec<(Edge, usize)> {
    let mut out = Vec::new();
    let Some(dossier) = corpus.dossiers.get(d) else {
        return out;
    };
    for (i, r) in dossier.relations.iter().enumerate() {
        if let Some(t) = corpus.position(&r.target) {
            let edge = Edge {
                owner: d,
                relation: i,
                outgoing: true,
            };
            out.push((edge, t));
        }
    }
    for link in incoming.of(d) {
        let edge = Edge {
            owner: link.owner,
            relation: link.relation,
            outgoing: false,
        };
        out.push((edge, link.owner));
    }
    out
}

/// The tree of `root`'s relations `depth` levels deep, building the reverse index for
/// this one tree (the CLI's case); see [`tree_in`].
pub fn tree(corpus: &Corpus, root: usize, depth: usize) -> Node {
    tree_in(corpus, &Incoming::new(corpus), root, depth)
}

/// The tree of `root`'s relations `depth` levels deep, incoming edges read from
/// `incoming` (the browser keeps one, built at start-up). Levels are filled breadth
/// first, so each dossier is expanded at its shallowest occurrence; relations between a
/// node and its parent are listed once, at the parent's level, not again under the node.
pub fn tree_in(corpus: &Corpus, incoming: &Incoming, root: usize, depth: usize) -> Node {
    let mut node = Node {
        dossier: root,
        edge: None,
        seen: Seen::First,
        depth: 0,
        children: Vec::new(),
    };
    let mut expanded = vec![root];
    // Breadth first: the path (indices of children) of every node still to expand.
    let mut queue: std::collections::VecDeque<Vec<usize>> = std::collections::VecDeque::new();
    queue.push_back(Vec::new());
    while let Some(path) = queue.pop_front() {
        let (ancestors, parent) = walk(&mut node, &path);
        if parent.depth >= depth || parent.seen != Seen::First {
            continue;
        }
        let grandparent = ancestors.last().copied();
        let level = parent.depth + 1;
        for (edge, other) in edges_of(corpus, incoming, parent.dossier) {
            // Every relation between a node and its parent is already listed, as a
            // sibling of the node, at the parent's level.
            if Some(other) == grandparent {
                continue;
            }
            let seen = if ancestors.contains(&other) || other == parent.dossier {
                Seen::Cycle
            } else if expanded.contains(&other) {
                Seen::Repeat
            } else {
                expanded.push(other);
                Seen::First
            };
            parent.children.push(Node {
                dossier: other,
                edge: Some(edge),
                seen,
                depth: level,
                children: Vec::new(),
            });
        }
        for i in 0..parent.children.len() {
            let mut p = path.clone();
            p.push(i);
            queue.push_back(p);
        }
    }
    node
}

/// The node at `path` under `root`, and the dossiers of its ancestors.
fn walk<'a>(root: &'a mut Node, path: &[usize]) -> (Vec<usize>, &'a mut Node) {
    let mut ancestors = Vec::new();
    let mut node = root;
    for &i in path {
        if i >= node.children.len() {
            break;
        }
        ancestors.push(node.dossier);
        node = &mut node.children[i];
    }
    (ancestors, node)
}

/// One node of the tree in reading order, with the tree-drawing prefix (`│  ├─ `) that
/// puts it under its parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    pub node: &'a Node,
    pub prefix: String,
}

/// The tree flattened in reading order (pre-order), the root first with no prefix.
pub fn lines(root: &Node) -> Vec<Line<'_>> {
    let mut out = vec![Line {
        node: root,
        prefix: String::new(),
    }];
    push_children(root, "", &mut out);
    out
}

fn push_children<'a>(node: &'a Node, indent: &str, out: &mut Vec<Line<'a>>) {
    let n = node.children.len();
    for (i, child) in node.children.iter().enumerate() {
        let last = i + 1 == n;
        out.push(Line {
            node: child,
            prefix: format!("{indent}{}", if last { "└─ " } else { "├─ " }),
        });
        push_children(
            child,
            &format!("{indent}{}", if last { "   " } else { "│  " }),
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dossier, Kind, RelationType};

    fn dossier(id: &str, relations: &[(&str, RelationType)]) -> Dossier {
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
            relations: relations
                .iter()
                .map(|(t, k)| Relation {
                    kind: *k,
                    target: (*t).into(),
                    role: None,
                    note: None,
                    cites: Vec::new(),
                })
                .collect(),
        }
    }

    /// a → b → c → d, d → a (a cycle), e → a (incoming), b → c twice (a repeat).
    fn corpus() -> Corpus {
        use RelationType::*;
        Corpus {
            sources: Vec::new(),
            dossiers: vec![
                dossier("a", &[("b", Leads)]),
                dossier("b", &[("c", PartOf), ("c", AlliedWith)]),
                dossier("c", &[("d", Leads)]),
                dossier("d", &[("a", Opposes)]),
                dossier("e", &[("a", MemberOf)]),
            ],
        }
    }

    fn names(c: &Corpus, n: &Node) -> Vec<String> {
        lines(n)
            .iter()
            .map(|l| {
                let d = &c.dossiers[l.node.dossier].id;
                let dir = match l.node.edge {
                    None => "",
                    Some(e) if e.outgoing => ">",
                    Some(_) => "<",
                };
                let mark = match l.node.seen {
                    Seen::First => "",
                    Seen::Cycle => " cycle",
                    Seen::Repeat => " repeat",
                };
                format!("{}{dir}{d}{mark}", l.prefix)
            })
            .collect()
    }

    #[test]
    fn depth_limits_levels_and_incoming_edges_are_included() {
        let c = corpus();
        assert_eq!(names(&c, &tree(&c, 0, 1)), ["a", "├─ >b", "├─ <d", "└─ <e"]);
        assert_eq!(names(&c, &tree(&c, 0, 0)), ["a"]);
    }

    #[test]
    fn two_levels_mark_repeats_without_expanding_them() {
        let c = corpus();
        assert_eq!(
            names(&c, &tree(&c, 0, 2)),
            [
                "a",
                "├─ >b",
                "│  ├─ >c",
                "│  └─ >c repeat",
                "├─ <d",
                "│  └─ <c repeat",
                "└─ <e",
            ]
        );
    }

    #[test]
    fn a_ring_is_cut_where_it_closes_and_a_self_relation_is_a_cycle() {
        let c = corpus();
        // a → b → c → d → a: from a, each dossier expanded once, the closing edge a repeat.
        assert_eq!(
            names(&c, &tree(&c, 0, 10)),
            [
                "a",
                "├─ >b",
                "│  ├─ >c",
                "│  │  └─ >d repeat",
                "│  └─ >c repeat",
                "├─ <d",
                "│  └─ <c repeat",
                "└─ <e",
            ]
        );
        let own = Corpus {
            sources: Vec::new(),
            dossiers: vec![dossier("s", &[("s", RelationType::Leads)])],
        };
        assert_eq!(names(&own, &tree(&own, 0, 5)), ["s", "└─ >s cycle"]);
    }

    #[test]
    fn relations_with_the_parent_are_not_repeated_under_a_node() {
        let c = corpus();
        let t = tree(&c, 4, 2);
        // e > a, and under a: b and d, but not e again through the same relation.
        assert_eq!(names(&c, &t), ["e", "└─ >a", "   ├─ >b", "   └─ <d"]);
        // b has two relations to c: both at b's level, neither again under c.
        let t = tree(&c, 1, 2);
        assert_eq!(
            names(&c, &t),
            [
                "b",
                "├─ >c",
                "│  └─ >d",
                "├─ >c repeat",
                "└─ <a",
                "   ├─ <d repeat",
                "   └─ <e",
            ]
        );
    }
}
