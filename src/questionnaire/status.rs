// SPDX-License-Identifier: EUPL-1.2
//! `/questionario/stato`, "Verifica lo stato": the practice's reference and
//! its private link, both from the receipt, show where the practice stands
//! and the editors' latest message, without opening the questionnaire. The
//! rules of the two fields are `domain::questionnaire::api::StatusCheck`'s.

use super::update::StatusPanel;
use crate::api::{self, ApiError};
use crate::components::form::FormFields;
use crate::components::job::Job;
use crate::components::{page_heading, page_lead, use_document_title};
use crate::i18n::tr;
use crate::texts;
use domain::questionnaire::api::{OwnSubmission, StatusCheck};
use domain::record::vocabulary::ModerationStatus;
use leptos::prelude::*;

/// The path of the page.
pub const PATH: &str = "/questionario/stato";

/// `/questionario/stato`: the form, then the state it finds.
#[component]
pub fn StatusPage() -> impl IntoView {
    use_document_title(texts::questionnaire::CHECK_THE_STATUS);
    let form = FormFields::new("status");
    let (reference, link) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let found = RwSignal::new(None::<(OwnSubmission, String)>);
    let problem = RwSignal::new(None::<ApiError>);
    let check = Job::new(move |(id, code): (domain::PracticeId, String)| async move {
        match api::fetch_own(&code).await {
            Ok(own) if own.id == id => found.set(Some((own, code))),
            Ok(_) => {
                form.show(StatusCheck::mismatch());
            }
            Err(ApiError::Refused { status: 400..=499, .. }) => {
                let mut errors = domain::FieldErrors::default();
                errors.add("link", domain::FieldError::InvalidPrivateLink);
                form.show(errors);
            }
            Err(error) => problem.set(Some(error)),
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        found.set(None);
        problem.set(None);
        let typed = StatusCheck { reference: reference.get_untracked(), link: link.get_untracked() };
        match typed.parse() {
            Ok(parsed) => {
                form.show(domain::FieldErrors::default());
                check.dispatch(parsed);
            }
            Err(errors) => {
                form.show(errors);
            }
        }
    };
    view! {
        <div class="container page status-check">
            <h1>{page_heading(PATH)}</h1>
            <p class="lead">{page_lead(PATH)}</p>
            <form novalidate on:submit=submit class="status-form">
                {form
                    .group(
                        "reference",
                        texts::questionnaire::PRACTICE_REFERENCE,
                        Some(texts::questionnaire::REFERENCE_HINT),
                        text_input(form, "reference", reference, true),
                    )}
                {form
                    .group(
                        "link",
                        texts::questionnaire::PRIVATE_LINK,
                        Some(texts::questionnaire::PRIVATE_LINK_HINT),
                        text_input(form, "link", link, true),
                    )}
                <button type="submit" class="button button-primary" disabled=move || check.pending().get()>
                    {tr(texts::questionnaire::CHECK_THE_STATUS)}
                </button>
            </form>
            {move || problem.get().map(|error| view! { <crate::components::alert::ErrorAlert error /> })}
            <StatusResult found />
        </div>
    }
}

/// A text input of the form, bound to `value`.
fn text_input(form: FormFields, key: &'static str, value: RwSignal<String>, hint: bool) -> AnyView {
    view! {
        <input
            type="text"
            id=form.id(key)
            class="form-control"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=form.aria_invalid(key)
            aria-describedby=form.described_by(key, hint)
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    }
    .into_any()
}

/// Where the practice found stands, with the editors' message when it asks
/// for something.
#[component]
fn StatusResult(
    /// The submission found, with the private link's code.
    found: RwSignal<Option<(OwnSubmission, String)>>,
) -> impl IntoView {
    view! {
        <div role="status" class="status-result">
            {move || {
                found
                    .get()
                    .map(|(own, code)| {
                        let current = matches!(
                            own.moderation_status,
                            ModerationStatus::IntegrazioniRichieste | ModerationStatus::Respinta
                        );
                        let message = own.curator_message.clone().filter(|_| current);
                        view! {
                            <StatusPanel
                                status=own.moderation_status
                                id=own.id.clone()
                                updated_at=own.updated_at.clone()
                                edit_href=format!("/questionario/modifica#{code}")
                            />
                            {message
                                .map(|message| {
                                    view! {
                                        <div class="notice" data-testid="curator-message">
                                            <h2>{tr(texts::questionnaire::MESSAGE_FROM_THE_EDITORS)}</h2>
                                            <p>{message}</p>
                                        </div>
                                    }
                                })}
                        }
                    })
            }}
        </div>
    }
}
