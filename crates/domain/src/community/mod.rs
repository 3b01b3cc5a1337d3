// SPDX-License-Identifier: EUPL-1.2
//! The community of practice's messages: what the outbox holds as admins read
//! it, and the respondent's request for a copy of the receipt. The server
//! writes and delivers the messages; the browser shows the outbox and asks
//! for the copy, so the shapes are here.

pub mod follow_up;
pub mod invitations;
pub mod living;
pub mod participation;
pub mod reuse;

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

/// Where a practice page sends "Contatta il referente".
pub fn contact_url(id: &crate::PracticeId) -> String {
    format!("/api/practices/{id}/contact")
}

/// The longest sender's name, in characters.
pub const SENDER_NAME_MAX: usize = 120;
/// The longest entity name.
pub const SENDER_ENTITY_MAX: usize = 200;
/// The shortest message: a few words on who writes and why.
pub const MESSAGE_MIN: usize = 20;
/// The longest message.
pub const MESSAGE_MAX: usize = 3000;
/// At most this many web addresses in a message: enough to point at one's
/// own practice, too few to make the form worth spamming.
pub const MESSAGE_LINKS_MAX: usize = 2;

/// "Contatta il referente": what a reader sends to the referent of a
/// published practice. The site relays it to the practice's private contact
/// without showing the address, the sender gets a copy, and the referent's
/// answer goes straight to the sender.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ContactRequest {
    /// The sender's name.
    pub name: String,
    /// The sender's e-mail: the copy and the answer go there.
    pub email: String,
    /// The body the sender works for.
    pub entity: String,
    /// What the sender asks or offers, plain text.
    pub message: String,
    /// The sender agreed that the site relays their name, address and message.
    pub consent: bool,
    /// The honeypot: people leave it empty.
    #[serde(default)]
    pub website: String,
}

impl ContactRequest {
    /// The fields to fix, if any: the same rules in the browser and the server.
    pub fn validate(&self) -> crate::FieldErrors {
        use crate::FieldError;
        use crate::record::validation::{check_email, check_text};
        let mut errors = crate::FieldErrors::default();
        check_text(&mut errors, "name", &self.name, 1, SENDER_NAME_MAX);
        check_email(&mut errors, "email", &self.email, true);
        check_text(&mut errors, "entity", &self.entity, 1, SENDER_ENTITY_MAX);
        check_text(&mut errors, "message", &self.message, MESSAGE_MIN, MESSAGE_MAX);
        for (key, text) in [("name", &self.name), ("entity", &self.entity), ("message", &self.message)] {
            if errors.get(key).is_empty() && has_markup(text) {
                errors.add(key, FieldError::NoMarkup);
            }
        }
        for (key, text) in [("name", &self.name), ("entity", &self.entity)] {
            if errors.get(key).is_empty() && text.contains(['\n', '\r']) {
                errors.add(key, FieldError::ForbiddenCharacters);
            }
        }
        if errors.get("message").is_empty() && links_in(&self.message) > MESSAGE_LINKS_MAX {
            errors.add("message", FieldError::TooManyLinks { max: MESSAGE_LINKS_MAX });
        }
        if !self.consent {
            errors.add("consent", FieldError::MustConfirm);
        }
        errors
    }
}

/// How many web addresses `text` holds (`http://`, `https://`, `www.`).
pub fn links_in(text: &str) -> usize {
    let lower = text.to_lowercase();
    let schemes = lower.matches("http://").count() + lower.matches("https://").count();
    let bare = lower.match_indices("www.").filter(|(at, _)| !lower[..*at].ends_with("//")).count();
    schemes + bare
}

/// True when `text` holds what looks like an HTML tag, comment or entity
/// (`<a`, `</`, `<!`, `&lt;`): messages are plain text.
pub fn has_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(2).any(|pair| pair[0] == b'<' && (pair[1].is_ascii_alphabetic() || b"/!?".contains(&pair[1])))
        || text.split('&').skip(1).any(|rest| {
            rest.split_once(';').is_some_and(|(name, _)| {
                !name.is_empty() && name.len() <= 8 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
            })
        })
}

/// What the sender is told once the message is on its way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactSent {
    /// Where the copy goes (the sender's own address).
    pub copy_to: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FieldError;

    fn request() -> ContactRequest {
        ContactRequest {
            name: "Anna Bianchi".into(),
            email: "anna.bianchi@comune.example.it".into(),
            entity: "Comune di Esempio".into(),
            message: "Vorremmo sapere come avete organizzato la spesa a domicilio.".into(),
            consent: true,
            website: String::new(),
        }
    }

    #[test]
    fn a_contact_request_is_plain_short_text_with_few_links_and_consent() {
        assert!(request().validate().is_empty());
        let with = |change: fn(&mut ContactRequest)| {
            let mut r = request();
            change(&mut r);
            r.validate()
        };
        assert_eq!(with(|r| r.name = " ".into()).get("name"), [FieldError::Required]);
        assert_eq!(with(|r| r.email = "anna".into()).get("email"), [FieldError::InvalidEmail]);
        assert_eq!(with(|r| r.email.clear()).get("email"), [FieldError::Required]);
        assert_eq!(with(|r| r.message = "Ciao".into()).get("message"), [FieldError::TooShort { min: MESSAGE_MIN }]);
        assert_eq!(with(|r| r.message = "a".repeat(3001)).get("message"), [FieldError::TooLong { max: MESSAGE_MAX }]);
        assert_eq!(with(|r| r.message.push_str(" <a href=x>qui</a>")).get("message"), [FieldError::NoMarkup]);
        assert_eq!(with(|r| r.entity = "Comune &lt;x&gt;".into()).get("entity"), [FieldError::NoMarkup]);
        assert_eq!(with(|r| r.message.push_str(" \u{202E}")).get("message"), [FieldError::ForbiddenCharacters]);
        let three = |r: &mut ContactRequest| r.message.push_str(" https://a.it www.b.it http://c.it");
        assert_eq!(with(three).get("message"), [FieldError::TooManyLinks { max: MESSAGE_LINKS_MAX }]);
        assert!(with(|r| r.message.push_str(" https://www.a.it/x e www.b.it")).is_empty(), "two links are fine");
        assert!(with(|r| r.message.push_str(" 3 < 5 & 7 > 2, Rossi & Figli; ok")).is_empty(), "not markup");
        assert_eq!(with(|r| r.name = "Anna\r\nBcc: x@y.it".into()).get("name"), [FieldError::ForbiddenCharacters]);
        assert_eq!(with(|r| r.consent = false).get("consent"), [FieldError::MustConfirm]);
    }

    #[test]
    fn links_are_counted_once_each() {
        assert_eq!(links_in("vedi https://www.comune.it e www.altro.it"), 2);
        assert_eq!(links_in("HTTP://A.IT"), 1);
        assert_eq!(links_in("nessun indirizzo"), 0);
    }
}

/// Where the catalogue asks to follow its view.
pub const SUBSCRIPTIONS_URL: &str = "/api/subscriptions";
/// Where the confirmation page confirms (`?code=`).
pub const CONFIRM_URL: &str = "/api/subscriptions/confirm";
/// Where the cancel page and mail programs (one click, RFC 8058) cancel (`?code=`).
pub const UNSUBSCRIBE_URL: &str = "/api/subscriptions/unsubscribe";
/// Where an editor turns the daily digest of the queue on or off.
pub const DAILY_DIGEST_URL: &str = "/api/session/daily-digest";
/// At most this many parameters in a followed view.
pub const VIEW_PARAMS_MAX: usize = 20;
/// The longest parameter value in a followed view.
pub const VIEW_VALUE_MAX: usize = 500;

/// "Segui questa ricerca": an address asks for a weekly e-mail of the
/// practices new or updated in a catalogue view. The view is the catalogue
/// address's parameters (`[["regione", "16"], ["q", "spesa"]]`); the address
/// confirms by a link mailed to it, and any message cancels in one click.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FollowRequest {
    pub email: String,
    /// The catalogue view's parameters, as its address has them.
    pub view: Vec<(String, String)>,
    /// The honeypot: people leave it empty.
    #[serde(default)]
    pub website: String,
}

impl FollowRequest {
    /// The fields to fix, if any.
    pub fn validate(&self) -> crate::FieldErrors {
        use crate::FieldError;
        let mut errors = crate::FieldErrors::default();
        crate::record::validation::check_email(&mut errors, "email", &self.email, true);
        if self.view.len() > VIEW_PARAMS_MAX {
            errors.add("view", FieldError::TooMany { max: VIEW_PARAMS_MAX });
        } else if self.view.iter().any(|(k, v)| {
            k.chars().count() > 40
                || v.chars().count() > VIEW_VALUE_MAX
                || k.chars().chain(v.chars()).any(crate::record::validation::is_forbidden_char)
        }) {
            errors.add("view", FieldError::Invalid { detail: "parametri della ricerca non validi".into() });
        }
        errors
    }
}

/// Where the confirmation went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowPending {
    pub email: String,
}

/// A subscription confirmed or cancelled: the view it was about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Subscription {
    /// The catalogue view's parameters, URL-encoded (`regione=16&q=spesa`).
    pub view: String,
}

/// An editor's daily digest of the queue: on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DailyDigest {
    pub daily_digest: bool,
}
