// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/amministrazione/fonti`, for admins: the other collections
//! harvested (another instance's open data), each with its last read, what
//! it brought, and the buttons to read it now or pause it; and the form to
//! add one. The server fetches, reads and plans every run (`crate::harvest`
//! on the server); a run that fails changes nothing and says why here.

use crate::api::{ApiError, moderation};
use crate::components::job::Job;
use crate::components::use_document_title;
use crate::i18n::{tr, use_lang};
use crate::pages::admin::{AdminBreadcrumb, OutcomeNotice, report};
use crate::pages::redazione::failure;
use crate::texts;
use domain::harvest::ItemProblem;
use domain::harvest::api::{HarvestSource, SourceChange};
use leptos::prelude::*;

mod form;

/// `/redazione/amministrazione/fonti`.
#[component]
pub fn HarvestPage() -> impl IntoView {
    use_document_title(texts::harvest::OTHER_COLLECTIONS);
    let lang = use_lang();
    let version = RwSignal::new(0u32);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let problems = RwSignal::new(Vec::<ItemProblem>::new());
    // Fetched again after each change (a Job, not a resource: the import's
    // entry carries no async resource machinery).
    let sources = RwSignal::new(None::<Result<Vec<HarvestSource>, ApiError>>);
    let load = Job::new(move |()| async move { sources.set(Some(moderation::harvest_sources().await)) });
    Effect::new(move |_| {
        version.track();
        load.dispatch(());
    });
    let run = Job::new(move |(id, name): (i64, String)| async move {
        outcome.set(None);
        let done = moderation::run_harvest_source(id).await.map(|run| {
            problems.set(run.problems.clone());
            texts::harvest::run_said(lang.get_untracked(), &name, &run)
        });
        report(outcome, lang.get_untracked(), done);
        version.update(|v| *v += 1);
    });
    let pause = Job::new(move |(id, active): (i64, bool)| async move {
        let change = SourceChange { active: Some(active), ..SourceChange::default() };
        let done = moderation::change_harvest_source(id, &change).await.map(|_| String::new());
        if done.is_err() {
            report(outcome, lang.get_untracked(), done);
        }
        version.update(|v| *v += 1);
    });
    view! {
        <div class="container page">
            <AdminBreadcrumb />
            <h1>{tr(texts::harvest::OTHER_COLLECTIONS)}</h1>
            <p class="lead">{tr(texts::harvest::LEAD)}</p>
            <OutcomeNotice outcome />
            <Problems problems />
            <h2>{tr(texts::harvest::SOURCES)}</h2>
            {move || {
                sources
                    .get()
                    .map(|found: Result<Vec<HarvestSource>, ApiError>| match found {
                        Ok(found) if found.is_empty() => view! { <p>{tr(texts::harvest::NO_SOURCES)}</p> }.into_any(),
                        Ok(found) => view! { <SourcesTable sources=found run pause /> }.into_any(),
                        Err(error) => failure(&error),
                    })
            }}
            <h2>{tr(texts::harvest::ADD_THE_SOURCE)}</h2>
            <form::SourceForm outcome version />
        </div>
    }
}

/// The practices the last run could not take, and why.
#[component]
fn Problems(problems: RwSignal<Vec<ItemProblem>>) -> impl IntoView {
    move || {
        let problems = problems.get();
        (!problems.is_empty()).then(|| {
            let items = problems
                .into_iter()
                .map(|p| {
                    let what = format!("{} «{}»: {}", p.remote_id, p.title.unwrap_or_default(), p.problems.join("; "));
                    view! { <li lang="it">{what}</li> }
                })
                .collect_view();
            view! {
                <h2>{tr(texts::harvest::PROBLEMS)}</h2>
                <ul data-testid="harvest-problems">{items}</ul>
            }
        })
    }
}

/// The sources, one row each.
#[component]
fn SourcesTable(sources: Vec<HarvestSource>, run: Job<(i64, String)>, pause: Job<(i64, bool)>) -> impl IntoView {
    let lang = use_lang();
    let caption = tr(texts::harvest::SOURCES_CAPTION);
    let headers = [texts::harvest::NAME, texts::harvest::LAST_RUN, texts::harvest::PRACTICES, texts::harvest::ACTIONS];
    let rows = sources
        .into_iter()
        .map(|source| {
            let HarvestSource { id, name, url, active, last_run_at, last_error, practices, gone, .. } = source;
            let last = move || {
                let lang = lang.get();
                let when = last_run_at.as_deref().map_or_else(
                    || texts::harvest::NEVER.get(lang).to_owned(),
                    |at| domain::dates::long_date(at, lang),
                );
                let error = last_error.as_ref().map(|e| format!(": {}", e.describe(lang))).unwrap_or_default();
                format!("{when}{error}")
            };
            let (run_name, pause_name) = (name.clone(), name.clone());
            let run_label = move || texts::harvest::for_source(lang.get(), texts::harvest::HARVEST_NOW, &run_name);
            let verb = if active { texts::harvest::PAUSE } else { texts::harvest::RESUME };
            let pause_label = move || texts::harvest::for_source(lang.get(), verb, &pause_name);
            let run_args = (id, name.clone());
            view! {
                <tr>
                    <td>
                        <span lang="it">{name}</span>
                        {(!active).then(|| view! { <span class="badge">{tr(texts::harvest::PAUSED)}</span> })}
                        <br />
                        <span class="form-hint">{url}</span>
                    </td>
                    <td>{last}</td>
                    <td>{move || texts::harvest::held(lang.get(), practices, gone)}</td>
                    <td>
                        <button
                            type="button"
                            class="button button-secondary"
                            aria-label=run_label
                            disabled=move || run.pending().get()
                            on:click=move |_| run.dispatch(run_args.clone())
                        >
                            {tr(texts::harvest::HARVEST_NOW)}
                        </button>
                        " "
                        <button
                            type="button"
                            class="button button-link"
                            aria-label=pause_label
                            on:click=move |_| pause.dispatch((id, !active))
                        >
                            {tr(verb)}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-label=caption tabindex="0">
            <table class="data-table list-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>{headers.map(|h| view! { <th scope="col">{tr(h)}</th> })}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
