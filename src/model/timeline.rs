//! The timeline: every dated claim and variant of every dossier, in date order. Shared by
//! `dossier timeline` and the browser's timeline view.
//!
//! Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (checked), so comparing them as strings
//! orders them by time and puts a partial date before the full dates of its period
//! (`2022-08` before `2022-08-01`): the period is known to start no later than its days.

use super::{Citation, Claim, Corpus, Dossier};

/// One dated row: a claim, or one variant of a disputed claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    /// As written: `2023`, `2023-05` or `2023-05-22`.
    pub date: &'a str,
    /// Index into the corpus's dossiers.
    pub dossier: usize,
    /// Index into the dossier's claims.
    pub claim: usize,
    /// Index into the claim's variants, when the date is a variant's.
    pub variant: Option<usize>,
}

impl<'a> Entry<'a> {
    pub fn dossier_of(&self, corpus: &'a Corpus) -> Option<&'a Dossier> {
        corpus.dossiers.get(self.dossier)
    }

    pub fn claim_of(&self, corpus: &'a Corpus) -> Option<&'a Claim> {
        self.dossier_of(corpus)?.claims.get(self.claim)
    }

    /// The claim's text, or the variant's value.
    pub fn text(&self, corpus: &'a Corpus) -> &'a str {
        let Some(c) = self.claim_of(corpus) else {
            return "";
        };
        match self.variant.and_then(|v| c.variants.get(v)) {
            Some(v) => &v.value,
            None => &c.text,
        }
    }

    /// The citations backing this row: the variant's, or the claim's own (all of them,
    /// variants' included, when the claim has none of its own).
    pub fn cites(&self, corpus: &'a Corpus) -> Vec<&'a Citation> {
        let Some(c) = self.claim_of(corpus) else {
            return Vec::new();
        };
        match self.variant.and_then(|v| c.variants.get(v)) {
            Some(v) => v.cites.iter().collect(),
            None if !c.cites.is_empty() => c.cites.iter().collect(),
            None => c.all_cites().collect(),
        }
    }
}

/// The timeline and how many claims have no date at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline<'a> {
    pub entries: Vec<Entry<'a>>,
    /// Claims with no date of their own and no dated variant.
    pub undated: usize,
}

/// Every dated claim and variant, by date; equal dates by dossier name, then in file order.
pub fn timeline(corpus: &Corpus) -> Timeline<'_> {
    let mut t = Timeline::default();
    for (di, d) in corpus.dossiers.iter().enumerate() {
        for (ci, c) in d.claims.iter().enumerate() {
            let before = t.entries.len();
            if let Some(date) = &c.date {
                t.entries.push(Entry {
                    date,
                    dossier: di,
                    claim: ci,
                    variant: None,
                });
            }
            for (vi, v) in c.variants.iter().enumerate() {
                if let Some(date) = &v.date {
                    t.entries.push(Entry {
                        date,
                        dossier: di,
                        claim: ci,
                        variant: Some(vi),
                    });
                }
            }
            if t.entries.len() == before {
                t.undated += 1;
            }
        }
    }
    t.entries.sort_by(|a, b| {
        let name = |e: &Entry<'_>| corpus.dossiers.get(e.dossier).map(|d| d.name.as_str());
        a.date
            .cmp(b.date)
            .then_with(|| name(a).cmp(&name(b)))
            .then_with(|| (a.dossier, a.claim, a.variant).cmp(&(b.dossier, b.claim, b.variant)))
    });
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Variant};

    fn claim(id: &str, date: Option<&str>, variants: &[Option<&str>]) -> Claim {
        Claim {
            id: id.into(),
            text: format!("text of {id}"),
            disputed: !variants.is_empty(),
            date: date.map(String::from),
            note: None,
            cites: Vec::new(),
            variants: variants
                .iter()
                .enumerate()
                .map(|(i, d)| Variant {
                    value: format!("{id} v{i}"),
                    note: None,
                    date: d.map(String::from),
                    cites: Vec::new(),
                })
                .collect(),
        }
    }

    fn dossier(id: &str, name: &str, claims: Vec<Claim>) -> Dossier {
        Dossier {
            id: id.into(),
            kind: Kind::Person,
            name: name.into(),
            summary: None,
            summary_parts: Vec::new(),
            date: None,
            path: String::new(),
            aliases: Vec::new(),
            claims,
            relations: Vec::new(),
        }
    }

    fn corpus() -> Corpus {
        Corpus {
            sources: Vec::new(),
            dossiers: vec![
                dossier(
                    "a",
                    "Zed",
                    vec![
                        claim("raid", Some("2023-05-22"), &[]),
                        claim("founded", Some("2022-08"), &[]),
                        claim("undated", None, &[]),
                    ],
                ),
                dossier(
                    "b",
                    "Abe",
                    vec![
                        claim("year", Some("2023"), &[]),
                        claim("month", Some("2023-05"), &[]),
                        claim("moved", None, &[Some("2017"), Some("2019-03-01")]),
                        claim("disputed-undated", None, &[None, None]),
                        claim("same-day", Some("2023-05-22"), &[]),
                    ],
                ),
            ],
        }
    }

    #[test]
    fn partial_dates_sort_before_the_full_dates_of_their_period() {
        let c = corpus();
        let t = timeline(&c);
        let rows: Vec<(&str, &str)> = t.entries.iter().map(|e| (e.date, e.text(&c))).collect();
        assert_eq!(
            rows,
            [
                ("2017", "moved v0"),
                ("2019-03-01", "moved v1"),
                ("2022-08", "text of founded"),
                ("2023", "text of year"),
                ("2023-05", "text of month"),
                // Equal dates: by dossier name (Abe before Zed).
                ("2023-05-22", "text of same-day"),
                ("2023-05-22", "text of raid"),
            ]
        );
    }

    #[test]
    fn undated_counts_claims_without_any_date() {
        let c = corpus();
        assert_eq!(timeline(&c).undated, 2);
        assert_eq!(timeline(&Corpus::default()), Timeline::default());
    }
}
