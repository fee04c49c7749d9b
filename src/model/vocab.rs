//! The closed vocabularies of the format: dossier kinds, alias kinds, relation types and
//! derivations. Each is written in the files as a kebab-case word; `check` rejects any
//! other word and lists the allowed ones.

use serde::Serialize;

/// Declares a kebab-case vocabulary enum with `parse`, `as_str` and `ALL`.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every allowed word, in the order of the documentation.
            pub const ALL: &'static [&'static str] = &[$($text),+];

            /// Parses the word used in the files.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The word used in the files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What a dossier is about.
    Kind {
        /// A person.
        Person = "person",
        /// An organisation: armed group, agency, court, ministry, company, outlet.
        Group = "group",
        /// Something that happened: a raid, an attack, an operation, a press conference.
        Event = "event",
        /// A country, region, district, town or village.
        Place = "place",
    }
}

impl Kind {
    /// The folder under `dossiers/` that holds this kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Person => "people",
            Kind::Group => "groups",
            Kind::Event => "events",
            Kind::Place => "places",
        }
    }

    /// The kind whose folder under `dossiers/` is `folder`.
    pub fn from_folder(folder: &str) -> Option<Kind> {
        Kind::ALL
            .iter()
            .filter_map(|w| Kind::parse(w))
            .find(|k| k.folder() == folder)
    }

    /// True for the kinds that can act: people and groups (as opposed to events and
    /// places, which things happen at or in).
    pub fn is_actor(self) -> bool {
        matches!(self, Kind::Person | Kind::Group)
    }
}

vocabulary! {
    /// How an alias relates to the dossier's name.
    AliasKind {
        /// A name used in place of the real one (a nom de guerre).
        Pseudonym = "pseudonym",
        /// A nickname or call sign.
        Nickname = "nickname",
        /// Another romanisation of the same name.
        Transliteration = "transliteration",
        /// An abbreviation or acronym, in any language.
        Abbreviation = "abbreviation",
        /// The name in its original script.
        OriginalScript = "original-script",
        /// A translation of the name.
        Translation = "translation",
        /// A garbled rendering, typically by machine translation.
        Misrendering = "misrendering",
    }
}

vocabulary! {
    /// The type of a relation between two dossiers.
    RelationType {
        Leads = "leads",
        Founded = "founded",
        MemberOf = "member-of",
        SpokespersonFor = "spokesperson-for",
        PartOf = "part-of",
        AlliedWith = "allied-with",
        RivalOf = "rival-of",
        WorksFor = "works-for",
        AffiliatedWith = "affiliated-with",
        Opposes = "opposes",
        /// A person or group took part in an event (on either side).
        TookPartIn = "took-part-in",
        /// An event happened in, or a place lies in, a place.
        LocatedIn = "located-in",
    }
}

impl RelationType {
    /// Which kinds may be at each end, in words for a message, or `None` when the pair
    /// makes sense. `took-part-in` goes from a person or group to an event, `located-in`
    /// from an event or place to a place, and every other type links people and groups.
    pub fn misfit(self, from: Kind, to: Kind) -> Option<&'static str> {
        let fits = match self {
            RelationType::TookPartIn => from.is_actor() && to == Kind::Event,
            RelationType::LocatedIn => !from.is_actor() && to == Kind::Place,
            _ => from.is_actor() && to.is_actor(),
        };
        (!fits).then_some(match self {
            RelationType::TookPartIn => "goes from a person or group to an event",
            RelationType::LocatedIn => "goes from an event or place to a place",
            _ => "links a person or group to a person or group",
        })
    }
}

vocabulary! {
    /// How a source text came to be.
    Derivation {
        /// The publication itself.
        Original = "original",
        /// A human translation.
        Translation = "translation",
        /// A machine translation.
        MachineTranslation = "machine-translation",
        /// A rewrite in other words.
        Paraphrase = "paraphrase",
        /// A copy republished elsewhere.
        Repost = "repost",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for w in RelationType::ALL {
            assert_eq!(RelationType::parse(w).map(|r| r.as_str()), Some(*w));
        }
        assert_eq!(
            AliasKind::parse("original-script"),
            Some(AliasKind::OriginalScript)
        );
        assert_eq!(Kind::parse("persn"), None);
        for w in Kind::ALL {
            let k = Kind::parse(w);
            assert_eq!(k.and_then(|k| Kind::from_folder(k.folder())), k);
        }
    }

    #[test]
    fn relation_types_fit_their_kinds() {
        use Kind::*;
        assert_eq!(RelationType::TookPartIn.misfit(Group, Event), None);
        assert_eq!(RelationType::TookPartIn.misfit(Person, Event), None);
        assert!(RelationType::TookPartIn.misfit(Event, Group).is_some());
        assert_eq!(RelationType::LocatedIn.misfit(Event, Place), None);
        assert_eq!(RelationType::LocatedIn.misfit(Place, Place), None);
        assert!(RelationType::LocatedIn.misfit(Group, Place).is_some());
        assert!(RelationType::LocatedIn.misfit(Event, Event).is_some());
        assert_eq!(RelationType::Leads.misfit(Person, Group), None);
        assert!(RelationType::MemberOf.misfit(Person, Event).is_some());
        assert!(RelationType::AlliedWith.misfit(Place, Group).is_some());
    }
}
