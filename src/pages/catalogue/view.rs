// SPDX-License-Identifier: EUPL-1.2
//! One view of the catalogue: the filters beside (or, on narrow screens,
//! behind one "Filtra" button over) the search, the count, the downloads,
//! the active filters, the practices and the pages.

use super::address::{CatalogueCtx, ViewAddress};
use super::chips::ActiveFilters;
use super::downloads::Downloads;
use super::facets::FacetPanels;
use super::pagination::Pagination;
use super::search::SearchRow;
use super::{FORM_ID, timed_query, use_catalogue_query};
use crate::components::practice_list::PracticeList;
use crate::i18n::{tr, use_lang};
use crate::passes::Later;
use crate::texts;
use domain::Lang;
use domain::catalogue::{CatalogueIndex, Query};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The catalogue of `index`, as the URL's query selects it.
#[component]
pub(super) fn CatalogueView(
    /// The published practices, indexed.
    index: Arc<CatalogueIndex>,
) -> impl IntoView {
    let lang = use_lang();
    let query = use_catalogue_query();
    let address = ViewAddress { preset: crate::pages::embed::embed_preset().map(StoredValue::new), lang };
    let results = {
        let index = Arc::clone(&index);
        Memo::new(move |_| query.with(|q| timed_query(&index, q)))
    };
    provide_context(CatalogueCtx { query, results, address });
    // On narrow screens the filters wait behind one "Filtra" button.
    let filters_open = RwSignal::new(false);
    let filters_heading = NodeRef::<leptos::html::H2>::new();
    let filters_toggle = NodeRef::<leptos::html::Button>::new();
    let close_filters = move || {
        filters_open.set(false);
        if let Some(button) = filters_toggle.get_untracked() {
            let _ = button.focus();
        }
    };
    let shown = Signal::derive(move || {
        let page = query.with(|q| q.page);
        results.with(|r| r.page(page).iter().map(|&i| index.entries()[i].clone()).collect::<Vec<_>>())
    });
    view! {
        // The search comes first in the reading and Tab order, before the
        // filters (the grid places it above the results, beside them).
        <div class="catalogue">
            <SearchRow />
            <aside
                id="filtri"
                class="catalogue-facets"
                class:open=move || filters_open.get()
                aria-label=tr(texts::catalogue::FILTERS)
                on:keydown=move |ev| {
                    if ev.key() == "Escape" && filters_open.get_untracked() {
                        close_filters();
                    }
                }
            >
                <h2 class="facets-title" tabindex="-1" node_ref=filters_heading>
                    {tr(texts::catalogue::FILTER)}
                </h2>
                // The filters and the search are one GET form, for a visitor
                // without scripts; the app applies every change at once.
                <form
                    id=FORM_ID
                    method="get"
                    action=use_location().pathname.get_untracked()
                    on:submit=|ev| ev.prevent_default()
                >
                    {move || (lang.get() == Lang::En).then(|| view! { <input type="hidden" name="lang" value="en" /> })}
                </form>
                <FacetPanels />
                <noscript>
                    <button type="submit" form=FORM_ID class="button button-secondary">
                        {tr(texts::catalogue::APPLY_THE_FILTERS)}
                    </button>
                </noscript>
                <button type="button" class="button button-primary filters-done" on:click=move |_| close_filters()>
                    {move || {
                        let lang = lang.get();
                        let show = texts::catalogue::SHOW.get(lang);
                        let found = texts::catalogue::practices_found(lang, results.with(|r| r.total)).to_lowercase();
                        format!("{show} {}", found.trim_end_matches('.'))
                    }}
                </button>
            </aside>
            <section class="catalogue-results" aria-label=tr(texts::catalogue::RESULTS)>
                <button
                    type="button"
                    class="button button-secondary filters-toggle"
                    aria-controls="filtri"
                    aria-expanded=move || filters_open.get().to_string()
                    node_ref=filters_toggle
                    on:click=move |_| {
                        filters_open.set(true);
                        request_animation_frame(move || {
                            if let Some(heading) = filters_heading.get_untracked() {
                                let _ = heading.focus();
                            }
                        });
                    }
                >
                    {move || {
                        let active = query.with(|q| q.filters.values().map(BTreeSet::len).sum::<usize>());
                        let word = texts::catalogue::FILTER.get(lang.get());
                        if active == 0 { word.to_owned() } else { format!("{word} ({active})") }
                    }}
                </button>
                <div class="result-bar">
                    <p role="status" class="result-count" data-testid="result-count">
                        {move || texts::catalogue::practices_found(lang.get(), results.with(|r| r.total))}
                    </p>
                    <Show when=move || results.with(|r| r.total > 0)>
                        <Downloads />
                    </Show>
                </div>
                <p role="status" class="search-correction">
                    {move || {
                        results
                            .with(|r| r.corrected.clone())
                            .map(|corrected| {
                                view! {
                                    {tr(texts::catalogue::RESULTS_ALSO_FOR)}
                                    " "
                                    <strong lang="it">{corrected}</strong>
                                }
                            })
                    }}
                </p>
                <ActiveFilters />
                <Show
                    when=move || results.with(|r| r.total > 0)
                    fallback=move || {
                        view! {
                            <div class="empty-state">
                                {move || {
                                    results
                                        .with(|r| r.suggestion.clone())
                                        .map(|suggested| {
                                            let href = query
                                                .with(|q| {
                                                    address
                                                        .href(
                                                            &Query {
                                                                text: suggested.clone(),
                                                                page: 1,
                                                                ..q.clone()
                                                            },
                                                        )
                                                });
                                            view! {
                                                <p class="suggestion">
                                                    {tr(texts::catalogue::DID_YOU_MEAN)} " " <a href=href lang="it">
                                                        {suggested}
                                                    </a> "?"
                                                </p>
                                            }
                                        })
                                }} <p>{tr(texts::catalogue::NO_PRACTICE_MATCHES)}</p>
                            </div>
                        }
                    }
                >
                    <PracticeList
                        practices=shown
                        highlight=Signal::derive(move || results.with(|r| r.highlight.clone()))
                    />
                    <Pagination />
                </Show>
                <Later>{use_context::<crate::pages::CommunityForms>().map(|forms| (forms.follow)())}</Later>
            </section>
        </div>
    }
}
