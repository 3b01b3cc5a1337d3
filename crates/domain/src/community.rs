// SPDX-License-Identifier: EUPL-1.2
//! The community of practice's messages: what the outbox holds as admins read
//! it, and the respondent's request for a copy of the receipt. The server
//! writes and delivers the messages; the browser shows the outbox and asks
//! for the copy, so the shapes are here.

use serde::{Deserialize, Serialize};

/// Where admins read the outbox.
pub const OUTBOX_URL: &str = "/api/moderation/outbox";
/// Where the receipt page asks for a copy of the receipt by e-mail.
pub const RECEIPT_COPY_URL: &str = "/api/submissions/mine/receipt-copy";

/// Where a message is on its way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Not yet accepted by the mail server: waiting for its first attempt,
    /// for a retry, or for a mail server to be configured.
    Waiting,
    /// The mail server accepted it.
    Sent,
    /// Given up after every attempt failed.
    Failed,
}

impl Delivery {
    /// What people read.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Delivery::Waiting, crate::Lang::It) => "In attesa",
            (Delivery::Waiting, crate::Lang::En) => "Waiting",
            (Delivery::Sent, crate::Lang::It) => "Consegnato al server di posta",
            (Delivery::Sent, crate::Lang::En) => "Handed to the mail server",
            (Delivery::Failed, crate::Lang::It) => "Non consegnato",
            (Delivery::Failed, crate::Lang::En) => "Not delivered",
        }
    }
}

/// One message of the outbox, as admins read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxMessage {
    /// What kind of message (`receipt_copy`, `changes_requested`, ...).
    pub kind: String,
    /// To whom.
    pub recipient: String,
    pub subject: String,
    /// The plain-text body, both languages.
    pub text_body: String,
    /// When it was queued (RFC 3339).
    pub created_at: String,
    pub delivery: Delivery,
    /// How many times the postman tried.
    pub attempts: u32,
    /// What the mail server or the network said the last time it failed.
    pub last_error: Option<String>,
    /// When the mail server accepted it (RFC 3339).
    pub sent_at: Option<String>,
}

/// The outbox, newest first, and whether a mail server delivers it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outbox {
    /// False when no mail server is configured: messages wait here.
    pub delivering: bool,
    pub messages: Vec<OutboxMessage>,
}

/// What the receipt page sends to have the receipt, private link included,
/// mailed to the practice's contact e-mail. The private link itself is the
/// request's credential (`Authorization: Bearer`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReceiptCopy {
    /// The respondent read that the message carries the private link, a
    /// secret: whoever reads that mailbox can change the practice.
    pub link_is_secret_understood: bool,
}

impl ReceiptCopy {
    /// The box must be ticked: the copy is sent only to whom knows what it holds.
    pub fn validate(&self) -> crate::FieldErrors {
        let mut errors = crate::FieldErrors::default();
        if !self.link_is_secret_understood {
            errors.add("link_is_secret_understood", crate::FieldError::MustConfirm);
        }
        errors
    }
}

/// Where a receipt copy went: the contact e-mail, shown so the respondent
/// sees the address is right.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceiptCopySent {
    pub recipient: String,
}
