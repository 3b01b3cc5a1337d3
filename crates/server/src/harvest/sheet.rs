// SPDX-License-Identifier: EUPL-1.2
//! Reading a sheet of responses published at a web address (a CSV or an
//! XLSX, as a form's responses are often shared): each row is read with the
//! mapping the import saved for the sheet's header row, and given an
//! identity that survives an edit of its cells where the sheet allows it:
//! its `uri` column (another instance's CSV), else the date the response
//! was sent when no other row has the same, else the row's content.
//!
//! A sheet has no open licence to stand for its respondents' consents: a
//! row is taken only when it says yes to each of them itself.

use super::read::{Read, RemoteItem};
use domain::harvest::ItemProblem;
use domain::questionnaire::import::{Mapping, Problem, SUBMITTED, Sheet};
use domain::questionnaire::{QUESTIONNAIRE, Visibility};
use domain::record::fields::key;
use domain::{FieldErrors, Lang};
use sha2::{Digest, Sha256};

/// The rows of `sheet`, published at `url`, as remote items read with
/// `mapping`. A row marked in `imported` came in through the import already:
/// it is left out, and counted in the number returned.
pub fn items(sheet: &Sheet, mapping: &Mapping, url: &str, imported: &[bool]) -> (Read, usize) {
    let comuni = domain::record::comuni::shipped();
    let file = url.split('#').next().unwrap_or(url);
    let identities = identities(sheet, mapping, file);
    let mut read = Read { items: Vec::new(), problems: Vec::new() };
    let mut already = 0;
    for ((row, (remote_id, uri)), imported) in sheet.rows.iter().zip(identities).zip(imported) {
        if *imported {
            already += 1;
            continue;
        }
        let row_read = mapping.read(row, comuni, Lang::It);
        // The questionnaire's rules are checked by the plan, on the public
        // answers only: here, what the mapping could not read in a public
        // answer or a consent (a private cell is never taken, nor told).
        let mut problems: Vec<String> = row_read
            .problems
            .iter()
            .filter(|problem| !matches!(problem, Problem::Rule { .. }) && taken(problem))
            .map(|problem| problem.describe(Lang::It))
            .collect();
        for consent in CONSENTS {
            if row_read.answers.get(consent) != Some(&serde_json::Value::Bool(true)) {
                let label = QUESTIONNAIRE.field(consent).map_or(consent, |f| f.label.get(Lang::It));
                problems.push(format!("{label}: manca il «Sì» di chi ha risposto"));
            }
        }
        if problems.is_empty() {
            read.items.push(RemoteItem {
                remote_id,
                uri,
                modified: None,
                demo: false,
                via: None,
                answers: row_read.answers,
            });
        } else {
            let title = row_read.answers.get("title").and_then(|t| t.as_str()).map(|t| t.chars().take(200).collect());
            read.problems.push(ItemProblem { remote_id, title, problems });
        }
    }
    (read, already)
}

/// The consents each row must give itself.
const CONSENTS: [&str; 3] = [key::PRIVACY_NOTICE_READ, key::PUBLICATION_CONSENT, key::NO_BENEFICIARY_DATA];

/// Whether a problem is about what a harvest takes: a public answer (the
/// Comuni's names are one) or a consent.
fn taken(problem: &Problem) -> bool {
    let key = match problem {
        Problem::NotAMonth { key, .. }
        | Problem::NotANumber { key, .. }
        | Problem::Unmapped { key, .. }
        | Problem::NotImportable { key }
        | Problem::Rule { key, .. } => key.as_str(),
        Problem::UnknownComune { .. } | Problem::AmbiguousComune { .. } => return true,
    };
    CONSENTS.contains(&key) || QUESTIONNAIRE.field(key).is_some_and(|f| f.visibility == Visibility::Public)
}

/// Each row's reference at the source and its URI (`file` with a fragment).
fn identities(sheet: &Sheet, mapping: &Mapping, file: &str) -> Vec<(String, String)> {
    let column = |name: &str| sheet.headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (uri_column, id_column) = (column("uri"), column("id"));
    let submitted_column = mapping.columns.iter().position(|target| target == SUBMITTED);
    let cell = |row: &[String], column: Option<usize>| {
        column.and_then(|c| row.get(c)).map(|c| c.trim().to_owned()).filter(|c| !c.is_empty())
    };
    let sent: Vec<Option<String>> = sheet.rows.iter().map(|row| cell(row, submitted_column)).collect();
    let mut times_sent: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for at in sent.iter().flatten() {
        *times_sent.entry(at).or_default() += 1;
    }
    let short = |text: &str| format!("{:x}", Sha256::digest(text.as_bytes()))[..16].to_owned();
    let readable = |text: &str| text.chars().count() <= 80 && !text.chars().any(char::is_control);
    sheet
        .rows
        .iter()
        .zip(&sent)
        .map(|(row, sent_at)| {
            if let Some(uri) =
                cell(row, uri_column).filter(|u| domain::harvest::api::is_web_address(u) && u.len() <= 2000)
            {
                let id = cell(row, id_column).filter(|id| readable(id)).unwrap_or_else(|| short(&uri));
                return (id, uri);
            }
            if let Some(at) = sent_at.as_ref().filter(|at| times_sent[at.as_str()] == 1) {
                let id = if readable(at) { at.clone() } else { short(at) };
                return (id, format!("{file}#risposta-{}", short(at)));
            }
            let id = format!("riga-{}", short(&row.join("\u{1f}")));
            let uri = format!("{file}#{id}");
            (id, uri)
        })
        .collect()
}

/// A sheet the reader refused, in words.
pub fn refused(errors: &FieldErrors) -> domain::harvest::Failure {
    let detail = errors
        .fields()
        .flat_map(|key| errors.get(key).iter().map(|error| error.message(Lang::It)))
        .collect::<Vec<_>>()
        .join("; ");
    domain::harvest::Failure::Shape { detail: format!("il foglio non si legge ({detail})") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(headers: &[&str], rows: &[&[&str]]) -> Sheet {
        let text = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        Sheet { headers: text(headers), rows: rows.iter().map(|r| text(r)).collect() }
    }

    #[test]
    fn a_row_is_known_by_its_uri_else_its_unique_date_else_its_content() {
        let mapping = Mapping { columns: vec![SUBMITTED.into(), "title".into()], ..Mapping::default() };
        let form = sheet(
            &["Informazioni cronologiche", "Titolo"],
            &[&["12/05/2020 10:31:02", "Uno"], &["12/05/2020 10:40:00", "Due"], &["12/05/2020 10:40:00", "Tre"]],
        );
        let ids = identities(&form, &mapping, "https://dati.example/risposte.csv");
        assert_eq!(ids[0].0, "12/05/2020 10:31:02", "a date no other row has");
        assert!(ids[0].1.starts_with("https://dati.example/risposte.csv#risposta-"));
        assert!(ids[1].0.starts_with("riga-") && ids[2].0.starts_with("riga-"), "one date twice: by content");
        assert_ne!(ids[1], ids[2]);
        let mut edited = form.clone();
        edited.rows[0][1] = "Uno, corretto".into();
        assert_eq!(identities(&edited, &mapping, "https://dati.example/risposte.csv")[0], ids[0], "an edit keeps it");

        let theirs =
            sheet(&["id", "uri", "title"], &[&["BP-2020-0001", "https://a.example/pratiche/BP-2020-0001", "X"]]);
        let mapping = Mapping { columns: vec![String::new(), String::new(), "title".into()], ..Mapping::default() };
        assert_eq!(
            identities(&theirs, &mapping, "https://a.example/opendata/buone-pratiche.csv")[0],
            ("BP-2020-0001".to_owned(), "https://a.example/pratiche/BP-2020-0001".to_owned())
        );
    }

    #[test]
    fn imported_rows_are_left_out_and_unreadable_ones_or_without_consent_listed() {
        let columns =
            ["title", "start_date", key::PRIVACY_NOTICE_READ, key::PUBLICATION_CONSENT, key::NO_BENEFICIARY_DATA];
        let mapping = Mapping { columns: columns.map(str::to_owned).to_vec(), ..Mapping::default() };
        let form = sheet(
            &["Titolo", "Avvio", "Informativa", "Consenso", "Senza dati"],
            &[
                &["Uno", "2020-03", "Sì", "Sì", "Sì"],
                &["Due", "primavera 2020", "Sì", "Sì", "Sì"],
                &["Tre", "2020-04", "Sì", "Sì", "Sì"],
                &["Quattro", "2020-04", "Sì", "No", "Sì"],
            ],
        );
        let (read, imported) = items(&form, &mapping, "https://dati.example/r.csv", &[true, false, false, false]);
        assert_eq!(imported, 1);
        assert_eq!(read.items.len(), 1, "the rules are the plan's: a row read whole is an item");
        assert_eq!(read.items[0].answers.get("title").and_then(|t| t.as_str()), Some("Tre"));
        assert_eq!(read.problems.len(), 2);
        assert!(read.problems[0].problems[0].contains("primavera 2020"), "{:?}", read.problems);
        assert!(
            read.problems[1].problems[0].contains("manca il «Sì»"),
            "no consent, no publication: {:?}",
            read.problems
        );
    }
}
