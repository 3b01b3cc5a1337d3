// SPDX-License-Identifier: EUPL-1.2
//! Outgoing e-mail. An action that causes a message renders it from its
//! letter (`letters`) and queues it in the outbox in its own transaction
//! (`queue`), so the message exists exactly when the action happened; the
//! postman (`postman`) delivers the outbox through SMTP, marks a message sent
//! only once the server accepted it, and retries the rest with backoff.
//! Without a mail server the outbox waits, readable by admins.

pub mod follow;
pub mod letters;
pub mod postman;

use crate::db::DbError;
use crate::db::outbox::{self, Queued};
use std::sync::Arc;

/// What a message is about: stored with it, shown to admins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The receipt, private link included, at the respondent's request.
    ReceiptCopy,
    /// The editors asked the respondent for changes.
    ChangesRequested,
    /// The practice is public.
    Published,
    /// The respondent's update of a published practice is public.
    UpdatePublished,
    /// The editors rejected the practice.
    Rejected,
    /// A reader's message, relayed to a practice's referent.
    ContactRelay,
    /// The reader's copy of what was relayed.
    ContactCopy,
    /// The link confirming a followed view.
    FollowConfirm,
    /// A followed view's weekly digest.
    ViewDigest,
    /// An editor's daily digest of the queue.
    QueueDigest,
    /// An accessibility report, to the editors' address.
    AccessibilityReport,
    /// "È ancora attuale?": the respondent of a practice due for confirmation.
    ConfirmRequest,
    /// An invitation to take part in a collection round.
    Invitation,
    /// The one reminder of a round's deadline, to an invitee who has not answered.
    InvitationReminder,
}

impl Kind {
    pub const ALL: [Kind; 14] = [
        Kind::ReceiptCopy,
        Kind::ChangesRequested,
        Kind::Published,
        Kind::UpdatePublished,
        Kind::Rejected,
        Kind::ContactRelay,
        Kind::ContactCopy,
        Kind::FollowConfirm,
        Kind::ViewDigest,
        Kind::QueueDigest,
        Kind::AccessibilityReport,
        Kind::ConfirmRequest,
        Kind::Invitation,
        Kind::InvitationReminder,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Kind::ReceiptCopy => "receipt_copy",
            Kind::ChangesRequested => "changes_requested",
            Kind::Published => "published",
            Kind::UpdatePublished => "update_published",
            Kind::Rejected => "rejected",
            Kind::ContactRelay => "contact_relay",
            Kind::ContactCopy => "contact_copy",
            Kind::FollowConfirm => "follow_confirm",
            Kind::ViewDigest => "view_digest",
            Kind::QueueDigest => "queue_digest",
            Kind::AccessibilityReport => "accessibility_report",
            Kind::ConfirmRequest => "confirm_request",
            Kind::Invitation => "invitation",
            Kind::InvitationReminder => "invitation_reminder",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A text in Italian and in English: every message carries both, Italian first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Both {
    pub it: String,
    pub en: String,
}

/// Both languages.
pub fn both(it: impl Into<String>, en: impl Into<String>) -> Both {
    Both { it: it.into(), en: en.into() }
}

/// One part of a letter's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Para(Both),
    /// Somebody's own words (the editors' message), quoted as written.
    Quote(String),
    /// A link on a line of its own, after its label.
    Link { label: Both, url: String },
}

/// A message before it is addressed: what it says, in both languages, and
/// why the recipient gets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub kind: Kind,
    pub subject: Both,
    pub body: Vec<Block>,
    /// "You receive this message because ...", and how to stop it where one can.
    pub why: Both,
}

/// Who writes: the site's name and address, in every message's signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    pub name: String,
    /// The public address, without a trailing slash.
    pub url: String,
}

impl Site {
    /// The site `state` serves.
    pub fn of(state: &crate::AppState) -> Site {
        let name = match &state.operator.controller.name {
            Some(controller) if !state.operator.example => format!("Buone pratiche · {controller}"),
            _ => "Buone pratiche dei servizi sociali".to_owned(),
        };
        Site { name, url: state.public_url.clone() }
    }

    /// The domain messages' ids are made under.
    fn host(&self) -> &str {
        let rest = self.url.split_once("://").map_or(self.url.as_str(), |(_, rest)| rest);
        let host = rest.split(['/', ':']).next().unwrap_or_default();
        if host.is_empty() { "localhost" } else { host }
    }
}

impl Letter {
    /// The subject line: Italian, then English.
    pub fn subject_line(&self) -> String {
        format!("{} / {}", self.subject.it, self.subject.en)
    }

    /// The plain-text body: the Italian letter, then the English one.
    pub fn text(&self, site: &Site) -> String {
        let part = |lang: fn(&Both) -> &String| {
            let mut out = String::new();
            for block in &self.body {
                match block {
                    Block::Para(text) => out.push_str(lang(text)),
                    Block::Quote(words) => {
                        out.push_str(&words.lines().map(|line| format!("> {line}")).collect::<Vec<_>>().join("\n"));
                    }
                    Block::Link { label, url } => out.push_str(&format!("{}\n{url}", lang(label))),
                }
                out.push_str("\n\n");
            }
            out.push_str(&format!("-- \n{}\n{}\n{}\n", site.name, site.url, lang(&self.why)));
            out
        };
        format!("{}\n---------- English ----------\n\n{}", part(|b| &b.it), part(|b| &b.en))
    }

    /// The HTML body: the same, escaped, each language marked with `lang`.
    pub fn html(&self, site: &Site) -> String {
        use crate::head::escape;
        let part = |code: &str, lang: fn(&Both) -> &String| {
            let mut out = format!("<div lang=\"{code}\">");
            for block in &self.body {
                match block {
                    Block::Para(text) => out.push_str(&format!("<p>{}</p>", escape(lang(text)))),
                    Block::Quote(words) => out.push_str(&format!(
                        "<blockquote style=\"border-left:4px solid #0066cc;margin:0;padding:0 1em\">{}</blockquote>",
                        escape(words).replace('\n', "<br>")
                    )),
                    Block::Link { label, url } => out.push_str(&format!(
                        "<p>{}<br><a href=\"{}\">{}</a></p>",
                        escape(lang(label)),
                        escape(url),
                        escape(url)
                    )),
                }
            }
            out.push_str(&format!(
                "<p style=\"color:#5c6f82;font-size:14px\">{}<br><a href=\"{}\">{}</a><br>{}</p></div>",
                escape(&site.name),
                escape(&site.url),
                escape(&site.url),
                escape(lang(&self.why))
            ));
            out
        };
        format!(
            "<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
             <body style=\"font-family:sans-serif;line-height:1.5;max-width:40em\">{}<hr>{}</body></html>",
            escape(&self.subject_line()),
            part("it", |b| &b.it),
            part("en", |b| &b.en)
        )
    }

    /// The letter addressed to `recipient`, ready to queue under `key`.
    pub fn to(&self, site: &Site, key: String, recipient: &str) -> Queued {
        let message_id = format!("{}@{}", &crate::sha256_hex(key.as_bytes())[..32], site.host());
        Queued {
            key,
            message_id,
            kind: self.kind,
            recipient: recipient.to_owned(),
            reply_to: None,
            subject: self.subject_line(),
            text_body: self.text(site),
            html_body: self.html(site),
            unsubscribe: None,
        }
    }
}

/// `Name <address>` as a header carries it (quoted or encoded as needed),
/// or `None` when the address is not one SMTP can take.
pub fn mailbox_of(name: &str, address: &str) -> Option<String> {
    let address: lettre::Address = address.parse().ok()?;
    Some(lettre::message::Mailbox::new(Some(name.to_owned()), address).to_string())
}

/// Unix milliseconds now.
pub fn now_ms() -> i64 {
    i64::try_from(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis()))
        .unwrap_or(i64::MAX)
}

/// Queues `message` in the caller's transaction (once per key). Call
/// [`Mail::wake`] after the commit so the postman sends it at once.
pub fn queue(tx: &rusqlite::Transaction<'_>, message: &Queued) -> Result<bool, DbError> {
    outbox::enqueue(tx, message, &crate::db::now(), now_ms())
}

/// The outbox's side in the server's state: whether a postman delivers it,
/// and the bell that wakes the postman when a message was queued.
#[derive(Clone, Default)]
pub struct Mail {
    bell: Arc<tokio::sync::Notify>,
    delivering: bool,
}

impl Mail {
    /// Tells the postman, if any, that a message is waiting.
    pub fn wake(&self) {
        self.bell.notify_one();
    }

    /// True when a mail server is configured and the postman runs.
    pub fn delivering(&self) -> bool {
        self.delivering
    }

    /// Starts `postman` on the outbox of `db`; from now on messages go out.
    pub fn start(&mut self, postman: postman::Postman, db: crate::db::Db) -> tokio::task::JoinHandle<()> {
        self.delivering = true;
        tokio::spawn(postman.run(db, Arc::clone(&self.bell)))
    }
}
