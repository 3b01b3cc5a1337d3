// SPDX-License-Identifier: EUPL-1.2
//! "Com'è andata?": the one-question service rating after the receipt
//! (Designers Italia's service flow), 1 to 5 stars and an optional comment,
//! anonymous. Once sent it thanks and stays thanked on this tab.

use crate::api::{self, ApiError};
use crate::components::form::{FormFields, TextControl};
use crate::components::small_form::{DoneAt, ProblemAt, SmallForm, use_send};
use crate::i18n::{tr, use_lang};
use crate::storage;
use crate::texts;
use domain::site::feedback::{COMMENT_MAX, ServiceRating};
use leptos::prelude::*;

/// Marks, on this tab, that the service was rated after this receipt.
const RATED_KEY: &str = "bp-rated";

/// The rating form; `reference` is the receipt's, so one receipt asks once.
#[component]
pub(super) fn ServiceRatingForm(reference: String) -> impl IntoView {
    let form = FormFields::new("rating");
    let stars = RwSignal::new(0u8);
    let comment = RwSignal::new(String::new());
    let honeypot = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<ApiError>);
    let rated = RwSignal::new(storage::session_text(RATED_KEY).as_deref() == Some(reference.as_str()));
    let send = use_send(
        form,
        problem,
        |rating: ServiceRating| async move { api::rate_the_service(&rating).await },
        move |()| {
            storage::keep_session_text(RATED_KEY, &reference);
            rated.set(true);
        },
    );
    let submit = move || {
        problem.set(None);
        let rating = ServiceRating {
            stars: stars.get_untracked(),
            comment: comment.get_untracked(),
            website: honeypot.get_untracked(),
        };
        if form.show(rating.validate()) {
            send.dispatch(rating);
        }
    };
    view! {
        <section class="service-rating no-print" aria-labelledby="rating-heading">
            <h2 id="rating-heading">{tr(texts::questionnaire::HOW_DID_IT_GO)}</h2>
            <SmallForm
                fields=form
                on_submit=submit
                done=move |lang| rated.get().then(|| texts::questionnaire::THANK_YOU_FOR_RATING.get(lang).to_owned())
                done_at=DoneAt::Instead
                problem
                problem_at=ProblemAt::Button
                busy=send.pending()
                button=texts::questionnaire::SEND_THE_RATING
                secondary=true
                honeypot=("rating-website", honeypot)
            >
                <fieldset
                    class="form-group"
                    class:has-error=form.invalid("stars")
                    aria-describedby=form.described_by("stars", true)
                >
                    <legend>{tr(texts::questionnaire::HOW_EASY_WAS_IT)}</legend>
                    {form.hint("stars", Some(texts::questionnaire::RATING_HINT))}
                    {form.error("stars")}
                    <div class="rating-stars">{star_options(form, stars)}</div>
                </fieldset>
                {form
                    .text(
                        "comment",
                        texts::questionnaire::WHAT_COULD_WE_IMPROVE,
                        Some(texts::questionnaire::DO_NOT_WRITE_PERSONAL_DATA),
                        TextControl::area(3, COMMENT_MAX),
                        comment,
                    )}
            </SmallForm>
        </section>
    }
}

/// The five stars to choose from, as radio buttons named for screen readers.
fn star_options(form: FormFields, stars: RwSignal<u8>) -> impl IntoView {
    let lang = use_lang();
    (1..=5u8)
        .map(|n| {
            let name = move || texts::questionnaire::stars_out_of_5(lang.get(), n);
            view! {
                <label class="rating-option" for=format!("rating-stars-{n}")>
                    <input
                        type="radio"
                        name="rating-stars"
                        id=format!("rating-stars-{n}")
                        value=n.to_string()
                        aria-invalid=form.aria_invalid("stars")
                        prop:checked=move || stars.get() == n
                        on:change=move |_| stars.set(n)
                    />
                    <span class="visually-hidden">{name}</span>
                </label>
            }
        })
        .collect_view()
}
