// SPDX-License-Identifier: EUPL-1.2
//! "Chi ha partecipato": `GET /api/participation` and `partecipazione.csv`
//! against a count made by hand on the demo data (`src/demo/seeds.rs`).
//!
//! The 25 demo practices, all in `prima_raccolta_2020`, one Comune code each
//! at most (entity, region, code):
//! - Puglia: Comune di Bari 072006, Ambito territoriale sociale di Lecce
//!   075035, Comune di Taranto 073027: 3 practices, 2 Comuni, 1 Ambito, no
//!   Regione, 3 Comuni covered;
//! - Toscana: Comune di Lucca 046017, Comune di Firenze 048017, Comune di
//!   Prato 100005: 3 practices, 3 Comuni, 3 covered;
//! - Marche: Regione Marche (no code), Comune di Ancona 042002: 2 practices,
//!   1 Comune, the Regione, 1 covered;
//! - Lazio: nothing;
//! - Italy: 25 practices; 17 of them by a Comune (Bari, Torino, Lucca,
//!   Bologna, Brescia, Napoli, Palermo, Firenze, Milano, Prato, Padova, Genova,
//!   Trieste, Taranto, Ancona, Cagliari, Trento), 2 by an Ambito (Lecce,
//!   Potenza), 2 by a Regione (Marche, Abruzzo); 20 distinct codes (the
//!   Unione of Bassa Romagna, the Consorzio of Cuneo, the ASP of Perugia and
//!   the two Regioni name none).
//!
//! Totals, read from the shipped files:
//! `awk -F'\t' '$3=="16"' comuni-2024-12-04.tsv | wc -l` gives 257 Comuni in
//! Puglia, 273 in Toscana ("09"), 225 in Marche ("11"), 378 in Lazio ("12");
//! their 2011 populations (the sum of `popolazione-2011.tsv` over those codes)
//! are 4,052,566, 3,672,202, 1,537,013 and 5,502,886; Italy 7896 Comuni and
//! 59,402,228 people. Covered people, from `popolazione-2011.tsv`: Bari
//! 315,933 + Lecce 89,916 + Taranto 200,154 = 606,003; Lucca 87,200 + Firenze
//! 358,079 + Prato 185,456 = 630,735; Ancona 100,497; the 20 codes together
//! 7,060,456.

use crate::common::*;
use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A region's figures in the answer: (comuni, ambiti, regioni, practices,
/// comuni_covered, comuni_total, population_covered, population_total).
fn figures(round: &Value, region: &str) -> [u64; 8] {
    let figures = if region == "IT" {
        &round["national"]
    } else {
        let regions = round["regions"].as_array().unwrap();
        &regions.iter().find(|r| r["region"] == region).unwrap_or_else(|| panic!("{region} is listed"))["figures"]
    };
    [
        "comuni",
        "ambiti",
        "regioni",
        "practices",
        "comuni_covered",
        "comuni_total",
        "population_covered",
        "population_total",
    ]
    .map(|key| figures[key].as_u64().unwrap_or_else(|| panic!("{region} has {key}")))
}

fn round<'a>(answer: &'a Value, code: Option<&str>) -> &'a Value {
    let code = code.map_or(Value::Null, Value::from);
    answer["rounds"].as_array().unwrap().iter().find(|r| r["round"] == code).expect("the round is listed")
}

const PUGLIA: [u64; 8] = [2, 1, 0, 3, 3, 257, 606_003, 4_052_566];
const TOSCANA: [u64; 8] = [3, 0, 0, 3, 3, 273, 630_735, 3_672_202];
const MARCHE: [u64; 8] = [1, 0, 1, 2, 1, 225, 100_497, 1_537_013];
const LAZIO: [u64; 8] = [0, 0, 0, 0, 0, 378, 0, 5_502_886];
const ITALY: [u64; 8] = [17, 2, 2, 25, 20, 7896, 7_060_456, 59_402_228];

#[tokio::test]
async fn participation_matches_a_hand_count_of_the_demo_data() {
    let server = TestServer::start(None).await;
    server::demo::load_if_empty(&server.db).await.unwrap();
    let response = server.client.get(server.url("/api/participation")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer["population_source"], "Popolazione legale dei Comuni, censimento ISTAT 2011");
    let names: Vec<&str> = answer["rounds"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Tutte le raccolte", "Prima raccolta 2020", "Raccolta continua"]);

    let all = round(&answer, None);
    assert_eq!(all["regions"].as_array().unwrap().len(), 21, "every region, even with nothing");
    assert_eq!(figures(all, "16"), PUGLIA, "Puglia");
    assert_eq!(figures(all, "09"), TOSCANA, "Toscana");
    assert_eq!(figures(all, "11"), MARCHE, "Marche");
    assert_eq!(figures(all, "12"), LAZIO, "Lazio");
    assert_eq!(figures(all, "IT"), ITALY, "Italy");
    let first = round(&answer, Some("prima_raccolta_2020"));
    assert_eq!(figures(first, "16"), PUGLIA, "every demo practice is in the first round");
    assert_eq!(figures(first, "IT"), ITALY);
    let continuous = round(&answer, Some("raccolta_continua"));
    assert_eq!(figures(continuous, "IT"), [0, 0, 0, 0, 0, 7896, 0, 59_402_228], "nothing yet, the totals still");

    let cached = server.client.get(server.url("/api/participation")).header("If-None-Match", &etag).send().await;
    assert_eq!(cached.unwrap().status(), StatusCode::NOT_MODIFIED);

    // Comune di Bari again, in the continuous collection, and a practice not
    // yet published, in Lazio: Bari is one Comune whatever its practices,
    // and only published practices count.
    server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
    let mut pending = valid_answer();
    pending.entity_name = "Comune di Roma".into();
    pending.region_code = domain::record::geo::Region::Lazio;
    pending.comune_codes = vec![domain::record::geo::ComuneCode::parse("058091").unwrap()];
    server.seed(pending, ModerationStatus::Inviata).await;
    let response = server.client.get(server.url("/api/participation")).header("If-None-Match", &etag).send().await;
    let response = response.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "the figures changed, so did the ETag");
    let answer: Value = response.json().await.unwrap();
    assert_eq!(figures(round(&answer, None), "16"), [2, 1, 0, 4, 3, 257, 606_003, 4_052_566], "Bari counted once");
    assert_eq!(figures(round(&answer, None), "12"), LAZIO, "an unpublished practice does not count");
    let continuous = round(&answer, Some("raccolta_continua"));
    assert_eq!(figures(continuous, "16"), [1, 0, 0, 1, 1, 257, 315_933, 4_052_566], "Bari alone");
    assert_eq!(figures(round(&answer, Some("prima_raccolta_2020")), "16"), PUGLIA);
}

#[tokio::test]
async fn the_participation_csv_holds_the_same_hand_count() {
    let server = TestServer::start(None).await;
    server::demo::load_if_empty(&server.db).await.unwrap();
    let response = server.client.get(server.url("/opendata/partecipazione.csv")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    let body = response.bytes().await.unwrap();
    let mut reader = csv::Reader::from_reader(&body[..]);
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(headers, server::participation::COLUMNS);
    let rows: Vec<serde_json::Map<String, Value>> =
        reader.records().map(|r| headers.iter().cloned().zip(r.unwrap().iter().map(Value::from)).collect()).collect();
    assert_eq!(rows.len(), 3 * 22, "21 regions and Italy for every round together and each of two rounds");
    let row = |round: &str, region: &str| {
        rows.iter()
            .find(|r| r["round_code"] == round && r["region_code"] == region)
            .unwrap_or_else(|| panic!("a row for {round:?} {region}"))
    };
    let numbers = |r: &serde_json::Map<String, Value>| -> Vec<u64> {
        headers[4..14]
            .iter()
            .filter(|h| !h.ends_with("_share"))
            .map(|h| r[h.as_str()].as_str().unwrap().parse().unwrap())
            .collect()
    };
    // Shares: 3/257 = 1.17%, 606,003/4,052,566 = 14.95%; 3/273 = 1.10%,
    // 630,735/3,672,202 = 17.18%; 1/225 = 0.44%, 100,497/1,537,013 = 6.54%;
    // 20/7896 = 0.25%, 7,060,456/59,402,228 = 11.89%.
    for (region, name, expected, shares) in [
        ("16", "Puglia", PUGLIA, ["1.17", "14.95"]),
        ("09", "Toscana", TOSCANA, ["1.10", "17.18"]),
        ("11", "Marche", MARCHE, ["0.44", "6.54"]),
        ("12", "Lazio", LAZIO, ["0.00", "0.00"]),
        ("IT", "Italia", ITALY, ["0.25", "11.89"]),
    ] {
        for round in ["", "prima_raccolta_2020"] {
            let r = row(round, region);
            assert_eq!(r["region_name"], name);
            assert_eq!(numbers(r), expected, "{round:?} {name}");
            assert_eq!(
                [&r["comuni_covered_share"], &r["population_covered_share"]],
                shares.map(Value::from).each_ref()
            );
        }
    }
    assert_eq!(row("", "16")["round_name"], "Tutte le raccolte");
    assert_eq!(row("raccolta_continua", "IT")["practices"], json!("0"));
    assert_eq!(row("", "01")["population_source"], "Popolazione legale dei Comuni, censimento ISTAT 2011");
}
