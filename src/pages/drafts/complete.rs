// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/bozze/completa?bozza=ID`: a curator completes an imported
//! row kept as a draft with the questionnaire's own steps and checks. The
//! row as the file wrote it and what is missing come first; the save makes
//! it a submission awaiting the editors. Work typed and not yet saved is
//! kept on the device, as a correction's is, and resumed for the same draft.

use crate::api::moderation;
use crate::i18n::{tr, use_lang};
use crate::pages::redazione::failure;
use crate::questionnaire::state::{Mode, provide_form, use_form};
use crate::questionnaire::{Journey, Opening, page_href};
use crate::texts;
use domain::questionnaire::import::api::{DraftEntry, ImportDraft};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The completion page.
#[component]
pub fn CompletionPage() -> impl IntoView {
    let lang = use_lang().get_untracked();
    crate::components::set_document_title(Mode::Completion.title(lang), false, lang);
    let ctx = provide_form(Mode::Completion);
    let asked = use_query_map().with_untracked(|q| q.get("bozza")).and_then(|d| d.parse::<i64>().ok());
    // The draft named in the address, or the one being completed on this device.
    let draft = asked.or_else(|| ctx.draft.with_untracked(|d| d.completion)).unwrap_or_default();
    let found = LocalResource::new(move || moderation::import_draft(draft));
    view! {
        <Transition fallback=Opening>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => {
                        let resumable = ctx.draft.with_untracked(|d| d.completion == Some(draft) && !d.is_blank());
                        if !resumable {
                            ctx.load(found.answers.clone(), |d| d.completion = Some(draft));
                        }
                        let opening = move || view! { <DraftNotice found=found.clone() /> };
                        view! { <Journey opening /> }.into_any()
                    }
                    Err(error) => failure(&error),
                }
            })}
        </Transition>
    }
}

/// The row as the file wrote it and what is missing, before the first step.
#[component]
fn DraftNotice(found: ImportDraft) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let DraftEntry { file_name, row, problems, .. } = found.entry;
    let cells = found.cells.into_iter().filter(|(_, cell)| !cell.trim().is_empty());
    view! {
        <h1>{tr(texts::editors::COMPLETE_THE_DRAFT)}</h1>
        <p class="breadcrumb">
            <a href="/redazione/bozze">{tr(texts::editors::IMPORTED_DRAFTS)}</a>
        </p>
        <div class="notice">
            <p>{tr(texts::editors::DRAFT_NOTICE)}</p>
        </div>
        <h2>{move || texts::editors::draft_from(lang.get(), &file_name, row)}</h2>
        <ul data-testid="draft-problems">
            {problems.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}
        </ul>
        <dl class="columns-used">
            {cells
                .map(|(header, cell)| {
                    view! {
                        <dt>{header}</dt>
                        <dd>{cell}</dd>
                    }
                })
                .collect_view()}
        </dl>
        <A href=page_href(ctx.mode, 1) attr:class="button button-primary">
            {tr(texts::editors::START_COMPLETING)}
        </A>
    }
}
