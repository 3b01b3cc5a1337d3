// SPDX-License-Identifier: EUPL-1.2
//! The imported rows kept as drafts, on the editors' queue page: each with
//! its file and row, its title if it has one, what stands in the way, and
//! the way to complete it with the questionnaire's own steps
//! (`/redazione/correzione?bozza=ID`). Shown only while there are some.

use super::failure;
use crate::api::moderation;
use crate::i18n::tr;
use crate::texts;
use domain::questionnaire::import::api::DraftEntry;
use leptos::prelude::*;

/// The drafts' section.
#[component]
pub fn ImportDrafts() -> impl IntoView {
    let drafts = LocalResource::new(moderation::import_drafts);
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match drafts.await {
                    Ok(items) if items.is_empty() => ().into_any(),
                    Ok(items) => {
                        view! {
                            <section class="import-drafts" aria-labelledby="import-drafts-heading">
                                <h2 id="import-drafts-heading">{tr(texts::editors::IMPORTED_DRAFTS)}</h2>
                                <p>{tr(texts::editors::IMPORTED_DRAFTS_LEAD)}</p>
                                <ul class="report-list">
                                    {items.into_iter().map(|item| view! { <Draft item /> }).collect_view()}
                                </ul>
                            </section>
                        }
                            .into_any()
                    }
                    Err(error) => failure(&error),
                }
            })}
        </Transition>
    }
}

/// One draft: where it comes from, what is missing, the way to complete it.
#[component]
fn Draft(item: DraftEntry) -> impl IntoView {
    let DraftEntry { id, file_name, row, title, problems } = item;
    let lang = crate::i18n::use_lang();
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
                <a href=format!("/redazione/correzione?bozza={id}")>{tr(texts::editors::COMPLETE_THE_DRAFT)}</a>
            </p>
        </li>
    }
}
