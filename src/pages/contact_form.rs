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
use crate::components::form::{FormFields, TextControl};
use crate::components::small_form::{SmallForm, use_send};
use crate::i18n::tr;
use crate::texts;
use domain::PracticeId;
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
    let send = use_send(
        form,
        problem,
        move |request: ContactRequest| {
            let id = id.clone();
            async move { api::contact_referent(&id, &idempotency_key.get_untracked(), &request).await }
        },
        move |sent: domain::community::ContactSent| {
            sent_to.set(Some(sent.copy_to));
            message.set(String::new());
            consent.set(false);
            crate::storage::keep_session_text(&kept_key, "");
            idempotency_key.set(crate::storage::random_token(24));
        },
    );
    let submit = move || {
        let request = request();
        sent_to.set(None);
        if form.show(request.validate()) {
            send.dispatch(request);
        }
    };
    let keep = move |text: String| {
        crate::storage::keep_session_text(&kept, &text);
        message.set(text);
    };
    let text = |autocomplete| TextControl::input("text").autocomplete(autocomplete);
    view! {
        <section class="contact-referent" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{tr(texts::practice::CONTACT_THE_REFERENT)}</h2>
            <p>{tr(texts::practice::CONTACT_INTRO)}</p>
            <SmallForm
                fields=form
                on_submit=submit
                done=move |lang| sent_to.get().map(|copy_to| texts::practice::message_forwarded(lang, &copy_to))
                problem
                busy=send.pending()
                button=texts::practice::SEND_THE_MESSAGE
                class="contact-form"
                opener=texts::practice::WRITE_TO_THE_REFERENT
                privacy=texts::practice::HOW_WE_PROCESS_THESE_DATA
                honeypot=("contact-website", honeypot)
            >
                {form.text("name", texts::practice::FULL_NAME, None, text("name"), name)}
                {form.text("entity", texts::common::BODY, None, text("organization"), entity)}
                {form.text("email", texts::common::YOUR_E_MAIL, None, TextControl::EMAIL, email)}
                {form
                    .text_with(
                        "message",
                        texts::practice::MESSAGE,
                        Some(texts::practice::MESSAGE_HINT),
                        TextControl::area(6, MESSAGE_MAX),
                        message.into(),
                        keep,
                    )}
                {form.checkbox("consent", texts::practice::CONTACT_CONSENT, None, consent)}
            </SmallForm>
        </section>
    }
    .into_any()
}
