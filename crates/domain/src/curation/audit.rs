// SPDX-License-Identifier: EUPL-1.2
//! The audit log's actions: what each entry records, its code and its label.

use crate::Lang;
use crate::curation::CurationAction;
use serde::{Deserialize, Serialize};

/// What an audit entry records; in JSON and in the database, its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum AuditAction {
    /// A curator's (or, for `Resubmit`, the respondent's) decision.
    Curation(CurationAction),
    /// The respondent sent a new version of a published practice.
    Update,
    /// A curator corrected the answers.
    Edit,
    AddUser,
    DisableUser,
    EnableUser,
    AddRound,
    /// An editor marked an accessibility report handled, or open again.
    HandleReport,
    ReopenReport,
    /// A curator decided on a declaration of adoption (the message names the action).
    DecideAdoption,
    /// The respondent confirmed that the description is current.
    Confirm,
    /// The respondent marked the practice concluded.
    Conclude,
    /// An admin added a list of invitees to a round (the message counts them).
    AddInvitees,
    /// An admin took an invitee off a round's list.
    RemoveInvitee,
    /// The retention job removed personal data past its time (the message
    /// says which kinds, never the values).
    Purge,
    /// An admin imported a spreadsheet of responses (the message names the
    /// file, counts the practices and gives the batch).
    Import,
    /// An admin undid an import nobody had curated yet.
    UndoImport,
    /// A run of the harvest brought practices from another collection (on
    /// the run: the message counts them; on a practice: it changed there).
    Harvest,
    /// An admin added a source to harvest, or changed one.
    HarvestSource,
}

impl AuditAction {
    /// The action as stored in the audit log.
    pub const fn code(self) -> &'static str {
        match self {
            AuditAction::Curation(action) => action.code(),
            AuditAction::Update => "update",
            AuditAction::Edit => "edit",
            AuditAction::AddUser => "add_user",
            AuditAction::DisableUser => "disable_user",
            AuditAction::EnableUser => "enable_user",
            AuditAction::AddRound => "add_round",
            AuditAction::HandleReport => "handle_report",
            AuditAction::ReopenReport => "reopen_report",
            AuditAction::DecideAdoption => "decide_adoption",
            AuditAction::Confirm => "confirm",
            AuditAction::AddInvitees => "add_invitees",
            AuditAction::RemoveInvitee => "remove_invitee",
            AuditAction::Conclude => "conclude",
            AuditAction::Purge => "purge",
            AuditAction::Import => "import",
            AuditAction::UndoImport => "undo_import",
            AuditAction::Harvest => "harvest",
            AuditAction::HarvestSource => "harvest_source",
        }
    }

    /// Every action.
    pub const ALL: [AuditAction; 26] = {
        let mut all = [AuditAction::Update; 26];
        let mut i = 0;
        while i < CurationAction::ALL.len() {
            all[i] = AuditAction::Curation(CurationAction::ALL[i]);
            i += 1;
        }
        all[9] = AuditAction::Edit;
        all[10] = AuditAction::AddUser;
        all[11] = AuditAction::DisableUser;
        all[12] = AuditAction::EnableUser;
        all[13] = AuditAction::AddRound;
        all[14] = AuditAction::HandleReport;
        all[15] = AuditAction::ReopenReport;
        all[16] = AuditAction::DecideAdoption;
        all[17] = AuditAction::Confirm;
        all[18] = AuditAction::Conclude;
        all[19] = AuditAction::AddInvitees;
        all[20] = AuditAction::RemoveInvitee;
        all[21] = AuditAction::Purge;
        all[22] = AuditAction::Import;
        all[23] = AuditAction::UndoImport;
        all[24] = AuditAction::Harvest;
        all[25] = AuditAction::HarvestSource;
        all
    };

    /// The action with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|action| action.code() == code)
    }

    /// The action as the history and the admins' log name it.
    pub fn label(self, lang: Lang) -> &'static str {
        let (it, en) = match self {
            AuditAction::Curation(action) => return action.label(lang),
            AuditAction::Update => ("Aggiornamento del referente", "Respondent's update"),
            AuditAction::Edit => ("Correzione della redazione", "Editors' correction"),
            AuditAction::AddUser => ("Account aggiunto", "Account added"),
            AuditAction::DisableUser => ("Account disattivato", "Account disabled"),
            AuditAction::EnableUser => ("Account riattivato", "Account enabled"),
            AuditAction::AddRound => ("Raccolta aggiunta", "Round added"),
            AuditAction::HandleReport => ("Segnalazione di accessibilità gestita", "Accessibility report handled"),
            AuditAction::ReopenReport => ("Segnalazione di accessibilità riaperta", "Accessibility report reopened"),
            AuditAction::DecideAdoption => ("Decisione su un'adozione", "Decision on an adoption"),
            AuditAction::Confirm => ("Confermata dal referente", "Confirmed by the respondent"),
            AuditAction::Conclude => ("Segnata come conclusa dal referente", "Marked ended by the respondent"),
            AuditAction::AddInvitees => ("Invitati aggiunti a una raccolta", "Invitees added to a round"),
            AuditAction::RemoveInvitee => ("Invitato tolto da una raccolta", "Invitee removed from a round"),
            AuditAction::Purge => (
                "Dati personali cancellati alla scadenza indicata nell'informativa",
                "Personal data removed when the privacy notice says",
            ),
            AuditAction::Import => ("Risposte importate da un foglio", "Responses imported from a sheet"),
            AuditAction::UndoImport => ("Importazione annullata", "Import undone"),
            AuditAction::Harvest => ("Raccolta da un'altra raccolta di pratiche", "Harvested from another collection"),
            AuditAction::HarvestSource => {
                ("Fonte da raccogliere aggiunta o modificata", "Source to harvest added or changed")
            }
        };
        if lang == Lang::It { it } else { en }
    }
}

impl From<AuditAction> for &'static str {
    fn from(action: AuditAction) -> Self {
        action.code()
    }
}

impl TryFrom<String> for AuditAction {
    type Error = String;

    fn try_from(code: String) -> Result<Self, Self::Error> {
        Self::from_code(&code).ok_or_else(|| format!("unknown audit action: {code}"))
    }
}

#[cfg(feature = "openapi")]
mod schemas {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

    impl utoipa::PartialSchema for super::AuditAction {
        fn schema() -> RefOr<Schema> {
            let codes = super::AuditAction::ALL.map(super::AuditAction::code);
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(codes))
                .description(Some("What the entry records: a curation action, or an account or round change."))
                .into()
        }
    }
    impl utoipa::ToSchema for super::AuditAction {}
}
