// SPDX-License-Identifier: EUPL-1.2
//! `/statistiche/partecipazione`, "Chi ha partecipato": per region, the
//! Comuni, Ambiti and Regioni that sent published practices and the share of
//! the region's Comuni and population they cover, on the tile map and in a
//! table, for every collection round together or for the round the URL names
//! (`?raccolta=CODE`), so a link shows what was seen. The figures are summed
//! by the server (`domain::community::participation`): the browser has no list of Comuni.

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::tile_map::{MapLegend, Tile, TileMap, shade};
use crate::components::{FileLink, page_heading, page_lead, use_document_title};
use crate::i18n::{tr, use_lang};
use crate::start::StartRead;
use crate::texts;
use domain::Lang;
use domain::community::participation::{Figures, Participation, RoundFigures};
use domain::numbers::{format_count, format_share, format_share_whole};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::sync::Arc;

const PATH: &str = "/statistiche/partecipazione";

/// The URL parameter naming the round shown.
const ROUND_PARAM: &str = "raccolta";

/// The participation page.
#[component]
pub fn ParticipationPage() -> impl IntoView {
    use_document_title(texts::figures::WHO_TOOK_PART);
    let participation = StartRead::new(|| api::data_source().participation_url().to_owned(), api::fetch_participation);
    view! {
        <div class="container page statistics participation">
            <h1>{page_heading(PATH)}</h1>
            <p class="lead">{page_lead(PATH)}</p>
            <p>
                <a href="/statistiche">{tr(texts::figures::BACK_TO_THE_FIGURES)}</a>
            </p>
            {move || match participation.get() {
                None => view! { <p role="status">{tr(texts::common::LOADING)}</p> }.into_any(),
                Some(Ok(participation)) => {
                    view! { <ParticipationView participation=Arc::new(participation) /> }.into_any()
                }
                Some(Err(error)) => view! { <ErrorAlert error /> }.into_any(),
            }}
        </div>
    }
}

/// The address of the page showing the round `code` (every round for `None`).
fn round_href(code: Option<&str>) -> String {
    match code {
        Some(code) => format!("{PATH}?{ROUND_PARAM}={}", crate::components::encode_uri_component(code)),
        None => PATH.to_owned(),
    }
}

/// A round's name; every round together is named in the page's language.
fn round_name(round: &RoundFigures, lang: Lang) -> String {
    match round.round {
        Some(_) => round.name.clone(),
        None => texts::figures::EVERY_ROUND.get(lang).to_owned(),
    }
}

/// A share short enough for a tile: "0,4%", "12%".
fn tile_share(share: Option<f64>, lang: Lang) -> String {
    match share {
        Some(share) if share >= 10.0 => format_share_whole(share),
        other => format_share(other, lang),
    }
}

/// What each shade stands for, when the largest share is `max`.
fn share_levels(max: f64, lang: Lang) -> Vec<(usize, String)> {
    let mut levels = vec![(0, format_share(Some(0.0), lang))];
    if max > 0.0 {
        for k in 1..=4usize {
            let (low, high) = (max * (k - 1) as f64 / 4.0, max * k as f64 / 4.0);
            let (low, high) = (format_share(Some(low), lang), format_share(Some(high), lang));
            levels.push((k, texts::figures::share_range(lang, &low, &high)));
        }
    }
    levels
}

#[component]
fn ParticipationView(participation: Arc<Participation>) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let navigate = use_navigate();
    let rounds = Arc::clone(&participation);
    // The round the address names; an unknown code shows every round.
    let shown = Memo::new(move |_| {
        let code = query.with(|q| q.get(ROUND_PARAM)).filter(|c| !c.is_empty());
        let round = participation.round(code.as_deref()).or_else(|| participation.round(None));
        round.cloned()
    });
    let choose = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        let href = round_href(Some(code.as_str()).filter(|c| !c.is_empty()));
        navigate(&href, NavigateOptions { scroll: false, ..Default::default() });
    };
    let (source, list_date) = (rounds.population_source.clone(), rounds.comuni_list_date.clone());
    let note = move || texts::figures::participation_note(lang.get(), &list_date, &source);
    view! {
        <div class="form-group round-choice">
            <label for="raccolta">{tr(texts::figures::COLLECTION_ROUND)}</label>
            <select id="raccolta" class="form-control" on:change=choose>
                {move || {
                    let current = shown.with(|r| r.as_ref().and_then(|r| r.round.clone()));
                    let lang = lang.get();
                    rounds
                        .rounds
                        .iter()
                        .map(|round| {
                            let name = round_name(round, lang);
                            view! {
                                <option value=round.round.clone().unwrap_or_default() selected=round.round == current>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
        {move || {
            let lang = lang.get();
            shown.with(|round| round.as_ref().map(|round| view! { <RoundView round=round.clone() lang /> }))
        }}
        <p class="notice">{note}</p>
        <p class="downloads">
            <FileLink href="opendata/partecipazione.csv" download=true>
                {tr(texts::figures::DOWNLOAD_PARTICIPATION_CSV)}
            </FileLink>
        </p>
    }
}

/// The participation table's columns.
const COLUMNS: [texts::Text; 8] = [
    texts::practice::REGION,
    texts::figures::COMUNI_TAKING_PART,
    texts::figures::AMBITI_TAKING_PART,
    texts::figures::REGION_TAKING_PART,
    texts::figures::PRACTICES,
    texts::figures::COMUNI_COVERED_OF_TOTAL,
    texts::figures::PERCENT_COMUNI,
    texts::figures::PERCENT_POPULATION,
];

/// The figures of one round: a summary line, the map and the table.
#[component]
fn RoundView(round: RoundFigures, lang: Lang) -> impl IntoView {
    let round_name = round_name(&round, lang);
    let summary = texts::figures::participation_summary(lang, &round_name, &round.national);
    let max = round.regions.iter().filter_map(|r| r.figures.comuni_share()).fold(0.0, f64::max);
    let tiles: Vec<Tile> = round
        .regions
        .iter()
        .map(|r| {
            let share = r.figures.comuni_share();
            Tile { region: r.region, level: shade(share.unwrap_or(0.0), max), figure: tile_share(share, lang) }
        })
        .collect();
    let title = texts::figures::MAP_OF_PARTICIPATION.get(lang);
    let caption = texts::figures::PARTICIPATION_BY_REGION.get(lang);
    let row = move |name: String, f: &Figures, regione: String| {
        let cells = view! {
            <td>{f.comuni}</td>
            <td>{f.ambiti}</td>
            <td>{regione}</td>
            <td>{f.practices}</td>
            <td>
                {format!(
                    "{} / {}",
                    format_count(f.comuni_covered.into(), lang),
                    format_count(f.comuni_total.into(), lang),
                )}
            </td>
            <td>{format_share(f.comuni_share(), lang)}</td>
            <td>{format_share(f.population_share(), lang)}</td>
        };
        view! {
            <tr>
                <th scope="row">{name}</th>
                {cells}
            </tr>
        }
    };
    let yes_no =
        |f: &Figures| if f.regioni > 0 { texts::figures::YES } else { texts::figures::NO }.get(lang).to_owned();
    let body = round
        .regions
        .iter()
        .map(|r| row(r.region.label(lang).to_owned(), &r.figures, yes_no(&r.figures)))
        .collect_view();
    let national = row(texts::figures::ITALY.get(lang).to_owned(), &round.national, round.national.regioni.to_string());
    view! {
        <p class="result-count" role="status">
            {summary}
        </p>
        <section>
            <h2>{caption}</h2>
            <div class="map-and-table">
                <div>
                    <TileMap tiles title=title.to_owned() title_id="mappa-partecipazione" lang />
                    <MapLegend
                        caption=texts::figures::SHARE_OF_COMUNI_COVERED.get(lang)
                        levels=share_levels(max, lang)
                    />
                </div>
                <div class="table-scroll" role="region" aria-label=caption tabindex="0">
                    <table class="data-table participation-table">
                        <caption>{format!("{caption}: {round_name}")}</caption>
                        <thead>
                            <tr>{COLUMNS.map(|h| view! { <th scope="col">{h.get(lang)}</th> }).collect_view()}</tr>
                        </thead>
                        <tbody>{body}</tbody>
                        <tfoot>{national}</tfoot>
                    </table>
                </div>
            </div>
        </section>
    }
}
