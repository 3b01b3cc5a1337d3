// SPDX-License-Identifier: EUPL-1.2
//! "Controlla le risposte": every answer with a change link per step, then
//! the sending, which survives going offline.

use super::draft_bar::DraftBar;
use super::error_summary::{ErrorSummary, focus_after_render};
use super::state::{Mode, use_form};
use super::stepper::Stepper;
use super::submission::{UseSubmissionReturn, use_submission};
use super::summary::AnswersSummary;
use super::{REVIEW, page_href};
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::questionnaire::{Field, QUESTIONNAIRE};
use domain::record::fields::key;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

/// The review page of the journey in context.
#[component]
pub(super) fn Review() -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let heading = NodeRef::<html::H1>::new();
    let summary = NodeRef::<html::Div>::new();
    crate::components::after_paint(move || {
        if let Some(h1) = heading.get_untracked() {
            let _ = h1.focus();
        }
    });
    let answers = Signal::derive(move || ctx.draft.with(|d| d.answers.clone()));
    let all_fields: Vec<&'static Field> = QUESTIONNAIRE.fields().collect();
    let UseSubmissionReturn { send, sending, waiting_for_network, problem, honeypot } = use_submission();
    // A refusal is announced; focus follows to the error summary when it lists fields.
    Effect::new(move |_| {
        if problem.with(Option::is_some) {
            focus_after_render(summary);
        }
    });
    let retry = send.clone();
    view! {
        <Stepper current=REVIEW />
        <DraftBar />
        <ErrorSummary fields=all_fields node_ref=summary />
        <h1 tabindex="-1" node_ref=heading>
            {tr(texts::questionnaire::CHECK_YOUR_ANSWERS)}
        </h1>
        <AnswersSummary answers change_links=Some(ctx.mode) />
        {move || {
            problem
                .get()
                .map(|message| {
                    view! {
                        <div class="alert alert-error" role="alert">
                            <p>{message}</p>
                        </div>
                    }
                })
        }}
        {move || {
            let retry = retry.clone();
            waiting_for_network
                .get()
                .then(|| {
                    view! {
                        <div class="alert alert-warning" role="alert" data-testid="offline-notice">
                            <p>{tr(texts::questionnaire::SENDING_FAILED_OFFLINE)}</p>
                            <button type="button" class="button button-secondary" on:click=move |_| retry()>
                                {tr(texts::questionnaire::TRY_AGAIN_NOW)}
                            </button>
                        </div>
                    }
                })
        }}
        <Show when=move || !matches!(ctx.mode, Mode::Correction | Mode::Completion)>
            <div class="notice declaration" data-testid="declaration">
                <h2>{tr(texts::questionnaire::YOU_ARE_SENDING_ON_BEHALF)}</h2>
                <p>
                    {move || texts::questionnaire::sending_declaration(
                        lang.get(),
                        &ctx.draft.with(|d| entity_of(&d.answers)),
                    )}
                </p>
            </div>
        </Show>
        <form
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                send();
            }
        >
            <crate::components::Honeypot id="website" value=honeypot />
            <div class="steppers-nav">
                <A href=page_href(ctx.mode, QUESTIONNAIRE.steps.len()) attr:class="button button-secondary">
                    {tr(texts::questionnaire::BACK)}
                </A>
                <button type="submit" class="button button-primary" disabled=move || sending.get()>
                    {move || {
                        let label = match (ctx.mode, sending.get()) {
                            (_, true) => texts::questionnaire::SENDING,
                            (Mode::New, false) => texts::questionnaire::SUBMIT_THE_PRACTICE,
                            (Mode::Update, false) => texts::questionnaire::SUBMIT_THE_UPDATE,
                            (Mode::Completion, false) => texts::editors::SAVE_THE_DRAFT,
                            (Mode::Correction, false) => texts::questionnaire::SAVE_THE_CORRECTION,
                        };
                        label.get(lang.get())
                    }}
                </button>
            </div>
        </form>
    }
}

/// The entity's name as answered (empty before it is).
fn entity_of(answers: &domain::api::Answers) -> String {
    answers.get(key::ENTITY_NAME).and_then(|v| v.as_str()).map(str::trim).unwrap_or_default().to_owned()
}
