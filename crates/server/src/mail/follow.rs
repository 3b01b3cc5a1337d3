// SPDX-License-Identifier: EUPL-1.2
//! Following a catalogue view ("Segui questa ricerca") and the digests: the
//! signed links that confirm and cancel a subscription, the view as stored,
//! and the schedule that queues each subscriber's weekly digest and each
//! curator's daily digest of their queue.

use crate::catalogue_view::query_of;
use crate::db::{self, DbError, rfc3339, subscriptions};
use crate::mail::{self, Site, letters};
use std::sync::Arc;

/// Signs subscription links: `ID.SIGNATURE`, an HMAC-SHA256 of the
/// subscription's id under a key kept in the database. Whoever has the
/// link (the subscriber's mailbox) may confirm or cancel; nothing else is
/// stored to check it.
#[derive(Clone)]
pub struct LinkKeys {
    key: Arc<[u8]>,
}

type Mac = hmac::Hmac<sha2::Sha256>;

impl LinkKeys {
    /// The name of the key in the `settings` table.
    pub const SETTING: &str = "subscription_link_key";

    pub fn new(key: &[u8]) -> Self {
        Self { key: Arc::from(key) }
    }

    fn mac(&self, id: i64) -> Mac {
        self.mac_of(&format!("subscription:{id}"))
    }

    fn mac_of(&self, message: &str) -> Mac {
        use hmac::Mac as _;
        let mut mac = Mac::new_from_slice(&self.key).expect("HMAC takes a key of any length");
        mac.update(message.as_bytes());
        mac
    }

    /// The code of the confirmation link mailed for `practice`, last
    /// confirmed at `confirmed_at`: `REFERENCE.CONFIRMED_AT.SIGNATURE`. It
    /// holds no dot-free private link's shape, so the API tells them apart.
    pub fn confirmation_code(&self, practice: &domain::PracticeId, confirmed_at: &str) -> String {
        use base64::Engine as _;
        use hmac::Mac as _;
        let signature = self.mac_of(&format!("confirm:{practice}:{confirmed_at}")).finalize().into_bytes();
        format!("{practice}.{confirmed_at}.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(signature))
    }

    /// The practice and "confermata il" a confirmation code names, if the server signed it.
    pub fn confirmation_of(&self, code: &str) -> Option<(domain::PracticeId, String)> {
        use base64::Engine as _;
        use hmac::Mac as _;
        let mut parts = code.split('.');
        let (practice, confirmed_at, signature) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || confirmed_at.len() > 40 {
            return None;
        }
        let practice = domain::PracticeId::parse(practice).ok()?;
        let signature = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(signature).ok()?;
        self.mac_of(&format!("confirm:{practice}:{confirmed_at}")).verify_slice(&signature).ok()?;
        Some((practice, confirmed_at.to_owned()))
    }

    /// The link code of subscription `id`.
    pub fn code(&self, id: i64) -> String {
        use base64::Engine as _;
        use hmac::Mac as _;
        let signature = self.mac(id).finalize().into_bytes();
        format!("{id}.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(signature))
    }

    /// The subscription a link code names, if the server signed it.
    pub fn id_of(&self, code: &str) -> Option<i64> {
        use base64::Engine as _;
        use hmac::Mac as _;
        let (id, signature) = code.split_once('.')?;
        if id.is_empty() || id.len() > 18 || !id.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let id: i64 = id.parse().ok()?;
        let signature = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(signature).ok()?;
        self.mac(id).verify_slice(&signature).ok()?;
        Some(id)
    }
}

/// The links of subscription `id`, on `site`: confirm and cancel (the
/// pages, with the code after `#`, so it stays out of server logs), and the
/// one-click cancel mail programs call (RFC 8058).
pub struct Links {
    pub confirm: String,
    pub cancel: String,
    pub one_click: String,
}

impl Links {
    pub fn of(site: &Site, keys: &LinkKeys, id: i64) -> Links {
        let code = keys.code(id);
        Links {
            confirm: format!("{}/segui/conferma#{code}", site.url),
            cancel: format!("{}/segui/annulla#{code}", site.url),
            one_click: format!("{}{}?code={code}", site.url, domain::community::UNSUBSCRIBE_URL),
        }
    }
}

/// How often a subscriber hears of their view.
pub const DIGEST_EVERY: time::Duration = time::Duration::days(7);
/// How long a subscription may wait for its confirmation.
pub const CONFIRM_WITHIN: time::Duration = time::Duration::days(7);

/// Queues what is due at `now`: each confirmed subscription's digest (when
/// its view has new or updated practices since the last one), each
/// respondent's request to confirm, each round's invitations and reminders,
/// each curator's daily digest of the queue (when something waits); deletes
/// unconfirmed subscriptions past their week. All in one transaction; a
/// digest's key names its due time (a subscriber's) or day (a curator's), so
/// running twice queues nothing twice. How many messages it queued.
pub fn queue_due(
    conn: &mut rusqlite::Connection,
    site: &Site,
    keys: &LinkKeys,
    now: time::OffsetDateTime,
) -> Result<usize, DbError> {
    let stamp = rfc3339(now);
    let tx = conn.transaction()?;
    let mut queued = 0;
    subscriptions::prune_unconfirmed(&tx, &rfc3339(now - CONFIRM_WITHIN))?;
    let due = subscriptions::due(&tx, &stamp)?;
    if !due.is_empty() {
        let published = db::published_practices(&tx)?;
        for digest in due {
            let query = query_of(&digest.view);
            let changed: Vec<_> = crate::export::select(published.clone(), &query, domain::Lang::It)
                .into_iter()
                .filter(|p| p.updated_at.as_str() > digest.since.as_str())
                .collect();
            if !changed.is_empty() {
                let links = Links::of(site, keys, digest.id);
                let letter = letters::view_digest(site, &query, &digest.view, &changed, &links);
                let mut message =
                    letter.to(site, format!("digest:{}:{}", digest.id, digest.due_at), &digest.email, digest.lang);
                message.unsubscribe = Some(links.one_click);
                queued += usize::from(mail::queue(&tx, &message)?);
            }
            subscriptions::digested(&tx, digest.id, &stamp, &rfc3339(now + DIGEST_EVERY))?;
        }
    }
    // Living records: each respondent due to confirm is asked once per
    // period (the key names the last confirmation).
    for due in db::due_confirmations(&tx, &stamp)? {
        let link = format!(
            "{}{}#{}",
            site.url,
            domain::community::living::CONFIRMATION_PAGE,
            keys.confirmation_code(&due.id, &due.confirmed_at)
        );
        let letter = letters::confirm_request(site, &due.id, &due.title, &due.confirmed_at, &link);
        let key = format!("confirm:{}:{}", due.id, due.confirmed_at);
        queued += usize::from(mail::queue(&tx, &letter.to(site, key, &due.contact_email, due.lang))?);
    }
    queued += queue_invitations(&tx, site, now)?;
    let waiting = db::awaiting_curators(&tx)?;
    if waiting > 0 {
        let day = &stamp[..10];
        for (id, email) in subscriptions::digest_readers(&tx)? {
            let letter = letters::queue_digest(site, waiting);
            queued += usize::from(mail::queue(&tx, &letter.to(site, format!("queue:{id}:{day}"), &email, None))?);
        }
    }
    tx.commit()?;
    Ok(queued)
}

/// [`queue_due`] with the link key the database keeps (made on first use):
/// one run of the hourly schedule for `site`, as if it were `now`. Tests move
/// the clock with it.
pub fn queue_due_at(conn: &mut rusqlite::Connection, site: &Site, now: time::OffsetDateTime) -> Result<usize, DbError> {
    let key = db::setting_or_insert(conn, LinkKeys::SETTING, crate::random_secret)?;
    queue_due(conn, site, &LinkKeys::new(key.as_bytes()), now)
}

/// Collection rounds: each open round's invitees are invited once, and
/// reminded once near the deadline if they have not answered
/// (`domain::community::invitations::due`); invitees of rounds closed over a year ago
/// are deleted. How many messages it queued.
fn queue_invitations(tx: &rusqlite::Transaction<'_>, site: &Site, now: time::OffsetDateTime) -> Result<usize, DbError> {
    use domain::community::invitations::{Due, due};
    let stamp = rfc3339(now);
    let today = domain::dates::Day::parse(&stamp[..10]).expect("an RFC 3339 time starts with its day");
    db::invitations::prune(tx, today)?;
    let mut queued = 0;
    for round in db::rounds::open_on(tx, today)? {
        for invitee in db::invitations::list(tx, &round)? {
            let invited_on = invitee.invited_at.as_deref().and_then(|at| domain::dates::Day::parse(at.get(..10)?));
            match due(&round, today, invited_on, invitee.reminded_at.is_some(), invitee.answer.is_some()) {
                Due::Nothing => continue,
                Due::Invitation => {
                    let letter = letters::invitation(site, &round, &invitee.entity);
                    let key = format!("invite:{}:{}", round.code, invitee.id);
                    queued += usize::from(mail::queue(tx, &letter.to(site, key, &invitee.email, None))?);
                    db::invitations::invited(tx, invitee.id, &stamp)?;
                }
                Due::Reminder => {
                    let letter = letters::invitation_reminder(site, &round, &invitee.entity);
                    let key = format!("remind:{}:{}", round.code, invitee.id);
                    queued += usize::from(mail::queue(tx, &letter.to(site, key, &invitee.email, None))?);
                    db::invitations::reminded(tx, invitee.id, &stamp)?;
                }
            }
        }
    }
    Ok(queued)
}

/// Runs [`queue_due`] every `every`, for ever, ringing `bell` when it
/// queued; when the practices "da aggiornare" change with the passing days,
/// asks for the static publication (`republish`) to be written again.
pub async fn run(
    db: db::Db,
    site: Site,
    keys: LinkKeys,
    bell: mail::Mail,
    every: std::time::Duration,
    republish: impl Fn() + Send + 'static,
) {
    let mut stale_before = None;
    loop {
        let (site, keys) = (site.clone(), keys.clone());
        match db.call(move |conn| queue_due(conn, &site, &keys, time::OffsetDateTime::now_utc())).await {
            Ok(0) => {}
            Ok(_) => bell.wake(),
            Err(error) => tracing::warn!(%error, "queueing the digests failed"),
        }
        let stale =
            db.read(|conn| Ok(db::queue(conn)?.into_iter().filter(|e| e.stale).map(|e| e.id).collect::<Vec<_>>()));
        match stale.await {
            Ok(stale) if stale_before.as_ref().is_some_and(|before| *before != stale) => {
                republish();
                stale_before = Some(stale);
            }
            Ok(stale) => stale_before = Some(stale),
            Err(error) => tracing::warn!(%error, "reading the practices to update failed"),
        }
        tokio::time::sleep(every).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_links_the_server_signed_name_a_subscription() {
        let keys = LinkKeys::new(b"a key");
        let code = keys.code(42);
        assert_eq!(keys.id_of(&code), Some(42));
        assert_eq!(LinkKeys::new(b"another").id_of(&code), None);
        let (_, signature) = code.split_once('.').unwrap();
        assert_eq!(keys.id_of(&format!("43.{signature}")), None, "another id, same signature");
        for bad in ["", "42", "42.", ".abc", "-1.abc", "1e3.abc", "42.!!!"] {
            assert_eq!(keys.id_of(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_confirmation_link_names_one_practice_and_one_period() {
        let keys = LinkKeys::new(b"a key");
        let id = domain::PracticeId::parse("BP-2026-0042").unwrap();
        let code = keys.confirmation_code(&id, "2025-11-30T10:00:00Z");
        assert_eq!(keys.confirmation_of(&code), Some((id.clone(), "2025-11-30T10:00:00Z".to_owned())));
        assert_eq!(LinkKeys::new(b"another").confirmation_of(&code), None);
        let signature = code.rsplit_once('.').unwrap().1;
        let other_period = format!("BP-2026-0042.2026-11-30T10:00:00Z.{signature}");
        assert_eq!(keys.confirmation_of(&other_period), None, "another period, same signature");
        assert_eq!(keys.confirmation_of(&format!("BP-2026-0043.2025-11-30T10:00:00Z.{signature}")), None);
        assert_eq!(keys.confirmation_of(&keys.code(42)), None, "a subscription's code confirms nothing");
        for bad in ["", "BP-2026-0042", "BP-2026-0042..", "a.b.c", &format!("{code}.x")] {
            assert_eq!(keys.confirmation_of(bad), None, "{bad:?}");
        }
    }
}
