// SPDX-License-Identifier: EUPL-1.2
//! On the receipt: where the editors will write (the contact e-mail, shown
//! so the respondent sees it is right) and, on request, a copy of the
//! receipt by e-mail. The copy carries the private link, a secret: the
//! respondent ticks that they know before it is sent, and it is sent once.

use crate::api::{self, ApiError};
use crate::components::form::FormFields;
use crate::components::small_form::{ProblemAt, SmallForm, use_send};
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::community::{ReceiptCopy, ReceiptCopySent};
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
    let send = use_send(
        form,
        problem,
        move |request: ReceiptCopy| {
            let token = token.clone();
            async move { api::mail_receipt_copy(&token, &request).await }
        },
        move |sent: ReceiptCopySent| sent_to.set(Some(sent.recipient)),
    );
    let submit = move || {
        let request = ReceiptCopy { link_is_secret_understood: understood.get_untracked() };
        if form.show(request.validate()) {
            send.dispatch(request);
        }
    };
    let writes_to = move || texts::questionnaire::editors_will_write_to(lang.get(), &contact_email);
    view! {
        <section class="receipt-copy no-print" aria-labelledby="receipt-copy-heading">
            <h2 id="receipt-copy-heading">{tr(texts::questionnaire::THE_EDITORS_E_MAILS)}</h2>
            <p data-testid="contact-email">{writes_to}</p>
            <SmallForm
                fields=form
                on_submit=submit
                done=move |lang| sent_to.get().map(|to| texts::questionnaire::receipt_on_its_way(lang, &to))
                problem
                problem_at=ProblemAt::Above
                busy=send.pending()
                button=texts::questionnaire::E_MAIL_ME_THE_RECEIPT
                secondary=true
            >
                {form
                    .checkbox(
                        "link_is_secret_understood",
                        texts::questionnaire::I_UNDERSTAND_THE_MESSAGE,
                        Some(texts::questionnaire::WHOEVER_READS_THAT_MAILBOX),
                        understood,
                    )}
            </SmallForm>
        </section>
    }
}
