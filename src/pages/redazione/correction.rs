// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/correzione?pratica=ID`: a curator corrects a submission's text
//! or classification with the questionnaire's own steps and checks; saved as
//! a new version by the curator (the respondent's versions are kept). An
//! unsaved correction is kept on the device like a respondent's draft, so it
//! survives signing in again.

use super::{failure, practice_id};
use crate::api::moderation;
use crate::i18n::{tr, use_lang};
use crate::questionnaire::state::{self, Mode, provide_form, use_form};
use crate::questionnaire::{Journey, Opening, page_href};
use crate::texts;
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
