// SPDX-License-Identifier: EUPL-1.2
//! The downloads of what the view shows: CSV and JSON of exactly these
//! practices from the API, or the whole open data on a static copy.

use super::address::use_catalogue;
use super::href_at;
use crate::api::DataSource;
use crate::components::FileLink;
use crate::i18n::tr;
use crate::texts;
use domain::Lang;
use domain::catalogue::Query;
use leptos::prelude::*;

/// The download of exactly the practices a query selects (every page), in
/// the order of the page in `lang` (whose labels the words are searched in).
fn export_href(query: &Query, lang: Lang, format: &str) -> String {
    let mut all_pages = query.clone();
    all_pages.page = 1;
    let lang: &[(&str, &str)] = if lang == Lang::En { &[("lang", "en")] } else { &[] };
    let href = href_at("", &all_pages, lang);
    let params = href.split_once('?').map_or("", |(_, p)| p);
    if params.is_empty() { format!("/api/export.{format}") } else { format!("/api/export.{format}?{params}") }
}

/// "Scarica questi risultati: CSV · JSON · dizionario dei dati".
#[component]
pub(super) fn Downloads() -> impl IntoView {
    let ctx = use_catalogue();
    let query = ctx.query;
    let embedded = ctx.address.preset.is_some();
    let lang = ctx.address.lang;
    view! {
        <Show
            when=move || crate::api::data_source() == DataSource::Api
            fallback=move || {
                view! {
                    <p class="downloads">
                        {tr(texts::catalogue::DOWNLOAD_ALL_THE_DATA)} " "
                        <FileLink href="opendata/buone-pratiche.csv" download=true>
                            "CSV"
                        </FileLink> " · " <FileLink href="opendata/buone-pratiche.json" download=true>
                            "JSON"
                        </FileLink> " · "
                        <FileLink href="opendata/dizionario-dati.json">
                            {tr(texts::catalogue::DATA_DICTIONARY)}
                        </FileLink>
                    </p>
                }
            }
        >
            <p class="downloads">
                {tr(texts::catalogue::DOWNLOAD_THESE_RESULTS)} " "
                <FileLink href=Signal::derive(move || query.with(|q| export_href(q, lang.get(), "csv"))) download=true>
                    "CSV"
                </FileLink> " · "
                <FileLink href=Signal::derive(move || query.with(|q| export_href(q, lang.get(), "json"))) download=true>
                    "JSON"
                </FileLink> " · "
                <FileLink href="/api/data-dictionary">{tr(texts::catalogue::DATA_DICTIONARY)}</FileLink>
                {(!embedded)
                    .then(|| {
                        view! {
                            " · "
                            <a href=move || {
                                query.with(|q| href_at("/incorpora", q, &[]))
                            }>{tr(texts::catalogue::EMBED_THIS_VIEW)}</a>
                        }
                    })}
            </p>
        </Show>
    }
}
