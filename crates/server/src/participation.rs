// SPDX-License-Identifier: EUPL-1.2
//! "Chi ha partecipato" (`domain::community::participation`) from the database: the
//! published practices and the rounds' names, for `GET /api/participation`,
//! the open-data file `partecipazione.csv` and the static publication's
//! `participation.json`. One function makes each, so they agree.

use crate::db::{self, Db, DbError};
use domain::community::participation::{Figures, Participation};
use domain::questionnaire::rounds::Round;
use domain::record::vocabulary::CollectionRound;
use domain::{Lang, PublicPractice};
use serde_json::{Map, Value};

/// The name of the open-data file.
pub const CSV_FILE: &str = "partecipazione.csv";

/// The file of the static publication the page reads (the API's answer).
pub const JSON_FILE: &str = "participation.json";

/// The columns of `partecipazione.csv`, one row per round and region, then
/// the round's national row (`region_code` "IT"). Every round together has
/// an empty `round_code`; shares are per cent with two decimals, empty when
/// a region has no Comuni.
pub const COLUMNS: [&str; 15] = [
    "round_code",
    "round_name",
    "region_code",
    "region_name",
    "comuni_contributing",
    "ambiti_contributing",
    "regioni_contributing",
    "practices",
    "comuni_covered",
    "comuni_total",
    "comuni_covered_share",
    "population_covered",
    "population_total",
    "population_covered_share",
    "population_source",
];

/// The figures of the published practices, with every round the database
/// defines (oldest first) and then the continuous collection.
pub async fn build(db: &Db) -> Result<Participation, DbError> {
    let (practices, rounds) = db.read(|conn| Ok((db::published_practices(conn)?, db::rounds::all(conn)?))).await?;
    Ok(of(&practices, &rounds))
}

/// The figures of these practices under these rounds (as `db::rounds::all`
/// lists them: the most recent first).
pub fn of(practices: &[PublicPractice], rounds: &[Round]) -> Participation {
    let mut named: Vec<(String, String)> = rounds.iter().rev().map(|r| (r.code.clone(), r.name.clone())).collect();
    named.push((db::CONTINUOUS_ROUND.to_owned(), CollectionRound::RaccoltaContinua.label(Lang::It).to_owned()));
    Participation::of_shipped(practices, &named)
}

/// `partecipazione.csv`: RFC 4180, UTF-8 with its byte order mark, like
/// the other open-data files.
pub fn to_csv(participation: &Participation) -> Vec<u8> {
    let share = |s: Option<f64>| s.map_or(Value::Null, |s| Value::from(format!("{s:.2}")));
    let mut rows = Vec::new();
    for round in &participation.rounds {
        let regions = round.regions.iter().map(|r| (r.region.code(), r.region.label(Lang::It), &r.figures));
        for (code, name, f) in regions.chain([("IT", "Italia", &round.national)]) {
            let f: &Figures = f;
            let row: Map<String, Value> = [
                ("round_code", Value::from(round.round.clone().unwrap_or_default())),
                ("round_name", Value::from(round.name.clone())),
                ("region_code", Value::from(code)),
                ("region_name", Value::from(name)),
                ("comuni_contributing", Value::from(f.comuni)),
                ("ambiti_contributing", Value::from(f.ambiti)),
                ("regioni_contributing", Value::from(f.regioni)),
                ("practices", Value::from(f.practices)),
                ("comuni_covered", Value::from(f.comuni_covered)),
                ("comuni_total", Value::from(f.comuni_total)),
                ("comuni_covered_share", share(f.comuni_share())),
                ("population_covered", Value::from(f.population_covered)),
                ("population_total", Value::from(f.population_total)),
                ("population_covered_share", share(f.population_share())),
                ("population_source", Value::from(participation.population_source.clone())),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
            rows.push(row);
        }
    }
    crate::export::rows_to_csv(&COLUMNS, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_has_a_row_per_round_and_region_and_a_national_row() {
        let rounds = [Round {
            code: "prima_raccolta_2020".into(),
            name: "Prima raccolta 2020".into(),
            opens_on: domain::dates::Day::parse("2020-04-01").unwrap(),
            closes_on: domain::dates::Day::parse("2020-05-15").unwrap(),
        }];
        let participation = of(&[], &rounds);
        let names: Vec<&str> = participation.rounds.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Tutte le raccolte", "Prima raccolta 2020", "Raccolta continua"]);
        let csv = to_csv(&participation);
        let mut reader = csv::Reader::from_reader(&csv[..]);
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), COLUMNS);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 3 * 22, "21 regions and Italy, for each of three rounds");
        let italy = &rows[21];
        assert_eq!((&italy[0], &italy[2], &italy[3], &italy[9]), ("", "IT", "Italia", "7896"));
        assert_eq!(&italy[10], "0.00");
        assert_eq!(&rows[0][2], "01", "ISTAT codes keep their leading zero");
        assert_eq!(&rows[22][0], "prima_raccolta_2020");
    }
}
