// SPDX-License-Identifier: EUPL-1.2
//! The public catalogue: search, facets with live counts, active filters as
//! removable chips, sort, pages, all held in the URL so that a copied link
//! shows the same view and back/forward restore earlier ones. The query runs
//! in the browser with the domain crate's engine; each run is recorded as a
//! User Timing measure named `catalogue:query`.
//!
//! This module loads the catalogue and turns URLs into queries and back;
//! the view and each of its parts (facets, search and sort, downloads,
//! chips, pages) have a module of their own.

mod address;
mod chips;
mod downloads;
mod facets;
mod follow;
pub(super) use follow::FollowView;
mod pagination;
mod search;
mod view;

use crate::api;
use crate::components::{page_heading, use_document_title};
use crate::i18n::{tr, use_lang};
use crate::passes::Later;
use crate::start::StartRead;
use crate::texts;
use domain::catalogue::{CatalogueIndex, Facet, Query, Results};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;
use view::CatalogueView;

/// The public catalogue of published practices.
#[component]
pub fn CataloguePage() -> impl IntoView {
    use_document_title(texts::common::CATALOGUE);
    let catalogue = StartRead::new(|| api::data_source().catalogue_url().to_owned(), api::fetch_catalogue);
    let lang = use_lang();
    view! {
        <div class="container page">
            <h1>{page_heading("/catalogo")}</h1>
            {move || match catalogue.get() {
                None => view! { <p role="status">{tr(texts::catalogue::LOADING_THE_PRACTICES)}</p> }.into_any(),
                Some(Ok(catalogue)) => {
                    let practices = catalogue.practices;
                    (move || {
                        let lang = lang.get();
                        let practices = practices.clone();
                        // Indexed anew in the other language: its labels are searched.
                        view! {
                            <Later>
                                {
                                    let index = Arc::new(CatalogueIndex::new(practices, lang));
                                    view! { <CatalogueView index /> }
                                }
                            </Later>
                        }
                    })
                        .into_any()
                }
                Some(Err(error)) => {
                    view! {
                        <div role="alert" class="alert alert-error">
                            <p>{error.message()}</p>
                            <button class="button button-secondary" on:click=move |_| catalogue.refetch()>
                                {tr(texts::catalogue::TRY_AGAIN)}
                            </button>
                        </div>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// The form of the filters, the search and the sort (`<form method="get">`,
/// which the app enhances: without scripts it is how a visitor filters).
const FORM_ID: &str = "filtri-form";

/// The query held in the URL.
pub fn use_catalogue_query() -> Memo<Query> {
    let params = use_query_map();
    Memo::new(move |_| {
        params.with(|p| {
            let keys = ["q", "ordina", "pagina"].into_iter().chain(Facet::ALL.iter().map(|f| f.url_key()));
            // A key may come more than once (the form sends one per ticked box).
            let pairs: Vec<(&str, String)> =
                keys.flat_map(|k| p.get_all(k).unwrap_or_default().into_iter().map(move |v| (k, v))).collect();
            Query::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        })
    })
}

/// The catalogue address of a query.
pub fn catalogue_href(query: &Query) -> String {
    href_at("/catalogo", query, &[])
}

/// The address at `path` of a query, with `extra` parameters after its own.
pub(crate) fn href_at(path: &str, query: &Query, extra: &[(&str, &str)]) -> String {
    let pairs = query.to_pairs();
    let mut encoded: Vec<String> =
        pairs.iter().map(|(k, v)| format!("{k}={}", crate::components::encode_uri_component(v))).collect();
    encoded.extend(extra.iter().map(|(k, v)| format!("{k}={v}")));
    if encoded.is_empty() { path.to_owned() } else { format!("{path}?{}", encoded.join("&")) }
}

/// Runs a query, recorded as the User Timing measure `catalogue:query`.
fn timed_query(index: &CatalogueIndex, query: &Query) -> Results {
    #[cfg(feature = "ssr")]
    return index.query(query);
    #[cfg(not(feature = "ssr"))]
    {
        let performance = window().performance();
        if let Some(p) = &performance {
            let _ = p.mark("catalogue:query:start");
        }
        let results = index.query(query);
        if let Some(p) = &performance {
            let _ = p.measure_with_start_mark("catalogue:query", "catalogue:query:start");
        }
        results
    }
}
