//! Dates as people read them in the interface: "marzo 2020", "1 dicembre
//! 2026" (Italian) or "1 December 2026". Data files keep ISO 8601.

use crate::Lang;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_words() {
        assert_eq!(long_date("2026-12-01", Lang::It), "1 dicembre 2026");
        assert_eq!(long_date("2020-03-15T08:30:00Z", Lang::En), "15 March 2020");
        assert_eq!(long_date("not a date", Lang::It), "not a date");
        assert_eq!(long_date("2020-13-01", Lang::It), "2020-13-01");
        assert_eq!(month_name(3, Lang::It), "marzo");
    }
}
