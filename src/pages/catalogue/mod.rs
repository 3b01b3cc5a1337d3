//! The public catalogue: search, facets with live counts, active filters as
//! removable chips, sort, pages, all held in the URL so that a copied link
//! shows the same view and back/forward restore earlier ones. The query runs
//! in the browser with the domain crate's engine; each run is recorded as a
//! User Timing measure named `catalogue:query`.

use crate::api;
use crate::components::practice_list::PracticeList;
use crate::components::{FileLink, use_document_title};
use crate::i18n::{tr, use_lang};
use domain::Lang;
use domain::catalogue::{CatalogueIndex, Facet, Query, Results, Sort};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The public catalogue of published practices.
#[component]
pub fn CataloguePage() -> impl IntoView {
    use_document_title("Catalogo", "Catalogue");
    let catalogue = LocalResource::new(api::fetch_catalogue);
    view! {
        <div class="container page">
            <h1>{tr("Catalogo delle pratiche", "Catalogue of practices")}</h1>
            <Transition fallback=|| {
                view! { <p role="status">"Caricamento delle pratiche…"</p> }
            }>
                {move || Suspend::new(async move {
                    match catalogue.await {
                        Ok(catalogue) => {
                            let index = Arc::new(CatalogueIndex::new(catalogue.practices));
                            view! { <CatalogueView index /> }.into_any()
                        }
                        Err(error) => {
                            view! {
                                <div role="alert" class="alert alert-error">
                                    <p>{error.message()}</p>
                                    <button class="button button-secondary" on:click=move |_| catalogue.refetch()>
                                        "Riprova"
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </div>
    }
}

/// The query held in the URL.
pub fn use_catalogue_query() -> Memo<Query> {
    let params = use_query_map();
    Memo::new(move |_| {
        params.with(|p| {
            let keys = ["q", "ordina", "pagina"].into_iter().chain(Facet::ALL.iter().map(|f| f.url_key()));
            let pairs: Vec<(&str, String)> = keys.filter_map(|k| p.get(k).map(|v| (k, v))).collect();
            Query::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        })
    })
}

/// The catalogue address of a query.
pub fn catalogue_href(query: &Query) -> String {
    href_at("/catalogo", query, &[])
}

/// The address at `path` of a query, with `extra` parameters after its own.
fn href_at(path: &str, query: &Query, extra: &[(&str, &str)]) -> String {
    let pairs = query.to_pairs();
    let mut encoded: Vec<String> =
        pairs.iter().map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v)))).collect();
    encoded.extend(extra.iter().map(|(k, v)| format!("{k}={v}")));
    if encoded.is_empty() { path.to_owned() } else { format!("{path}?{}", encoded.join("&")) }
}

/// Where the catalogue's own links go: the site's `/catalogo`, or inside a
/// partner's iframe `/embed/catalogo` with the partner's preset filters
/// always kept (and the language, which the frame's address carries).
#[derive(Clone, Copy)]
struct ViewAddress {
    preset: Option<StoredValue<BTreeMap<Facet, BTreeSet<String>>>>,
    lang: RwSignal<Lang>,
}

impl ViewAddress {
    fn href(&self, query: &Query) -> String {
        let Some(preset) = self.preset else { return catalogue_href(query) };
        let mut query = query.clone();
        preset.with_value(|preset| {
            for (facet, codes) in preset {
                query.filters.entry(*facet).or_default().extend(codes.iter().cloned());
            }
        });
        let lang = if self.lang.get_untracked() == Lang::En { &[("lang", "en")][..] } else { &[] };
        href_at("/embed/catalogo", &query, lang)
    }

    /// True for a filter the partner fixed.
    fn is_preset(&self, facet: Facet, code: &str) -> bool {
        self.preset.is_some_and(|p| p.with_value(|p| p.get(&facet).is_some_and(|codes| codes.contains(code))))
    }

    /// The view with no filters but the preset ones.
    fn cleared(&self, sort: Option<Sort>) -> Query {
        let filters = self.preset.map(|p| p.get_value()).unwrap_or_default();
        Query { text: String::new(), filters, sort, page: 1 }
    }
}

/// The download of exactly the practices a query selects (every page).
fn export_href(query: &Query, format: &str) -> String {
    let mut all_pages = query.clone();
    all_pages.page = 1;
    let href = catalogue_href(&all_pages);
    let params = href.split_once('?').map_or("", |(_, p)| p);
    if params.is_empty() { format!("/api/export.{format}") } else { format!("/api/export.{format}?{params}") }
}

/// Runs a query, recorded as the User Timing measure `catalogue:query`.
fn timed_query(index: &CatalogueIndex, query: &Query) -> Results {
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

/// Results text for screen readers and sighted people alike.
fn count_text(total: usize, lang: Lang) -> String {
    match (total, lang) {
        (0, Lang::It) => "Nessuna pratica trovata.".into(),
        (1, Lang::It) => "1 pratica trovata".into(),
        (n, Lang::It) => format!("{n} pratiche trovate"),
        (0, Lang::En) => "No practice found.".into(),
        (1, Lang::En) => "1 practice found".into(),
        (n, Lang::En) => format!("{n} practices found"),
    }
}

#[component]
fn CatalogueView(index: Arc<CatalogueIndex>) -> impl IntoView {
    let lang = use_lang();
    let query = use_catalogue_query();
    let navigate = use_navigate();
    let address = ViewAddress { preset: crate::pages::embed::embed_preset().map(StoredValue::new), lang };
    let embedded = address.preset.is_some();
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
    let results = {
        let index = Arc::clone(&index);
        Memo::new(move |_| query.with(|q| timed_query(&index, q)))
    };
    let go = {
        let navigate = navigate.clone();
        move |q: Query, replace: bool| {
            navigate(&address.href(&q), NavigateOptions { replace, scroll: false, ..Default::default() })
        }
    };
    let shown = {
        let index = Arc::clone(&index);
        Signal::derive(move || {
            let page = query.with(|q| q.page);
            results.with(|r| r.page(page).iter().map(|&i| index.entries()[i].clone()).collect::<Vec<_>>())
        })
    };
    let toggle = {
        let go = go.clone();
        move |facet: Facet, code: String| {
            if address.is_preset(facet, &code) {
                return;
            }
            let mut q = query.get_untracked();
            q.toggle(facet, &code);
            go(q, false);
        }
    };
    // The search box owns what is typed (the URL follows it), so a keystroke
    // is never overwritten by the URL update of the one before. When the URL
    // changes from elsewhere (back, forward, a link), the box follows the URL.
    let typed = RwSignal::new(query.with_untracked(|q| q.text.clone()));
    let search_box = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let from_url = query.with(|q| q.text.clone());
        let focused = search_box.get().is_some_and(|input| document().active_element().is_some_and(|a| a == **input));
        if !focused && from_url != typed.get_untracked() {
            typed.set(from_url);
        }
    });
    let search_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            typed.set(event_target_value(&ev));
            let mut q = query.get_untracked();
            q.text = typed.get_untracked();
            q.page = 1;
            go(q, true);
        }
    };
    let set_sort = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let mut q = query.get_untracked();
            q.sort = match event_target_value(&ev).as_str() {
                "pertinenza" => Some(Sort::Relevance),
                "recenti" => Some(Sort::Recent),
                "titolo" => Some(Sort::Title),
                _ => None,
            };
            q.page = 1;
            go(q, false);
        }
    };
    let chips = move || {
        query.with(|q| {
            q.filters
                .iter()
                .flat_map(|(facet, codes)| codes.iter().map(move |code| (*facet, code.clone())))
                .collect::<Vec<_>>()
        })
    };
    let clear_href = move || query.with(|q| address.href(&address.cleared(q.sort)));
    let page_href = move |page: usize| {
        query.with(|q| {
            let mut q = q.clone();
            q.page = page;
            address.href(&q)
        })
    };
    let facet_panels = {
        let toggle = toggle.clone();
        move || {
            let lang = lang.get();
            results.with(|r| {
                r.facets
                    .iter()
                    .map(|counts| {
                        let facet = counts.facet;
                        let selected_any = counts.values.iter().any(|v| v.selected);
                        let mut values: Vec<_> =
                            counts.values.iter().filter(|v| v.count > 0 || v.selected).cloned().collect();
                        // The engine orders labels as Italian reads them; in English, as English does
                        // (years keep their order).
                        if lang == Lang::En && facet != Facet::StartYear {
                            values.sort_by_cached_key(|v| domain::text::fold(&facet.value_label(&v.code, lang)));
                        }
                        if values.is_empty() {
                            // Nothing to choose here in this view: no empty box.
                            return ().into_any();
                        }
                        let toggle = toggle.clone();
                        view! {
                            <details
                                class="facet"
                                open=selected_any || facet == Facet::InnovationTag || facet == Facet::Region
                            >
                                <summary>{facet.label(lang)}</summary>
                                <fieldset>
                                    <legend class="visually-hidden">{facet.label(lang)}</legend>
                                    {values
                                        .into_iter()
                                        .map(|v| {
                                            let id = format!("filtro-{}-{}", facet.url_key(), v.code);
                                            let toggle = toggle.clone();
                                            let code = v.code.clone();
                                            let fixed = address.is_preset(facet, &v.code);
                                            view! {
                                                <div class="form-check">
                                                    <input
                                                        type="checkbox"
                                                        id=id.clone()
                                                        disabled=fixed
                                                        prop:checked=v.selected
                                                        on:change=move |_| toggle(facet, code.clone())
                                                    />
                                                    <label for=id>
                                                        {facet.value_label(&v.code, lang)}
                                                        <span class="facet-count">{format!(" ({})", v.count)}</span>
                                                    </label>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </fieldset>
                            </details>
                        }
                        .into_any()
                    })
                    .collect_view()
            })
        }
    };
    view! {
        <div class="catalogue">
            <aside
                id="filtri"
                class="catalogue-facets"
                class:open=move || filters_open.get()
                aria-label=tr("Filtri", "Filters")
                on:keydown=move |ev| {
                    if ev.key() == "Escape" && filters_open.get_untracked() {
                        close_filters();
                    }
                }
            >
                <h2 class="facets-title" tabindex="-1" node_ref=filters_heading>
                    {tr("Filtra", "Filter")}
                </h2>
                {facet_panels}
                <button type="button" class="button button-primary filters-done" on:click=move |_| close_filters()>
                    {move || {
                        let lang = lang.get();
                        let show = if lang == Lang::It { "Mostra" } else { "Show" };
                        let found = count_text(results.with(|r| r.total), lang).to_lowercase();
                        format!("{show} {}", found.trim_end_matches('.'))
                    }}
                </button>
            </aside>
            <section class="catalogue-results" aria-label=tr("Risultati", "Results")>
                <div class="search-row">
                    <div class="form-group search-box">
                        <label for="cerca">{tr("Cerca nelle pratiche", "Search the practices")}</label>
                        <input
                            type="search"
                            id="cerca"
                            class="form-control"
                            autocomplete="off"
                            node_ref=search_box
                            prop:value=move || typed.get()
                            on:input=search_input
                        />
                    </div>
                    <div class="form-group sort-box">
                        <label for="ordina">{tr("Ordina per", "Sort by")}</label>
                        <select id="ordina" class="form-control" on:change=set_sort>
                            {move || {
                                let (current, searching) = query
                                    .with(|q| (q.effective_sort(), !q.text.trim().is_empty()));
                                let lang = lang.get();
                                let options = [
                                    (Sort::Relevance, "Pertinenza", "Relevance"),
                                    (Sort::Recent, "Più recenti", "Most recent"),
                                    (Sort::Title, "Titolo (A-Z)", "Title (A-Z)"),
                                ];
                                options
                                    .into_iter()
                                    .filter(|(sort, _, _)| searching || *sort != Sort::Relevance)
                                    .map(|(sort, it, en)| {
                                        view! {
                                            <option value=sort.url_value() selected=current == sort>
                                                {if lang == Lang::It { it } else { en }}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                </div>
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
                        let word = if lang.get() == Lang::It { "Filtra" } else { "Filter" };
                        if active == 0 { word.to_owned() } else { format!("{word} ({active})") }
                    }}
                </button>
                <div class="result-bar">
                    <p role="status" class="result-count" data-testid="result-count">
                        {move || count_text(results.with(|r| r.total), lang.get())}
                    </p>
                    <Show when=move || results.with(|r| r.total > 0)>
                        <Show
                            when=move || api::DataSource::of_document() == api::DataSource::Api
                            fallback=move || {
                                view! {
                                    <p class="downloads">
                                        {tr("Scarica tutti i dati:", "Download all the data:")} " "
                                        <FileLink href="opendata/buone-pratiche.csv" download=true>
                                            "CSV"
                                        </FileLink> " · " <FileLink href="opendata/buone-pratiche.json" download=true>
                                            "JSON"
                                        </FileLink> " · "
                                        <FileLink href="opendata/dizionario-dati.json">
                                            {tr("dizionario dei dati", "data dictionary")}
                                        </FileLink>
                                    </p>
                                }
                            }
                        >
                            <p class="downloads">
                                {tr("Scarica questi risultati:", "Download these results:")} " "
                                <FileLink
                                    href=Signal::derive(move || query.with(|q| export_href(q, "csv")))
                                    download=true
                                >
                                    "CSV"
                                </FileLink> " · "
                                <FileLink
                                    href=Signal::derive(move || query.with(|q| export_href(q, "json")))
                                    download=true
                                >
                                    "JSON"
                                </FileLink> " · "
                                <FileLink href="/api/data-dictionary">
                                    {tr("dizionario dei dati", "data dictionary")}
                                </FileLink>
                                {(!embedded)
                                    .then(|| {
                                        view! {
                                            " · "
                                            <a href=move || {
                                                query.with(|q| href_at("/incorpora", q, &[]))
                                            }>{tr("incorpora questa vista", "embed this view")}</a>
                                        }
                                    })}
                            </p>
                        </Show>
                    </Show>
                </div>
                <Show when=move || !chips().is_empty()>
                    <ul class="chips active-filters" aria-label=tr("Filtri attivi", "Active filters")>
                        {
                            let toggle = toggle.clone();
                            move || {
                                let lang = lang.get();
                                chips()
                                    .into_iter()
                                    .map(|(facet, code)| {
                                        let label = facet.value_label(&code, lang);
                                        let chip = facet.filter_label(&code, lang);
                                        let toggle = toggle.clone();
                                        let fixed = address.is_preset(facet, &code);
                                        let remove = (!fixed)
                                            .then(|| {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="chip-remove"
                                                        aria-label=if lang == Lang::It {
                                                            format!("Rimuovi il filtro {label}")
                                                        } else {
                                                            format!("Remove the filter {label}")
                                                        }
                                                        on:click=move |_| toggle(facet, code.clone())
                                                    >
                                                        "×"
                                                    </button>
                                                }
                                            });
                                        let fixed_note = fixed
                                            .then(|| {
                                                view! {
                                                    <span class="chip-fixed">
                                                        {if lang == Lang::It { " (fisso)" } else { " (fixed)" }}
                                                    </span>
                                                }
                                            });
                                        view! {
                                            <li class="chip">
                                                <span>{chip}</span>
                                                {fixed_note}
                                                {remove}
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }
                        }
                        <Show when=move || chips().iter().any(|(facet, code)| !address.is_preset(*facet, code))>
                            <li>
                                <a href=clear_href class="clear-filters">
                                    {tr("Cancella tutti i filtri", "Clear all filters")}
                                </a>
                            </li>
                        </Show>
                    </ul>
                </Show>
                <Show
                    when=move || results.with(|r| r.total > 0)
                    fallback=move || {
                        view! {
                            <div class="empty-state">
                                <p>
                                    {tr(
                                        "Nessuna pratica corrisponde alla ricerca. Prova a togliere un filtro o a usare parole più brevi.",
                                        "No practice matches. Try removing a filter or using shorter words.",
                                    )}
                                </p>
                            </div>
                        }
                    }
                >
                    <PracticeList practices=shown />
                    <nav class="pagination" aria-label=tr("Pagine dei risultati", "Result pages")>
                        {move || {
                            let (page, pages) = (query.with(|q| q.page), results.with(Results::pages));
                            let lang = lang.get();
                            view! {
                                {(page > 1)
                                    .then(|| {
                                        view! {
                                            <a href=page_href(page - 1) rel="prev">
                                                {if lang == Lang::It { "Pagina precedente" } else { "Previous page" }}
                                            </a>
                                        }
                                    })}
                                <span class="page-number">
                                    {if lang == Lang::It {
                                        format!("Pagina {page} di {pages}")
                                    } else {
                                        format!("Page {page} of {pages}")
                                    }}
                                </span>
                                {(page < pages)
                                    .then(|| {
                                        view! {
                                            <a href=page_href(page + 1) rel="next">
                                                {if lang == Lang::It { "Pagina successiva" } else { "Next page" }}
                                            </a>
                                        }
                                    })}
                            }
                        }}
                    </nav>
                </Show>
            </section>
        </div>
    }
}
