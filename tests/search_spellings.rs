//! A reader who types any spelling an article uses must land on the right dossier, first.
//! The table below is taken from the articles (a test checks each spelling occurs in
//! one); a second test does the same for every name and alias of every dossier.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly on broken fixtures

use dossier::check::check;
use dossier::data::DataRoot;
use dossier::search::{SearchIndex, parse};

/// (spelling as printed in an article, dossier it must find first)
const SPELLINGS: &[(&str, &str)] = &[
    // The Freedom of Russia Legion, under every rendering.
    ("Freedom of Russia Legion", "freedom-of-russia-legion"),
    ("Legion of Freedom of Russia", "freedom-of-russia-legion"),
    (
        "Legion of the Freedom of Russia",
        "freedom-of-russia-legion",
    ),
    ("Freedom for Russia Legion", "freedom-of-russia-legion"),
    ("Russian Freedom Legion", "freedom-of-russia-legion"),
    ("Legion of Freedom for Russia", "freedom-of-russia-legion"),
    ("Russian Free Corps", "freedom-of-russia-legion"),
    ("Free Russian Corps", "freedom-of-russia-legion"),
    ("Легион «Свобода России»", "freedom-of-russia-legion"),
    ("Legion", "freedom-of-russia-legion"),
    // The Russian Volunteer Corps.
    ("Russian Volunteer Corps", "russian-volunteer-corps"),
    ("RVC", "russian-volunteer-corps"),
    ("RDK", "russian-volunteer-corps"),
    ("CVR", "russian-volunteer-corps"),
    ("TRC", "russian-volunteer-corps"),
    ("North Korea", "russian-volunteer-corps"),
    ("Russian Volunteer Army", "russian-volunteer-corps"),
    ("Russian Volunteer Force", "russian-volunteer-corps"),
    // People.
    ("Denis Kapustin", "denis-kapustin"),
    ("Denis Nikitin", "denis-kapustin"),
    ("Nikitin", "denis-kapustin"),
    ("Denis Nikitin39", "denis-kapustin"),
    ("Caesar", "caesar"),
    ("César", "caesar"),
    ("Ilya Ponomarev", "ilya-ponomarev"),
    ("Ilya Ponomariov", "ilya-ponomarev"),
    ("Alexey Baranovsky", "alexey-baranovsky"),
    ("Alexei Baranovsky", "alexey-baranovsky"),
    ("Andriy Yusov", "andriy-yusov"),
    ("Yosov", "andriy-yusov"),
    ("Mark Galeotti", "mark-galeotti"),
    ("Michael Clarke", "michael-clarke"),
    ("Clark", "michael-clarke"),
    ("Viacheslav Gladkov", "vyacheslav-gladkov"),
    ("Gladkov", "vyacheslav-gladkov"),
    ("Ilya Bogdanovaa", "ilya-bogdanov"),
    ("Maximillian Andronnikov", "maximillian-andronnikov"),
    ("Fortuna", "fortuna"),
    ("Dmitry Peskov", "dmitry-peskov"),
    ("Mykhailo Podolyak", "mykhailo-podolyak"),
    ("Oleksiy Arestovych", "oleksiy-arestovych"),
    ("Konstantin Malofeev", "konstantin-malofeev"),
    ("Robert Claus", "robert-claus"),
    ("Andrei Goryanov", "andrei-goryanov"),
    ("Sam Kiley", "sam-kiley"),
    ("Volodymyr Zelensky", "volodymyr-zelensky"),
    ("Vladimir Putin", "vladimir-putin"),
    // Institutions, companies, outlets.
    ("GUR", "ukraine-military-intelligence"),
    ("FSB", "fsb"),
    ("Federal Security Service", "fsb"),
    ("Attorney General", "russian-prosecutor-general"),
    ("Supreme Court", "russian-supreme-court"),
    ("International Brigade", "international-legion"),
    ("Ukrainian Foreign Legion", "international-legion"),
    ("White Rex", "white-rex"),
    ("Polish Volunteer Union", "polish-volunteer-union"),
    ("Mayak Intelligence", "mayak-intelligence"),
    ("King’s College London", "kings-college-london"),
    ("Tass", "tass"),
    ("Radio Free Europe/Radio Liberty", "rfe-rl"),
    ("BBC World", "bbc"),
    ("Financial Times", "financial-times"),
    ("Meduza", "meduza"),
    ("Watson", "watson"),
    ("Elcomercio", "el-comercio"),
    ("Today IT", "today-it"),
    // Events.
    ("Belgorod raid", "belgorod-raid"),
    // Places, under every rendering.
    ("Belgorod region", "belgorod-region"),
    ("Belgorod", "belgorod-region"),
    ("Belgorodthe", "belgorod-region"),
    ("Bryansk region", "bryansk-region"),
    ("Bryansk province", "bryansk-region"),
    ("Bryansk", "bryansk-region"),
    ("Briansk", "bryansk-region"),
    ("Graivoron district", "graivoron-district"),
    ("Grajvoronsky district", "graivoron-district"),
    ("Graivoron", "graivoron"),
    ("Konzinka", "kozinka"),
    ("Russia", "russia"),
    ("Russian Federation", "russia"),
    ("Ukraine", "ukraine"),
    ("Kharkiv", "kharkiv"),
    ("Bucha", "bucha"),
    ("Irpin", "irpin"),
    ("Bakhmut", "bakhmut"),
    ("Bakhmuton", "bakhmut"),
    ("Crimea", "crimea"),
    ("Germany", "germany"),
    ("Moscow", "moscow"),
    ("Kursk", "kursk"),
    ("Voronezh", "voronezh"),
    ("Rostov", "rostov"),
    ("Lyubimovka", "lyubimovka"),
    ("Bezlyudovka", "bezlyudovka"),
    ("Churovichi", "churovichi"),
    ("Staryi Oskol", "staryi-oskol"),
    ("Rakitnoye", "rakitnoye"),
    ("Ivna", "ivna"),
    ("Stroitel", "stroitel"),
];

fn corpus() -> dossier::model::Corpus {
    let report = check(&DataRoot::Bundled);
    assert_eq!(report.errors(), 0, "bundled corpus must check");
    report.corpus
}

#[test]
fn every_spelling_in_the_table_occurs_in_an_article() {
    let c = corpus();
    for (spelling, _) in SPELLINGS {
        assert!(
            c.sources.iter().any(|s| s.article.text.contains(spelling)),
            "'{spelling}' is not printed in any article"
        );
    }
}

#[test]
fn every_spelling_from_the_articles_ranks_its_dossier_first() {
    let c = corpus();
    let index = SearchIndex::new(&c);
    let mut wrong = Vec::new();
    for (spelling, id) in SPELLINGS {
        assert!(c.dossier(id).is_some(), "no dossier '{id}'");
        let hits = index.search(&parse(spelling), 3);
        let first = hits
            .first()
            .and_then(|h| c.dossiers.get(h.dossier))
            .map(|d| d.id.as_str());
        if first != Some(*id) {
            wrong.push(format!("'{spelling}' → {first:?}, expected '{id}'"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_name_and_alias_ranks_its_own_dossier_first() {
    let c = corpus();
    let index = SearchIndex::new(&c);
    let mut wrong = Vec::new();
    for d in &c.dossiers {
        for spelling in std::iter::once(&d.name).chain(d.aliases.iter().map(|a| &a.name)) {
            let hits = index.search(&parse(spelling), 5);
            let ids: Vec<&str> = hits
                .iter()
                .filter_map(|h| c.dossiers.get(h.dossier))
                .map(|x| x.id.as_str())
                .collect();
            // A spelling shared by two dossiers (reported by `check` as a warning) may
            // rank the other one first, but must still list this one right after.
            let shared = c.dossiers.iter().filter(|o| o.id != d.id).any(|o| {
                o.name.eq_ignore_ascii_case(spelling)
                    || o.aliases
                        .iter()
                        .any(|a| a.name.eq_ignore_ascii_case(spelling))
            });
            let ok = if shared {
                ids.iter().take(2).any(|i| *i == d.id)
            } else {
                ids.first() == Some(&d.id.as_str())
            };
            if !ok {
                wrong.push(format!("'{spelling}' → {ids:?}, expected '{}'", d.id));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
