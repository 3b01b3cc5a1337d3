// SPDX-License-Identifier: EUPL-1.2
//! A collection round's invitees, for admins: the list read from a CSV file,
//! added to the round, taken off one by one, and read back with who answered.
//! The schedule (`mail::follow::queue_due`) sends the invitations and reminders.

use super::ERROR;
use crate::AppState;
use crate::auth::Admin;
use crate::db::{self, audit};
use crate::error::{ApiError, ApiJson, ApiPath};
use crate::messages::Message;
use axum::Json;
use axum::extract::State;
use domain::community::invitations::{
    EMAIL_HEADERS, ENTITY_HEADERS, FILE_KEY, Invitee, InviteesAdded, MAX_BYTES, MAX_ROWS, NewInvitees,
    RoundInvitations, reminder_day,
};
use domain::{FieldError, FieldErrors};
use domain::{curation::api::AuditAction, questionnaire::rounds::Round};
use std::collections::HashMap;

/// The invitees a CSV list gives, or what to fix: on the file as a whole
/// (`file`), or on a row and column (`rows.3.email`, the header being row 1).
/// The columns are found by their header (`ente`, `email` and their other
/// names, in any case and order); `,`, `;` or a tab separate them, as the
/// first row shows; a byte-order mark and empty rows are ignored.
pub fn parse_list(csv_text: &str) -> Result<Vec<Invitee>, FieldErrors> {
    let mut errors = FieldErrors::default();
    if csv_text.len() > MAX_BYTES {
        errors.add(FILE_KEY, FieldError::FileTooLarge { max_kib: MAX_BYTES / 1024 });
        return Err(errors);
    }
    let text = csv_text.strip_prefix('\u{feff}').unwrap_or(csv_text);
    let header = text.lines().next().unwrap_or_default();
    let delimiter =
        [b';', b'\t', b','].into_iter().max_by_key(|d| header.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let column = |names: &[&str], headers: &csv::StringRecord| {
        headers.iter().position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
    };
    let Ok(headers) = reader.headers().cloned() else {
        errors.add(FILE_KEY, FieldError::NotCsv);
        return Err(errors);
    };
    let (entity_at, email_at) = (column(&ENTITY_HEADERS, &headers), column(&EMAIL_HEADERS, &headers));
    for (found, name) in [(entity_at, "ente"), (email_at, "email")] {
        if found.is_none() {
            errors.add(FILE_KEY, FieldError::MissingColumn { column: name.to_owned() });
        }
    }
    let (Some(entity_at), Some(email_at)) = (entity_at, email_at) else { return Err(errors) };
    let mut invitees = Vec::new();
    let mut first_row_of = HashMap::new();
    for record in reader.records() {
        let Ok(record) = record else {
            errors.add(FILE_KEY, FieldError::NotCsv);
            return Err(errors);
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        if invitees.len() == MAX_ROWS {
            errors.add(FILE_KEY, FieldError::TooMany { max: MAX_ROWS });
            return Err(errors);
        }
        let row = record.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        let invitee = Invitee {
            entity: record.get(entity_at).unwrap_or_default().to_owned(),
            email: record.get(email_at).unwrap_or_default().to_owned(),
        };
        invitee.check(row, &mut errors);
        let address = invitee.email.to_lowercase();
        if let Some(first) = first_row_of.get(&address) {
            errors.add(Invitee::error_key(row, "email"), FieldError::Duplicate { row: *first });
        } else if !address.is_empty() {
            first_row_of.insert(address, row);
        }
        invitees.push(invitee);
    }
    if invitees.is_empty() {
        errors.add(FILE_KEY, FieldError::Required);
    }
    if errors.is_empty() { Ok(invitees) } else { Err(errors) }
}

/// Logs an admin's change of a list, in its transaction.
fn log(tx: &rusqlite::Transaction<'_>, admin: &str, action: AuditAction, message: &str) -> Result<(), db::DbError> {
    let entry =
        audit::Entry { actor: admin, action, practice: None, before: None, after: None, message: Some(message) };
    audit::record(tx, &entry, &db::now())
}

/// The round named in the path, or 404.
async fn round_of(state: &AppState, code: String) -> Result<Round, ApiError> {
    state.db.read(move |conn| db::rounds::find(conn, &code)).await?.ok_or(ApiError::NotFound)
}

/// A round's invitees, what was sent to each and who answered (admins only).
/// An invitee answered when a practice was sent since the round opened with
/// the invitee's address as its contact, or with the invitee's body as its own.
#[utoipa::path(get, path = "/api/moderation/rounds/{code}/invitees", tag = "admins", security(("session" = [])),
    params(("code" = String, Path, description = "The round's code")),
    responses((status = 200, body = RoundInvitations), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn invitees(
    State(state): State<AppState>,
    Admin(_admin): Admin,
    ApiPath(code): ApiPath<String>,
) -> Result<Json<RoundInvitations>, ApiError> {
    let round = round_of(&state, code).await?;
    let reminders_on = reminder_day(&round);
    let listed = round.clone();
    let invitees = state.db.read(move |conn| db::invitations::list(conn, &listed)).await?;
    Ok(Json(RoundInvitations { round, reminders_on, invitees }))
}

/// Adds a CSV list of invitees to a round that has not closed (admins only):
/// all its rows or, when one is wrong, none, with an error per row. An
/// address already on the list keeps its invitation and takes the new name.
#[utoipa::path(post, path = "/api/moderation/rounds/{code}/invitees", tag = "admins", security(("session" = [])),
    params(("code" = String, Path, description = "The round's code")),
    request_body = NewInvitees,
    responses((status = 200, body = InviteesAdded), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn add_invitees(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiPath(code): ApiPath<String>,
    ApiJson(list): ApiJson<NewInvitees>,
) -> Result<Json<InviteesAdded>, ApiError> {
    let round = round_of(&state, code).await?;
    let today = domain::dates::Day::parse(&db::now()[..10]).expect("the clock's day parses");
    if round.closes_on < today {
        return Err(ApiError::Conflict(Message::RoundClosed {
            name: round.name.clone(),
            closed_on: round.closes_on.to_string(),
        }));
    }
    let invitees = parse_list(&list.csv).map_err(ApiError::Invalid)?;
    let done = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let done = db::invitations::add(&tx, &round.code, &invitees)?;
            let message = format!("{}: {} aggiunti, {} aggiornati", round.code, done.added, done.updated);
            log(&tx, &admin.email, AuditAction::AddInvitees, &message)?;
            tx.commit()?;
            Ok(done)
        })
        .await?;
    Ok(Json(done))
}

/// Takes an invitee off a round's list (admins only); what was sent stays sent.
#[utoipa::path(delete, path = "/api/moderation/rounds/{code}/invitees/{id}", tag = "admins", security(("session" = [])),
    params(("code" = String, Path, description = "The round's code"), ("id" = i64, Path, description = "The invitee")),
    responses((status = 204, description = "Taken off the list"), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn remove_invitee(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiPath((code, id)): ApiPath<(String, i64)>,
) -> Result<axum::http::StatusCode, ApiError> {
    let removed = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let Some(email) = db::invitations::remove(&tx, &code, id)? else { return Ok(false) };
            log(&tx, &admin.email, AuditAction::RemoveInvitee, &format!("{code}: {email}"))?;
            tx.commit()?;
            Ok(true)
        })
        .await?;
    if removed { Ok(axum::http::StatusCode::NO_CONTENT) } else { Err(ApiError::NotFound) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(errors: &FieldErrors) -> Vec<(&str, &FieldError)> {
        errors.iter().collect()
    }

    #[test]
    fn a_list_is_read_by_its_header_whatever_the_separator_case_and_order() {
        for text in [
            "ente,email\nComune di Lecce,servizi@comune.lecce.it\nAmbito di Bari,ats@bari.it\n",
            "\u{feff}Email;Ente\r\nservizi@comune.lecce.it;Comune di Lecce\r\n\r\nats@bari.it;Ambito di Bari\r\n",
            "E-mail\tNome ente\tnote\nservizi@comune.lecce.it\tComune di Lecce\tx\nats@bari.it\tAmbito di Bari\n",
            "ente;email\n\"Comune di Lecce\";servizi@comune.lecce.it\n\"Ambito di Bari\";\" ats@bari.it \"\n",
        ] {
            let list = parse_list(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
            assert_eq!(list.len(), 2, "{text:?}");
            assert_eq!(list[0], Invitee { entity: "Comune di Lecce".into(), email: "servizi@comune.lecce.it".into() });
            assert_eq!(list[1].email, "ats@bari.it");
        }
    }

    #[test]
    fn a_wrong_list_says_what_to_fix_on_which_row_and_adds_nothing() {
        let errors = parse_list("ente,email\nComune di Lecce,nope\n,a@b.it\nComune di Bari,A@B.it\n").unwrap_err();
        assert_eq!(
            keys(&errors),
            [
                ("rows.2.email", &FieldError::InvalidEmail),
                ("rows.3.entity", &FieldError::Required),
                ("rows.4.email", &FieldError::Duplicate { row: 3 }),
            ]
        );
        let missing = parse_list("nome,indirizzo web\nComune,https://x.it\n").unwrap_err();
        assert_eq!(
            keys(&missing),
            [
                ("file", &FieldError::MissingColumn { column: "ente".into() }),
                ("file", &FieldError::MissingColumn { column: "email".into() })
            ]
        );
        assert_eq!(
            keys(&parse_list("").unwrap_err()),
            [
                ("file", &FieldError::MissingColumn { column: "ente".into() }),
                ("file", &FieldError::MissingColumn { column: "email".into() })
            ]
        );
        assert_eq!(keys(&parse_list("ente,email\n\n").unwrap_err()), [("file", &FieldError::Required)]);
        let long = format!("ente,email\n{}", "Comune,a@b.it\n".repeat(MAX_BYTES / 14 + 1));
        assert_eq!(keys(&parse_list(&long).unwrap_err()), [("file", &FieldError::FileTooLarge { max_kib: 200 })]);
        let many: String = (0..=MAX_ROWS).map(|i| format!("C{i},a{i}@b.it\n")).collect();
        assert_eq!(
            keys(&parse_list(&format!("ente,email\n{many}")).unwrap_err()),
            [("file", &FieldError::TooMany { max: MAX_ROWS })]
        );
        let hostile =
            parse_list("ente,email\n<script>alert(1)</script>,x@y.it\n\"Comune\",\"a@b.it\r\nBcc: c@d.it\"\n")
                .unwrap_err();
        assert_eq!(
            keys(&hostile),
            [("rows.2.entity", &FieldError::NoMarkup), ("rows.3.email", &FieldError::InvalidEmail)]
        );
    }
}
