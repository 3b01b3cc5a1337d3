// SPDX-License-Identifier: EUPL-1.2
//! Collection rounds: the periods a questionnaire is answered in, defined by
//! administrators, and the one open today.

use crate::dates::Day;
use crate::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

/// The collection round open today (`GET /api/rounds/current`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentRound {
    /// `null` during the continuous collection.
    pub round: Option<Round>,
}

/// The code of the continuous collection, outside every defined round.
pub const CONTINUOUS_ROUND: &str = "raccolta_continua";

/// A collection round.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub code: String,
    pub name: String,
    /// First day.
    pub opens_on: Day,
    /// Last day (the deadline).
    pub closes_on: Day,
}

/// A round as an admin types it (`POST /api/moderation/rounds`): text, parsed
/// by [`NewRound::parse`] with an error per field.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewRound {
    /// 3-60 characters a-z, 0-9 and `_`.
    pub code: String,
    pub name: String,
    /// First day, `YYYY-MM-DD`.
    pub opens_on: String,
    /// Last day (the deadline), `YYYY-MM-DD`.
    pub closes_on: String,
}

impl NewRound {
    /// The longest name.
    pub const MAX_NAME: usize = 120;

    /// The round, or what to fix in each field.
    pub fn parse(&self) -> Result<Round, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = &self.code;
        let code_shaped = (3..=60).contains(&code.len())
            && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !code_shaped || code == CONTINUOUS_ROUND {
            errors.add("code", FieldError::InvalidCode);
        }
        let name = self.name.trim();
        if name.is_empty() {
            errors.add("name", FieldError::Required);
        } else if name.chars().count() > Self::MAX_NAME {
            errors.add("name", FieldError::TooLong { max: Self::MAX_NAME });
        } else if name.chars().any(crate::record::validation::is_forbidden_char) {
            errors.add("name", FieldError::ForbiddenCharacters);
        }
        let (opens, closes) = (Day::parse(&self.opens_on), Day::parse(&self.closes_on));
        for (key, typed, parsed) in [("opens_on", &self.opens_on, opens), ("closes_on", &self.closes_on, closes)] {
            if typed.trim().is_empty() {
                errors.add(key, FieldError::Required);
            } else if parsed.is_none() {
                errors.add(key, FieldError::InvalidDate);
            }
        }
        if let (Some(opens_on), Some(closes_on)) = (opens, closes)
            && closes_on < opens_on
        {
            errors.add("closes_on", FieldError::EndBeforeStart);
        }
        match (opens, closes) {
            (Some(opens_on), Some(closes_on)) if errors.is_empty() => {
                Ok(Round { code: code.clone(), name: name.to_owned(), opens_on, closes_on })
            }
            _ => Err(errors),
        }
    }
}

/// Where the collection round in progress is read.
pub const CURRENT_ROUND_URL: &str = "/api/rounds/current";

#[cfg(test)]
mod tests {
    use super::*;

    fn round(code: &str, name: &str, opens_on: &str, closes_on: &str) -> NewRound {
        NewRound { code: code.into(), name: name.into(), opens_on: opens_on.into(), closes_on: closes_on.into() }
    }

    #[test]
    fn a_round_is_parsed_with_an_error_per_field() {
        let ok = round("autunno_2026", " Autunno 2026 ", "2026-09-01", "2026-11-30").parse().unwrap();
        assert_eq!((ok.name.as_str(), ok.opens_on.to_string().as_str()), ("Autunno 2026", "2026-09-01"));
        let cases = [
            (round("AB", "x", "2026-09-01", "2026-11-30"), "code", "a code too short and upper case"),
            (round(CONTINUOUS_ROUND, "x", "2026-09-01", "2026-11-30"), "code", "the continuous collection's code"),
            (round("ok_code", " ", "2026-09-01", "2026-11-30"), "name", "a blank name"),
            (round("ok_code", "x", "2026-02-30", "2026-11-30"), "opens_on", "a day that does not exist"),
            (round("ok_code", "x", "+2026-09-01", "2026-11-30"), "opens_on", "a signed year"),
            (round("ok_code", "x", "2026-09-01", "2026-08-31"), "closes_on", "a deadline before the opening"),
        ];
        for (round, key, what) in cases {
            let errors = round.parse().expect_err(what);
            assert!(!errors.get(key).is_empty(), "{what}: expected an error on {key}, got {errors:?}");
        }
    }
}
