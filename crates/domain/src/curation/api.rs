// SPDX-License-Identifier: EUPL-1.2
//! What the editors and administrators exchange with the server: accounts
//! and sessions, the queue, a review, decisions and corrections, the audit
//! trail.

use crate::curation::CurationAction;
use crate::record::vocabulary::ModerationStatus;
use crate::{FieldError, FieldErrors, Lang, PracticeId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "openapi")]
#[allow(unused_imports)] // named by the `schema(value_type = ...)` attributes
use crate::Practice;
use crate::api::Answers;

/// What a user may do.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reviews and decides on submissions.
    Curator,
    /// A curator who also manages accounts and reads the audit log.
    Admin,
}

impl Role {
    /// The role's name, as stored.
    pub const fn code(self) -> &'static str {
        match self {
            Role::Curator => "curator",
            Role::Admin => "admin",
        }
    }

    /// The role with this name.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "curator" => Some(Role::Curator),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// The role as the admins' page names it.
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::Curator, Lang::It) => "Redattore",
            (Role::Curator, Lang::En) => "Editor",
            (Role::Admin, Lang::It) => "Amministratore",
            (Role::Admin, Lang::En) => "Administrator",
        }
    }
}

/// Sign-in (`POST /api/session`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}

/// Who is signed in.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub email: String,
    pub role: Role,
}

/// What the editors' queue lists (`GET /api/moderation/submissions`).
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilter {
    /// Only submissions in this state, or `da_curare`: new, in review, or
    /// with an update waiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stato: Option<String>,
    /// `true`: only published practices with an update waiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggiornamenti: Option<bool>,
    /// `true`: only published practices "da aggiornare" (not confirmed for long).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub da_aggiornare: Option<bool>,
    /// Words to find in the reference, title or body's name (case and accents ignored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
}

/// The `stato` of the queue's first tab: whatever awaits the editors.
pub const TO_CURATE: &str = "da_curare";

/// One submission in the queue.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueEntry {
    pub id: PracticeId,
    pub title: String,
    pub entity_name: String,
    pub moderation_status: ModerationStatus,
    pub demo: bool,
    pub submitted_at: String,
    pub updated_at: String,
    pub version: i64,
    /// The respondent sent an update of this published practice, not yet accepted.
    pub update_pending: bool,
    /// Published and not confirmed for long: "da aggiornare".
    #[serde(default)]
    pub stale: bool,
    /// Imported from a spreadsheet rather than sent through the questionnaire.
    #[serde(default)]
    pub imported: bool,
    /// The name of the collection it was harvested from.
    #[serde(default)]
    pub harvested_from: Option<String>,
}

/// The queue, with the count of each state.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePage {
    /// How many submissions are in each state.
    #[cfg_attr(feature = "openapi", schema(value_type = BTreeMap<String, usize>))]
    pub counts: BTreeMap<ModerationStatus, usize>,
    /// Published practices with an update from the respondent waiting.
    pub updates_pending: usize,
    /// Submissions awaiting the editors (`stato=da_curare`).
    pub to_curate: usize,
    /// Published practices "da aggiornare" (`da_aggiornare=true`).
    #[serde(default)]
    pub stale: usize,
    /// Declarations of adoption waiting for a decision.
    #[serde(default)]
    pub adoptions_waiting: u32,
    /// Imported rows kept as drafts, still to complete (`/redazione/bozze`).
    #[serde(default)]
    pub import_drafts: usize,
    pub submissions: Vec<QueueEntry>,
}

/// A submission with every field, private ones included, for review.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub id: PracticeId,
    pub moderation_status: ModerationStatus,
    pub version: i64,
    pub demo: bool,
    pub submitted_at: String,
    pub updated_at: String,
    pub published_at: Option<String>,
    pub curator_message: Option<String>,
    /// The latest answer, every field.
    #[cfg_attr(feature = "openapi", schema(value_type = Practice))]
    pub answers: Answers,
    /// How many versions the respondent has sent.
    pub versions: i64,
    /// The actions the state allows.
    pub allowed_actions: Vec<CurationAction>,
    /// Other submissions from the same body with a similar title.
    pub possible_duplicates: Vec<PracticeId>,
    /// For an update: the fields that differ from the previous version (for
    /// a pending update of a published practice: from the published one).
    pub changed_fields: Vec<String>,
    /// The respondent sent an update of this published practice; the
    /// published version stays public until `accept_update`.
    pub update_pending: bool,
    /// Every decision and correction on it, with the editors' messages, newest first.
    pub history: Vec<AuditEntry>,
    /// Where an imported submission came from (`None`: sent through the questionnaire).
    #[serde(default)]
    pub imported_from: Option<Provenance>,
    /// Where a harvested submission comes from (`None`: not harvested).
    #[serde(default)]
    pub harvested_from: Option<crate::harvest::PracticeSource>,
}

/// Where an imported submission came from: the file, its row, the date
/// the file gave it (as written there), and the mapping used.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    pub file_name: String,
    pub row: i64,
    pub submitted: Option<String>,
    /// Which question each imported column filled (empty for imports made
    /// before the batches kept their header row).
    #[serde(default)]
    pub columns: Vec<MappedColumn>,
}

/// A column of an imported file and what it filled.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappedColumn {
    /// As the file's header row wrote it.
    pub header: String,
    /// A question's key, or `_submitted` (the date the response was sent).
    pub target: String,
}

/// A curator's decision on a submission.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub action: CurationAction,
    /// To the respondent (changes requested) or the reason (rejection).
    #[serde(default)]
    pub message: Option<String>,
    /// The version the curator saw; a newer one means somebody else acted.
    pub expected_version: i64,
}

impl Decision {
    /// The longest message.
    pub const MAX_MESSAGE: usize = 2000;

    /// The message, trimmed, when there is one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref().map(str::trim).filter(|m| !m.is_empty())
    }

    /// What to fix before the decision can be taken.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let message = self.message().unwrap_or_default();
        let error = if self.action.needs_message() && message.is_empty() {
            Some(FieldError::Required)
        } else if message.chars().count() > Self::MAX_MESSAGE {
            Some(FieldError::TooLong { max: Self::MAX_MESSAGE })
        } else if message.chars().any(crate::record::validation::is_forbidden_char) {
            Some(FieldError::ForbiddenCharacters)
        } else {
            None
        };
        let mut errors = FieldErrors::default();
        if let Some(error) = error {
            errors.add("message", error);
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// A curator's correction of a submission's text or classification.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The corrected answers (every field, as in a submission).
    #[cfg_attr(feature = "openapi", schema(value_type = Practice))]
    pub answers: Answers,
    pub expected_version: i64,
}

/// A submission's state after a decision or a correction.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionOutcome {
    pub moderation_status: ModerationStatus,
    pub version: i64,
}

pub use super::audit::AuditAction;

/// One line of the audit log.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    /// Who acted: a curator's e-mail, or `respondent`.
    pub actor: String,
    pub action: AuditAction,
    /// The practice's reference, when the action was on one.
    pub practice: Option<PracticeId>,
    /// The state (or the account) before.
    pub before: Option<String>,
    /// The state (or the account, or the round) after.
    pub after: Option<String>,
    pub message: Option<String>,
}

/// An account as admins see it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub email: String,
    pub role: Role,
    pub disabled: bool,
    pub created_at: String,
}

/// A new account (`POST /api/moderation/users`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAccount {
    pub email: String,
    pub role: Role,
    pub password: String,
}

impl NewAccount {
    /// The shortest password accepted.
    pub const MIN_PASSWORD: usize = 12;

    /// What to fix in the form.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if !crate::record::validation::is_email(self.email.trim()) {
            errors.add("email", FieldError::InvalidEmail);
        }
        if self.password.is_empty() {
            errors.add("password", FieldError::Required);
        } else if self.password.chars().count() < Self::MIN_PASSWORD {
            errors.add("password", FieldError::TooShort { min: Self::MIN_PASSWORD });
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_password_is_too_short_not_missing() {
        let account =
            |password: &str| NewAccount { email: "a@b.it".into(), role: Role::Curator, password: password.into() };
        let short = account("corta").check().unwrap_err();
        assert_eq!(short.get("password"), [FieldError::TooShort { min: 12 }]);
        assert_eq!(account("").check().unwrap_err().get("password"), [FieldError::Required]);
        assert!(account("abbastanza lunga").check().is_ok());
    }

    #[test]
    fn every_audit_action_reads_back_from_its_code() {
        for code in [
            "take_in_review",
            "request_changes",
            "resubmit",
            "publish",
            "accept_update",
            "unpublish",
            "reject",
            "archive",
            "update",
            "edit",
            "add_user",
            "disable_user",
            "enable_user",
            "add_round",
        ] {
            let action = AuditAction::from_code(code).unwrap_or_else(|| panic!("{code} is known"));
            assert_eq!(action.code(), code);
            assert_eq!(serde_json::to_value(action).unwrap(), serde_json::json!(code), "JSON carries the code");
            assert_eq!(serde_json::from_value::<AuditAction>(serde_json::json!(code)).unwrap(), action);
        }
    }

    #[test]
    fn a_decision_needs_its_message_within_limits() {
        let decision = |action, message: &str| Decision { action, message: Some(message.into()), expected_version: 1 };
        assert!(decision(CurationAction::Reject, "  ").check().is_err(), "a rejection needs a reason");
        assert!(decision(CurationAction::Publish, "").check().is_ok());
        assert!(decision(CurationAction::Publish, &"x".repeat(2001)).check().is_err());
        assert!(decision(CurationAction::RequestChanges, "a\u{0}b").check().is_err());
    }
}
