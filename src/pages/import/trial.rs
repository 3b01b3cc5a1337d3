// SPDX-License-Identifier: EUPL-1.2
//! The trial's outcome: how many rows are ready, which have problems and
//! why (in words, by row), the import of the ready rows, and its undo.

use super::Import;
use crate::api::moderation;
use crate::components::job::Job;
use crate::i18n::{tr, use_lang};
use crate::pages::admin::report;
use crate::texts;
use domain::questionnaire::import::api::Checked;
use leptos::prelude::*;

/// The figures, the rows with problems, the import and its undo.
#[component]
pub(super) fn Trial(state: Import, checked: Checked) -> impl IntoView {
    let lang = use_lang();
    let (ready, with_problems, already) = (checked.ready, checked.with_problems, checked.already);
    let import = Job::new(move |()| async move {
        let Some(upload) = state.upload.get_untracked() else { return };
        let lang = lang.get_untracked();
        let done = moderation::import(upload.id, &state.with_mapping()).await.map(|imported| {
            let said = texts::import::imported(lang, &imported);
            state.imported.set(Some(imported));
            said
        });
        report(state.outcome, lang, done);
    });
    let problems = checked.rows.into_iter().filter(|row| !row.already && !row.problems.is_empty());
    let problems: Vec<String> = problems.flat_map(|row| row.problems).collect();
    let something = move || ready > 0 || (with_problems > 0 && state.drafts.get());
    let can_import = move || something() && !state.changed.get() && state.imported.get().is_none();
    view! {
        <h2>{tr(texts::import::TRIAL)}</h2>
        <p data-testid="import-trial">{move || texts::import::trial(lang.get(), ready, with_problems, already)}</p>
        {move || {
            state
                .changed
                .get()
                .then(|| {
                    view! {
                        <div class="alert alert-warning" role="note">
                            <p>{tr(texts::import::CHANGED)}</p>
                        </div>
                    }
                })
        }}
        <ProblemRows problems />
        {(with_problems > 0)
            .then(|| {
                view! {
                    <div class="form-check">
                        <input
                            type="checkbox"
                            id="import-drafts"
                            prop:checked=move || state.drafts.get()
                            on:change=move |ev| state.drafts.set(event_target_checked(&ev))
                        />
                        <label for="import-drafts">{move || texts::import::as_drafts(lang.get(), with_problems)}</label>
                    </div>
                }
            })}
        <p>
            <button
                type="button"
                class="button button-primary"
                disabled=move || !can_import() || import.pending().get()
                on:click=move |_| {
                    state.outcome.set(None);
                    import.dispatch(());
                }
            >
                {move || {
                    let drafts = if state.drafts.get() { with_problems } else { 0 };
                    texts::import::import_rows(lang.get(), ready + drafts)
                }}
            </button>
        </p>
        <Undo state />
    }
}

/// How many problems the page lists; a file of 5,000 rows may have many
/// more, and the first ones tell what to fix in the mapping or the file.
const PROBLEMS_SHOWN: usize = 200;

/// The rows left out and why, in words ("riga 14, Data di avvio: ...").
#[component]
fn ProblemRows(problems: Vec<String>) -> impl IntoView {
    let lang = use_lang();
    let more = problems.len().saturating_sub(PROBLEMS_SHOWN);
    (!problems.is_empty()).then(|| {
        let items = problems.into_iter().take(PROBLEMS_SHOWN).map(|problem| view! { <li>{problem}</li> });
        view! {
            <h3>{tr(texts::import::ROWS_WITH_PROBLEMS)}</h3>
            <p>{tr(texts::import::PROBLEMS_LEAD)}</p>
            <ul class="import-problems">{items.collect_view()}</ul>
            {(more > 0).then(|| view! { <p>{move || texts::import::more_problems(lang.get(), more)}</p> })}
        }
    })
}

/// After an import: the way to the queue, and the undo of the batch.
#[component]
fn Undo(state: Import) -> impl IntoView {
    let lang = use_lang();
    let undo = Job::new(move |batch: i64| async move {
        let lang = lang.get_untracked();
        let done = moderation::undo_import(batch).await.map(|removed| {
            state.imported.set(None);
            state.changed.set(true);
            texts::import::undone(lang, removed)
        });
        report(state.outcome, lang, done);
    });
    move || {
        state.imported.get().filter(|imported| imported.created > 0).map(|imported| {
            view! {
                <p>
                    <a href="/redazione">{tr(texts::import::TO_THE_QUEUE)}</a>
                </p>
                <p>
                    <button
                        type="button"
                        class="button button-secondary"
                        disabled=move || undo.pending().get()
                        on:click=move |_| undo.dispatch(imported.batch)
                    >
                        {tr(texts::import::UNDO)}
                    </button>
                </p>
            }
        })
    }
}
