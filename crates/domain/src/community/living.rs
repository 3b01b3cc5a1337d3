// SPDX-License-Identifier: EUPL-1.2
//! Living records: a published practice is "confermata il" the day of its
//! last submission, update or confirmation. After `confirm_after_days` its
//! respondent is asked to confirm that the description is current, to update
//! it, or to mark it concluded; not confirmed for half as long again, it is
//! shown as "da aggiornare". Nothing is unpublished automatically.

use crate::dates::Day;
use crate::record::practice::YearMonth;
use serde::{Deserialize, Serialize};

/// Days after which the respondent is asked to confirm, unless the operator
/// sets `BP_CONFIRM_AFTER_DAYS`.
pub const DEFAULT_CONFIRM_AFTER_DAYS: u32 = 365;

/// Where the private link's page sends the respondent's confirmation (the
/// bearer: the private link, or the code of the confirmation link mailed).
pub const CONFIRMATION_URL: &str = "/api/submissions/mine/confirmation";

/// The page the mailed confirmation link opens, its code after `#`.
pub const CONFIRMATION_PAGE: &str = "/questionario/conferma";

/// How current a published practice's description is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Freshness {
    /// Confirmed less than `after_days` ago.
    Current,
    /// Time to confirm: the respondent is asked.
    Due,
    /// Not confirmed for 1.5 × `after_days`: "da aggiornare".
    Stale,
}

impl Freshness {
    /// How current a description confirmed at `confirmed_at` is at `now`
    /// (both RFC 3339 or `YYYY-MM-DD`). An unreadable date counts as current:
    /// nothing is flagged on a guess.
    pub fn of(confirmed_at: &str, now: &str, after_days: u32) -> Self {
        let (Some(confirmed), Some(today)) = (Day::of_timestamp(confirmed_at), Day::of_timestamp(now)) else {
            return Freshness::Current;
        };
        let days = today.days_since_epoch() - confirmed.days_since_epoch();
        let after = i64::from(after_days.max(1));
        if days >= after + after / 2 {
            Freshness::Stale
        } else if days >= after {
            Freshness::Due
        } else {
            Freshness::Current
        }
    }

    /// True from the day the respondent is asked.
    pub fn is_due(self) -> bool {
        self != Freshness::Current
    }
}

/// What the respondent answers when asked, in one step: the description is
/// still current, or the practice has ended (since `end_date`). Updating it
/// goes through the private link's usual update.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields, tag = "choice", rename_all = "snake_case")]
pub enum Confirmation {
    /// "Sì, è ancora così".
    Current,
    /// "La pratica è conclusa", in this month (`YYYY-MM`).
    Concluded {
        #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-06"))]
        end_date: String,
    },
}

impl Confirmation {
    /// The fields to fix: a concluded practice says when it ended.
    pub fn validate(&self) -> crate::FieldErrors {
        let mut errors = crate::FieldErrors::default();
        if let Confirmation::Concluded { end_date } = self {
            match YearMonth::parse(end_date.trim()) {
                None if end_date.trim().is_empty() => errors.add("end_date", crate::FieldError::Required),
                None => errors.add("end_date", crate::FieldError::InvalidDate),
                Some(_) => {}
            }
        }
        errors
    }
}

/// What the respondent is told after confirming.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Confirmed {
    /// The new "confermata il" (RFC 3339).
    pub confirmed_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_due_after_the_period_and_stale_after_half_as_long_again() {
        let at = "2025-01-01T10:00:00Z";
        assert_eq!(Freshness::of(at, "2025-12-31T23:00:00Z", 365), Freshness::Current);
        assert_eq!(Freshness::of(at, "2026-01-01T00:00:00Z", 365), Freshness::Due);
        assert_eq!(Freshness::of(at, "2026-07-01T00:00:00Z", 365), Freshness::Due);
        assert_eq!(Freshness::of(at, "2026-07-02T00:00:00Z", 365), Freshness::Stale);
        assert_eq!(Freshness::of(at, "2025-01-11", 10), Freshness::Due);
        assert_eq!(Freshness::of(at, "2025-01-16", 10), Freshness::Stale);
        assert_eq!(Freshness::of("garbage", "2030-01-01", 365), Freshness::Current, "no flag on a guess");
        assert!(!Freshness::Current.is_due() && Freshness::Stale.is_due());
    }

    #[test]
    fn a_concluded_practice_says_when_it_ended() {
        assert!(Confirmation::Current.validate().is_empty());
        let ended = |m: &str| Confirmation::Concluded { end_date: m.into() }.validate();
        assert!(ended("2026-06").is_empty());
        assert_eq!(ended("").get("end_date"), [crate::FieldError::Required]);
        assert_eq!(ended("giugno").get("end_date"), [crate::FieldError::InvalidDate]);
        let json: Confirmation = serde_json::from_str(r#"{"choice":"concluded","end_date":"2026-06"}"#).unwrap();
        assert_eq!(json, Confirmation::Concluded { end_date: "2026-06".into() });
    }
}
