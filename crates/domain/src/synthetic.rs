// SPDX-License-Identifier: EUPL-1.2
//! Synthetic catalogue entries for tests and benchmarks: realistic in shape
//! (Italian words from the domain, plausible combinations of vocabularies,
//! every region, dates from 2020 on), deterministic for a given seed, and
//! obviously invented (flagged `demo`). `cargo xtask generate N` writes them.

use crate::record::geo::Region;
use crate::record::practice::{CatalogueEntry, PracticeId, YearMonth};
use crate::record::vocabulary::*;

const SUBJECTS: [&str; 16] = [
    "Telefonate",
    "Consegne",
    "Sportello",
    "Colloqui",
    "Buoni spesa",
    "Pasti caldi",
    "Tablet",
    "Incontri",
    "Supporto psicologico",
    "Unità di strada",
    "Centro diurno",
    "Mediazione culturale",
    "Piattaforma",
    "Contributo",
    "Formazione",
    "Telesoccorso",
];
const FOR_WHOM: [&str; 12] = [
    "agli anziani soli",
    "alle famiglie con minori",
    "alle persone con disabilità",
    "ai caregiver",
    "alle persone senza dimora",
    "ai nuclei in povertà",
    "agli studenti senza dispositivi",
    "alle persone in quarantena",
    "alle famiglie straniere",
    "agli operatori sociali",
    "alle vittime di violenza",
    "alla cittadinanza",
];
const HOW: [&str; 10] = [
    "a domicilio",
    "in videochiamata",
    "online con SPID",
    "per telefono",
    "con i volontari",
    "con la protezione civile",
    "con le farmacie",
    "su app di messaggistica",
    "con il terzo settore",
    "in rete con l'azienda sanitaria",
];
const WORDS: [&str; 24] = [
    "emergenza",
    "lockdown",
    "rete",
    "volontariato",
    "quartiere",
    "servizio",
    "comunità",
    "città",
    "perché",
    "l'ascolto",
    "prossimità",
    "fragilità",
    "digitale",
    "procedura",
    "semplificata",
    "territorio",
    "accesso",
    "équipe",
    "sostegno",
    "domanda",
    "risposta",
    "isolamento",
    "continuità",
    "solidarietà",
];

/// Places named by the synthetic practices, as the server writes them.
const PLACES: [&str; 8] = [
    "Piegaro, Città della Pieve, Perugia",
    "Roma",
    "Sant'Angelo Lodigiano, Lodi",
    "Bari, Molfetta",
    "Bolzano/Bozen",
    "Torino, Moncalieri, Collegno",
    "Napoli",
    "Forlì, Cesena, Forlì-Cesena",
];

/// The benchmarks' fixed query script: URL parameters of typical catalogue
/// views, run natively and in the browser alike.
pub const QUERY_SCRIPT: [&str; 19] = [
    "",
    "q=anziani",
    "q=tele",
    "q=citta",
    "q=a",
    "q=supporto psicologico",
    "regione=16",
    "regione=16,09&innovazione=raggiungere_persone_isolate",
    "innovazione=strumenti_digitali&strumento=spid_cie",
    "q=anziani&regione=09&modalita=telefonica",
    "q=consegne&anno=2020",
    "utenza=anziani&destinatari=anziani_soli&prosegue=si",
    "ente=comune&tipologia=nuovo&stato=attiva",
    "q=famiglie minori&ordina=titolo",
    "q=volontari&pagina=3",
    "innovazione=consegne_domicilio,reti_terzo_settore&regione=03,05,08",
    // Word forms and typos.
    "q=anziano",
    "q=psicolgico",
    "q=volontariatto sostegno",
];

/// Syllables of the rarer words of the longer texts: real descriptions hold
/// thousands of distinct words, and the vocabulary grows with the collection.
const SYLLABLES: [&str; 20] = [
    "ca", "ri", "to", "ne", "sa", "lu", "mo", "di", "pe", "ga", "ve", "zio", "ran", "sco", "tri", "men", "bo", "fi",
    "la", "stu",
];

/// A rare word of three or four syllables.
fn rare_word(rng: &mut fastrand::Rng) -> String {
    (0..rng.usize(3..=4)).map(|_| pick(rng, &SYLLABLES)).collect()
}

fn pick<T: Copy>(rng: &mut fastrand::Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

fn some<T: Copy + PartialEq>(rng: &mut fastrand::Rng, items: &[T], max: usize) -> Vec<T> {
    let mut chosen = Vec::new();
    for _ in 0..rng.usize(1..=max) {
        let item = pick(rng, items);
        if !chosen.contains(&item) {
            chosen.push(item);
        }
    }
    chosen
}

/// `n` synthetic entries from `seed`; the same seed gives the same entries.
pub fn entries(n: usize, seed: u64) -> Vec<CatalogueEntry> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut rare = fastrand::Rng::with_seed(seed ^ 0x5eed);
    (0..n)
        .map(|i| {
            let title = format!("{} {} {}", pick(&mut rng, &SUBJECTS), pick(&mut rng, &FOR_WHOM), pick(&mut rng, &HOW));
            let summary: Vec<&str> = (0..rng.usize(8..16)).map(|_| pick(&mut rng, &WORDS)).collect();
            let mut terms: Vec<String> = (0..rng.usize(20..60))
                .flat_map(|_| crate::text::tokens(pick(&mut rng, &WORDS)).collect::<Vec<_>>())
                .collect();
            // From a generator of its own, so the other fields stay as they were.
            terms.extend((0..4).map(|_| rare_word(&mut rare)));
            terms.sort();
            terms.dedup();
            let year = 2020 + rng.u16(0..6);
            let month = rng.u8(1..=12);
            let entity_type = pick(&mut rng, EntityType::ALL);
            CatalogueEntry {
                id: PracticeId::new(year, i as u32 + 1),
                demo: true,
                title,
                summary: format!("Pratica sintetica: {}.", summary.join(" ")),
                entity_type,
                entity_name: format!("{} sintetico n. {}", entity_type.label(crate::Lang::It), i + 1),
                region_code: pick(&mut rng, Region::ALL),
                service_type: pick(&mut rng, ServiceType::ALL),
                status: pick(&mut rng, PracticeStatus::ALL),
                start_date: YearMonth::new(year, month).expect("valid month"),
                user_areas: some(&mut rng, UserArea::ALL, 2),
                target_groups: some(&mut rng, TargetGroup::ALL, 3),
                intervention_areas: some(&mut rng, InterventionArea::ALL, 2),
                innovation_tags: some(&mut rng, InnovationTag::ALL, 3),
                tools: some(&mut rng, Tool::ALL, 3),
                delivery_modes: some(&mut rng, DeliveryMode::ALL, 2),
                continue_after_emergency: pick(&mut rng, Continuation::ALL),
                published_at: format!("{}-{:02}-{:02}T{:02}:00:00Z", year, month, rng.u8(1..=28), rng.u8(0..24)),
                places: PLACES[i % PLACES.len()].to_owned(),
                terms: terms.join(" "),
                // Synthetic: the engine's work does not depend on these.
                adopted_in: if i % 7 == 0 { vec![Region::ALL[i % Region::ALL.len()]] } else { vec![] },
                stale: i % 11 == 0,
                source: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn generation_is_deterministic_and_varied() {
        let a = super::entries(200, 7);
        assert_eq!(a, super::entries(200, 7), "same seed, same data");
        assert_ne!(a, super::entries(200, 8));
        let regions: std::collections::BTreeSet<_> = a.iter().map(|e| e.region_code).collect();
        assert!(regions.len() > 15, "spread over the regions");
    }
}
