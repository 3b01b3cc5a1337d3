// SPDX-License-Identifier: EUPL-1.2
//! Outgoing e-mail. An action that causes a message renders it from its
//! letter (`letters`) and queues it in the outbox in its own transaction
//! (`queue`), so the message exists exactly when the action happened; the
//! postman (`postman`) delivers the outbox through SMTP, marks a message sent
//! only once the server accepted it, and retries the rest with backoff.
//! Without a mail server the outbox waits, readable by admins.

pub mod follow;
pub mod kind;
pub mod letters;
pub mod postman;

use crate::db::DbError;
use crate::db::outbox::{self, Queued};
use domain::Lang;
use std::sync::Arc;

pub use kind::Kind;

/// A text in Italian and in English: every message carries both, the
/// recipient's language first when it is known, Italian first otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Both {
    pub it: String,
    pub en: String,
}

impl Both {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &String {
        match lang {
            Lang::It => &self.it,
            Lang::En => &self.en,
        }
    }
}

/// The languages in the order a letter to a reader of `first` gives them.
fn in_order(first: Lang) -> [Lang; 2] {
    match first {
        Lang::It => [Lang::It, Lang::En],
        Lang::En => [Lang::En, Lang::It],
    }
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
    /// The subject line: `first`'s, then the other language's.
    pub fn subject_line(&self, first: Lang) -> String {
        let [a, b] = in_order(first);
        format!("{} / {}", self.subject.get(a), self.subject.get(b))
    }

    /// The plain-text body: the letter in `first`, then in the other language.
    pub fn text(&self, site: &Site, first: Lang) -> String {
        let part = |lang: Lang| {
            let lang = |text: &Both| text.get(lang).clone();
            let mut out = String::new();
            for block in &self.body {
                match block {
                    Block::Para(text) => out.push_str(&lang(text)),
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
        let [a, b] = in_order(first);
        let other = if b == Lang::En { "English" } else { "Italiano" };
        format!("{}\n---------- {other} ----------\n\n{}", part(a), part(b))
    }

    /// The HTML body: the same, escaped, each language marked with `lang`.
    pub fn html(&self, site: &Site, first: Lang) -> String {
        use crate::head::escape;
        let part = |code: Lang| {
            let lang = |text: &Both| text.get(code).clone();
            let mut out = format!("<div lang=\"{}\">", code.tag());
            for block in &self.body {
                match block {
                    Block::Para(text) => out.push_str(&format!("<p>{}</p>", escape(&lang(text)))),
                    Block::Quote(words) => out.push_str(&format!(
                        "<blockquote style=\"border-left:4px solid #0066cc;margin:0;padding:0 1em\">{}</blockquote>",
                        escape(words).replace('\n', "<br>")
                    )),
                    Block::Link { label, url } => out.push_str(&format!(
                        "<p>{}<br><a href=\"{}\">{}</a></p>",
                        escape(&lang(label)),
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
                escape(&lang(&self.why))
            ));
            out
        };
        let [a, b] = in_order(first);
        format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
             <body style=\"font-family:sans-serif;line-height:1.5;max-width:40em\">{}<hr>{}</body></html>",
            a.tag(),
            escape(&self.subject_line(first)),
            part(a),
            part(b)
        )
    }

    /// The letter addressed to `recipient`, ready to queue under `key`: in
    /// the recipient's language first when it is known (`lang`), Italian
    /// first otherwise.
    pub fn to(&self, site: &Site, key: String, recipient: &str, lang: Option<Lang>) -> Queued {
        let first = lang.unwrap_or_default();
        let message_id = format!("{}@{}", &crate::sha256_hex(key.as_bytes())[..32], site.host());
        Queued {
            key,
            message_id,
            kind: self.kind,
            recipient: recipient.to_owned(),
            reply_to: None,
            subject: self.subject_line(first),
            text_body: self.text(site, first),
            html_body: self.html(site, first),
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
