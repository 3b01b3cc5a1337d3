// SPDX-License-Identifier: EUPL-1.2
//! One step of the journey: its questions, checked on "Avanti".

use super::draft_bar::DraftBar;
use super::error_summary::{ErrorSummary, focus_after_render};
use super::fields::FieldView;
use super::state::use_form;
use super::stepper::Stepper;
use super::{REVIEW, page_href};
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::questionnaire::{Field, Kind, QUESTIONNAIRE, Step};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

/// One step: its questions, "Indietro" and "Avanti".
#[component]
pub(super) fn StepPage(
    /// Which step, from 0.
    index: usize,
) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let step: &'static Step = &QUESTIONNAIRE.steps[index];
    let navigate = use_navigate();
    let heading = NodeRef::<html::H1>::new();
    let summary = NodeRef::<html::Div>::new();
    crate::components::after_paint(move || {
        if let Some(h1) = heading.get_untracked() {
            let _ = h1.focus();
        }
    });
    // Opened with "Modifica" from "Controlla le risposte": back there after it.
    let query = use_query_map();
    let back_to_review = Memo::new(move |_| query.with(|q| q.get("da").as_deref() == Some("riepilogo")));
    Effect::new(move |_| {
        let lang = lang.get();
        let failed = !ctx.errors.with(|e| e.is_empty());
        let total = QUESTIONNAIRE.steps.len();
        let title = step.title.get(lang);
        let step_of = texts::questionnaire::step_of(lang, index + 1, total);
        let page = format!("{step_of}: {title} · {}", texts::common::QUESTIONNAIRE.get(lang));
        crate::components::set_document_title(&page, failed, lang);
    });
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.update(|d| QUESTIONNAIRE.normalize_inputs(&mut d.answers));
        let comuni = ctx.comuni.get_untracked();
        let mut errors =
            ctx.draft.with_untracked(|d| QUESTIONNAIRE.validate(&d.answers, Some(index), comuni.as_deref()));
        // A Comune's name typed in the picker but not chosen from its list
        // would be lost: say so rather than go on without it.
        let picker = step.fields.iter().find(|f| matches!(f.kind, Kind::Comuni { .. }));
        if let Some(picker) = picker
            && !ctx.comune_typed.get_untracked().trim().is_empty()
            && ctx.draft.with_untracked(|d| picker.is_shown(&d.answers))
            && errors.get(picker.key).is_empty()
        {
            errors.add(picker.key, domain::FieldError::InvalidComune);
        }
        if errors.is_empty() {
            ctx.errors.set(Default::default());
            ctx.save_now();
            let last = index + 1 == QUESTIONNAIRE.steps.len();
            let target = if last || back_to_review.get_untracked() { REVIEW } else { index + 2 };
            navigate(&page_href(ctx.mode, target), Default::default());
        } else {
            ctx.errors.set(errors);
            focus_after_render(summary);
        }
    };
    let fields: Vec<&'static Field> = step.fields.iter().collect();
    view! {
        <Stepper current=index + 1 />
        <DraftBar />
        <ErrorSummary fields=fields node_ref=summary />
        <form novalidate on:submit=next>
            <h1 tabindex="-1" node_ref=heading>
                {move || step.title.get(lang.get())}
            </h1>
            {move || {
                ctx.generation.track();
                step.fields.iter().map(|field| view! { <FieldView field /> }).collect_view()
            }}
            <div class="steppers-nav">
                {(index > 0)
                    .then(|| {
                        view! {
                            <A href=page_href(ctx.mode, index) attr:class="button button-secondary">
                                {tr(texts::questionnaire::BACK)}
                            </A>
                        }
                    })} <button type="submit" class="button button-primary">
                    {move || {
                        let label = if back_to_review.get() {
                            texts::questionnaire::SAVE_AND_RETURN_TO_SUMMARY
                        } else {
                            texts::questionnaire::CONTINUE
                        };
                        label.get(lang.get())
                    }}
                </button>
            </div>
        </form>
    }
}
