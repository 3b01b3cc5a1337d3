// SPDX-License-Identifier: EUPL-1.2
//! What people tell the editors about the service itself. The accessibility
//! statement's feedback mechanism (AgID guidelines): anyone can report a
//! barrier on a page; the report reaches the editors' queue, who answer
//! within 30 days and mark it handled. The service rating (Designers Italia's
//! service flow): after the receipt, one question, 1 to 5 stars and an
//! optional comment, anonymous, whose results admins read. The rules are
//! here, so the browser and the server check the same.

use crate::record::validation::{FieldError, FieldErrors, check_email, check_text, is_forbidden_char};
use serde::{Deserialize, Serialize};

/// Where the app sends a report.
pub const REPORTS_URL: &str = "/api/accessibility-reports";

/// The longest description a report may have, in characters.
pub const DESCRIPTION_MAX: usize = 4000;
/// The shortest: a few words saying what happened.
pub const DESCRIPTION_MIN: usize = 10;
/// The longest page address or name.
pub const PAGE_MAX: usize = 500;

/// What a person reports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AccessibilityReport {
    /// The page (address or name) where the problem is.
    pub page: String,
    /// What went wrong, and with which device or assistive technology.
    pub description: String,
    /// Where to answer; empty for an anonymous report.
    #[serde(default)]
    pub email: String,
    /// A field hidden from people: filled only by robots.
    #[serde(default)]
    pub website: String,
}

impl AccessibilityReport {
    /// The fields to fix, by key (`page`, `description`, `email`).
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        check_text(&mut errors, "page", &self.page, 1, PAGE_MAX);
        check_text(&mut errors, "description", &self.description, DESCRIPTION_MIN, DESCRIPTION_MAX);
        check_email(&mut errors, "email", &self.email, false);
        errors
    }
}

/// What the sender is told: the number to quote in a reminder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportReceipt {
    pub reference: String,
}

/// The reference of report number `id`, e.g. `SA-0042` ("segnalazione
/// accessibilità").
pub fn reference(id: i64) -> String {
    format!("SA-{id:04}")
}

/// A report as the editors see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportItem {
    pub id: i64,
    pub reference: String,
    pub page: String,
    pub description: String,
    /// Empty for an anonymous report.
    pub email: String,
    pub received_at: String,
    /// When an editor marked it handled, and who.
    pub handled_at: Option<String>,
    pub handled_by: Option<String>,
}

/// An editor's decision on a report: handled, or open again (an undo).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReportHandling {
    pub handled: bool,
}

/// Where the app sends a service rating.
pub const RATINGS_URL: &str = "/api/service-ratings";

/// The longest comment beside a rating, in characters.
pub const COMMENT_MAX: usize = 1000;

/// "Com'è andata?": how the questionnaire went, from 1 (badly) to 5 (very
/// well) stars, and what to improve. Nothing in it says who sent it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceRating {
    /// 1 to 5.
    pub stars: u8,
    #[serde(default)]
    pub comment: String,
    /// A field hidden from people: filled only by robots.
    #[serde(default)]
    pub website: String,
}

impl ServiceRating {
    /// The fields to fix, by key (`stars`, `comment`).
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if !(1..=5).contains(&self.stars) {
            errors.add("stars", FieldError::InvalidChoice);
        }
        if self.comment.trim().chars().count() > COMMENT_MAX {
            errors.add("comment", FieldError::TooLong { max: COMMENT_MAX });
        } else if self.comment.chars().any(is_forbidden_char) {
            errors.add("comment", FieldError::ForbiddenCharacters);
        }
        errors
    }
}

/// The ratings' results for admins: how many of each, and the comments.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingResults {
    /// How many ratings gave 1, 2, 3, 4 and 5 stars.
    pub by_stars: [u32; 5],
    /// The comments, newest first.
    pub comments: Vec<RatingComment>,
}

impl RatingResults {
    /// How many ratings there are.
    pub fn count(&self) -> u32 {
        self.by_stars.iter().sum()
    }

    /// The mean number of stars, to one decimal (`None` before the first).
    pub fn average(&self) -> Option<f64> {
        let count = self.count();
        let total: u32 = self.by_stars.iter().zip(1..).map(|(n, stars)| n * stars).sum();
        (count > 0).then(|| (f64::from(total) * 10.0 / f64::from(count)).round() / 10.0)
    }
}

/// A comment and the stars it came with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingComment {
    pub stars: u8,
    pub comment: String,
    /// The day it was sent (no time: it would help tell who sent it).
    pub day: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(page: &str, description: &str, email: &str) -> AccessibilityReport {
        AccessibilityReport {
            page: page.into(),
            description: description.into(),
            email: email.into(),
            website: String::new(),
        }
    }

    #[test]
    fn a_rating_has_one_to_five_stars_and_a_short_clean_comment() {
        let rating =
            |stars: u8, comment: &str| ServiceRating { stars, comment: comment.into(), website: String::new() };
        assert!(rating(1, "").validate().is_empty());
        assert!(rating(5, "Chiaro e veloce.").validate().is_empty());
        assert_eq!(rating(0, "").validate().get("stars"), [FieldError::InvalidChoice]);
        assert_eq!(rating(6, "").validate().get("stars"), [FieldError::InvalidChoice]);
        let long = "a".repeat(COMMENT_MAX + 1);
        assert_eq!(rating(3, &long).validate().get("comment"), [FieldError::TooLong { max: COMMENT_MAX }]);
        assert_eq!(rating(3, "ok\u{202e}").validate().get("comment"), [FieldError::ForbiddenCharacters]);
    }

    #[test]
    fn results_count_and_average_the_stars() {
        let mut results = RatingResults::default();
        assert_eq!((results.count(), results.average()), (0, None));
        results.by_stars = [1, 0, 0, 1, 1];
        assert_eq!((results.count(), results.average()), (3, Some(3.3)));
    }

    #[test]
    fn a_full_or_anonymous_report_is_accepted() {
        assert!(
            report("/catalogo", "Il filtro per regione non si apre da tastiera.", "a@comune.esempio.it")
                .validate()
                .is_empty()
        );
        assert!(report("Catalogo", "Il lettore di schermo non legge i risultati.", "").validate().is_empty());
    }

    #[test]
    fn each_wrong_value_is_named() {
        let errors = report("", "breve", "non-una-mail").validate();
        assert_eq!(errors.get("page"), [FieldError::Required]);
        assert_eq!(errors.get("description"), [FieldError::TooShort { min: DESCRIPTION_MIN }]);
        assert_eq!(errors.get("email"), [FieldError::InvalidEmail]);
        let long = "a".repeat(DESCRIPTION_MAX + 1);
        assert_eq!(
            report("/", &long, "").validate().get("description"),
            [FieldError::TooLong { max: DESCRIPTION_MAX }]
        );
        let hidden = "Testo con un carattere\u{202E} nascosto";
        assert_eq!(report("/", hidden, "").validate().get("description"), [FieldError::ForbiddenCharacters]);
        assert_eq!(reference(7), "SA-0007");
    }
}
