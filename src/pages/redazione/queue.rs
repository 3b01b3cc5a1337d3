// SPDX-License-Identifier: EUPL-1.2
//! `/redazione?stato=…&q=…`: the editors' queue, a tab per state with its
//! count, oldest first, searchable by reference, title or body.

use super::{error_text, failure};
use crate::api::moderation;
use crate::components::job::Job;
use crate::components::use_document_title;
use crate::i18n::{tr, use_lang};
use crate::session::{self, SIGN_IN};
use crate::texts;
use domain::Lang;
use domain::curation::api::{QueueEntry, QueueFilter, TO_CURATE};
use domain::record::vocabulary::ModerationStatus;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::collections::BTreeMap;

/// The queue's tab of everything, whatever the state.
const ALL: &str = "tutte";

/// `/redazione`: the queue.
#[component]
pub fn QueuePage() -> impl IntoView {
    use_document_title(texts::common::EDITORS);
    let lang = use_lang();
    let query = use_query_map();
    let state = Memo::new(move |_| query.with(|q| q.get("stato")));
    let only_updates = Memo::new(move |_| query.with(|q| q.get("aggiornamenti").as_deref() == Some("true")));
    let only_stale = Memo::new(move |_| query.with(|q| q.get("da_aggiornare").as_deref() == Some("true")));
    let words = Memo::new(move |_| query.with(|q| q.get("q")).unwrap_or_default());
    let queue = LocalResource::new(move || {
        // The queue opens on what awaits the editors; "Tutte" is `?stato=tutte`.
        let stato = match (state.get(), only_updates.get() || only_stale.get()) {
            (_, true) => None,
            (Some(state), false) if state == ALL => None,
            (Some(state), false) => Some(state),
            (None, false) => Some(TO_CURATE.to_owned()),
        };
        let words = words.get();
        let filter = QueueFilter {
            stato,
            aggiornamenti: only_updates.get().then_some(true),
            da_aggiornare: only_stale.get().then_some(true),
            q: Some(words).filter(|w| !w.trim().is_empty()),
        };
        async move { moderation::queue(&filter).await }
    });
    let sign_out = Job::new(|_: ()| async {
        let _ = moderation::sign_out().await;
        session::forget();
        use_navigate()(SIGN_IN, Default::default());
    });
    view! {
        <div class="container page">
            <div class="summary-heading">
                <h1>{tr(texts::editors::SUBMISSIONS_TO_CURATE)}</h1>
                <a href="/redazione/amministrazione">{tr(texts::common::ADMINISTRATION)}</a>
                <button
                    type="button"
                    class="button button-link"
                    on:click=move |_| {
                        sign_out.dispatch(());
                    }
                >
                    {tr(texts::editors::SIGN_OUT)}
                </button>
            </div>
            <Transition fallback=|| {
                view! { <p role="status">{tr(texts::common::LOADING)}</p> }
            }>
                {move || Suspend::new(async move {
                    let page = match queue.await {
                        Ok(page) => page,
                        Err(error) => return failure(&error),
                    };
                    let lang = lang.get();
                    let current = state.get();
                    let stale_selected = only_stale.get();
                    let updates_selected = only_updates.get();
                    let rows = page
                        .submissions
                        .into_iter()
                        .map(|entry| view! { <QueueRow entry lang /> })
                        .collect_view();
                    view! {
                        <StateTabs
                            counts=page.counts
                            to_curate=page.to_curate
                            updates=page.updates_pending
                            stale=page.stale
                            current=current.clone()
                            updates_selected
                            stale_selected
                            lang
                        />
                        {(page.import_drafts > 0)
                            .then(|| {
                                view! {
                                    <p class="notice">
                                        <a href="/redazione/bozze">
                                            {texts::editors::drafts_to_complete(lang, page.import_drafts)}
                                        </a>
                                    </p>
                                }
                            })}
                        <form method="get" action="/redazione" role="search" class="queue-search">
                            {current.clone().map(|state| view! { <input type="hidden" name="stato" value=state /> })}
                            {updates_selected
                                .then(|| view! { <input type="hidden" name="aggiornamenti" value="true" /> })}
                            {stale_selected
                                .then(|| view! { <input type="hidden" name="da_aggiornare" value="true" /> })}
                            <label for="cerca">{texts::editors::SEARCH_LABEL.get(lang)}</label>
                            <input type="search" id="cerca" name="q" class="form-control" value=words.get() />
                            <button type="submit" class="button button-secondary">
                                {texts::editors::SEARCH.get(lang)}
                            </button>
                        </form>
                        <div
                            class="table-scroll"
                            role="region"
                            tabindex="0"
                            aria-label=texts::editors::SUBMISSIONS.get(lang)
                        >
                            <table class="data-table queue-table">
                                <caption>{texts::editors::OLDEST_FIRST.get(lang)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{texts::common::REFERENCE.get(lang)}</th>
                                        <th scope="col">{texts::editors::TITLE.get(lang)}</th>
                                        <th scope="col">{texts::common::BODY.get(lang)}</th>
                                        <th scope="col">{texts::editors::STATE.get(lang)}</th>
                                        <th scope="col">{texts::editors::SUBMITTED_ON.get(lang)}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                })}
            </Transition>
            <super::adoptions::AdoptionDeclarations />
            <super::reports::AccessibilityReports />
            <DailyDigestSetting />
        </div>
    }
}

/// The editor's own daily e-mail of what waits in the queue: on or off.
#[component]
fn DailyDigestSetting() -> impl IntoView {
    // The box appears once the setting is known, and is then never redrawn.
    let on = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move {
        if let Ok(setting) = moderation::daily_digest().await {
            on.set(Some(setting.daily_digest));
        }
    });
    let saved = RwSignal::new(None::<Result<bool, String>>);
    let (turned_on, turned_off) = (tr(texts::editors::SUMMARY_TURNED_ON), tr(texts::editors::SUMMARY_TURNED_OFF));
    let save = Job::new(move |wanted: bool| async move {
        let done = moderation::set_daily_digest(wanted).await.map(|d| d.daily_digest);
        if let Ok(now) = done {
            on.set(Some(now));
        }
        saved.set(Some(done.map_err(|e| error_text(&e))));
    });
    view! {
        <section class="daily-digest" aria-labelledby="daily-digest-heading">
            <h2 id="daily-digest-heading">{tr(texts::editors::E_MAIL_SUMMARY)}</h2>
            <Show when=move || on.get().is_some()>
                <div class="form-check">
                    <input
                        type="checkbox"
                        id="daily-digest"
                        prop:checked=move || on.get() == Some(true)
                        on:change=move |ev| {
                            save.dispatch(event_target_checked(&ev));
                        }
                    />
                    <label for="daily-digest">{tr(texts::editors::DAILY_SUMMARY_LABEL)}</label>
                </div>
            </Show>
            <p role="status" class="form-hint">
                {move || match saved.get() {
                    Some(Ok(true)) => turned_on().to_owned(),
                    Some(Ok(false)) => turned_off().to_owned(),
                    Some(Err(problem)) => problem,
                    None => String::new(),
                }}
            </p>
        </section>
    }
}

/// The queue's tabs: what awaits the editors, everything, each state, and
/// the lists of updates to review and of practices needing an update, each
/// with its count.
#[component]
fn StateTabs(
    counts: BTreeMap<ModerationStatus, usize>,
    to_curate: usize,
    updates: usize,
    stale: usize,
    /// The state in the address, if any.
    current: Option<String>,
    updates_selected: bool,
    stale_selected: bool,
    lang: Lang,
) -> impl IntoView {
    let other_list = updates_selected || stale_selected;
    let tabs = ModerationStatus::ALL
        .iter()
        .map(|status| {
            let count = counts.get(status).copied().unwrap_or(0);
            let selected = !other_list && current.as_deref() == Some(status.code());
            // A state's tab is current only when no list of its own is.
            view! {
                <li>
                    <a href=format!("/redazione?stato={}", status.code()) aria-current=selected.then_some("page")>
                        {format!("{} ({count})", status.label(lang))}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav aria-label=texts::editors::STATES.get(lang)>
            <ul class="chips status-tabs">
                <li>
                    <a href="/redazione" aria-current=(current.is_none() && !other_list).then_some("page")>
                        {format!("{} ({})", texts::editors::TO_CURATE.get(lang), to_curate)}
                    </a>
                </li>
                <li>
                    <a
                        href=format!("/redazione?stato={ALL}")
                        aria-current=(current.as_deref() == Some(ALL) && !other_list).then_some("page")
                    >
                        {texts::editors::ALL.get(lang)}
                    </a>
                </li>
                {tabs}
                <li>
                    <a href="/redazione?aggiornamenti=true" aria-current=updates_selected.then_some("page")>
                        {format!("{} ({updates})", texts::editors::UPDATES_TO_REVIEW.get(lang))}
                    </a>
                </li>
                <li>
                    <a href="/redazione?da_aggiornare=true" aria-current=stale_selected.then_some("page")>
                        {format!("{} ({stale})", texts::editors::NEEDS_UPDATING.get(lang))}
                    </a>
                </li>
            </ul>
        </nav>
    }
}

/// One submission of the queue.
#[component]
fn QueueRow(entry: QueueEntry, lang: Lang) -> impl IntoView {
    let id = entry.id.to_string();
    let status = entry.moderation_status.label(lang);
    let update_pending = entry.update_pending;
    let stale = entry.stale;
    let imported = entry.imported;
    let harvested = entry.harvested_from.map(|source| texts::editors::harvested_badge(lang, &source));
    view! {
        <tr>
            <td class="nowrap">
                <a href=format!("/redazione/pratiche/{id}")>{id.clone()}</a>
            </td>
            <td>{entry.title}</td>
            <td>{entry.entity_name}</td>
            <td>
                {status}
                {update_pending
                    .then(|| {
                        view! { <span class="badge">{texts::editors::UPDATE_TO_REVIEW.get(lang)}</span> }
                    })}
                {stale
                    .then(|| {
                        view! { <span class="badge badge-warning">{texts::common::NEEDS_UPDATING.get(lang)}</span> }
                    })} {imported.then(|| view! { <span class="badge">{texts::editors::IMPORTED.get(lang)}</span> })}
                {harvested.map(|badge| view! { <span class="badge">{badge}</span> })}
            </td>
            <td class="nowrap">{domain::dates::long_date(&entry.submitted_at, lang)}</td>
        </tr>
    }
}
