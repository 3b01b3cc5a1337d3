// SPDX-License-Identifier: EUPL-1.2
//! The values a practice's answers are made of that are more than text or a
//! code: a year and month, an amount in euro, a partner, and the citable
//! identifier of a practice.

use crate::record::vocabulary::PartnerType;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A year and month, written `YYYY-MM` (`2020-03`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    /// A valid year and month, or `None`.
    pub const fn new(year: u16, month: u8) -> Option<Self> {
        if month >= 1 && month <= 12 && year >= 1000 && year <= 9999 { Some(Self { year, month }) } else { None }
    }

    /// Parses `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 || !(year.bytes().chain(month.bytes())).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Self::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The year.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub const fn month(self) -> u8 {
        self.month
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("expected a year-month like 2020-03, got {text:?}")))
    }
}

/// An amount in euro, held in cents so that sums are exact. Written in JSON as
/// a number with at most two decimals (`1250.5`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Euros {
    cents: u64,
}

impl Euros {
    /// The largest amount accepted: a hundred billion euro, far above any
    /// local budget, and exact in an `f64`.
    pub const MAX_CENTS: u64 = 10_000_000_000_000;

    /// An amount from cents.
    pub const fn from_cents(cents: u64) -> Self {
        Self { cents }
    }

    /// The amount in cents.
    pub const fn cents(self) -> u64 {
        self.cents
    }
}

impl Serialize for Euros {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.cents as f64 / 100.0)
    }
}

impl<'de> Deserialize<'de> for Euros {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        let cents = (value * 100.0).round();
        if !value.is_finite() || value < 0.0 || cents > Self::MAX_CENTS as f64 {
            return Err(serde::de::Error::custom("expected an amount in euro between 0 and 100 billion"));
        }
        if (value * 100.0 - cents).abs() > 1e-6 {
            return Err(serde::de::Error::custom("expected an amount in euro with at most two decimals"));
        }
        Ok(Self { cents: cents as u64 })
    }
}

/// A partner involved in the practice (Soggetti coinvolti).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// What kind of body the partner is.
    pub kind: PartnerType,
    /// Its name.
    pub name: String,
}

/// The citable identifier of a practice, `BP-YYYY-NNNN` (the year it was
/// submitted and a sequence number). It never changes once given.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PracticeId(String);

/// Why a string is not a practice identifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidPracticeId;

impl fmt::Display for InvalidPracticeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a practice identifier looks like BP-2020-0042")
    }
}

impl PracticeId {
    /// The identifier of the `sequence`-th practice submitted in `year`.
    pub fn new(year: u16, sequence: u32) -> Self {
        Self(format!("BP-{year:04}-{sequence:04}"))
    }

    /// Parses `BP-YYYY-NNNN` (four or more digits of sequence).
    pub fn parse(text: &str) -> Result<Self, InvalidPracticeId> {
        let rest = text.strip_prefix("BP-").ok_or(InvalidPracticeId)?;
        let (year, sequence) = rest.split_once('-').ok_or(InvalidPracticeId)?;
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if year.len() == 4 && digits(year) && (4..=9).contains(&sequence.len()) && digits(sequence) {
            Ok(Self(text.to_owned()))
        } else {
            Err(InvalidPracticeId)
        }
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PracticeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PracticeId {
    type Error = InvalidPracticeId;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<PracticeId> for String {
    fn from(id: PracticeId) -> Self {
        id.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_month_parses_only_the_iso_form() {
        let cases = [
            ("2020-03", Some((2020, 3)), "ISO year-month"),
            ("2020-12", Some((2020, 12)), "December"),
            ("2020-13", None, "no thirteenth month"),
            ("2020-00", None, "no month zero"),
            ("2020-3", None, "month needs two digits"),
            ("20-03", None, "year needs four digits"),
            ("2020/03", None, "wrong separator"),
            ("2020-03-01", None, "a full date is not a year-month"),
            ("+020-03", None, "sign is not a digit"),
            ("", None, "empty"),
        ];
        for (text, expected, why) in cases {
            let parsed = YearMonth::parse(text).map(|ym| (ym.year(), ym.month()));
            assert_eq!(parsed, expected, "{why}: {text:?}");
        }
        assert!(YearMonth::parse("2020-01") < YearMonth::parse("2020-02"));
        assert!(YearMonth::parse("2020-12") < YearMonth::parse("2021-01"));
    }

    #[test]
    fn euros_accept_at_most_two_decimals_and_no_negatives() {
        let cases = [
            ("0", Some(0), "zero"),
            ("1250.5", Some(125_050), "one decimal"),
            ("19.99", Some(1_999), "two decimals"),
            ("0.1", Some(10), "binary-unfriendly decimal"),
            ("19.999", None, "three decimals"),
            ("-1", None, "negative"),
            ("1e300", None, "absurdly large"),
            ("\"12\"", None, "a string is not a number"),
        ];
        for (json, expected, why) in cases {
            let parsed = serde_json::from_str::<Euros>(json).ok().map(Euros::cents);
            assert_eq!(parsed, expected, "{why}: {json}");
        }
        assert_eq!(serde_json::to_string(&Euros::from_cents(125_050)).unwrap(), "1250.5");
    }

    #[test]
    fn practice_ids_are_citable_and_stable() {
        assert_eq!(PracticeId::new(2020, 42).as_str(), "BP-2020-0042");
        assert_eq!(PracticeId::new(2026, 12345).as_str(), "BP-2026-12345");
        for bad in ["BP-2020-42", "bp-2020-0042", "BP-20-0042", "BP-2020-00x2", "BP-2020-0042/..", ""] {
            assert!(PracticeId::parse(bad).is_err(), "{bad:?} must be refused");
        }
        assert!(PracticeId::parse("BP-2020-0042").is_ok());
    }
}
