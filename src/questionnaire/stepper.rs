// SPDX-License-Identifier: EUPL-1.2
//! "Passo N di 6" and the list of steps above every page of the journey.

use super::state::use_form;
use super::{REVIEW, page_href};
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::questionnaire::QUESTIONNAIRE;
use leptos::prelude::*;
use leptos_router::components::A;

/// "Passo N di 6" and the stepper: completed steps are links, the current one
/// is marked `aria-current="step"`.
#[component]
pub(super) fn Stepper(
    /// The page on screen: a step from 1, or the review.
    current: usize,
) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let reached = Memo::new(move |_| ctx.draft.with(|d| d.reached));
    let total = QUESTIONNAIRE.steps.len();
    // A step is completed when its checks pass, not merely when it was opened.
    let passing = Memo::new(move |_| {
        let comuni = ctx.comuni.get();
        ctx.draft.with(|d| {
            (0..total)
                .map(|i| QUESTIONNAIRE.validate(&d.answers, Some(i), comuni.as_deref()).is_empty())
                .collect::<Vec<_>>()
        })
    });
    let passes = move |i: usize| passing.with(|p| p.get(i).copied().unwrap_or(false));
    view! {
        <nav class="steppers" aria-label=tr(texts::questionnaire::QUESTIONNAIRE_STEPS)>
            <p class="steppers-index">
                {move || {
                    if current == REVIEW {
                        texts::questionnaire::FINAL_CHECK.get(lang.get()).to_owned()
                    } else {
                        texts::questionnaire::step_of(lang.get(), current, total)
                    }
                }}
            </p>
            <ol class="steppers-header">
                {QUESTIONNAIRE
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, step)| {
                        let number = i + 1;
                        let title = move || step.title.get(lang.get());
                        let done = move || { number != current && number <= reached.get().max(current) && passes(i) };
                        view! {
                            <li
                                class:active=number == current
                                class:confirmed=done
                                aria-current=(number == current).then_some("step")
                            >
                                {move || {
                                    if number != current && number <= reached.get().max(current) {
                                        view! {
                                            <A href=page_href(ctx.mode, number)>
                                                <span class="step-number">{number}</span>
                                                {title}
                                                <span class="visually-hidden">
                                                    {move || {
                                                        if done() {
                                                            texts::questionnaire::COMPLETED.get(lang.get())
                                                        } else {
                                                            ""
                                                        }
                                                    }}
                                                </span>
                                            </A>
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            <span>
                                                <span class="step-number">{number}</span>
                                                {title}
                                            </span>
                                        }
                                            .into_any()
                                    }
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
