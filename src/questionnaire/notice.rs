// SPDX-License-Identifier: EUPL-1.2
//! The privacy notice (informativa, GDPR art. 13), the journey's opening page
//! for a new practice and for an update.

use super::page_href;
use super::state::{Mode, use_form};
use crate::i18n::tr;
use crate::texts;
use leptos::prelude::*;
use leptos_router::components::A;

/// The privacy notice (informativa, GDPR art. 13), shown before step 1.
#[component]
pub(super) fn PrivacyNotice() -> impl IntoView {
    let ctx = use_form();
    // The private link's page is about its practice: its heading and status
    // come before (`update::SubmissionStatus`), and it invites no new one.
    let update = ctx.mode == Mode::Update;
    view! {
        {(!update)
            .then(|| {
                // The page's heading, as the server's HTML shows it before the app starts.
                view! {
                    <h1>{crate::components::page_heading("/questionario")}</h1>
                    <crate::components::round::CurrentRound />
                    <super::ReplaceDraft />
                }
            })}
        <div class="notice">
            <h2>{tr(texts::questionnaire::PRIVACY_NOTICE)}</h2>
            <p>{tr(texts::questionnaire::PRIVACY_NOTICE_SUMMARY)}</p>
            <p>{tr(texts::questionnaire::YOUR_ANSWERS_ARE_KEPT)}</p>
            <p>
                <A href="/privacy">{tr(texts::questionnaire::READ_THE_FULL_PRIVACY_NOTICE)}</A>
            </p>
        </div>
        <p>
            {if update {
                tr(texts::questionnaire::THE_ANSWERS_YOU_SENT)
            } else {
                tr(texts::questionnaire::SIX_SHORT_STEPS)
            }}
        </p>
        {move || {
            ctx.draft
                .with(|d| d.derived_from.clone())
                .map(|origin| {
                    view! {
                        <div class="notice derived-notice">
                            <p>
                                {tr(texts::questionnaire::YOU_START_FROM_PRACTICE)}
                                <A href=format!("/pratiche/{origin}")>{origin.to_string()}</A>
                                {tr(texts::questionnaire::DERIVED_ANSWERS_ARE_FILLED_IN)}
                            </p>
                        </div>
                    }
                })
        }}
        <A href=page_href(ctx.mode, 1) attr:class="button button-primary">
            {if update {
                tr(texts::questionnaire::EDIT_THE_ANSWERS)
            } else {
                tr(texts::questionnaire::START_THE_QUESTIONNAIRE)
            }}
        </A>
    }
}
