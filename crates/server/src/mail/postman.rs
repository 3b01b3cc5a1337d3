// SPDX-License-Identifier: EUPL-1.2
//! The postman: delivers the outbox through SMTP (`lettre`). It takes the
//! messages that are due, oldest first, hands each to the mail server, and
//! marks it sent only once the server accepted it; a failure (server down,
//! wrong password, a refusal) is recorded and retried later, each time
//! waiting twice as long, up to a ceiling. A crash between the server's
//! acceptance and the mark sends the message again with the same Message-ID,
//! which receiving systems take as the same message.

use crate::db::outbox::{self, Due};
use crate::db::{Db, DbError};
use lettre::message::{Mailbox, MultiPart, header};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::sync::Arc;
use std::time::Duration;

/// How long the postman waits, and how often it tries.
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    /// The wait after the first failure; it doubles after each one.
    pub first_retry: Duration,
    /// The longest wait between two attempts.
    pub max_retry: Duration,
    /// Attempts before a message is given up (admins see it as not delivered).
    pub max_attempts: u32,
    /// How often the outbox is looked at without being woken.
    pub poll: Duration,
    /// One SMTP conversation's time limit.
    pub smtp_timeout: Duration,
}

impl Default for Timing {
    /// Thirty seconds, doubling to six hours, twenty attempts (about three
    /// days); a look every thirty seconds.
    fn default() -> Self {
        Self {
            first_retry: Duration::from_secs(30),
            max_retry: Duration::from_secs(6 * 3600),
            max_attempts: 20,
            poll: Duration::from_secs(30),
            smtp_timeout: Duration::from_secs(30),
        }
    }
}

impl Timing {
    /// The wait after `attempts` failed attempts.
    pub fn backoff(&self, attempts: u32) -> Duration {
        let doubled = self.first_retry.saturating_mul(1u32 << attempts.saturating_sub(1).min(20));
        doubled.min(self.max_retry)
    }
}

/// A configured postman, ready to run.
pub struct Postman {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    timing: Timing,
    /// Days a sent or given-up message is kept (it holds addresses, and a
    /// receipt copy a private link), as the privacy notice states.
    keep_days: u16,
}

impl Postman {
    /// A postman for the mail server at `url` (`smtp://host:port`, with
    /// `?tls=required` for STARTTLS, or `smtps://host:port`; user and
    /// password in the URL, or the password from `password` when given),
    /// writing as `from` (`Name <address>` or an address).
    pub fn new(url: &str, password: Option<&str>, from: &str, timing: Timing) -> Result<Self, String> {
        let from: Mailbox = from.parse().map_err(|e| format!("BP_MAIL_FROM is not an address ({e}): {from:?}"))?;
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("BP_SMTP_URL is not an smtp:// or smtps:// address ({e})"))?
            .timeout(Some(timing.smtp_timeout));
        if let Some(password) = password {
            let user =
                url::user_of(url).ok_or("BP_SMTP_PASSWORD_FILE needs the user in BP_SMTP_URL (smtp://user@host)")?;
            builder = builder.credentials(Credentials::new(user, password.trim_end_matches(['\n', '\r']).to_owned()));
        }
        let keep_days = domain::site::operator::Retention::default().mail_days;
        Ok(Self { transport: builder.build(), from, timing, keep_days })
    }

    /// The same postman, deleting messages `days` after they were sent.
    pub fn keeping(self, days: u16) -> Self {
        Self { keep_days: days, ..self }
    }

    /// Delivers the outbox of `db` for ever: what is due, then waits for the
    /// bell (a message queued), the next retry or the next look.
    pub async fn run(self, db: Db, bell: Arc<tokio::sync::Notify>) {
        let mut pruned_at = None::<std::time::Instant>;
        loop {
            if pruned_at.is_none_or(|at| at.elapsed() > Duration::from_secs(3600)) {
                let before = days_ago(i64::from(self.keep_days));
                if let Err(error) = db.call(move |conn| outbox::prune(conn, &before)).await {
                    tracing::warn!(%error, "pruning the outbox failed");
                }
                pruned_at = Some(std::time::Instant::now());
            }
            let wait = match self.deliver_due(&db).await {
                Ok(wait) => wait,
                Err(error) => {
                    tracing::warn!(%error, "reading the outbox failed");
                    self.timing.poll
                }
            };
            tokio::select! {
                () = bell.notified() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
    }

    /// Sends every message due now; returns how long to wait before looking again.
    async fn deliver_due(&self, db: &Db) -> Result<Duration, DbError> {
        loop {
            let now = super::now_ms();
            let due = db.read(move |conn| outbox::due(conn, now, 20)).await?;
            let more = due.len() == 20;
            for message in due {
                self.deliver(db, message).await?;
            }
            if !more {
                break;
            }
        }
        let next = db.read(outbox::next_due).await?;
        let until = next.map(|at| u64::try_from(at - super::now_ms()).unwrap_or(0));
        Ok(until.map_or(self.timing.poll, |ms| Duration::from_millis(ms).min(self.timing.poll)))
    }

    async fn deliver(&self, db: &Db, due: Due) -> Result<(), DbError> {
        let outcome = match self.envelope(&due) {
            Ok(message) => self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Err(error) => Err(error),
        };
        let (id, attempts) = (due.id, due.attempts + 1);
        match outcome {
            Ok(()) => {
                tracing::info!(kind = due.message.kind.code(), "message handed to the mail server");
                db.call(move |conn| outbox::mark_sent(conn, id, &crate::db::now())).await
            }
            Err(error) => {
                let retry_at = (attempts < self.timing.max_attempts).then(|| {
                    super::now_ms() + i64::try_from(self.timing.backoff(attempts).as_millis()).unwrap_or(i64::MAX)
                });
                tracing::warn!(%error, attempts, gave_up = retry_at.is_none(), "a message was not delivered");
                db.call(move |conn| outbox::mark_failed_attempt(conn, id, &error, retry_at, &crate::db::now())).await
            }
        }
    }

    /// The message as SMTP carries it: both bodies, the stable Message-ID,
    /// and the unsubscribe headers where there is one.
    fn envelope(&self, due: &Due) -> Result<lettre::Message, String> {
        let message = &due.message;
        let to: Mailbox = message.recipient.parse().map_err(|e| format!("not an address: {e}"))?;
        let mut builder = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .message_id(Some(format!("<{}>", message.message_id)))
            .header(AutoSubmitted);
        if let Some(reply_to) = &message.reply_to {
            builder = builder.reply_to(reply_to.parse().map_err(|e| format!("not an address: {e}"))?);
        }
        if let Some(unsubscribe) = &message.unsubscribe {
            builder = builder.header(ListUnsubscribe(format!("<{unsubscribe}>"))).header(ListUnsubscribePost);
        }
        builder
            .multipart(MultiPart::alternative_plain_html(message.text_body.clone(), message.html_body.clone()))
            .map_err(|e| e.to_string())
    }
}

/// A header that always says the same.
macro_rules! fixed_header {
    ($(#[$doc:meta])* $type:ident, $name:literal, $value:literal) => {
        $(#[$doc])*
        #[derive(Clone)]
        struct $type;

        impl header::Header for $type {
            fn name() -> header::HeaderName {
                header::HeaderName::new_from_ascii_str($name)
            }
            fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
                Ok(Self)
            }
            fn display(&self) -> header::HeaderValue {
                header::HeaderValue::new(Self::name(), $value.to_owned())
            }
        }
    };
}

fixed_header!(
    /// `Auto-Submitted: auto-generated` (RFC 3834): no auto-replies to these.
    AutoSubmitted, "Auto-Submitted", "auto-generated"
);
fixed_header!(
    /// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
    ListUnsubscribePost, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"
);

/// `List-Unsubscribe: <https://...>` (RFC 2369).
#[derive(Clone)]
struct ListUnsubscribe(String);

impl header::Header for ListUnsubscribe {
    fn name() -> header::HeaderName {
        header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.to_owned()))
    }
    fn display(&self) -> header::HeaderValue {
        header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// RFC 3339, `days` ago.
fn days_ago(days: i64) -> String {
    crate::db::rfc3339(time::OffsetDateTime::now_utc() - time::Duration::days(days))
}

mod url {
    /// The user named in `smtp://user:pass@host` or `smtp://user@host`, decoded.
    pub fn user_of(address: &str) -> Option<String> {
        let parsed = ::url::Url::parse(address).ok()?;
        let user = percent_encoding::percent_decode_str(parsed.username()).decode_utf8().ok()?;
        (!user.is_empty()).then(|| user.into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_twice_as_long_each_time_up_to_the_ceiling() {
        let timing = Timing::default();
        let waits: Vec<u64> = (1..=12).map(|n| timing.backoff(n).as_secs()).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600, 21600]);
        assert_eq!(timing.backoff(400).as_secs(), 21600, "no overflow");
    }

    #[test]
    fn the_smtp_user_comes_from_the_url() {
        assert_eq!(
            url::user_of("smtp://posta%40ente.it@mail.ente.it:587?tls=required").as_deref(),
            Some("posta@ente.it")
        );
        assert_eq!(url::user_of("smtps://bp:secret@mail.ente.it").as_deref(), Some("bp"));
        assert_eq!(url::user_of("smtp://mail.ente.it:25"), None);
    }

    #[test]
    fn bad_settings_are_refused_with_their_name() {
        let error = Postman::new("http://mail", None, "bp@ente.it", Timing::default()).err().unwrap();
        assert!(error.contains("BP_SMTP_URL"), "{error}");
        let error = Postman::new("smtp://mail", None, "not an address", Timing::default()).err().unwrap();
        assert!(error.contains("BP_MAIL_FROM"), "{error}");
        let error = Postman::new("smtp://mail", Some("pw"), "bp@ente.it", Timing::default()).err().unwrap();
        assert!(error.contains("BP_SMTP_PASSWORD_FILE"), "{error}");
    }
}
