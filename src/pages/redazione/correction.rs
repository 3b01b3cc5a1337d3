// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/correzione?pratica=ID`: a curator corrects a submission's text
//! or classification with the questionnaire's own steps and checks; saved as
//! a new version by the curator (the respondent's versions are kept). An
//! unsaved correction is kept on the device like a respondent's draft, so it
//! survives signing in again. With `?bozza=ID` the same journey completes
//! an imported row kept as a draft: the row as the file wrote it and what is
//! missing are shown first, and the save makes it a submission.

use super::{failure, practice_id};
use crate::api::moderation;
use crate::i18n::{tr, use_lang};
use crate::questionnaire::state::{self, Mode, provide_form, use_form};
use crate::questionnaire::{Journey, Opening, page_href};
use crate::texts;
use domain::questionnaire::import::api::{DraftEntry, ImportDraft};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The correction page.
#[component]
pub fn CorrectionPage() -> impl IntoView {
    let lang = use_lang().get_untracked();
    crate::components::set_document_title(Mode::Correction.title(lang), false, lang);
    let ctx = provide_form(Mode::Correction);
    let query = use_query_map();
    if let Some(draft) = query.with_untracked(|q| q.get("bozza")).and_then(|d| d.parse::<i64>().ok()) {
        return view! { <CompleteDraft draft /> }.into_any();
    }
    let id = query.with_untracked(|q| q.get("pratica")).unwrap_or_default();
    // Work typed here and not yet saved for the same submission is kept.
    let resumable = ctx.draft.with_untracked(|d| {
        d.correction.as_ref().is_some_and(|c| c.id.as_str() == id || id.is_empty()) && !d.is_blank()
    });
    if resumable {
        return view! { <Journey opening=CorrectionNotice /> }.into_any();
    }
    let review = LocalResource::new(move || {
        let id = practice_id(&id);
        async move { moderation::review(&id?).await }
    });
    view! {
        <Transition fallback=Opening>
            {move || Suspend::new(async move {
                match review.await {
                    Ok(review) => {
                        let correction = state::Correction {
                            id: review.id,
                            version: review.version,
                        };
                        ctx.load(review.answers, |d| d.correction = Some(correction));
                        view! { <Journey opening=CorrectionNotice /> }.into_any()
                    }
                    Err(error) => failure(&error),
                }
            })}
        </Transition>
    }
    .into_any()
}

/// What a correction is, before its first step.
#[component]
fn CorrectionNotice() -> impl IntoView {
    let ctx = use_form();
    let id = ctx.draft.with_untracked(|d| d.correction.as_ref().map(|c| c.id.to_string()).unwrap_or_default());
    view! {
        <h1>{tr(texts::editors::EDITORS_CORRECTION)}</h1>
        <p class="breadcrumb">
            <a href=format!("/redazione/pratiche/{id}")>{format!("← {id}")}</a>
        </p>
        <div class="notice">
            <p>{tr(texts::editors::CORRECTION_NOTICE)}</p>
        </div>
        <A href=page_href(ctx.mode, 1) attr:class="button button-primary">
            {tr(texts::editors::START_THE_CORRECTION)}
        </A>
    }
}

/// The completion of an imported draft: its answers loaded once (work typed
/// here and not yet saved for the same draft is kept), its row shown first.
#[component]
fn CompleteDraft(draft: i64) -> impl IntoView {
    let ctx = use_form();
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
            <a href="/redazione">{tr(texts::common::EDITORS)}</a>
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
            {tr(texts::editors::COMPLETE_THE_DRAFT)}
        </A>
    }
}
