// SPDX-License-Identifier: EUPL-1.2
//! The declarations of adoption on the editors' queue page ("L'abbiamo
//! adottata anche noi"): the waiting ones first, each with the adopted
//! practice, the body, the month, what changed and the private contact, and
//! the decisions its state allows (the domain's `adoption_allowed`), so a
//! published declaration can be withdrawn and a refused one reopened.

use super::failure;
use crate::api::moderation;
use crate::components::job::Job;
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::community::reuse::{AdoptionDecision, AdoptionEntry};
use domain::curation::{CurationAction, adoption_allowed};
use leptos::prelude::*;

/// The declarations' section.
#[component]
pub fn AdoptionDeclarations() -> impl IntoView {
    let declarations = LocalResource::new(moderation::adoptions);
    let problem = RwSignal::new(None::<crate::api::ApiError>);
    let decide = Job::new(move |(id, decision): (i64, AdoptionDecision)| async move {
        match moderation::decide_adoption(id, &decision).await {
            Ok(()) => {
                problem.set(None);
                declarations.refetch();
            }
            Err(error) => problem.set(Some(error)),
        }
    });
    view! {
        <section class="adoptions" aria-labelledby="adoptions-heading">
            <h2 id="adoptions-heading">{tr(texts::editors::DECLARATIONS_OF_ADOPTION)}</h2>
            {move || problem.get().map(|error| failure(&error))}
            <Transition fallback=|| {
                view! { <p role="status">{tr(texts::common::LOADING)}</p> }
            }>
                {move || Suspend::new(async move {
                    match declarations.await {
                        Ok(items) if items.is_empty() => {
                            view! { <p>{tr(texts::editors::NO_DECLARATIONS_RECEIVED)}</p> }.into_any()
                        }
                        Ok(items) => {
                            view! {
                                <ul class="report-list">
                                    {items
                                        .into_iter()
                                        .map(|item| view! { <Declaration item decide=decide /> })
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

/// One declaration with its decisions.
#[component]
fn Declaration(item: AdoptionEntry, decide: Job<(i64, AdoptionDecision)>) -> impl IntoView {
    let lang = use_lang();
    let AdoptionEntry { id, adoption, practice_title, contact_name, contact_email, status, version, created_at } = item;
    let credit = adoption.credit();
    let how = if adoption.adapted { tr(texts::editors::ADAPTED) } else { tr(texts::editors::ADOPTED_AS_IT_IS) };
    let buttons = adoption_allowed(status)
        .into_iter()
        .map(|action| {
            let label = move || action_label(action, lang.get());
            let credit = credit.clone();
            view! {
                <button
                    type="button"
                    class=if action == CurationAction::Publish {
                        "button button-primary"
                    } else {
                        "button button-secondary"
                    }
                    on:click=move |_| {
                        decide
                            .dispatch((
                                id,
                                AdoptionDecision {
                                    action,
                                    version,
                                },
                            ));
                    }
                >
                    {label}
                    <span class="visually-hidden">{format!(": {credit}")}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <li class="report">
            <h3>{adoption.credit()}</h3>
            <p class="report-meta">
                {move || {
                    format!(
                        "{} · {} {} · {}",
                        status.label(lang.get()),
                        tr(texts::editors::RECEIVED_ON)(),
                        &created_at[..10.min(created_at.len())],
                        how(),
                    )
                }}
            </p>
            <p>
                {tr(texts::editors::PRACTICE)}
                <a href=format!(
                    "/pratiche/{}",
                    adoption.practice,
                )>{format!("{} ({})", practice_title, adoption.practice)}</a>
            </p>
            {(!adoption.changes.is_empty())
                .then(|| {
                    view! {
                        <p class="report-text" lang="">
                            {adoption.changes.clone()}
                        </p>
                    }
                })}
            <p class="report-meta">{format!("{contact_name} · {contact_email}")}</p>
            <div class="actions">{buttons}</div>
        </li>
    }
}

/// A decision's name on a declaration: publishing it shows it on the page.
fn action_label(action: CurationAction, lang: domain::Lang) -> &'static str {
    match action {
        CurationAction::TakeInReview => texts::editors::REOPEN.get(lang),
        other => other.label(lang),
    }
}
