// SPDX-License-Identifier: EUPL-1.2
//! On the receipt: where the editors will write (the contact e-mail, shown
//! so the respondent sees it is right) and, on request, a copy of the
//! receipt by e-mail. The copy carries the private link, a secret: the
//! respondent ticks that they know before it is sent, and it is sent once.

use crate::api::{self, ApiError};
use crate::components::alert::DoneAlert;
use crate::components::form::FormFields;
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::Lang;
use domain::community::ReceiptCopy;
use leptos::prelude::*;

/// The address line and the copy's form.
#[component]
pub fn ReceiptCopyForm(
    /// The private link's code: the request's credential.
    token: String,
    /// The contact e-mail the practice gives.
    contact_email: String,
) -> impl IntoView {
    let lang = use_lang();
    let understood = RwSignal::new(false);
    let form = FormFields::new("receipt-copy");
    let problem = RwSignal::new(None::<ApiError>);
    let sent_to = RwSignal::new(None::<String>);
    let send = Action::new_local(move |request: &ReceiptCopy| {
        let (request, token) = (request.clone(), token.clone());
        async move {
            match api::mail_receipt_copy(&token, &request).await {
                Ok(sent) => {
                    problem.set(None);
                    sent_to.set(Some(sent.recipient));
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
        let request = ReceiptCopy { link_is_secret_understood: understood.get_untracked() };
        if form.show(request.validate()) {
            send.dispatch(request);
        }
    };
    let address = contact_email.clone();
    let writes_to = move || texts::questionnaire::editors_will_write_to(lang.get(), &address);
    view! {
        <section class="receipt-copy no-print" aria-labelledby="receipt-copy-heading">
            <h2 id="receipt-copy-heading">{tr(texts::questionnaire::THE_EDITORS_E_MAILS)}</h2>
            <p data-testid="contact-email">{writes_to}</p>
            {move || {
                sent_to
                    .get()
                    .map(|recipient| {
                        view! {
                            <DoneAlert
                                it=texts::questionnaire::receipt_on_its_way(Lang::It, &recipient)
                                en=texts::questionnaire::receipt_on_its_way(Lang::En, &recipient)
                            />
                        }
                    })
            }}
            {move || problem.get().map(|error| view! { <crate::components::alert::ErrorAlert error /> })}
            <form novalidate on:submit=submit>
                {form
                    .checkbox(
                        "link_is_secret_understood",
                        texts::questionnaire::I_UNDERSTAND_THE_MESSAGE,
                        Some(texts::questionnaire::WHOEVER_READS_THAT_MAILBOX),
                        understood,
                    )}
                <button type="submit" class="button button-secondary" disabled=move || send.pending().get()>
                    {tr(texts::questionnaire::E_MAIL_ME_THE_RECEIPT)}
                </button>
            </form>
        </section>
    }
}
