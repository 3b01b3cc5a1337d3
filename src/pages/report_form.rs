// SPDX-License-Identifier: EUPL-1.2
//! "Segnala un problema di accessibilità": the accessibility statement's
//! feedback form. It checks with the same rules as the server
//! (`domain::feedback`), keeps what was typed when something is wrong, and
//! says the report's number once the editors have it. A static copy of the
//! site has no server to receive reports: there the editors' e-mail stands in.

use crate::api::{self, ApiError, DataSource};
use crate::components::alert::DoneAlert;
use crate::components::form::FormFields;
use crate::i18n::tr;
use crate::texts;
use domain::Lang;
use domain::feedback::{AccessibilityReport, DESCRIPTION_MAX};
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
    let send = Action::new_local(move |report: &AccessibilityReport| {
        let report = report.clone();
        async move {
            match api::send_accessibility_report(&report).await {
                Ok(receipt) => {
                    received.set(Some(receipt.reference));
                    problem.set(None);
                    description.set(String::new());
                    page.set(String::new());
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
        let report = report();
        received.set(None);
        if form.show(report.validate()) {
            send.dispatch(report);
        }
    };
    view! {
        <form class="report-form" novalidate on:submit=submit>
            <h3>{tr(texts::common::REPORT_AN_ACCESSIBILITY_PROBLEM)}</h3>
            {move || {
                received
                    .get()
                    .map(|reference| {
                        view! {
                            <DoneAlert
                                it=texts::practice::report_received(Lang::It, &reference)
                                en=texts::practice::report_received(Lang::En, &reference)
                            />
                        }
                    })
            }}
            {move || problem.get().map(|error| view! { <crate::components::alert::ErrorAlert error /> })}
            {form
                .group(
                    "page",
                    texts::practice::PAGE_WITH_THE_PROBLEM,
                    Some(texts::practice::PAGE_WITH_THE_PROBLEM_HINT),
                    view! {
                        <input
                            type="text"
                            id="report-page"
                            class="form-control"
                            maxlength="500"
                            aria-invalid=form.aria_invalid("page")
                            aria-describedby=form.described_by("page", true)
                            prop:value=move || page.get()
                            on:input=move |ev| page.set(event_target_value(&ev))
                        />
                    }
                        .into_any(),
                )}
            {form
                .group(
                    "description",
                    texts::practice::DESCRIBE_THE_PROBLEM,
                    Some(texts::practice::DESCRIBE_THE_PROBLEM_HINT),
                    view! {
                        <textarea
                            id="report-description"
                            class="form-control"
                            rows="6"
                            maxlength=DESCRIPTION_MAX.to_string()
                            aria-invalid=form.aria_invalid("description")
                            aria-describedby=form.described_by("description", true)
                            prop:value=move || description.get()
                            on:input=move |ev| description.set(event_target_value(&ev))
                        ></textarea>
                    }
                        .into_any(),
                )}
            {form
                .group(
                    "email",
                    texts::practice::YOUR_E_MAIL_OPTIONAL,
                    Some(texts::practice::YOUR_E_MAIL_OPTIONAL_HINT),
                    view! {
                        <input
                            type="email"
                            id="report-email"
                            class="form-control"
                            autocomplete="email"
                            aria-invalid=form.aria_invalid("email")
                            aria-describedby=form.described_by("email", true)
                            prop:value=move || email.get()
                            on:input=move |ev| email.set(event_target_value(&ev))
                        />
                    }
                        .into_any(),
                )}
            <crate::components::Honeypot id="report-website" value=honeypot />
            <p class="form-hint">
                <a href="/privacy">{tr(texts::practice::HOW_WE_PROCESS_THE_REPORT)}</a>
            </p>
            <button type="submit" class="button button-primary" disabled=move || send.pending().get()>
                {tr(texts::practice::SEND_THE_REPORT)}
            </button>
        </form>
    }
    .into_any()
}
