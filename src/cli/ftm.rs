//! The corpus as FollowTheMoney entities (the data model of Aleph and OpenSanctions), one
//! JSON object per line: `{"id", "schema", "properties": {name: [values]}}`.
//!
//! People become `Person`, groups `Organization`, events `Event` and places `Address`
//! (FtM has no schema for a named place; `Address` extends `Thing`, so it carries a name,
//! aliases and notes, and `full` holds the place's name). Each relation becomes an
//! interval entity chosen by [`link_schema`]; where FtM's ranges do not fit the two ends
//! it falls back to `UnknownLink`, so no entity ever breaks the schema. Quoted passages go
//! into `notes` on things and into `description` on links (FtM's interval schemata have
//! no `notes`). The registry records no URLs, so `sourceUrl` is never emitted; the
//! outlets of the cited articles are given as `publisher`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Citation, Corpus, Dossier, Kind, Relation, RelationType};

/// One FtM entity.
#[derive(Debug, Serialize)]
pub struct Entity {
    pub id: String,
    pub schema: &'static str,
    /// Property name → values, sorted by name so the output is stable.
    pub properties: BTreeMap<&'static str, Vec<String>>,
}

impl Entity {
    fn new(id: String, schema: &'static str) -> Self {
        Entity {
            id,
            schema,
            properties: BTreeMap::new(),
        }
    }

    /// Adds values to a property, skipping empty strings and repeats.
    fn add(&mut self, prop: &'static str, values: impl IntoIterator<Item = String>) {
        let list = self.properties.entry(prop).or_default();
        for v in values {
            if !v.is_empty() && !list.contains(&v) {
                list.push(v);
            }
        }
        if list.is_empty() {
            self.properties.remove(prop);
        }
    }
}

/// The stable FtM id of a dossier.
pub fn entity_id(dossier_id: &str) -> String {
    format!("dossier-{dossier_id}")
}

/// The FtM schema of a dossier kind.
pub fn thing_schema(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "Person",
        Kind::Group => "Organization",
        Kind::Event => "Event",
        Kind::Place => "Address",
    }
}

/// A relation's FtM interval schema and the properties that hold its two ends
/// (source end, target end), given the kinds at each end. The specific schemata are used
/// only where FtM's ranges allow the ends: `Membership.organization`,
/// `Directorship.organization` and `Employment.employer` must be an Organization,
/// `Employment.employee` a Person.
pub fn link_schema(
    kind: RelationType,
    from: Kind,
    to: Kind,
) -> (&'static str, &'static str, &'static str) {
    let legal = |k: Kind| k.is_actor();
    match kind {
        RelationType::MemberOf | RelationType::PartOf if legal(from) && to == Kind::Group => {
            ("Membership", "member", "organization")
        }
        RelationType::Leads if legal(from) && to == Kind::Group => {
            ("Directorship", "director", "organization")
        }
        RelationType::WorksFor | RelationType::SpokespersonFor
            if from == Kind::Person && to == Kind::Group =>
        {
            ("Employment", "employee", "employer")
        }
        _ => ("UnknownLink", "subject", "object"),
    }
}

/// How a relation type reads as an FtM `role` when the curator gave none.
fn role_words(kind: RelationType) -> &'static str {
    match kind {
        RelationType::Leads => "leads",
        RelationType::Founded => "founder",
        RelationType::MemberOf => "member",
        RelationType::SpokespersonFor => "spokesperson",
        RelationType::PartOf => "part of",
        RelationType::AlliedWith => "allied with",
        RelationType::RivalOf => "rival of",
        RelationType::WorksFor => "works for",
        RelationType::AffiliatedWith => "affiliated with",
        RelationType::Opposes => "opposes",
        RelationType::TookPartIn => "took part in",
        RelationType::LocatedIn => "located in",
    }
}

/// `“matched text” (Outlet, seeds/FILE:line:col) — what it supports`.
fn passage(corpus: &Corpus, what: &str, c: &Citation) -> Option<String> {
    let s = corpus.sources.get(c.source)?;
    let text = s.article.text.get(c.range.clone())?;
    Some(format!(
        "“{text}” ({}, seeds/{}:{}:{}) — {what}",
        s.outlet, s.file, c.start.line, c.start.column
    ))
}

fn publishers<'a>(corpus: &Corpus, cites: impl Iterator<Item = &'a Citation>) -> Vec<String> {
    cites
        .filter_map(|c| corpus.sources.get(c.source))
        .map(|s| s.outlet.clone())
        .collect()
}

/// Every entity of the corpus: one per dossier, then one per relation.
pub fn entities(corpus: &Corpus) -> Vec<Entity> {
    let mut out: Vec<Entity> = corpus.dossiers.iter().map(|d| thing(corpus, d)).collect();
    for d in &corpus.dossiers {
        for (i, r) in d.relations.iter().enumerate() {
            if let Some(e) = link(corpus, d, i, r) {
                out.push(e);
            }
        }
    }
    out
}

fn thing(corpus: &Corpus, d: &Dossier) -> Entity {
    let mut e = Entity::new(entity_id(&d.id), thing_schema(d.kind));
    e.add("name", [d.name.clone()]);
    e.add("alias", d.aliases.iter().map(|a| a.name.clone()));
    e.add("summary", d.summary.clone());
    e.add("publisher", publishers(corpus, d.all_cites()));
    let mut notes = Vec::new();
    for a in &d.aliases {
        let what = format!("Alias '{}' ({})", a.name, a.kind);
        notes.extend(a.cites.iter().filter_map(|c| passage(corpus, &what, c)));
    }
    for c in &d.claims {
        notes.extend(c.cites.iter().filter_map(|x| passage(corpus, &c.text, x)));
        for v in &c.variants {
            let what = format!("{} — {}", c.text, v.value);
            notes.extend(v.cites.iter().filter_map(|x| passage(corpus, &what, x)));
        }
    }
    e.add("notes", notes);
    match d.kind {
        Kind::Event => {
            e.add("date", d.date.clone());
            // Who took part: the took-part-in relations pointing here.
            let involved = corpus.dossiers.iter().filter(|o| {
                o.relations
                    .iter()
                    .any(|r| r.kind == RelationType::TookPartIn && r.target == d.id)
            });
            e.add("involved", involved.map(|o| entity_id(&o.id)));
            let places: Vec<&Dossier> = d
                .relations
                .iter()
                .filter(|r| r.kind == RelationType::LocatedIn)
                .filter_map(|r| corpus.dossier(&r.target))
                .collect();
            e.add("addressEntity", places.iter().map(|p| entity_id(&p.id)));
            e.add("location", places.iter().map(|p| p.name.clone()));
        }
        Kind::Place => e.add("full", [d.name.clone()]),
        Kind::Person | Kind::Group => {}
    }
    e
}

fn link(corpus: &Corpus, d: &Dossier, i: usize, r: &Relation) -> Option<Entity> {
    let target = corpus.dossier(&r.target)?;
    let (schema, from, to) = link_schema(r.kind, d.kind, target.kind);
    let mut e = Entity::new(
        format!("link-{}-{}-{}-{i}", d.id, r.kind, target.id),
        schema,
    );
    e.add(from, [entity_id(&d.id)]);
    e.add(to, [entity_id(&target.id)]);
    e.add(
        "role",
        [r.role.clone().unwrap_or_else(|| role_words(r.kind).into())],
    );
    let what = format!(
        "{} {} {}",
        d.name,
        r.kind.as_str().replace('-', " "),
        target.name
    );
    e.add("summary", [what.clone()]);
    e.add("publisher", publishers(corpus, r.cites.iter()));
    e.add(
        "description",
        r.cites.iter().filter_map(|c| passage(corpus, &what, c)),
    );
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_types_map_to_the_ftm_schema_their_ends_allow() {
        use Kind::*;
        use RelationType as R;
        let table = [
            (
                R::MemberOf,
                Person,
                Group,
                "Membership",
                "member",
                "organization",
            ),
            (
                R::PartOf,
                Group,
                Group,
                "Membership",
                "member",
                "organization",
            ),
            (
                R::Leads,
                Person,
                Group,
                "Directorship",
                "director",
                "organization",
            ),
            (
                R::WorksFor,
                Person,
                Group,
                "Employment",
                "employee",
                "employer",
            ),
            (
                R::SpokespersonFor,
                Person,
                Group,
                "Employment",
                "employee",
                "employer",
            ),
            // FtM's ranges do not allow these ends, so the link stays unknown.
            (
                R::WorksFor,
                Person,
                Person,
                "UnknownLink",
                "subject",
                "object",
            ),
            (
                R::SpokespersonFor,
                Group,
                Group,
                "UnknownLink",
                "subject",
                "object",
            ),
            (
                R::MemberOf,
                Person,
                Person,
                "UnknownLink",
                "subject",
                "object",
            ),
            (R::Leads, Person, Person, "UnknownLink", "subject", "object"),
            (
                R::Founded,
                Person,
                Group,
                "UnknownLink",
                "subject",
                "object",
            ),
            (
                R::AlliedWith,
                Group,
                Group,
                "UnknownLink",
                "subject",
                "object",
            ),
            (R::RivalOf, Group, Group, "UnknownLink", "subject", "object"),
            (
                R::AffiliatedWith,
                Group,
                Group,
                "UnknownLink",
                "subject",
                "object",
            ),
            (
                R::Opposes,
                Group,
                Person,
                "UnknownLink",
                "subject",
                "object",
            ),
            (
                R::TookPartIn,
                Group,
                Event,
                "UnknownLink",
                "subject",
                "object",
            ),
            (
                R::LocatedIn,
                Event,
                Place,
                "UnknownLink",
                "subject",
                "object",
            ),
        ];
        for (kind, from, to, schema, a, b) in table {
            assert_eq!(
                link_schema(kind, from, to),
                (schema, a, b),
                "{kind} {from}→{to}"
            );
        }
        assert_eq!(thing_schema(Person), "Person");
        assert_eq!(thing_schema(Group), "Organization");
        assert_eq!(thing_schema(Event), "Event");
        assert_eq!(thing_schema(Place), "Address");
    }
}
