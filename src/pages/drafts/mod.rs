// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/bozze`, for curators: the imported rows kept as drafts, each
//! with its file and row, its title if it has one and what stands in the
//! way; and their completion with the questionnaire's own steps
//! (`/redazione/bozze/completa?bozza=ID`, in `complete`). An entry point of
//! its own: it carries the questionnaire's journey, which the daily queue
//! does not need twice.

mod complete;

pub use complete::CompletionPage;

use crate::api::moderation;
use crate::components::use_document_title;
use crate::i18n::{tr, use_lang};
use crate::pages::redazione::failure;
use crate::texts;
use domain::questionnaire::import::api::DraftEntry;
use leptos::prelude::*;

/// The drafts' page.
#[component]
pub fn DraftsPage() -> impl IntoView {
    use_document_title(texts::editors::IMPORTED_DRAFTS);
    let drafts = LocalResource::new(moderation::import_drafts);
    view! {
        <div class="container">
            <h1>{tr(texts::editors::IMPORTED_DRAFTS)}</h1>
            <p class="breadcrumb">
                <a href="/redazione">{tr(texts::common::EDITORS)}</a>
            </p>
            <p>{tr(texts::editors::IMPORTED_DRAFTS_LEAD)}</p>
            <Transition fallback=|| {
                view! { <p role="status">{tr(texts::common::LOADING)}</p> }
            }>
                {move || Suspend::new(async move {
                    match drafts.await {
                        Ok(items) if items.is_empty() => view! { <p>{tr(texts::editors::NO_DRAFTS)}</p> }.into_any(),
                        Ok(items) => {
                            view! {
                                <ul class="report-list">
                                    {items.into_iter().map(|item| view! { <Draft item /> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(error) => failure(&error),
                    }
                })}
            </Transition>
        </div>
    }
}

/// One draft: where it comes from, what is missing, the way to complete it.
#[component]
fn Draft(item: DraftEntry) -> impl IntoView {
    let DraftEntry { id, file_name, row, title, problems } = item;
    let lang = use_lang();
    let from = move || texts::editors::draft_from(lang.get(), &file_name, row);
    view! {
        <li class="report">
            <p>
                <strong>{title.unwrap_or_default()}</strong>
                " "
                <span class="form-hint">{from}</span>
            </p>
            <ul>{problems.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}</ul>
            <p>
                <a href=format!("/redazione/bozze/completa?bozza={id}")>{tr(texts::editors::COMPLETE_THE_DRAFT)}</a>
            </p>
        </li>
    }
}
