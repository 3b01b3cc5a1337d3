// SPDX-License-Identifier: EUPL-1.2
//! Every answer of a journey, step by step, as people read them: on
//! "Controlla le risposte" (with a change link per step) and on the receipt.

use super::page_href;
use super::state::Mode;
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::api::Answers;
use domain::questionnaire::QUESTIONNAIRE;
use domain::record::answers::display;
use leptos::prelude::*;
use leptos_router::components::A;

/// The answers of every step, each section with its change link (optional).
#[component]
pub(super) fn AnswersSummary(
    /// The answers to show.
    answers: Signal<Answers>,
    /// Where each section's "Modifica" link goes, if anywhere.
    change_links: Option<Mode>,
) -> impl IntoView {
    let comuni = crate::comuni::use_comuni();
    let lang = use_lang();
    QUESTIONNAIRE
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            view! {
                <section class="summary-section">
                    <div class="summary-heading">
                        <h2>{move || step.title.get(lang.get())}</h2>
                        {change_links
                            .map(|mode| {
                                view! {
                                    <A href=format!(
                                        "{}&da=riepilogo",
                                        page_href(mode, i + 1),
                                    )>
                                        {tr(texts::questionnaire::CHANGE)}
                                        <span class="visually-hidden">
                                            {move || format!(" {}", step.title.get(lang.get()))}
                                        </span>
                                    </A>
                                }
                            })}
                    </div>
                    <dl class="summary-list">
                        {step
                            .fields
                            .iter()
                            .map(|field| {
                                let shown = move || answers.with(|a| field.is_shown(a));
                                view! {
                                    <Show when=shown>
                                        <div class="summary-row">
                                            <dt>{move || field.label.get(lang.get())}</dt>
                                            <dd>
                                                {move || {
                                                    let comuni = comuni.get();
                                                    answers
                                                        .with(|a| display(
                                                            field,
                                                            a.get(field.key),
                                                            lang.get(),
                                                            comuni.as_deref(),
                                                        ))
                                                }}
                                            </dd>
                                        </div>
                                    </Show>
                                }
                            })
                            .collect_view()}
                    </dl>
                </section>
            }
        })
        .collect_view()
}
