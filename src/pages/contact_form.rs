// SPDX-License-Identifier: EUPL-1.2
//! "Contatta il referente" on a practice's page: a reader writes to the
//! people who ran the practice. The site relays the message to the private
//! contact (whose address the reader never sees), mails the reader a copy,
//! and the referent's answer goes straight to the reader. The rules are
//! `domain::community::ContactRequest`'s, the same as the server's; what was
//! typed stays when something is wrong, and the message is kept in the
//! tab's session storage until it is sent. Only the public site has it
//! (`pages::CommunityForms`); a static copy has no server to relay, so
//! there it is not offered either.

use crate::api::{self, ApiError, DataSource};
use crate::components::alert::DoneAlert;
use crate::components::form::FormFields;
use crate::i18n::tr;
use crate::texts;
use domain::{Lang, PracticeId};
use domain::community::{ContactRequest, MESSAGE_MAX};
use leptos::prelude::*;

/// The section with its form, closed until the reader opens it.
#[component]
pub fn ContactForm(
    /// The practice written about.
    id: PracticeId,
) -> impl IntoView {
    if api::data_source() == DataSource::Static {
        return ().into_any();
    }
    let kept = format!("bp-contact-{id}");
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let entity = RwSignal::new(String::new());
    let message = RwSignal::new(crate::storage::session_text(&kept).unwrap_or_default());
    let consent = RwSignal::new(false);
    let honeypot = RwSignal::new(String::new());
    // One key per message: a retry after a lost answer relays it once.
    let idempotency_key = RwSignal::new(crate::storage::random_token(24));
    let form = FormFields::new("contact");
    let problem = RwSignal::new(None::<ApiError>);
    let sent_to = RwSignal::new(None::<String>);
    let request = move || ContactRequest {
        name: name.get_untracked(),
        email: email.get_untracked(),
        entity: entity.get_untracked(),
        message: message.get_untracked(),
        consent: consent.get_untracked(),
        website: honeypot.get_untracked(),
    };
    let kept_key = kept.clone();
    let send = Action::new_local(move |request: &ContactRequest| {
        let (request, id, kept) = (request.clone(), id.clone(), kept_key.clone());
        async move {
            match api::contact_referent(&id, &idempotency_key.get_untracked(), &request).await {
                Ok(sent) => {
                    sent_to.set(Some(sent.copy_to));
                    problem.set(None);
                    message.set(String::new());
                    consent.set(false);
                    crate::storage::keep_session_text(&kept, "");
                    idempotency_key.set(crate::storage::random_token(24));
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
        let request = request();
        sent_to.set(None);
        if form.show(request.validate()) {
            send.dispatch(request);
        }
    };
    let text_input =
        move |key: &'static str, kind: &'static str, autocomplete: &'static str, value: RwSignal<String>| {
            view! {
                <input
                    type=kind
                    id=form.id(key)
                    class="form-control"
                    autocomplete=autocomplete
                    aria-invalid=form.aria_invalid(key)
                    aria-describedby=form.described_by(key, false)
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            }
            .into_any()
        };
    view! {
        <section class="contact-referent" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{tr(texts::practice::CONTACT_THE_REFERENT)}</h2>
            <p>{tr(texts::practice::CONTACT_INTRO)}</p>
            {move || {
                sent_to
                    .get()
                    .map(|copy_to| {
                        view! {
                            <DoneAlert
                                it=texts::practice::message_forwarded(Lang::It, &copy_to)
                                en=texts::practice::message_forwarded(Lang::En, &copy_to)
                            />
                        }
                    })
            }}
            <details class="contact-details">
                <summary class="button button-secondary">{tr(texts::practice::WRITE_TO_THE_REFERENT)}</summary>
                <form class="contact-form" novalidate on:submit=submit>
                    {move || problem.get().map(|error| view! { <crate::components::alert::ErrorAlert error /> })}
                    {form.group("name", texts::practice::FULL_NAME, None, text_input("name", "text", "name", name))}
                    {form
                        .group(
                            "entity",
                            texts::common::BODY,
                            None,
                            text_input("entity", "text", "organization", entity),
                        )}
                    {form
                        .group("email", texts::common::YOUR_E_MAIL, None, text_input("email", "email", "email", email))}
                    {form
                        .group(
                            "message",
                            texts::practice::MESSAGE,
                            Some(texts::practice::MESSAGE_HINT),
                            view! {
                                <textarea
                                    id="contact-message"
                                    class="form-control"
                                    rows="6"
                                    maxlength=MESSAGE_MAX.to_string()
                                    aria-invalid=form.aria_invalid("message")
                                    aria-describedby=form.described_by("message", true)
                                    prop:value=move || message.get()
                                    on:input=move |ev| {
                                        let text = event_target_value(&ev);
                                        crate::storage::keep_session_text(&kept, &text);
                                        message.set(text);
                                    }
                                ></textarea>
                            }
                                .into_any(),
                        )}
                    {form.checkbox("consent", texts::practice::CONTACT_CONSENT, None, consent)}
                    <p class="form-hint">
                        <a href="/privacy">{tr(texts::practice::HOW_WE_PROCESS_THESE_DATA)}</a>
                    </p>
                    <crate::components::Honeypot id="contact-website" value=honeypot />
                    <button type="submit" class="button button-primary" disabled=move || send.pending().get()>
                        {tr(texts::practice::SEND_THE_MESSAGE)}
                    </button>
                </form>
            </details>
        </section>
    }
    .into_any()
}
