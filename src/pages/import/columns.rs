// SPDX-License-Identifier: EUPL-1.2
//! The file's columns, each with its header, a few values to recognise it by
//! and the question it answers (or the date sent, or nothing); the
//! separator of multiple choices; the button that tries the import.

use super::Import;
use crate::components::job::Job;
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::Lang;
use domain::questionnaire::QUESTIONNAIRE;
use domain::questionnaire::import::api::Upload;
use domain::questionnaire::import::{SKIP, SUBMITTED};
use leptos::prelude::*;

/// The columns' table and the trial's button.
#[component]
pub(super) fn Columns(state: Import, upload: Upload, check: Job<()>) -> impl IntoView {
    let lang = use_lang();
    let said = if upload.saved { texts::import::SAVED_MAPPING } else { texts::import::PROPOSED_MAPPING };
    let rows = upload.headers.iter().enumerate().map(|(column, header)| {
        let samples = upload.samples.iter().filter_map(|row| row.get(column)).map(|c| c.trim());
        let samples: Vec<String> = samples.filter(|c| !c.is_empty()).map(shortened).collect();
        let samples = samples.join(" · ");
        view! {
            <tr>
                <th scope="row">{header.clone()}</th>
                <td class="samples">{samples}</td>
                <td>
                    <QuestionSelect state column header=header.clone() />
                </td>
            </tr>
        }
    });
    let rows = rows.collect_view();
    let separator = move |ev: leptos::ev::Event| state.edit(|m| m.separator = event_target_value(&ev));
    let trying = check.pending();
    view! {
        <h2>{tr(texts::import::COLUMNS)}</h2>
        <p>{tr(said)}</p>
        <div class="table-scroll">
            <table class="data-table import-table">
                <caption class="visually-hidden">{tr(texts::import::COLUMNS)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(texts::import::COLUMN)}</th>
                        <th scope="col">{tr(texts::import::EXAMPLES)}</th>
                        <th scope="col">{tr(texts::import::QUESTION)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <div class="form-group">
            <label for="importa-separatore">{tr(texts::import::SEPARATOR)}</label>
            <p class="form-hint" id="importa-separatore-hint">
                {tr(texts::import::SEPARATOR_HINT)}
            </p>
            <input
                type="text"
                id="importa-separatore"
                class="form-control input-short"
                aria-describedby="importa-separatore-hint"
                prop:value=move || state.mapping.with(|m| m.separator.clone())
                on:change=separator
            />
        </div>
        <p>
            <button
                type="button"
                class="button button-secondary"
                disabled=move || trying.get()
                on:click=move |_| {
                    state.outcome.set(None);
                    check.dispatch(());
                }
            >
                {move || texts::import::TRY.get(lang.get())}
            </button>
        </p>
    }
}

/// A sample as the table shows it: its first 60 characters.
fn shortened(cell: &str) -> String {
    match cell.char_indices().nth(60) {
        Some((end, _)) => format!("{}…", &cell[..end]),
        None => cell.to_owned(),
    }
}

/// The question a column answers, chosen among every question of the
/// questionnaire, the date sent, or nothing.
#[component]
fn QuestionSelect(state: Import, column: usize, header: String) -> impl IntoView {
    let lang = use_lang();
    let chosen = Memo::new(move |_| state.mapping.with(|m| m.columns.get(column).cloned().unwrap_or_default()));
    let choose = move |ev: leptos::ev::Event| {
        let target = event_target_value(&ev);
        state.edit(|m| {
            if let Some(slot) = m.columns.get_mut(column) {
                *slot = target;
            }
        });
    };
    let options = move |lang: Lang| {
        let fixed =
            [(SKIP, texts::import::DO_NOT_IMPORT.get(lang)), (SUBMITTED, texts::import::SUBMISSION_DATE.get(lang))];
        let questions = QUESTIONNAIRE.fields().map(move |field| (field.key, field.label.get(lang)));
        super::option_list(fixed.into_iter().chain(questions), chosen)
    };
    view! {
        <select
            class="form-control"
            aria-label=move || texts::import::question_for(lang.get(), &header)
            on:change=choose
        >
            {move || options(lang.get())}
        </select>
    }
}
