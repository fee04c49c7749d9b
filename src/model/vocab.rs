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
    }
}

impl Kind {
    /// The folder under `dossiers/` that holds this kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Person => "people",
            Kind::Group => "groups",
        }
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
    }
}
