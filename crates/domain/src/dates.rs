// SPDX-License-Identifier: EUPL-1.2
//! Dates as people read them in the interface: "marzo 2020", "1 dicembre
//! 2026" (Italian) or "1 December 2026". Data files keep ISO 8601.

use crate::Lang;
use std::fmt;

const MONTHS: [(&str, &str); 12] = [
    ("gennaio", "January"),
    ("febbraio", "February"),
    ("marzo", "March"),
    ("aprile", "April"),
    ("maggio", "May"),
    ("giugno", "June"),
    ("luglio", "July"),
    ("agosto", "August"),
    ("settembre", "September"),
    ("ottobre", "October"),
    ("novembre", "November"),
    ("dicembre", "December"),
];

/// The name of a month (1-12).
pub fn month_name(month: u8, lang: Lang) -> &'static str {
    let (it, en) = MONTHS[usize::from(month.clamp(1, 12)) - 1];
    if lang == Lang::It { it } else { en }
}

/// The day (`2026-12-01`) of an RFC 3339 timestamp; other text as is.
pub fn day_of(timestamp: &str) -> &str {
    timestamp.get(..10).unwrap_or(timestamp)
}

/// The day of an ISO date or timestamp (`2026-12-01`, `2026-12-01T10:00:00Z`)
/// as words: "1 dicembre 2026". Text that is not such a date is returned as is.
pub fn long_date(iso: &str, lang: Lang) -> String {
    let parts = (iso.get(0..4), iso.get(5..7), iso.get(8..10));
    let (Some(year), Some(month), Some(day)) = parts else { return iso.to_owned() };
    let (Ok(month), Ok(day), true) = (month.parse::<u8>(), day.parse::<u8>(), year.bytes().all(|b| b.is_ascii_digit()))
    else {
        return iso.to_owned();
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return iso.to_owned();
    }
    format!("{day} {} {year}", month_name(month, lang))
}

/// A calendar day, written `YYYY-MM-DD` in JSON and in the database
/// (rounds' opening and closing days). Ordered by date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day {
    year: u16,
    month: u8,
    day: u8,
}

impl Day {
    /// Exactly `YYYY-MM-DD`, a day that exists (29 February only in leap years).
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
        if !shaped {
            return None;
        }
        let (year, month, day) = (text[0..4].parse().ok()?, text[5..7].parse().ok()?, text[8..10].parse().ok()?);
        (year >= 1 && (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)).then_some(Self {
            year,
            month,
            day,
        })
    }

    /// The day of an RFC 3339 timestamp (`2026-12-01T10:00:00Z`).
    pub fn of_timestamp(timestamp: &str) -> Option<Self> {
        Self::parse(timestamp.get(..10)?)
    }

    /// Days since 1970-01-01 (negative before): the difference of two is the
    /// number of days between them (Howard Hinnant's civil-days algorithm).
    pub fn days_since_epoch(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// 1 January 1970.
    pub const EPOCH: Self = Self { year: 1970, month: 1, day: 1 };

    /// Its year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The day `days` after (or before, if negative) this one.
    pub fn plus_days(self, days: i64) -> Self {
        let z = self.days_since_epoch() + days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as u16;
        Self { year, month, day }
    }

    /// The day as words: "1 dicembre 2026".
    pub fn long(self, lang: Lang) -> String {
        format!("{} {} {}", self.day, month_name(self.month, lang), self.year)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl From<Day> for String {
    fn from(day: Day) -> Self {
        day.to_string()
    }
}

impl TryFrom<String> for Day {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Day::parse(&text).ok_or_else(|| format!("not a day in the form YYYY-MM-DD: {text}"))
    }
}

#[cfg(feature = "openapi")]
mod schemas {
    impl utoipa::PartialSchema for super::Day {
        fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
            crate::schemas::text(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2026-11-30", "A day, YYYY-MM-DD.")
        }
    }
    impl utoipa::ToSchema for super::Day {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse_only_when_they_exist() {
        assert_eq!(Day::parse("2024-02-29").map(|d| d.to_string()).as_deref(), Some("2024-02-29"));
        for bad in ["2023-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "+2026-01-01", "2026-1-01", "26-01-01", ""]
        {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        assert!(Day::parse("2026-09-01") < Day::parse("2026-10-01"));
        assert_eq!(
            Day::of_timestamp("2026-12-01T10:00:00Z").map(|d| d.long(Lang::It)).as_deref(),
            Some("1 dicembre 2026")
        );
    }

    #[test]
    fn days_count_across_months_leap_years_and_back() {
        let day = |text| Day::parse(text).unwrap();
        assert_eq!(day("1970-01-01").days_since_epoch(), 0);
        assert_eq!(day("2024-03-01").days_since_epoch() - day("2024-02-28").days_since_epoch(), 2);
        assert_eq!(day("2021-01-01").days_since_epoch() - day("2020-01-01").days_since_epoch(), 366);
        assert_eq!(day("2020-02-28").plus_days(1), day("2020-02-29"));
        assert_eq!(day("2026-12-02").plus_days(548).to_string(), "2028-06-02");
        assert_eq!(day("2026-12-02").plus_days(-365).to_string(), "2025-12-02");
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(long_date("2026-12-01", Lang::It), "1 dicembre 2026");
        assert_eq!(long_date("2020-03-15T08:30:00Z", Lang::En), "15 March 2020");
        assert_eq!(long_date("not a date", Lang::It), "not a date");
        assert_eq!(long_date("2020-13-01", Lang::It), "2020-13-01");
        assert_eq!(month_name(3, Lang::It), "marzo");
    }
}
