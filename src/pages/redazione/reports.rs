// SPDX-License-Identifier: EUPL-1.2
//! The accessibility reports on the editors' queue page: the open ones
//! first, each with what was reported, where and by whom (if they gave an
//! e-mail), and a button to mark it handled, or, once handled, to open it
//! again (an undo).

use super::failure;
use crate::api::moderation;
use crate::components::job::Job;
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::site::feedback::ReportItem;
use leptos::prelude::*;

/// The reports' section.
#[component]
pub fn AccessibilityReports() -> impl IntoView {
    let reports = LocalResource::new(moderation::accessibility_reports);
    let problem = RwSignal::new(None::<crate::api::ApiError>);
    let handle = Job::new(move |(id, handled): (i64, bool)| async move {
        match moderation::handle_accessibility_report(id, handled).await {
            Ok(()) => {
                problem.set(None);
                reports.refetch();
            }
            Err(error) => problem.set(Some(error)),
        }
    });
    view! {
        <section class="reports" aria-labelledby="reports-heading">
            <h2 id="reports-heading">{tr(texts::editors::ACCESSIBILITY_REPORTS)}</h2>
            {move || problem.get().map(|error| failure(&error))}
            <Transition fallback=|| {
                view! { <p role="status">{tr(texts::common::LOADING)}</p> }
            }>
                {move || Suspend::new(async move {
                    match reports.await {
                        Ok(items) if items.is_empty() => {
                            view! { <p>{tr(texts::editors::NO_REPORTS_RECEIVED)}</p> }.into_any()
                        }
                        Ok(items) => {
                            let open = items.iter().filter(|r| r.handled_at.is_none()).count();
                            let summary = move || texts::editors::open_reports(use_lang().get(), open as u64);
                            view! {
                                <p>{summary}</p>
                                <ul class="report-list">
                                    {items
                                        .into_iter()
                                        .map(|item| view! { <Report item handle=handle /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(error) => failure(&error),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One report.
#[component]
fn Report(item: ReportItem, handle: Job<(i64, bool)>) -> impl IntoView {
    let ReportItem { id, reference, page, description, email, received_at, handled_at, handled_by } = item;
    let handled = handled_at.is_some();
    let (handled_on, open, anonymous) =
        (tr(texts::editors::HANDLED_ON), tr(texts::editors::OPEN), tr(texts::editors::ANONYMOUS));
    let received_on = tr(texts::editors::RECEIVED_ON);
    let (mark, reopen) = (tr(texts::editors::MARK_AS_HANDLED), tr(texts::editors::REOPEN_THE_REPORT));
    let meta = move || {
        let state = match (&handled_at, &handled_by) {
            (Some(at), Some(by)) => format!("{} {} ({by})", handled_on(), &at[..10.min(at.len())]),
            _ => open().to_owned(),
        };
        let from = if email.is_empty() { anonymous() } else { email.as_str() };
        format!("{} {} · {from} · {state}", received_on(), &received_at[..10.min(received_at.len())])
    };
    view! {
        <li class="report" class:handled=handled>
            <h3>{format!("{reference} · {page}")}</h3>
            <p class="report-meta">{meta}</p>
            <p class="report-text" lang="">
                {description}
            </p>
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| {
                    handle.dispatch((id, !handled));
                }
            >
                {move || if handled { reopen() } else { mark() }}
                <span class="visually-hidden">{format!(" {reference}")}</span>
            </button>
        </li>
    }
}
