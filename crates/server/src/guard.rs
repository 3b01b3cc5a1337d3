// SPDX-License-Identifier: EUPL-1.2
//! Abuse limits on the submission endpoint and the short public forms,
//! without third-party captchas: a honeypot field, a minimum time spent on
//! the questionnaire (measured by the server, from a start token it signed
//! when the questionnaire was opened), and a per-client rate limit (the
//! `governor` crate's GCRA). The body size limit is global.

use crate::error::ApiError;
use domain::FieldErrors;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

/// The limits, shared by every request.
#[derive(Clone)]
pub struct AbuseGuard {
    /// Submissions completed faster than this are refused as automated.
    pub min_fill_seconds: u64,
    limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

impl AbuseGuard {
    /// At most `per_minute` submissions a minute from one address (bursts of
    /// that size allowed), and at least `min_fill_seconds` on the form.
    pub fn new(min_fill_seconds: u64, per_minute: u32) -> Self {
        let quota = Quota::per_minute(NonZeroU32::new(per_minute.max(1)).expect("at least one"));
        Self { min_fill_seconds, limiter: Arc::new(DefaultKeyedRateLimiter::keyed(quota)) }
    }

    /// Counts one request from `client`; refuses it with 429 when over the limit.
    pub fn check_rate(&self, client: IpAddr) -> Result<(), ApiError> {
        count(&self.limiter, client)
    }

    /// Refuses a filled honeypot, a start token the server did not sign, or
    /// a form completed implausibly fast (`fill_seconds`, from the token).
    pub fn check_human(&self, honeypot: &str, fill_seconds: Option<u64>) -> Result<(), ApiError> {
        check_honeypot(honeypot)?;
        let Some(fill_seconds) = fill_seconds else {
            return Err(ApiError::LooksAutomated(crate::messages::NOT_OPENED_HERE));
        };
        if fill_seconds < self.min_fill_seconds {
            return Err(ApiError::LooksAutomated(crate::messages::FILLED_TOO_FAST));
        }
        Ok(())
    }

    /// The checks of a short public form (an accessibility report, a
    /// service rating), in order: `client`'s rate, the honeypot, then the
    /// form's own rules' `errors`.
    pub fn check_form(&self, client: IpAddr, honeypot: &str, errors: FieldErrors) -> Result<(), ApiError> {
        self.check_rate(client)?;
        check_honeypot(honeypot)?;
        if errors.is_empty() { Ok(()) } else { Err(ApiError::Invalid(errors)) }
    }
}

/// The limits on "Contatta il referente" beyond the per-client rate: how
/// many messages one sender's address may send in an hour, and one
/// practice's referent may receive in a day (whatever the addresses).
#[derive(Clone)]
pub struct ContactLimits {
    by_sender: Arc<DefaultKeyedRateLimiter<String>>,
    by_practice: Arc<DefaultKeyedRateLimiter<String>>,
}

impl ContactLimits {
    /// `per_sender` messages an hour from one address, `per_practice` a day to one practice.
    pub fn new(per_sender: u32, per_practice: u32) -> Self {
        let per_hour = Quota::per_hour(NonZeroU32::new(per_sender.max(1)).expect("at least one"));
        let per_day = Quota::with_period(std::time::Duration::from_secs(86_400 / u64::from(per_practice.max(1))))
            .expect("a positive period")
            .allow_burst(NonZeroU32::new(per_practice.max(1)).expect("at least one"));
        Self {
            by_sender: Arc::new(DefaultKeyedRateLimiter::keyed(per_hour)),
            by_practice: Arc::new(DefaultKeyedRateLimiter::keyed(per_day)),
        }
    }

    /// Counts one message from `sender` (an address, compared in lower case)
    /// to `practice`; 429 when either is over its limit.
    pub fn check(&self, sender: &str, practice: &str) -> Result<(), ApiError> {
        self.check_sender(sender)?;
        count(&self.by_practice, practice.to_owned())
    }

    /// Counts one request from `sender` alone (to follow a view); 429 over the limit.
    pub fn check_sender(&self, sender: &str) -> Result<(), ApiError> {
        count(&self.by_sender, sender.trim().to_lowercase())
    }
}

/// Counts one request for `key`; 429, with when to try again, over the limit.
fn count<K: Clone + Eq + std::hash::Hash>(limiter: &DefaultKeyedRateLimiter<K>, key: K) -> Result<(), ApiError> {
    if limiter.len() > 100_000 {
        limiter.retain_recent();
    }
    limiter.check_key(&key).map_err(|not_until| {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        ApiError::TooManyRequests { retry_after_seconds: wait.as_secs().max(1) }
    })
}

impl Default for ContactLimits {
    /// Five messages an hour from one address, twenty a day to one practice.
    fn default() -> Self {
        Self::new(5, 20)
    }
}

/// Refuses a filled honeypot: people never see the field.
fn check_honeypot(honeypot: &str) -> Result<(), ApiError> {
    if honeypot.is_empty() { Ok(()) } else { Err(ApiError::LooksAutomated(crate::messages::HIDDEN_FIELD_FILLED)) }
}

impl Default for AbuseGuard {
    /// Twenty seconds at least on a six-step form; ten submissions a minute.
    fn default() -> Self {
        Self::new(20, 10)
    }
}

/// Start tokens: when the questionnaire was opened, as `SECONDS.SIGNATURE`
/// (Unix seconds, and their HMAC-SHA256 under a key kept in the database, so
/// tokens outlive restarts and a draft finished days later still counts).
#[derive(Clone)]
pub struct StartTokens {
    key: Arc<[u8]>,
}

type Mac = hmac::Hmac<sha2::Sha256>;

impl StartTokens {
    /// The name of the key in the `settings` table.
    pub const SETTING: &str = "start_token_key";

    /// Tokens signed with `key`.
    pub fn new(key: &[u8]) -> Self {
        Self { key: Arc::from(key) }
    }

    fn mac(&self, seconds: u64) -> Mac {
        use hmac::Mac as _;
        let mut mac = Mac::new_from_slice(&self.key).expect("HMAC takes a key of any length");
        mac.update(seconds.to_string().as_bytes());
        mac
    }

    /// The token of a questionnaire opened at `now` (Unix seconds).
    pub fn issue(&self, now: u64) -> String {
        use base64::Engine as _;
        use hmac::Mac as _;
        let signature = self.mac(now).finalize().into_bytes();
        format!("{now}.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(signature))
    }

    /// Seconds between the token's start and `now`, if the server signed it
    /// (and it is not from the future).
    pub fn seconds_since(&self, token: &str, now: u64) -> Option<u64> {
        use base64::Engine as _;
        use hmac::Mac as _;
        let (seconds, signature) = token.split_once('.')?;
        if seconds.is_empty() || seconds.len() > 20 || !seconds.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let started: u64 = seconds.parse().ok()?;
        let signature = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(signature).ok()?;
        self.mac(started).verify_slice(&signature).ok()?;
        now.checked_sub(started)
    }
}

/// Now, in Unix seconds.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tokens_the_server_signed_measure_the_time_on_the_form() {
        let tokens = StartTokens::new(b"a key");
        let token = tokens.issue(1_000);
        assert_eq!(tokens.seconds_since(&token, 1_030), Some(30));
        assert_eq!(tokens.seconds_since(&token, 1_000 + 9 * 86_400), Some(9 * 86_400), "a draft of days ago");
        assert_eq!(tokens.seconds_since(&token, 999), None, "a token from the future");
        let (_, signature) = token.split_once('.').unwrap();
        assert_eq!(tokens.seconds_since(&format!("10.{signature}"), 1_030), None, "an earlier start, same signature");
        assert_eq!(StartTokens::new(b"another key").seconds_since(&token, 1_030), None, "another server's token");
        for bad in ["", "1000", "1000.", ".abc", "-5.abc", "1e3.abc", "1000.!!!"] {
            assert_eq!(tokens.seconds_since(bad, 1_030), None, "{bad:?}");
        }
    }
}
