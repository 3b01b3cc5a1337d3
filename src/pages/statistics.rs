// SPDX-License-Identifier: EUPL-1.2
//! `/statistiche`: the collection in figures, under the same filters as the
//! catalogue (they come from the same URL parameters): practices, or their
//! adoptions, by region on a schematic map of Italy with an accessible table
//! of both beside it, bars by
//! innovation and by user area, the share of new, strengthened and mixed
//! services, and a timeline by start month. Every figure is printed as text;
//! colour is never the only cue.

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::tile_map::{MapLegend, Tile, TileMap, shade};
use crate::components::{page_heading, use_document_title};
use crate::i18n::{tr, use_lang};
use crate::pages::catalogue::{catalogue_href, href_at, use_catalogue_query};
use crate::start::StartRead;
use crate::texts;
use domain::Lang;
use domain::catalogue::{CatalogueIndex, Query, Statistics};
use domain::record::geo::Region;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The statistics page.
#[component]
pub fn StatisticsPage() -> impl IntoView {
    use_document_title(texts::common::STATISTICS);
    let catalogue = StartRead::new(|| api::data_source().catalogue_url().to_owned(), api::fetch_catalogue);
    view! {
        <div class="container page statistics">
            <h1>{page_heading("/statistiche")}</h1>
            <p class="notice">{tr(texts::figures::SELF_SELECTED)}</p>
            <p>
                <a href="/statistiche/partecipazione">{tr(texts::figures::WHO_TOOK_PART)}</a>
                " — "
                {tr(texts::figures::WHO_TOOK_PART_HINT)}
            </p>
            {move || match catalogue.get() {
                None => view! { <p role="status">{tr(texts::common::LOADING)}</p> }.into_any(),
                Some(Ok(catalogue)) => {
                    let lang = use_lang().get_untracked();
                    let index = Arc::new(CatalogueIndex::new(catalogue.practices, lang));
                    view! { <StatisticsView index /> }.into_any()
                }
                Some(Err(error)) => view! { <ErrorAlert error /> }.into_any(),
            }}
        </div>
    }
}

/// What the map's shades mean: the range of practices each one stands for,
/// when the busiest region has `max` (at least 1).
fn count_levels(max: usize) -> Vec<(usize, String)> {
    (0..=4usize)
        .filter_map(|k| {
            // The counts 0..=max that take shade k, a contiguous range.
            let mut counts = (0..=max).filter(|&c| shade(c as f64, max as f64) == k);
            let low = counts.next()?;
            let high = counts.next_back().unwrap_or(low);
            Some((k, if low == high { low.to_string() } else { format!("{low}–{high}") }))
        })
        .collect()
}

/// What the map shades: the practices, by the region of the body that
/// describes them, or their adoptions, by the region of the body that took
/// them up. The choice is in the address (`?mappa=adozioni`), so a link
/// shows the map that was seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MapFigure {
    Practices,
    Adoptions,
}

const MAP_PARAM: &str = "mappa";
const MAP_ADOPTIONS: &str = "adozioni";

impl MapFigure {
    fn counts(self, stats: &Statistics) -> &BTreeMap<Region, usize> {
        match self {
            MapFigure::Practices => &stats.by_region,
            MapFigure::Adoptions => &stats.adoptions_by_region,
        }
    }
}

/// Practices and adoptions by region: the map of the chosen figure, its
/// legend, and a table of both.
#[component]
fn RegionSection(stats: Memo<Statistics>, query: Memo<Query>) -> impl IntoView {
    let lang = use_lang();
    let params = use_query_map();
    let navigate = use_navigate();
    let figure = Memo::new(move |_| {
        let adoptions = params.with(|p| p.get(MAP_PARAM).as_deref() == Some(MAP_ADOPTIONS));
        if adoptions { MapFigure::Adoptions } else { MapFigure::Practices }
    });
    let show = move |chosen: MapFigure| {
        let extra: &[(&str, &str)] = if chosen == MapFigure::Adoptions { &[(MAP_PARAM, MAP_ADOPTIONS)] } else { &[] };
        let href = query.with(|q| href_at("/statistiche", q, extra));
        navigate(&href, NavigateOptions { scroll: false, replace: true, ..Default::default() });
    };
    let option = move |value: MapFigure, id: &'static str, label: texts::Text| {
        let show = show.clone();
        view! {
            <div class="form-check">
                <input
                    type="radio"
                    name="mappa"
                    id=id
                    prop:checked=move || figure.get() == value
                    on:change=move |_| show(value)
                />
                <label for=id>{tr(label)}</label>
            </div>
        }
    };
    view! {
        <section>
            <h2>{tr(texts::figures::PRACTICES_AND_ADOPTIONS_BY_REGION)}</h2>
            <fieldset class="form-group">
                <legend>{tr(texts::figures::ON_THE_MAP)}</legend>
                {option(MapFigure::Practices, "mappa-pratiche", texts::figures::PRACTICES_IN_THE_REGION)}
                {option(MapFigure::Adoptions, "mappa-adozioni", texts::figures::ADOPTIONS_IN_THE_REGION)}
            </fieldset>
            <div class="map-and-table">
                {move || {
                    let lang = lang.get();
                    let figure = figure.get();
                    stats
                        .with(|s| {
                            let counts = figure.counts(s);
                            let max = counts.values().copied().max().unwrap_or(1).max(1);
                            let tiles: Vec<Tile> = Region::ALL
                                .iter()
                                .map(|&region| {
                                    let count = counts.get(&region).copied().unwrap_or(0);
                                    Tile {
                                        region,
                                        level: shade(count as f64, max as f64),
                                        figure: count.to_string(),
                                    }
                                })
                                .collect();
                            let (title, caption) = match figure {
                                MapFigure::Practices => {
                                    (texts::figures::MAP_OF_PRACTICES, texts::figures::PRACTICES_PER_REGION)
                                }
                                MapFigure::Adoptions => {
                                    (texts::figures::MAP_OF_ADOPTIONS, texts::figures::ADOPTIONS_PER_REGION)
                                }
                            };
                            let (title, caption) = (title.get(lang), caption.get(lang));
                            view! {
                                <TileMap tiles title=title.to_owned() title_id="mappa-titolo" lang />
                                <MapLegend caption levels=count_levels(max) />
                                <table class="data-table">
                                    <caption>{texts::figures::PRACTICES_AND_ADOPTIONS_BY_REGION.get(lang)}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{texts::practice::REGION.get(lang)}</th>
                                            <th scope="col">{texts::figures::PRACTICES.get(lang)}</th>
                                            <th scope="col">{texts::figures::ADOPTIONS.get(lang)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {Region::ALL
                                            .iter()
                                            .map(|region| {
                                                let count = |map: &BTreeMap<Region, usize>| {
                                                    map.get(region).copied().unwrap_or(0)
                                                };
                                                view! {
                                                    <tr>
                                                        <th scope="row">{region.label(lang)}</th>
                                                        <td>{count(&s.by_region)}</td>
                                                        <td>{count(&s.adoptions_by_region)}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            }
                        })
                }}
            </div>
            <p>{tr(texts::figures::ADOPTIONS_EXPLAINED)}</p>
        </section>
    }
}

/// Horizontal bars, each with its label, count and share printed as text.
fn bars(items: Vec<(String, usize)>, total: usize) -> impl IntoView {
    let max = items.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    view! {
        <ul class="bars">
            {items
                .into_iter()
                .map(|(label, count)| {
                    let width = (count * 100 / max).to_string();
                    let share = (count * 100 + total / 2).checked_div(total).unwrap_or(0);
                    // An SVG bar: its length is an attribute, which the page's
                    // style policy allows in the server's HTML (a style attribute is not).
                    // Rounded to the nearest whole per cent, not down.
                    view! {
                        <li class="bar-row">
                            <span class="bar-label">{label}</span>
                            <span class="bar-track" aria-hidden="true">
                                <svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false">
                                    <rect width=width height="1"></rect>
                                </svg>
                            </span>
                            <span class="bar-value">{format!("{count} ({share}%)")}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Labelled counts, most frequent first when `ranked`, else in key order.
fn rows<K: Ord>(counts: &BTreeMap<K, usize>, label: impl Fn(&K) -> String, ranked: bool) -> Vec<(String, usize)> {
    let mut rows: Vec<(String, usize)> = counts.iter().map(|(k, v)| (label(k), *v)).collect();
    if ranked {
        rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    }
    rows
}

/// A section of bars whose rows `pick` takes from the statistics.
fn bar_section(
    stats: Memo<Statistics>,
    title: impl Fn() -> &'static str + Send + Sync + 'static,
    pick: fn(&Statistics, Lang) -> Vec<(String, usize)>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section>
            <h2>{title}</h2>
            {move || {
                let lang = lang.get();
                stats.with(|s| bars(pick(s, lang), s.total))
            }}
        </section>
    }
}

#[component]
fn StatisticsView(index: Arc<CatalogueIndex>) -> impl IntoView {
    let lang = use_lang();
    let query = use_catalogue_query();
    let stats = Memo::new(move |_| {
        let results = query.with(|q| index.query(q));
        Statistics::of(results.matches.iter().map(|&i| &index.entries()[i]))
    });
    let filtered = move || query.with(|q| q.is_filtered());
    view! {
        <p class="result-count" role="status">
            {move || texts::figures::practices_counted(lang.get(), stats.with(|s| s.total))}
            {move || {
                filtered()
                    .then(|| {
                        view! {
                            " · "
                            <a href=move || { query.with(catalogue_href) }>{tr(texts::figures::SEE_THE_PRACTICES)}</a>
                        }
                    })
            }}
        </p>
        <RegionSection stats query />
        {bar_section(
            stats,
            tr(texts::figures::TYPE_OF_SERVICE),
            |s, lang| { rows(&s.by_service_type, |k| k.label(lang).to_owned(), false) },
        )}
        {bar_section(
            stats,
            tr(texts::figures::INNOVATIONS_INTRODUCED),
            |s, lang| { rows(&s.by_innovation, |k| k.label(lang).to_owned(), true) },
        )}
        {bar_section(
            stats,
            tr(texts::figures::USER_AREAS),
            |s, lang| { rows(&s.by_user_area, |k| k.label(lang).to_owned(), true) },
        )}
        {bar_section(stats, tr(texts::figures::STARTS_BY_MONTH), |s, _| rows(&s.by_start_month, |k| k.clone(), false))}
    }
}
