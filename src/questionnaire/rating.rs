// SPDX-License-Identifier: EUPL-1.2
//! "Com'è andata?": the one-question service rating after the receipt
//! (Designers Italia's service flow), 1 to 5 stars and an optional comment,
//! anonymous. Once sent it thanks and stays thanked on this tab.

use crate::api::{self, ApiError};
use crate::components::form::FormFields;
use crate::i18n::{tr, use_lang};
use crate::storage;
use crate::texts;
use domain::feedback::{COMMENT_MAX, ServiceRating};
use leptos::prelude::*;

/// Marks, on this tab, that the service was rated after this receipt.
const RATED_KEY: &str = "bp-rated";

/// The rating form; `reference` is the receipt's, so one receipt asks once.
#[component]
pub(super) fn ServiceRatingForm(reference: String) -> impl IntoView {
    let lang = use_lang();
    let form = FormFields::new("rating");
    let stars = RwSignal::new(0u8);
    let comment = RwSignal::new(String::new());
    let honeypot = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<ApiError>);
    let rated = RwSignal::new(storage::session_text(RATED_KEY).as_deref() == Some(reference.as_str()));
    let send = Action::new_local(move |rating: &ServiceRating| {
        let (rating, reference) = (rating.clone(), reference.clone());
        async move {
            match api::rate_the_service(&rating).await {
                Ok(()) => {
                    storage::keep_session_text(RATED_KEY, &reference);
                    rated.set(true);
                }
                Err(ApiError::Invalid(found)) => {
                    form.show(found);
                }
                Err(error) => problem.set(Some(error)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
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
    let options = move || {
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
    };
    view! {
        <section class="service-rating no-print" aria-labelledby="rating-heading">
            <h2 id="rating-heading">{tr(texts::questionnaire::HOW_DID_IT_GO)}</h2>
            <Show
                when=move || !rated.get()
                fallback=|| {
                    view! {
                        <crate::components::alert::DoneAlert
                            it=texts::questionnaire::THANK_YOU_FOR_RATING.it.to_owned()
                            en=texts::questionnaire::THANK_YOU_FOR_RATING.en.to_owned()
                        />
                    }
                }
            >
                <form novalidate on:submit=submit>
                    <fieldset
                        class="form-group"
                        class:has-error=form.invalid("stars")
                        aria-describedby=form.described_by("stars", true)
                    >
                        <legend>{tr(texts::questionnaire::HOW_EASY_WAS_IT)}</legend>
                        <p class="form-hint" id="rating-stars-hint">
                            {tr(texts::questionnaire::RATING_HINT)}
                        </p>
                        {move || {
                            form.errors
                                .with(|e| e.get("stars").first().map(|error| error.message(lang.get())))
                                .map(|message| {
                                    view! {
                                        <p class="field-error" id="rating-stars-error">
                                            {message}
                                        </p>
                                    }
                                })
                        }}
                        <div class="rating-stars">{options()}</div>
                    </fieldset>
                    {form
                        .group(
                            "comment",
                            texts::questionnaire::WHAT_COULD_WE_IMPROVE,
                            Some(texts::questionnaire::DO_NOT_WRITE_PERSONAL_DATA),
                            view! {
                                <textarea
                                    id="rating-comment"
                                    class="form-control"
                                    rows="3"
                                    maxlength=COMMENT_MAX.to_string()
                                    aria-invalid=form.aria_invalid("comment")
                                    aria-describedby=form.described_by("comment", true)
                                    prop:value=move || comment.get()
                                    on:input=move |ev| comment.set(event_target_value(&ev))
                                ></textarea>
                            }
                                .into_any(),
                        )}
                    <crate::components::Honeypot id="rating-website" value=honeypot />
                    {move || problem.get().map(|error| view! { <crate::components::alert::ErrorAlert error /> })}
                    <button type="submit" class="button button-secondary" disabled=move || send.pending().get()>
                        {tr(texts::questionnaire::SEND_THE_RATING)}
                    </button>
                </form>
            </Show>
        </section>
    }
}
