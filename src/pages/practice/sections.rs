// SPDX-License-Identifier: EUPL-1.2
//! A practice's public answers, one section per step of the questionnaire,
//! each field with its label: the questionnaire's definition says which
//! fields are public, so a private one is never shown.

use crate::i18n::use_lang;
use crate::passes::Later;
use domain::Lang;
use domain::api::Answers;
use domain::questionnaire::{Field, Kind, QUESTIONNAIRE, Step, Visibility};
use domain::record::answers::display;
use domain::record::comuni::ComuneIndex;
use domain::record::fields::key;
use leptos::prelude::*;
use serde_json::Value;
use std::sync::Arc;

/// The ISTAT list of Comuni, once fetched.
type Comuni = RwSignal<Option<Arc<ComuneIndex>>>;

/// The public answers, by step; a step with none is left out.
#[component]
pub(super) fn PublicSections(
    /// The practice's answers.
    answers: Answers,
    /// Some answer names Comuni, so the list is needed.
    names_comuni: bool,
) -> impl IntoView {
    let comuni = if names_comuni { crate::comuni::use_comuni() } else { RwSignal::new(None) };
    let practice = StoredValue::new(answers);
    QUESTIONNAIRE
        .steps
        .iter()
        .map(|step| {
            let fields: Vec<_> = step
                .fields
                .iter()
                .filter(|f| f.visibility == Visibility::Public)
                // The title is the page's heading and the summary its lead.
                .filter(|f| ![key::TITLE, key::SUMMARY].contains(&f.key))
                // An opt-out is a setting, shown by what the page offers.
                .filter(|f| !matches!(f.kind, Kind::Checkbox))
                .filter(|f| practice.with_value(|p| !domain::questionnaire::is_empty(p.get(f.key))))
                .collect();
            (!fields.is_empty()).then(|| view! { <SummarySection step fields practice comuni /> })
        })
        .collect_view()
}

/// One step's public answers.
#[component]
fn SummarySection(
    /// The step.
    step: &'static Step,
    /// Its public fields that have an answer.
    fields: Vec<&'static Field>,
    /// The practice's answers.
    practice: StoredValue<Answers>,
    /// The ISTAT list of Comuni, once fetched.
    comuni: Comuni,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Later>
            <section class="summary-section">
                <h2>{move || step.title.get(lang.get())}</h2>
                <dl class="summary-list">
                    {fields
                        .into_iter()
                        .map(|field| {
                            let value = move || practice.with_value(|p| answer(field, p, lang.get(), comuni));
                            let italian = matches!(field.kind, Kind::Text { .. }).then_some("it");
                            // Free text is in Italian whatever the interface's language.
                            view! {
                                <div class="summary-row">
                                    <dt>{move || field.label.get(lang.get())}</dt>
                                    <dd lang=italian>{value}</dd>
                                </div>
                            }
                        })
                        .collect_view()}
                </dl>
            </section>
        </Later>
    }
}

/// One answer as shown: links as links, the rest as words.
fn answer(field: &'static Field, practice: &Answers, lang: Lang, comuni: Comuni) -> AnyView {
    if let Kind::Urls { .. } = field.kind {
        practice
            .get(field.key)
            .and_then(Value::as_array)
            .map(|links| {
                links
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|link| {
                        view! {
                            <a href=link.to_owned() rel="noopener noreferrer">
                                {link.to_owned()}
                            </a>
                            " "
                        }
                    })
                    .collect_view()
                    .into_any()
            })
            .unwrap_or_else(|| ().into_any())
    } else {
        let comuni = comuni.get();
        display(field, practice.get(field.key), lang, comuni.as_deref()).into_any()
    }
}
