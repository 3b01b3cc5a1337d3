// SPDX-License-Identifier: EUPL-1.2
//! "Chi ha partecipato": who sent the published practices and which part of
//! Italy they speak for, per Region (all 21, even those with nothing yet) and
//! for the nation, for every collection round together and for each round,
//! so the Direction sees where reminders should go.
//!
//! Counted from the public record only:
//! - contributing Comuni, Ambiti and Regioni are distinct bodies of the
//!   practice's region with that entity type. A Comune is told apart by its
//!   ISTAT code: the Comune among the practice's Comuni whose name ends the
//!   body's name ("Città di Torino" and "Comune di Torino" are 001272), else
//!   the only Comune the practice names, else its name; an Ambito by its
//!   `ats_name` or name (names ignoring case, accents and spacing). A
//!   Regione counts the Region or autonomous province itself (`regione` or
//!   `provincia_autonoma`), so a region has 0 or 1;
//! - the Comuni covered are the distinct codes in the practices'
//!   `comune_codes`, each in the region the ISTAT list puts it in; a code the
//!   list no longer holds (a Comune merged since) is not counted;
//! - totals are the Comuni of the shipped ISTAT list and their population at
//!   the 2011 census ([`crate::record::comuni::POPULATION_SOURCE`]; a Comune with no
//!   figure counts 0).
//!
//! The figures are summed on the server (the browser does not carry the
//! list of Comuni) and shared with the page as [`Participation`].

use crate::PublicPractice;
use crate::record::comuni::{ComuneIndex, Population};
use crate::record::geo::Region;
use crate::record::vocabulary::EntityType;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// The figures of one region, or of the nation.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// Distinct Comuni that sent practices (entity type `comune`).
    pub comuni: u32,
    /// Distinct Ambiti territoriali sociali that sent practices.
    pub ambiti: u32,
    /// Regions or autonomous provinces that sent practices themselves: 0 or 1
    /// for a region, up to 21 for the nation.
    pub regioni: u32,
    /// Published practices.
    pub practices: u32,
    /// Distinct Comuni named by the practices' `comune_codes`.
    pub comuni_covered: u32,
    /// The Comuni of the ISTAT list.
    pub comuni_total: u32,
    /// The 2011 census population of the Comuni covered.
    pub population_covered: u64,
    /// The 2011 census population of all the Comuni.
    pub population_total: u64,
}

impl Figures {
    /// The share of the Comuni covered, in per cent; `None` with no Comuni.
    pub fn comuni_share(&self) -> Option<f64> {
        percent(u64::from(self.comuni_covered), u64::from(self.comuni_total))
    }

    /// The share of the population covered, in per cent; `None` with no population.
    pub fn population_share(&self) -> Option<f64> {
        percent(self.population_covered, self.population_total)
    }

    fn add(&mut self, other: &Figures) {
        self.comuni += other.comuni;
        self.ambiti += other.ambiti;
        self.regioni += other.regioni;
        self.practices += other.practices;
        self.comuni_covered += other.comuni_covered;
        self.comuni_total += other.comuni_total;
        self.population_covered += other.population_covered;
        self.population_total += other.population_total;
    }
}

fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// One region's figures.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionFigures {
    pub region: Region,
    pub figures: Figures,
}

/// The figures of one collection round, or of every round together.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundFigures {
    /// The round's code (`collection_round`); `None` for every round together.
    pub round: Option<String>,
    /// The round's name ("Tutte le raccolte" for every round together).
    pub name: String,
    /// Every region, in [`Region::ALL`] order.
    pub regions: Vec<RegionFigures>,
    /// The sum of the regions.
    pub national: Figures,
}

impl RoundFigures {
    /// The figures of `region`.
    pub fn region(&self, region: Region) -> Option<&Figures> {
        self.regions.iter().find(|r| r.region == region).map(|r| &r.figures)
    }
}

/// Who took part: every round together, then each round.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    /// Where the population figures come from.
    pub population_source: String,
    /// The date of the ISTAT list of Comuni the totals are taken from.
    pub comuni_list_date: String,
    /// Every round together first (`round: None`), then each round.
    pub rounds: Vec<RoundFigures>,
}

/// The name of every round together, in the open data.
pub const ALL_ROUNDS: &str = "Tutte le raccolte";

impl Participation {
    /// The figures of `practices`, for every round together and for each of
    /// `rounds` (code, name), in their order; a round a practice names but
    /// `rounds` does not is added after them, named by its code.
    pub fn of(
        practices: &[PublicPractice],
        rounds: &[(String, String)],
        comuni: &ComuneIndex,
        population: &Population,
    ) -> Self {
        let totals = Totals::new(comuni, population);
        let mut rounds: Vec<(String, String)> = rounds.to_vec();
        for practice in practices {
            if !rounds.iter().any(|(code, _)| *code == practice.collection_round) {
                rounds.push((practice.collection_round.clone(), practice.collection_round.clone()));
            }
        }
        let mut all = vec![totals.figures(None, ALL_ROUNDS.to_owned(), practices.iter())];
        all.extend(rounds.into_iter().map(|(code, name)| {
            let selected = practices.iter().filter(|p| p.collection_round == code);
            totals.figures(Some(code.clone()), name, selected)
        }));
        Participation {
            population_source: crate::record::comuni::POPULATION_SOURCE.to_owned(),
            comuni_list_date: crate::record::comuni::LIST_DATE.to_owned(),
            rounds: all,
        }
    }

    /// The figures of the round with this code, or of every round together
    /// for `None`.
    pub fn round(&self, code: Option<&str>) -> Option<&RoundFigures> {
        self.rounds.iter().find(|r| r.round.as_deref() == code)
    }

    /// The figures of the shipped lists (native code only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn of_shipped(practices: &[PublicPractice], rounds: &[(String, String)]) -> Self {
        Self::of(practices, rounds, crate::record::comuni::shipped(), crate::record::comuni::shipped_population())
    }
}

/// The Comuni and the population of each region, and the region of each code.
struct Totals<'a> {
    comuni: &'a ComuneIndex,
    region_of: HashMap<&'a str, (Region, u64)>,
    by_region: HashMap<Region, (u32, u64)>,
}

impl<'a> Totals<'a> {
    fn new(comuni: &'a ComuneIndex, population: &Population) -> Self {
        let mut region_of = HashMap::new();
        let mut by_region: HashMap<Region, (u32, u64)> = HashMap::new();
        for comune in comuni.iter() {
            let people = population.of(&comune.code);
            region_of.insert(comune.code.as_str(), (comune.region, people));
            let total = by_region.entry(comune.region).or_default();
            total.0 += 1;
            total.1 += people;
        }
        Self { comuni, region_of, by_region }
    }

    /// The ISTAT code of the Comune that sent `practice` (see the module's
    /// notes), when the practice's Comuni tell it.
    fn comune_identity(&self, practice: &PublicPractice) -> Option<String> {
        let comune = self.comuni.body_comune(&practice.entity_name, &practice.comune_codes)?;
        Some(format!("istat:{}", comune.code))
    }

    fn figures<'p>(
        &self,
        round: Option<String>,
        name: String,
        practices: impl Iterator<Item = &'p PublicPractice>,
    ) -> RoundFigures {
        #[derive(Default)]
        struct Tally {
            practices: u32,
            comuni: BTreeSet<String>,
            ambiti: BTreeSet<String>,
            regione: bool,
            covered: BTreeSet<String>,
        }
        let mut tallies: HashMap<Region, Tally> = HashMap::new();
        for practice in practices {
            let tally = tallies.entry(practice.region_code).or_default();
            tally.practices += 1;
            let name = || crate::text::fold(practice.entity_name.trim());
            match practice.entity_type {
                EntityType::Comune => {
                    tally.comuni.insert(self.comune_identity(practice).unwrap_or_else(name));
                }
                EntityType::AmbitoTerritorialeSociale => {
                    let ats = practice.ats_name.as_deref().map(|n| crate::text::fold(n.trim()));
                    tally.ambiti.insert(ats.filter(|n| !n.is_empty()).unwrap_or_else(name));
                }
                EntityType::Regione | EntityType::ProvinciaAutonoma => tally.regione = true,
                _ => {}
            }
            for code in &practice.comune_codes {
                if let Some((region, _)) = self.region_of.get(code.as_str()) {
                    tallies.entry(*region).or_default().covered.insert(code.as_str().to_owned());
                }
            }
        }
        let regions: Vec<RegionFigures> = Region::ALL
            .iter()
            .map(|&region| {
                let (comuni_total, population_total) = self.by_region.get(&region).copied().unwrap_or_default();
                let figures = match tallies.get(&region) {
                    None => Figures { comuni_total, population_total, ..Figures::default() },
                    Some(t) => Figures {
                        comuni: t.comuni.len() as u32,
                        ambiti: t.ambiti.len() as u32,
                        regioni: u32::from(t.regione),
                        practices: t.practices,
                        comuni_covered: t.covered.len() as u32,
                        comuni_total,
                        population_covered: t.covered.iter().map(|c| self.region_of[c.as_str()].1).sum(),
                        population_total,
                    },
                };
                RegionFigures { region, figures }
            })
            .collect();
        let mut national = Figures::default();
        for region in &regions {
            national.add(&region.figures);
        }
        RoundFigures { round, name, regions, national }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::geo::ComuneCode;

    /// A tiny list: three Comuni in Umbria, two in Puglia, one in Molise.
    const LIST: &str =
        "# test\n054001\tA\t10\n054002\tB\t10\n054003\tC\t10\n072001\tD\t16\n072002\tE\t16\n094001\tF\t14\n";
    const PEOPLE: &str = "# test\n054001\t1000\n054002\t3000\n072001\t500\n072002\t1500\n094001\t10\n";

    fn practice(entity_type: EntityType, name: &str, region: Region, codes: &[&str], round: &str) -> PublicPractice {
        let facts = crate::record::practice::PublicationFacts {
            id: crate::PracticeId::new(2020, 1),
            demo: false,
            published_at: "2020-05-20T09:00:00Z".into(),
            updated_at: "2020-05-21T09:00:00Z".into(),
            collection_round: String::new(),
            questionnaire_version: 1,
            confirmed_at: "2020-05-21T09:00:00Z".into(),
            derived_from: None,
        };
        let mut p = PublicPractice::new(facts, crate::record::validation::tests::valid());
        p.entity_type = entity_type;
        p.entity_name = name.to_owned();
        p.region_code = region;
        p.comune_codes = codes.iter().map(|c| ComuneCode::parse(c).unwrap()).collect();
        p.ats_name = (entity_type == EntityType::AmbitoTerritorialeSociale).then(|| name.to_owned());
        p.collection_round = round.to_owned();
        p
    }

    fn participation(practices: &[PublicPractice]) -> Participation {
        let rounds = [("prima".to_owned(), "Prima".to_owned()), ("vuota".to_owned(), "Vuota".to_owned())];
        Participation::of(practices, &rounds, &ComuneIndex::parse(LIST), &Population::parse(PEOPLE))
    }

    #[test]
    fn every_region_is_listed_even_with_nothing() {
        let p = participation(&[]);
        let all = p.round(None).unwrap();
        assert_eq!(all.regions.len(), 21);
        assert_eq!(all.name, ALL_ROUNDS);
        let umbria = all.region(Region::Umbria).unwrap();
        assert_eq!((umbria.comuni_total, umbria.population_total), (3, 4000), "C has no figure: counts 0");
        assert_eq!(umbria.comuni_share(), Some(0.0));
        let lazio = all.region(Region::Lazio).unwrap();
        assert_eq!(*lazio, Figures::default(), "no Comuni in the test list");
        assert_eq!(lazio.comuni_share(), None);
        assert_eq!((all.national.comuni_total, all.national.population_total), (6, 6010));
        assert_eq!(
            p.rounds.iter().map(|r| r.round.as_deref()).collect::<Vec<_>>(),
            [None, Some("prima"), Some("vuota")]
        );
    }

    #[test]
    fn bodies_are_counted_once_and_comuni_covered_once() {
        use EntityType as E;
        let practices = [
            practice(E::Comune, "Comune di A", Region::Umbria, &["054001"], "prima"),
            practice(E::Comune, "  comune di à ", Region::Umbria, &["054001"], "prima"),
            practice(E::Comune, "Comune di B", Region::Umbria, &["054002", "054001"], "seconda"),
            practice(E::AmbitoTerritorialeSociale, "Ambito 1", Region::Umbria, &["054003"], "prima"),
            practice(E::AmbitoTerritorialeSociale, "AMBITO 1", Region::Umbria, &[], "prima"),
            practice(E::Regione, "Regione Umbria", Region::Umbria, &[], "prima"),
            practice(E::Regione, "Regione Umbria", Region::Umbria, &[], "prima"),
            practice(E::Asp, "ASP di D", Region::Puglia, &["072001", "999999"], "prima"),
            practice(E::Comune, "Comune di E", Region::Puglia, &["072002"], "seconda"),
            // One Comune under two official-sounding names, told by its code.
            practice(E::Comune, "Città di E", Region::Puglia, &["072002"], "seconda"),
            // B's partnership names A too; B is the one its name ends with.
            practice(E::Comune, "Città di B", Region::Umbria, &["054001", "054002"], "terza"),
        ];
        let p = participation(&practices);
        let all = p.round(None).unwrap();
        let umbria = all.region(Region::Umbria).unwrap();
        assert_eq!(umbria.practices, 8);
        assert_eq!(umbria.comuni, 2, "A twice under two spellings, and B under two names");
        assert_eq!(umbria.ambiti, 1, "one Ambito under two spellings");
        assert_eq!(umbria.regioni, 1, "a region counts itself once");
        assert_eq!((umbria.comuni_covered, umbria.comuni_total), (3, 3));
        assert_eq!((umbria.population_covered, umbria.population_total), (4000, 4000));
        assert_eq!(umbria.comuni_share(), Some(100.0));
        let puglia = all.region(Region::Puglia).unwrap();
        assert_eq!((puglia.comuni, puglia.ambiti, puglia.regioni, puglia.practices), (1, 0, 0, 3), "an ASP is none");
        assert_eq!(puglia.comuni_covered, 2, "an unknown code is not counted");
        assert_eq!(puglia.population_covered, 2000);
        assert_eq!(puglia.comuni_share(), Some(100.0));
        assert_eq!(all.region(Region::Molise).unwrap().comuni_share(), Some(0.0));
        let n = &all.national;
        assert_eq!((n.comuni, n.ambiti, n.regioni, n.practices), (3, 1, 1, 11));
        assert_eq!((n.comuni_covered, n.comuni_total, n.population_covered, n.population_total), (5, 6, 6000, 6010));

        let first = p.round(Some("prima")).unwrap();
        let umbria = first.region(Region::Umbria).unwrap();
        assert_eq!((umbria.comuni, umbria.ambiti, umbria.practices, umbria.comuni_covered), (1, 1, 6, 2));
        assert_eq!((umbria.population_covered, umbria.comuni_share().map(f64::round)), (1000, Some(67.0)));
        assert_eq!(first.national.practices, 7);
        let empty = p.round(Some("vuota")).unwrap();
        assert_eq!((empty.name.as_str(), empty.national.practices, empty.national.comuni_total), ("Vuota", 0, 6));
        let unnamed = p.round(Some("seconda")).expect("a round the practices name is added");
        assert_eq!((unnamed.name.as_str(), unnamed.national.practices), ("seconda", 3));
        assert_eq!(unnamed.region(Region::Umbria).unwrap().comuni_covered, 2, "B names 054002 and 054001");
        assert_eq!(p.rounds.len(), 5);
        assert_eq!(p.round(Some("nessuna")), None);
    }

    #[test]
    fn the_shipped_lists_give_each_region_its_comuni_and_population() {
        let p = Participation::of_shipped(&[], &[]);
        let all = p.round(None).unwrap();
        assert_eq!(all.national.comuni_total, 7896);
        assert!(all.regions.iter().all(|r| r.figures.comuni_total > 0 && r.figures.population_total > 0));
        let roma = all.region(Region::Lazio).unwrap().population_total;
        assert!(roma > 5_000_000, "Lazio had about 5.5 million people in 2011: {roma}");
        assert_eq!(p.population_source, "Popolazione legale dei Comuni, censimento ISTAT 2011");
    }
}
