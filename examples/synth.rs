//! A synthetic corpus, deterministic from a seed, for benchmarks at sizes far beyond the
//! bundled five articles:
//!
//! ```sh
//! cargo run --release --example synth -- OUT --dossiers 10000 --articles 2000 [--seed 7]
//! ```
//!
//! It writes `OUT/seeds/sources.toml` (over 1 MiB of registry: its header there, the
//! sources in `OUT/seeds/sources.d/*.toml`), `OUT/seeds/*.txt` and `OUT/dossiers/{people,groups}/`
//! in the bundled corpus's layout. Every quote is taken verbatim from a generated article
//! and checked to occur exactly once there, so the output passes `dossier check`. Names
//! and aliases are unique across the corpus (no shared-alias warnings); about a quarter
//! are non-ASCII (diacritics, Cyrillic original-script aliases).
#![allow(clippy::disallowed_macros)] // an example prints its results to the console

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier::check::sha256_hex;

/// splitmix64: small, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Anna",
    "Boris",
    "Clara",
    "Dmitri",
    "Elena",
    "Felix",
    "Galina",
    "Hugo",
    "Irina",
    "Jan",
    "Katarzyna",
    "Leon",
    "Marta",
    "Nikolai",
    "Olga",
    "Pavel",
    "Quentin",
    "Rosa",
    "Sergei",
    "Tamara",
    "Umar",
    "Vera",
    "Walter",
    "Xenia",
    "Yusuf",
    "Zofia",
    "Andrei",
    "Bianca",
    "Cyril",
    "Daria",
    "Emil",
    "Frida",
    "Gleb",
    "Hanna",
    "Igor",
    "Julia",
    "Karl",
    "Lidia",
    "Maksym",
    "Nina",
    "Oleg",
    "Polina",
    "Roman",
    "Sofia",
    "Taras",
    "Ulla",
    "Viktor",
    "Wanda",
    "Yaroslav",
    "Zlata",
    "José",
    "Zoë",
    "Łukasz",
    "Jürgen",
    "Françoise",
    "Søren",
    "Ömer",
    "Agnès",
    "Miloš",
    "Dóra",
];
const LAST: &[&str] = &[
    "Abramov",
    "Baranova",
    "Chernov",
    "Davydova",
    "Egorov",
    "Fedorova",
    "Gusev",
    "Hartmann",
    "Ivanova",
    "Jankowski",
    "Kovalenko",
    "Lebedev",
    "Morozova",
    "Novak",
    "Orlov",
    "Petrenko",
    "Quast",
    "Romanova",
    "Sokolov",
    "Tkachenko",
    "Usova",
    "Volkov",
    "Weber",
    "Yakovleva",
    "Zaitsev",
    "Bondar",
    "Kravets",
    "Melnyk",
    "Shevchenko",
    "Hrytsenko",
    "Lysenko",
    "Marchenko",
    "Savchenko",
    "Rudenko",
    "Klymenko",
    "Ostapenko",
    "Pavlenko",
    "Moroz",
    "Tkachuk",
    "Kuzmin",
    "Núñez",
    "Wójcik",
    "Groß",
    "Dvořák",
    "Müller",
    "Šimić",
    "Çelik",
    "Łęcki",
    "Håkansson",
    "Ibáñez",
];
const MIDDLE: &[&str] = &[
    "A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "I.", "K.", "L.", "M.", "N.", "O.", "P.", "R.",
    "S.", "T.", "V.", "Z.",
];
/// Latin → Cyrillic letters for original-script aliases of ASCII names.
const CYRILLIC: &[(char, &str)] = &[
    ('a', "а"),
    ('b', "б"),
    ('c', "к"),
    ('d', "д"),
    ('e', "е"),
    ('f', "ф"),
    ('g', "г"),
    ('h', "х"),
    ('i', "и"),
    ('j', "й"),
    ('k', "к"),
    ('l', "л"),
    ('m', "м"),
    ('n', "н"),
    ('o', "о"),
    ('p', "п"),
    ('q', "к"),
    ('r', "р"),
    ('s', "с"),
    ('t', "т"),
    ('u', "у"),
    ('v', "в"),
    ('w', "в"),
    ('x', "кс"),
    ('y', "ы"),
    ('z', "з"),
];
const GROUP_ADJ: &[&str] = &[
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Free",
    "United",
    "Volunteer",
    "Patriotic",
    "Independent",
    "National",
    "Civic",
    "Popular",
    "Revolutionary",
    "Democratic",
    "Federal",
    "Baltic",
    "Carpathian",
    "Steppe",
    "Siberian",
    "Danube",
    "Dnipro",
    "Volga",
    "Caspian",
    "Black Sea",
    "White Sea",
];
const GROUP_NOUN: &[&str] = &[
    "Legion",
    "Corps",
    "Brigade",
    "Battalion",
    "Front",
    "Guard",
    "Union",
    "Movement",
    "Council",
    "Committee",
    "Alliance",
    "Network",
    "Company",
    "Regiment",
    "Agency",
    "Institute",
    "Bureau",
    "Foundation",
    "Service",
    "Directorate",
];
const GROUP_OF: &[&str] = &[
    "Freedom",
    "Liberation",
    "Resistance",
    "Defence",
    "Solidarity",
    "Renewal",
    "Justice",
    "Sovereignty",
    "Volunteers",
    "Veterans",
    "Intelligence",
    "Security",
    "Information",
    "Reconstruction",
    "Self-Defence",
    "Česká Pomoc",
    "Ñandú Relief",
    "Ørsted Aid",
];
const PLACES: &[&str] = &[
    "Belgorod",
    "Kharkiv",
    "Kursk",
    "Bryansk",
    "Sumy",
    "Kyiv",
    "Moscow",
    "Warsaw",
    "Vilnius",
    "Riga",
    "Tallinn",
    "Berlin",
    "Prague",
    "Chernihiv",
    "Shebekino",
    "Graivoron",
    "Kozinka",
    "Vyazovoye",
    "Odesa",
    "Dnipro",
    "Zaporizhzhia",
    "Lviv",
    "Kherson",
    "Mariupol",
    "Donetsk",
];
const OUTLETS: &[&str] = &[
    "The Daily Ledger",
    "Morning Dispatch",
    "Eastern Courier",
    "Frontline Review",
    "Baltic Observer",
    "Wire Service Europe",
    "Radio Meridian",
    "The Evening Standardbearer",
    "Independent Monitor",
    "Le Veilleur",
    "Der Beobachter",
    "Gazeta Poranna",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FILLER: &[&str] = &[
    "Residents described a night of explosions and sirens.",
    "Officials declined to comment on the reports.",
    "The claims could not be independently verified.",
    "Shops in the centre stayed closed for a second day.",
    "Analysts cautioned against drawing early conclusions.",
    "Local television showed damaged cars and broken windows.",
    "The ministry promised a fuller statement later in the week.",
    "Several villages near the border were evacuated overnight.",
    "Footage shared online showed armoured vehicles on a rural road.",
    "A spokesperson said the situation was under control.",
    "Neighbouring regions raised their alert level.",
    "Journalists were not allowed into the area.",
    "The governor urged people to stay indoors.",
    "Power lines were cut in at least three districts.",
    "Rail services to the region were suspended.",
];
/// Templates for a claim's sentence in an article: `{N}` the subject, `{F}` the fact.
const CLAIM_SENTENCE: &[&str] = &[
    "According to people familiar with the matter, {N} {F}.",
    "{N} {F}, the report said.",
    "Records seen by this outlet show that {N} {F}.",
    "In an interview, a former associate said {N} {F}.",
    "{N}, it emerged on Tuesday, {F}.",
    "Officials confirmed that {N} {F}.",
    "It is understood that {N} {F}.",
    "Sources close to the investigation say {N} {F}.",
];
/// Facts about a person: (article wording, curator's wording). `{P}` a place, `{Y}` a
/// year, `{M}` a month, `{G}` a group name.
const PERSON_FACTS: &[(&str, &str)] = &[
    ("was born in {P} in {Y}", "Born in {P} in {Y}."),
    ("moved to {P} in {M} {Y}", "Moved to {P} in {M} {Y}."),
    (
        "trained as an engineer in {P}",
        "Trained as an engineer in {P}.",
    ),
    ("joined the {G} in {Y}", "Joined the {G} in {Y}."),
    (
        "was detained briefly in {P} in {Y}",
        "Was detained in {P} in {Y}.",
    ),
    (
        "gave a press conference in {P} in {M} {Y}",
        "Spoke to the press in {P} in {M} {Y}.",
    ),
    (
        "posted a video from near {P} in {M}",
        "Posted a video from near {P} in {M}.",
    ),
    (
        "has denied any role in the attack on {P}",
        "Denies a role in the attack on {P}.",
    ),
    (
        "served two years in the army before {Y}",
        "Served in the army before {Y}.",
    ),
    (
        "was placed on a wanted list in {Y}",
        "Has been wanted since {Y}.",
    ),
    (
        "studied history at a university in {P}",
        "Studied history in {P}.",
    ),
    (
        "worked for a security firm in {P} until {Y}",
        "Worked in security in {P} until {Y}.",
    ),
];
const GROUP_FACTS: &[(&str, &str)] = &[
    (
        "was founded in {P} in {M} {Y}",
        "Founded in {P} in {M} {Y}.",
    ),
    (
        "claimed responsibility for a raid near {P} in {M} {Y}",
        "Claimed a raid near {P} in {M} {Y}.",
    ),
    (
        "recruits volunteers from {P}",
        "Recruits volunteers from {P}.",
    ),
    (
        "has several hundred fighters near {P}",
        "Has several hundred fighters near {P}.",
    ),
    (
        "published a statement from {P} in {M}",
        "Issued a statement from {P} in {M}.",
    ),
    ("operates alongside the {G}", "Operates alongside the {G}."),
    (
        "was banned by a court in {P} in {Y}",
        "Banned by a court in {P} in {Y}.",
    ),
    (
        "opened an office in {P} in {Y}",
        "Opened an office in {P} in {Y}.",
    ),
    (
        "is funded by donations collected in {P}",
        "Funded by donations from {P}.",
    ),
    (
        "lost contact with its unit near {P} in {M} {Y}",
        "Lost contact with a unit near {P} in {M} {Y}.",
    ),
];

/// What to generate.
pub struct Args {
    pub out: PathBuf,
    pub dossiers: usize,
    pub articles: usize,
    pub seed: u64,
    /// Largest registry file written (bytes); a larger registry is split
    /// ([`write_registry`]).
    pub registry_part: usize,
}

#[allow(dead_code)]
fn parse_args() -> Result<Args, String> {
    let mut out = None;
    let (mut dossiers, mut articles, mut seed) = (1000usize, 200usize, 7u64);
    let mut registry_part = REGISTRY_PART;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut num = |name: &str| -> Result<u64, String> {
            it.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match a.as_str() {
            "--dossiers" => dossiers = num("--dossiers")? as usize,
            "--articles" => articles = num("--articles")? as usize,
            "--seed" => seed = num("--seed")?,
            "--registry-part" => registry_part = num("--registry-part")? as usize,
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s => out = Some(PathBuf::from(s)),
        }
    }
    let out = out.ok_or(
        "usage: synth OUT [--dossiers N] [--articles N] [--seed N] [--registry-part BYTES]",
    )?;
    if articles < 2 || dossiers < 2 {
        return Err("--dossiers and --articles must be at least 2".into());
    }
    Ok(Args {
        out,
        dossiers,
        articles,
        seed,
        registry_part,
    })
}

/// One dossier being generated.
struct Entity {
    id: String,
    person: bool,
    name: String,
    aliases: Vec<(String, &'static str)>,
}

/// A sentence placed in an article and the citation it backs.
struct Placed {
    article: usize,
    sentence: String,
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let plain = match c {
            'á' | 'à' | 'ä' | 'å' => "a",
            'é' | 'è' | 'ë' | 'ę' => "e",
            'í' => "i",
            'ó' | 'ö' | 'ø' | 'Ø' | 'Ö' => "o",
            'ú' | 'ü' => "u",
            'ñ' | 'Ñ' => "n",
            'ç' | 'Ç' | 'č' | 'Č' => "c",
            'š' | 'Š' => "s",
            'ł' | 'Ł' => "l",
            'ř' => "r",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            _ => "-",
        };
        out.push_str(plain);
    }
    let mut clean = String::new();
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if !clean.is_empty() {
            clean.push('-');
        }
        clean.push_str(part);
    }
    clean
}

fn cyrillic(s: &str) -> String {
    s.chars()
        .map(|c| {
            let lower = c.to_ascii_lowercase();
            match CYRILLIC.iter().find(|(l, _)| *l == lower) {
                Some((_, cy)) if c.is_ascii_uppercase() => cy.to_uppercase(),
                Some((_, cy)) => (*cy).to_owned(),
                None => c.to_string(),
            }
        })
        .collect()
}

/// TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn entities(rng: &mut Rng, n: usize) -> Vec<Entity> {
    let mut used: HashSet<String> = HashSet::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(n);
    let mut person_i = 0usize;
    let mut group_i = 0usize;
    for _ in 0..n {
        let person = rng.chance(60);
        // Enumerate the name space in a scrambled but collision-free order.
        let (name, aliases) = loop {
            let (name, aliases) = if person {
                let i = person_i.wrapping_mul(7919);
                person_i += 1;
                let f = FIRST[i % FIRST.len()];
                let l = LAST[(i / FIRST.len()) % LAST.len()];
                let round = i / (FIRST.len() * LAST.len());
                let name = if round == 0 {
                    format!("{f} {l}")
                } else {
                    let m = MIDDLE[(round - 1) % MIDDLE.len()];
                    let extra = (round - 1) / MIDDLE.len();
                    if extra == 0 {
                        format!("{f} {m} {l}")
                    } else {
                        format!("{f} {m} {l}-{}", LAST[extra % LAST.len()])
                    }
                };
                let mut aliases = Vec::new();
                if rng.chance(40) {
                    aliases.push((
                        format!(
                            "{}. {l}",
                            &f[..f.char_indices().nth(1).map_or(1, |(b, _)| b)]
                        ),
                        "abbreviation",
                    ));
                }
                if rng.chance(25) && name.is_ascii() {
                    aliases.push((cyrillic(&name), "original-script"));
                }
                if rng.chance(30) {
                    aliases.push((format!("{} {}", rng.pick(FIRST), l), "pseudonym"));
                }
                (name, aliases)
            } else {
                let i = group_i.wrapping_mul(104_729);
                group_i += 1;
                let a = GROUP_ADJ[i % GROUP_ADJ.len()];
                let b = GROUP_NOUN[(i / GROUP_ADJ.len()) % GROUP_NOUN.len()];
                let round = i / (GROUP_ADJ.len() * GROUP_NOUN.len());
                let c = GROUP_OF[round % GROUP_OF.len()];
                let extra = round / GROUP_OF.len();
                let name = if extra == 0 {
                    format!("{a} {b} of {c}")
                } else {
                    format!("{a} {b} of {c} of {}", PLACES[extra % PLACES.len()])
                };
                let mut aliases = Vec::new();
                let abbr: String = name
                    .split(' ')
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .filter_map(|w| w.chars().next())
                    .collect();
                if rng.chance(60) {
                    aliases.push((abbr, "abbreviation"));
                }
                if rng.chance(30) {
                    aliases.push((format!("{b} of {c} ({a})"), "misrendering"));
                }
                (name, aliases)
            };
            if used.insert(name.to_lowercase()) {
                break (name, aliases);
            }
        };
        let aliases: Vec<_> = aliases
            .into_iter()
            .filter(|(a, _)| *a != name && used.insert(a.to_lowercase()))
            .collect();
        let mut id = slug(&name);
        if !ids.insert(id.clone()) {
            let mut k = 2;
            while !ids.insert(format!("{id}-{k}")) {
                k += 1;
            }
            id = format!("{id}-{k}");
        }
        out.push(Entity {
            id,
            person,
            name,
            aliases,
        });
    }
    out
}

/// Fills `{P}` `{Y}` `{M}` `{G}` in a template.
fn fill(t: &str, p: &str, y: usize, m: &str, g: &str) -> String {
    t.replace("{P}", p)
        .replace("{Y}", &y.to_string())
        .replace("{M}", m)
        .replace("{G}", g)
}

/// Article bodies under construction, with a byte budget each.
struct Articles {
    sentences: Vec<Vec<String>>,
    bytes: Vec<usize>,
    target: Vec<usize>,
}

impl Articles {
    /// An article with room for `len` more bytes (a few random tries, then the roomiest
    /// of them), excluding `avoid`.
    fn place(&mut self, rng: &mut Rng, sentence: String, avoid: &[usize]) -> usize {
        let n = self.target.len();
        let mut best = rng.below(n);
        for _ in 0..12 {
            let a = rng.below(n);
            if avoid.contains(&a) {
                continue;
            }
            let room = |i: usize| self.target[i] as isize - self.bytes[i] as isize;
            if avoid.contains(&best) || room(a) > room(best) {
                best = a;
            }
            if room(a) >= sentence.len() as isize {
                best = a;
                break;
            }
        }
        self.bytes[best] += sentence.len() + 1;
        self.sentences[best].push(sentence);
        best
    }
}

fn count(hay: &str, needle: &str) -> usize {
    let mut n = 0;
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        n += 1;
        from += i + hay[from + i..].chars().next().map_or(1, char::len_utf8);
    }
    n
}

#[allow(dead_code)] // the benches include this file for `generate` only
fn main() -> ExitCode {
    let result = parse_args().and_then(|a| generate(&a));
    match result.map(|summary| println!("{summary}")) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::from(2)
        }
    }
}

/// A claim (or alias or relation) citation waiting for its article text.
enum Item {
    Alias(usize),
    Claim {
        id: String,
        text: String,
        cites: Vec<Placed>,
        variants: Vec<(String, Vec<Placed>)>,
    },
    Relation {
        kind: &'static str,
        target: usize,
        cite: Placed,
    },
}

/// Writes the corpus `args` describes; returns a one-line summary.
pub fn generate(args: &Args) -> Result<String, String> {
    let mut rng = Rng(args.seed);
    let ents = entities(&mut rng, args.dossiers);
    let mut arts = Articles {
        sentences: vec![Vec::new(); args.articles],
        bytes: vec![0; args.articles],
        target: (0..args.articles)
            .map(|_| rng.range(2_000, 20_000))
            .collect(),
    };
    let groups: Vec<usize> = (0..ents.len()).filter(|&i| !ents[i].person).collect();
    let mut items: Vec<Vec<Item>> = Vec::with_capacity(ents.len());
    let mut alias_cites: Vec<Vec<Vec<Placed>>> = Vec::with_capacity(ents.len());
    for (ei, e) in ents.iter().enumerate() {
        let mut its = Vec::new();
        let mut acs = Vec::new();
        for (ai, (alias, _)) in e.aliases.iter().enumerate() {
            let s = format!(
                "{}, whom {} calls {alias}, was mentioned again this week.",
                e.name,
                rng.pick(OUTLETS)
            );
            let a = arts.place(&mut rng, s.clone(), &[]);
            acs.push(vec![Placed {
                article: a,
                sentence: s,
            }]);
            its.push(Item::Alias(ai));
        }
        alias_cites.push(acs);
        let facts = if e.person { PERSON_FACTS } else { GROUP_FACTS };
        let nclaims = rng.range(7, 13);
        for ci in 0..nclaims {
            let (fact, text) = facts[(ci + ei) % facts.len()];
            let p = *rng.pick(PLACES);
            let y = rng.range(1990, 2023);
            let m = *rng.pick(MONTHS);
            let g = groups
                .get(rng.below(groups.len()))
                .map_or("Free Legion", |&gi| ents[gi].name.as_str());
            let disputed = rng.chance(5);
            let text = fill(text, p, y, m, g);
            let mut cites = Vec::new();
            let mut variants = Vec::new();
            if disputed {
                let y2 = y + 1 + rng.below(3);
                for year in [y, y2] {
                    let f = fill(fact, p, year, m, g);
                    let s = rng
                        .pick(CLAIM_SENTENCE)
                        .replace("{N}", &e.name)
                        .replace("{F}", &f);
                    let a = arts.place(&mut rng, s.clone(), &[]);
                    variants.push((
                        year.to_string(),
                        vec![Placed {
                            article: a,
                            sentence: s,
                        }],
                    ));
                }
            } else {
                let mut used = Vec::new();
                for _ in 0..rng.range(1, 3) {
                    let f = fill(fact, p, y, m, g);
                    let s = rng
                        .pick(CLAIM_SENTENCE)
                        .replace("{N}", &e.name)
                        .replace("{F}", &f);
                    let a = arts.place(&mut rng, s.clone(), &used);
                    used.push(a);
                    cites.push(Placed {
                        article: a,
                        sentence: s,
                    });
                }
            }
            its.push(Item::Claim {
                id: format!("c{ci}"),
                text: if disputed {
                    format!("Sources disagree on this: {text}")
                } else {
                    text
                },
                cites,
                variants,
            });
        }
        if !groups.is_empty() && rng.chance(70) {
            let target = groups[rng.below(groups.len())];
            if target != ei {
                let (kind, verb) = if e.person {
                    *rng.pick(&[
                        ("leads", "leads"),
                        ("member-of", "is a member of"),
                        ("spokesperson-for", "speaks for"),
                    ])
                } else {
                    *rng.pick(&[
                        ("allied-with", "is allied with"),
                        ("rival-of", "is a rival of"),
                        ("part-of", "is part of"),
                    ])
                };
                let s = format!(
                    "{} {verb} the {}, {} reported.",
                    e.name,
                    ents[target].name,
                    rng.pick(OUTLETS)
                );
                let a = arts.place(&mut rng, s.clone(), &[]);
                its.push(Item::Relation {
                    kind,
                    target,
                    cite: Placed {
                        article: a,
                        sentence: s,
                    },
                });
            }
        }
        items.push(its);
    }

    // Fill every article to its target size with filler, shuffle, and write.
    let seeds = args.out.join("seeds");
    for sub in ["seeds", "dossiers/people", "dossiers/groups"] {
        std::fs::create_dir_all(args.out.join(sub))
            .map_err(|e| format!("{}: {e}", args.out.join(sub).display()))?;
    }
    let mut texts = Vec::with_capacity(args.articles);
    let mut registry =
        String::from("# Synthetic corpus generated by `cargo run --example synth`.\n");
    for a in 0..args.articles {
        let mut ss = std::mem::take(&mut arts.sentences[a]);
        let mut bytes = arts.bytes[a];
        while bytes < arts.target[a] {
            let f = (*rng.pick(FILLER)).to_owned();
            bytes += f.len() + 1;
            ss.push(f);
        }
        for i in (1..ss.len()).rev() {
            ss.swap(i, rng.below(i + 1));
        }
        let place = rng.pick(PLACES);
        let title = format!("Fighting near {place}: what we know, part {}", a + 1);
        let mut text = format!("{title}\n\n");
        for (i, s) in ss.iter().enumerate() {
            text.push_str(s);
            text.push(if i % 5 == 4 { '\n' } else { ' ' });
            if i % 5 == 4 {
                text.push('\n');
            }
        }
        text.push('\n');
        let file = format!("{a:05}_synth.txt");
        write(&seeds.join(&file), &text)?;
        let outlet = rng.pick(OUTLETS);
        let _ = write!(
            registry,
            "\n[[source]]\nid = \"a{a:05}\"\nfile = \"{file}\"\ntitle = {}\nshort = \"a{a}\"\noutlet = {}\nlang = \"en\"\n",
            q(&title),
            q(outlet),
        );
        if a % 7 == 3 {
            let _ = write!(
                registry,
                "derivation = \"repost\"\noriginal = {}\n",
                q(&format!("{outlet} wire copy {}", a / 7))
            );
        } else {
            registry.push_str("derivation = \"original\"\n");
        }
        let _ = writeln!(registry, "sha256 = \"{}\"", sha256_hex(text.as_bytes()));
        texts.push(text);
    }
    write_registry(&seeds, &registry, args.registry_part)?;

    let unique = |p: &Placed| count(&texts[p.article], &p.sentence) == 1;
    let cite = |out: &mut String, p: &Placed| {
        let _ = write!(
            out,
            "{{ source = \"a{:05}\", quote = {} }}",
            p.article,
            q(&p.sentence)
        );
    };
    let (mut claims, mut cites, mut dropped) = (0usize, 0usize, 0usize);
    for (ei, e) in ents.iter().enumerate() {
        // The body first: the summary cites the first claim that survives.
        let mut f = String::new();
        let mut first_claim: Option<&str> = None;
        for it in &items[ei] {
            match it {
                Item::Alias(ai) => {
                    let (alias, kind) = &e.aliases[*ai];
                    let ok: Vec<&Placed> =
                        alias_cites[ei][*ai].iter().filter(|p| unique(p)).collect();
                    if ok.is_empty() {
                        dropped += 1;
                        continue;
                    }
                    let _ = write!(
                        f,
                        "\n[[alias]]\nname = {}\nkind = \"{kind}\"\ncite = [",
                        q(alias)
                    );
                    for (i, p) in ok.iter().enumerate() {
                        if i > 0 {
                            f.push_str(", ");
                        }
                        cite(&mut f, p);
                        cites += 1;
                    }
                    f.push_str("]\n");
                }
                Item::Claim {
                    id,
                    text,
                    cites: cs,
                    variants,
                } => {
                    let ok: Vec<&Placed> = cs.iter().filter(|p| unique(p)).collect();
                    let vs_ok = variants.iter().all(|(_, ps)| ps.iter().all(unique));
                    if variants.is_empty() && ok.is_empty() || !variants.is_empty() && !vs_ok {
                        dropped += 1;
                        continue;
                    }
                    claims += 1;
                    first_claim.get_or_insert(id.as_str());
                    let _ = write!(f, "\n[[claim]]\nid = \"{id}\"\ntext = {}\n", q(text));
                    if variants.is_empty() {
                        f.push_str("cite = [\n");
                        for p in ok {
                            f.push_str("  ");
                            cite(&mut f, p);
                            f.push_str(",\n");
                            cites += 1;
                        }
                        f.push_str("]\n");
                    } else {
                        f.push_str("disputed = true\n");
                        for (value, ps) in variants {
                            let _ = write!(f, "[[claim.variant]]\nvalue = {}\ncite = [", q(value));
                            for p in ps {
                                cite(&mut f, p);
                                cites += 1;
                            }
                            f.push_str("]\n");
                        }
                    }
                }
                Item::Relation {
                    kind,
                    target,
                    cite: p,
                } => {
                    if !unique(p) {
                        dropped += 1;
                        continue;
                    }
                    let _ = write!(
                        f,
                        "\n[[relation]]\ntype = \"{kind}\"\ntarget = \"{}\"\ncite = [",
                        ents[*target].id
                    );
                    cite(&mut f, p);
                    cites += 1;
                    f.push_str("]\n");
                }
            }
        }
        let what = if e.person { "person" } else { "group" };
        let mut head = format!(
            "id = \"{}\"\nkind = \"{what}\"\nname = {}\n",
            e.id,
            q(&e.name)
        );
        if let Some(id) = first_claim {
            let _ = writeln!(
                head,
                "summary = {}",
                q(&format!("A synthetic {what} for benchmarks [{id}]."))
            );
        }
        head.push_str(&f);
        let folder = if e.person { "people" } else { "groups" };
        write(
            &args.out.join(format!("dossiers/{folder}/{}.toml", e.id)),
            &head,
        )?;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    Ok(format!(
        "synth: {} dossiers, {claims} claims, {cites} citations ({dropped} dropped as not unique), {} articles ({} KiB) in {}",
        ents.len(),
        texts.len(),
        bytes / 1024,
        args.out.display()
    ))
}

/// Largest registry file written by default: a quarter of the cap `check` puts on one file
/// (`dossier::data::DOSSIER_CAP`), so a corpus ten times the 10k one (5.4 MB of
/// registry) is split into files well under it.
pub const REGISTRY_PART: usize = 1024 * 1024;

/// Writes the registry: `seeds/sources.toml` alone when it is small, else its header
/// there and the `[[source]]` entries in `seeds/sources.d/NNNNN.toml`, at most `max`
/// bytes each, cut between two entries.
fn write_registry(seeds: &Path, registry: &str, max: usize) -> Result<(), String> {
    if registry.len() <= max {
        return write(&seeds.join("sources.toml"), registry);
    }
    let first = registry
        .find("\n[[source]]")
        .map_or(registry.len(), |i| i + 1);
    let (header, rest) = registry.split_at(first);
    write(
        &seeds.join("sources.toml"),
        &format!("{header}# The sources are in sources.d/*.toml (read in name order).\n"),
    )?;
    let dir = seeds.join("sources.d");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // Entry starts (each `[[source]]` follows a blank line), then the end.
    let mut starts: Vec<usize> = rest
        .match_indices("\n[[source]]")
        .map(|(i, _)| i + 1)
        .collect();
    starts.push(rest.len());
    let (mut from, mut n) = (0, 0);
    while from < rest.len() {
        // As many whole entries as fit in a part (at least one, however long).
        let to = starts
            .iter()
            .copied()
            .rfind(|&e| e > from && e - from <= max)
            .or_else(|| starts.iter().copied().find(|&e| e > from))
            .unwrap_or(rest.len());
        write(&dir.join(format!("{n:05}.toml")), &rest[from..to])?;
        from = to;
        n += 1;
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
