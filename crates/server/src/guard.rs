//! Abuse limits on the submission endpoint, without third-party captchas: a
//! honeypot field, a minimum time spent on the form, and a per-client rate
//! limit (the `governor` crate's GCRA). The body size limit is global.

use crate::error::ApiError;
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
        if self.limiter.len() > 100_000 {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&client).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::TooManyRequests { retry_after_seconds: wait.as_secs().max(1) }
        })
    }

    /// Refuses a filled honeypot or a form completed implausibly fast.
    pub fn check_human(&self, honeypot: &str, fill_seconds: u64) -> Result<(), ApiError> {
        if !honeypot.is_empty() {
            return Err(ApiError::LooksAutomated("è stato compilato un campo nascosto"));
        }
        if fill_seconds < self.min_fill_seconds {
            return Err(ApiError::LooksAutomated("il questionario è stato compilato troppo in fretta"));
        }
        Ok(())
    }
}

impl Default for AbuseGuard {
    /// Twenty seconds at least on a six-step form; ten submissions a minute.
    fn default() -> Self {
        Self::new(20, 10)
    }
}
