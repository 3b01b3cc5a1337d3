// SPDX-License-Identifier: EUPL-1.2
//! Numbers as people read them in the interface, in each language:
//! "2.617.175" and "€ 12.500,50" in Italian, "2,617,175" and "€12,500.50"
//! in English, shares ("12,3%"), and nouns that agree with their number
//! ("1 pratica", "2 pratiche").

use crate::lang::Lang;

/// A whole number with its thousands grouped: "2.617.175" in Italian,
/// "2,617,175" in English.
pub fn format_count(count: u64, lang: Lang) -> String {
    let digits = count.to_string();
    let separator = if lang == Lang::It { '.' } else { ',' };
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A number of things, the noun agreeing with it: "1 pratica", "2 pratiche",
/// "0 pratiche", "1.200 pratiche" (Italian and English both take the
/// singular for 1 only).
pub fn count(n: u64, one: &str, many: &str, lang: Lang) -> String {
    format!("{} {}", format_count(n, lang), if n == 1 { one } else { many })
}

/// An amount in euro, to the cent, thousands grouped: "€ 12.500,50" in
/// Italian, "€12,500.50" in English. Amounts are never negative (the
/// questionnaire's rule); a negative one reads as its absolute value.
pub fn format_euro(amount: f64, lang: Lang) -> String {
    let (whole, cents) = whole_and_cents(amount);
    let whole = format_count(whole, lang);
    match lang {
        Lang::It => format!("€ {whole},{cents:02}"),
        Lang::En => format!("€{whole}.{cents:02}"),
    }
}

/// An amount as a text box shows it to be edited again, the Italian way
/// without grouping: "12500", "12500,5", "12500,05".
pub fn format_euro_for_editing(amount: f64) -> String {
    match whole_and_cents(amount) {
        (whole, 0) => whole.to_string(),
        (whole, cents) if cents % 10 == 0 => format!("{whole},{}", cents / 10),
        (whole, cents) => format!("{whole},{cents:02}"),
    }
}

/// An amount's euros and cents, rounded to the cent.
fn whole_and_cents(amount: f64) -> (u64, u64) {
    let cents = (amount.abs() * 100.0).round() as u64;
    (cents / 100, cents % 100)
}

/// A number to one decimal: "4,3" in Italian, "4.3" in English.
pub fn format_tenths(value: f64, lang: Lang) -> String {
    let tenths = (value.abs() * 10.0).round() as u64;
    let point = if lang == Lang::It { ',' } else { '.' };
    format!("{}{point}{}", tenths / 10, tenths % 10)
}

/// A share in percent to one decimal: "12,3%" in Italian, "12.3%" in
/// English; "—" when there is nothing to divide by.
pub fn format_share(share: Option<f64>, lang: Lang) -> String {
    share.map_or_else(|| "—".to_owned(), |share| format!("{}%", format_tenths(share, lang)))
}

/// A share in whole percent: "12%".
pub fn format_share_whole(share: f64) -> String {
    format!("{}%", share.abs().round() as u64)
}

// Numbers are formatted with integer arithmetic only: float formatting
// (`{:.1}`) would bring several kilobytes of code into every browser entry.

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_the_way_each_language_writes_them() {
        assert_eq!(format_count(2_617_175, Lang::It), "2.617.175");
        assert_eq!(format_count(2_617_175, Lang::En), "2,617,175");
        assert_eq!(format_count(999, Lang::It), "999");
        assert_eq!(format_count(1000, Lang::It), "1.000");
        assert_eq!(format_count(0, Lang::It), "0");
    }

    #[test]
    fn a_noun_agrees_with_its_number() {
        let invitees = |n| count(n, "invitato nuovo", "invitati nuovi", Lang::It);
        assert_eq!(invitees(1), "1 invitato nuovo");
        assert_eq!(invitees(0), "0 invitati nuovi");
        assert_eq!(invitees(1200), "1.200 invitati nuovi");
        assert_eq!(count(1, "Region", "Regions", Lang::En), "1 Region");
    }

    #[test]
    fn shares_read_in_each_language() {
        assert_eq!(format_share(Some(12.345), Lang::It), "12,3%");
        assert_eq!(format_share(Some(12.345), Lang::En), "12.3%");
        assert_eq!(format_share(Some(100.0), Lang::It), "100,0%");
        assert_eq!(format_share(Some(0.04), Lang::It), "0,0%");
        assert_eq!(format_share(None, Lang::It), "—");
        assert_eq!(format_share_whole(47.6), "48%");
        assert_eq!(format_tenths(4.25, Lang::It), "4,3");
    }

    #[test]
    fn euros_read_to_the_cent_in_each_language() {
        assert_eq!(format_euro(12_500.5, Lang::It), "€ 12.500,50");
        assert_eq!(format_euro(12_500.5, Lang::En), "€12,500.50");
        assert_eq!(format_euro(1_234_567.0, Lang::It), "€ 1.234.567,00");
        assert_eq!(format_euro(0.07, Lang::En), "€0.07");
        assert_eq!(format_euro(999.999, Lang::It), "€ 1.000,00");
        assert_eq!(format_euro_for_editing(12_500.5), "12500,5");
        assert_eq!(format_euro_for_editing(12_500.05), "12500,05");
        assert_eq!(format_euro_for_editing(12_500.0), "12500");
    }
}
