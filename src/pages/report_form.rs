// SPDX-License-Identifier: EUPL-1.2
//! "Segnala un problema di accessibilità": the accessibility statement's
//! feedback form. It checks with the same rules as the server
//! (`domain::site::feedback`), keeps what was typed when something is wrong, and
//! says the report's number once the editors have it. A static copy of the
//! site has no server to receive reports: there the editors' e-mail stands in.

use crate::api::{self, ApiError, DataSource};
use crate::components::form::{FormFields, TextControl};
use crate::components::small_form::{DoneAt, SmallForm, use_send};
use crate::i18n::tr;
use crate::texts;
use domain::site::feedback::{AccessibilityReport, DESCRIPTION_MAX, ReportReceipt};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The form (on a static copy, a line sending people to the editors' e-mail,
/// which the statement gives beside it).
#[component]
pub fn ReportForm() -> impl IntoView {
    if api::data_source() == DataSource::Static {
        return view! { <p>{tr(texts::practice::STATIC_COPY_REPORT)}</p> }.into_any();
    }
    let query = use_query_map();
    let page = RwSignal::new(query.with_untracked(|q| q.get("pagina").unwrap_or_default()));
    let description = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let honeypot = RwSignal::new(String::new());
    let form = FormFields::new("report");
    let problem = RwSignal::new(None::<ApiError>);
    let received = RwSignal::new(None::<String>);
    let report = move || AccessibilityReport {
        page: page.get_untracked(),
        description: description.get_untracked(),
        email: email.get_untracked(),
        website: honeypot.get_untracked(),
    };
    let send = use_send(
        form,
        problem,
        |report: AccessibilityReport| async move { api::send_accessibility_report(&report).await },
        move |receipt: ReportReceipt| {
            received.set(Some(receipt.reference));
            description.set(String::new());
            page.set(String::new());
        },
    );
    let submit = move || {
        let report = report();
        received.set(None);
        if form.show(report.validate()) {
            send.dispatch(report);
        }
    };
    view! {
        <SmallForm
            fields=form
            on_submit=submit
            done=move |lang| received.get().map(|reference| texts::practice::report_received(lang, &reference))
            done_at=DoneAt::Inside
            problem
            busy=send.pending()
            button=texts::practice::SEND_THE_REPORT
            class="report-form"
            head=|| view! { <h3>{tr(texts::common::REPORT_AN_ACCESSIBILITY_PROBLEM)}</h3> }
            privacy=texts::practice::HOW_WE_PROCESS_THE_REPORT
            honeypot=("report-website", honeypot)
        >
            {form
                .text(
                    "page",
                    texts::practice::PAGE_WITH_THE_PROBLEM,
                    Some(texts::practice::PAGE_WITH_THE_PROBLEM_HINT),
                    TextControl::input("text").maxlength(500),
                    page,
                )}
            {form
                .text(
                    "description",
                    texts::practice::DESCRIBE_THE_PROBLEM,
                    Some(texts::practice::DESCRIBE_THE_PROBLEM_HINT),
                    TextControl::area(6, DESCRIPTION_MAX),
                    description,
                )}
            {form
                .text(
                    "email",
                    texts::practice::YOUR_E_MAIL_OPTIONAL,
                    Some(texts::practice::YOUR_E_MAIL_OPTIONAL_HINT),
                    TextControl::EMAIL,
                    email,
                )}
        </SmallForm>
    }
    .into_any()
}
