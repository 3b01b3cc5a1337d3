// SPDX-License-Identifier: EUPL-1.2
//! Invitations to a collection round. Admins attach to a round a list of
//! invitees (a CSV of body and e-mail address); the outbox invites each once
//! the round is open, and reminds once, a week before the deadline, those who
//! have not answered; the round's page shows admins who answered. Invitees
//! are private: no public output carries them.

use crate::dates::Day;
use crate::questionnaire::rounds::Round;
use crate::record::practice::PracticeId;
use crate::record::validation::{FieldError, FieldErrors, check_email, check_text};
use serde::{Deserialize, Serialize};

/// The longest name of an invited body, in characters.
pub const ENTITY_MAX: usize = 200;
/// The most invitees one list may add.
pub const MAX_ROWS: usize = 3000;
/// The largest list, in bytes: within the server's limit on a request's
/// body once sent as JSON. A longer list goes in two files (lists add up).
pub const MAX_BYTES: usize = 200 * 1024;
/// The reminder goes this many days before the deadline, or later.
pub const REMIND_DAYS_BEFORE: i64 = 7;
/// ... and never sooner than this many days after the invitation.
pub const REMIND_DAYS_AFTER_INVITATION: i64 = 3;
/// Invitees are deleted this many days after their round closed.
pub const KEEP_DAYS_AFTER_CLOSE: i64 = 365;

/// The names a list's header may give each column (compared ignoring case).
pub const ENTITY_HEADERS: [&str; 3] = ["ente", "entity", "nome ente"];
pub const EMAIL_HEADERS: [&str; 5] = ["email", "e-mail", "pec", "indirizzo", "posta"];

/// Where admins read (`GET`) and add to (`POST`, `text/csv`) a round's invitees.
pub fn invitees_url(round: &str) -> String {
    format!("/api/moderation/rounds/{round}/invitees")
}

/// The admins' page of a round's invitations.
pub fn invitations_page(round: &str) -> String {
    format!("/redazione/amministrazione/raccolte/{round}")
}

/// A list of invitees to add to a round, as the admin's file has it: CSV,
/// a header row naming the columns (`ente`, `email`), separated by `,` or `;`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInvitees {
    pub csv: String,
}

/// The key of errors about the list as a whole.
pub const FILE_KEY: &str = "file";

/// One invitee as a list gives it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitee {
    /// The body invited ("Comune di Lecce").
    pub entity: String,
    /// Where its invitation goes.
    pub email: String,
}

impl Invitee {
    /// The key of an error on `column` of the list's row `row` (the header
    /// is row 1): `rows.3.email`.
    pub fn error_key(row: usize, column: &str) -> String {
        format!("rows.{row}.{column}")
    }

    /// Records what is wrong with this invitee, found on row `row`.
    pub fn check(&self, row: usize, errors: &mut FieldErrors) {
        let entity_key = Self::error_key(row, "entity");
        check_text(errors, &entity_key, &self.entity, 2, ENTITY_MAX);
        if errors.get(&entity_key).is_empty() && crate::community::has_markup(&self.entity) {
            errors.add(entity_key, FieldError::NoMarkup);
        }
        check_email(errors, &Self::error_key(row, "email"), &self.email, true);
    }

    /// The same invitee for matching: the address in lower case.
    pub fn same_address(&self, email: &str) -> bool {
        self.email.trim().eq_ignore_ascii_case(email.trim())
    }
}

/// Whether two names of a body are the same, ignoring case and spacing
/// ("Comune di  Lecce" is "comune di lecce").
pub fn same_entity(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    !a.trim().is_empty() && words(a) == words(b)
}

/// How an invitee's answer was recognised.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The practice's contact address is the invitee's.
    Email,
    /// The practice's body is the invitee's: the same Comune (ISTAT code), or the same name.
    Entity,
}

/// A practice that answers an invitation: sent since the round opened, by
/// the invitee's address or body.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub practice: PracticeId,
    /// When it was sent, RFC 3339.
    pub submitted_at: String,
    pub matched_by: MatchedBy,
}

/// An invitee of a round, with what was sent and whether they answered.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteeStatus {
    pub id: i64,
    pub entity: String,
    pub email: String,
    /// When the invitation was queued, RFC 3339; `null` until the round opens.
    pub invited_at: Option<String>,
    /// When the reminder was queued, RFC 3339.
    pub reminded_at: Option<String>,
    /// The first practice that answers, if any.
    pub answer: Option<Answer>,
}

/// A round's invitations (`GET /api/moderation/rounds/{code}/invitees`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundInvitations {
    pub round: Round,
    /// The day the reminders go, or after: [`reminder_day`].
    pub reminders_on: Day,
    /// In the order they were added.
    pub invitees: Vec<InviteeStatus>,
}

impl RoundInvitations {
    /// How many invitees answered.
    pub fn answered(&self) -> usize {
        self.invitees.iter().filter(|i| i.answer.is_some()).count()
    }

    /// How many were invited so far.
    pub fn invited(&self) -> usize {
        self.invitees.iter().filter(|i| i.invited_at.is_some()).count()
    }
}

/// What adding a list did (`POST /api/moderation/rounds/{code}/invitees`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteesAdded {
    /// New invitees.
    pub added: usize,
    /// Addresses already on the list, whose body's name was updated.
    pub updated: usize,
}

/// The day a round's reminders are due: [`REMIND_DAYS_BEFORE`] before its
/// deadline, or its first day if it is shorter.
pub fn reminder_day(round: &Round) -> Day {
    let day = round.closes_on.plus_days(-REMIND_DAYS_BEFORE);
    if day < round.opens_on { round.opens_on } else { day }
}

/// What is due for an invitee of `round` on `today`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    Nothing,
    Invitation,
    Reminder,
}

/// The rule of the outbox: invite once while the round is open; remind once,
/// from [`reminder_day`] to the deadline, an invitee who has not answered
/// and was invited at least [`REMIND_DAYS_AFTER_INVITATION`] days before.
pub fn due(round: &Round, today: Day, invited_on: Option<Day>, reminded: bool, answered: bool) -> Due {
    if today < round.opens_on || today > round.closes_on {
        return Due::Nothing;
    }
    match invited_on {
        None => Due::Invitation,
        Some(invited_on)
            if !reminded
                && !answered
                && today >= reminder_day(round)
                && today >= invited_on.plus_days(REMIND_DAYS_AFTER_INVITATION) =>
        {
            Due::Reminder
        }
        Some(_) => Due::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(opens: &str, closes: &str) -> Round {
        Round {
            code: "r".into(),
            name: "R".into(),
            opens_on: Day::parse(opens).unwrap(),
            closes_on: Day::parse(closes).unwrap(),
        }
    }

    #[test]
    fn an_invitee_is_invited_while_open_and_reminded_once_near_the_deadline() {
        let r = round("2027-03-01", "2027-03-31");
        let day = |s: &str| Day::parse(s).unwrap();
        assert_eq!(reminder_day(&r), day("2027-03-24"));
        // (today, invited on, reminded, answered) -> due
        let table = [
            ("2027-02-28", None, false, false, Due::Nothing),
            ("2027-03-01", None, false, false, Due::Invitation),
            ("2027-03-31", None, false, false, Due::Invitation),
            ("2027-04-01", None, false, false, Due::Nothing),
            ("2027-03-23", Some("2027-03-01"), false, false, Due::Nothing),
            ("2027-03-24", Some("2027-03-01"), false, false, Due::Reminder),
            ("2027-03-31", Some("2027-03-01"), false, false, Due::Reminder),
            ("2027-04-01", Some("2027-03-01"), false, false, Due::Nothing),
            ("2027-03-25", Some("2027-03-01"), true, false, Due::Nothing),
            ("2027-03-25", Some("2027-03-01"), false, true, Due::Nothing),
            ("2027-03-25", Some("2027-03-23"), false, false, Due::Nothing),
            ("2027-03-26", Some("2027-03-23"), false, false, Due::Reminder),
        ];
        for (today, invited, reminded, answered, expected) in table {
            assert_eq!(
                due(&r, day(today), invited.map(day), reminded, answered),
                expected,
                "{today} invited {invited:?} reminded {reminded} answered {answered}"
            );
        }
        // A round shorter than a week reminds from its first day (after the
        // days that follow the invitation).
        let short = round("2027-03-01", "2027-03-05");
        assert_eq!(reminder_day(&short), day("2027-03-01"));
        assert_eq!(due(&short, day("2027-03-04"), Some(day("2027-03-01")), false, false), Due::Reminder);
    }

    #[test]
    fn rows_are_checked_with_errors_keyed_by_row_and_column() {
        let mut errors = FieldErrors::default();
        Invitee { entity: "Comune di Lecce".into(), email: "servizi.sociali@comune.lecce.it".into() }
            .check(2, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let bad = [
            (Invitee { entity: String::new(), email: "a@b.it".into() }, "rows.3.entity", FieldError::Required),
            (
                Invitee { entity: "x".repeat(201), email: "a@b.it".into() },
                "rows.3.entity",
                FieldError::TooLong { max: 200 },
            ),
            (Invitee { entity: "<b>Comune</b>".into(), email: "a@b.it".into() }, "rows.3.entity", FieldError::NoMarkup),
            (Invitee { entity: "Comune".into(), email: "nope".into() }, "rows.3.email", FieldError::InvalidEmail),
            (
                Invitee { entity: "Comune".into(), email: "a@b.it\r\nBcc: c@d.it".into() },
                "rows.3.email",
                FieldError::InvalidEmail,
            ),
            (Invitee { entity: "Comune".into(), email: String::new() }, "rows.3.email", FieldError::Required),
        ];
        for (invitee, key, error) in bad {
            let mut errors = FieldErrors::default();
            invitee.check(3, &mut errors);
            assert_eq!(errors.get(key), [error], "{invitee:?}: {errors:?}");
        }
    }

    #[test]
    fn bodies_match_ignoring_case_and_spacing() {
        assert!(same_entity("Comune di Lecce", "  comune di  LECCE "));
        assert!(!same_entity("Comune di Lecce", "Comune di Lecco"));
        assert!(!same_entity("", ""), "an empty name matches nothing");
        let invitee = Invitee { entity: "Comune".into(), email: "Servizi@Comune.it".into() };
        assert!(invitee.same_address(" servizi@comune.it"));
    }
}
