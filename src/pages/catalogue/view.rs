// SPDX-License-Identifier: EUPL-1.2
//! One view of the catalogue: the filters beside (or, on narrow screens,
//! behind one "Filtra" button over) the search, the count, the downloads,
//! the active filters, the practices and the pages.

use super::address::{CatalogueCtx, ViewAddress, use_catalogue};
use super::chips::ActiveFilters;
use super::downloads::Downloads;
use super::facets::FacetPanels;
use super::pagination::Pagination;
use super::search::SearchRow;
use super::{FORM_ID, timed_query, use_catalogue_query};
use crate::components::practice_list::PracticeList;
use crate::i18n::{tr, use_lang};
use crate::pages::embed::{embed_preset, is_embedded};
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
    let address = ViewAddress { preset: embed_preset().map(StoredValue::new), lang };
    let results = {
        let index = Arc::clone(&index);
        Memo::new(move |_| query.with(|q| timed_query(&index, q)))
    };
    provide_context(CatalogueCtx { query, results, address });
    let drawer = FiltersDrawer::new();
    let shown = Signal::derive(move || {
        let page = query.with(|q| q.page);
        results.with(|r| r.page(page).iter().map(|&i| index.entries()[i].clone()).collect::<Vec<_>>())
    });
    view! {
        // The search comes first in the reading and Tab order, before the
        // filters (the grid places it above the results, beside them).
        <div class="catalogue">
            <SearchRow />
            <FiltersPanel drawer />
            <section class="catalogue-results" aria-label=tr(texts::catalogue::RESULTS)>
                <FiltersToggle drawer />
                <div class="result-bar">
                    <p role="status" class="result-count" data-testid="result-count">
                        {move || texts::catalogue::practices_found(lang.get(), results.with(|r| r.total))}
                    </p>
                    <Show when=move || results.with(|r| r.total > 0)>
                        <Downloads />
                    </Show>
                </div>
                <SearchCorrection />
                <ActiveFilters />
                <Show when=move || results.with(|r| r.total > 0) fallback=|| view! { <NoResults /> }>
                    <PracticeList
                        practices=shown
                        highlight=Signal::derive(move || results.with(|r| r.highlight.clone()))
                        // Inside a partner's iframe, practice pages open on the main site in a new tab.
                        new_tab=is_embedded()
                    />
                    <Pagination />
                </Show>
                <Later>{use_context::<crate::pages::CommunityForms>().map(|forms| (forms.follow)())}</Later>
            </section>
        </div>
    }
}

/// On narrow screens the filters wait behind one "Filtra" button: whether
/// they are shown, and the two ends focus moves between.
#[derive(Clone, Copy)]
struct FiltersDrawer {
    /// The filters are shown over the results.
    open: RwSignal<bool>,
    /// The filters' heading, focused when they are shown.
    heading: NodeRef<leptos::html::H2>,
    /// The "Filtra" button, focused again when they are closed.
    toggle: NodeRef<leptos::html::Button>,
}

impl FiltersDrawer {
    fn new() -> Self {
        Self { open: RwSignal::new(false), heading: NodeRef::new(), toggle: NodeRef::new() }
    }

    /// Shows the filters and moves focus to their heading.
    fn show(self) {
        self.open.set(true);
        request_animation_frame(move || {
            if let Some(heading) = self.heading.get_untracked() {
                let _ = heading.focus();
            }
        });
    }

    /// Hides the filters and gives focus back to the button.
    fn close(self) {
        self.open.set(false);
        if let Some(button) = self.toggle.get_untracked() {
            let _ = button.focus();
        }
    }
}

/// The filters: the facets, in the GET form they share with the search.
#[component]
fn FiltersPanel(
    /// The filters' drawer on narrow screens.
    drawer: FiltersDrawer,
) -> impl IntoView {
    let lang = use_lang();
    let CatalogueCtx { results, .. } = use_catalogue();
    view! {
        <aside
            id="filtri"
            class="catalogue-facets"
            class:open=move || drawer.open.get()
            aria-label=tr(texts::catalogue::FILTERS)
            on:keydown=move |ev| {
                if ev.key() == "Escape" && drawer.open.get_untracked() {
                    drawer.close();
                }
            }
        >
            <h2 class="facets-title" tabindex="-1" node_ref=drawer.heading>
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
            <button type="button" class="button button-primary filters-done" on:click=move |_| drawer.close()>
                {move || {
                    let lang = lang.get();
                    let show = texts::catalogue::SHOW.get(lang);
                    let found = texts::catalogue::practices_found(lang, results.with(|r| r.total)).to_lowercase();
                    format!("{show} {}", found.trim_end_matches('.'))
                }}
            </button>
        </aside>
    }
}

/// "Filtra", with the number of filters applied: shows the filters on
/// narrow screens.
#[component]
fn FiltersToggle(
    /// The filters' drawer on narrow screens.
    drawer: FiltersDrawer,
) -> impl IntoView {
    let lang = use_lang();
    let CatalogueCtx { query, .. } = use_catalogue();
    view! {
        <button
            type="button"
            class="button button-secondary filters-toggle"
            aria-controls="filtri"
            aria-expanded=move || drawer.open.get().to_string()
            node_ref=drawer.toggle
            on:click=move |_| drawer.show()
        >
            {move || {
                let active = query.with(|q| q.filters.values().map(BTreeSet::len).sum::<usize>());
                let word = texts::catalogue::FILTER.get(lang.get());
                if active == 0 { word.to_owned() } else { format!("{word} ({active})") }
            }}
        </button>
    }
}

/// "Risultati anche per …" when the search corrected a word.
#[component]
fn SearchCorrection() -> impl IntoView {
    let CatalogueCtx { results, .. } = use_catalogue();
    view! {
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
    }
}

/// No practice found: "Forse cercavi …?" when a word is close to one known.
#[component]
fn NoResults() -> impl IntoView {
    let CatalogueCtx { query, results, address } = use_catalogue();
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
