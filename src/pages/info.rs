// SPDX-License-Identifier: EUPL-1.2
//! The open-data page (the legal pages the footer links to are in `legal`).

use crate::components::{FileLink, page_heading, use_document_title};
use crate::i18n::tr;
use crate::texts;
use leptos::prelude::*;

/// Dati aperti: the licence and how to reuse the data.
#[component]
pub fn OpenData() -> impl IntoView {
    use_document_title(texts::site::OPEN_DATA);
    view! {
        <div class="container page">
            <h1>{page_heading("/dati-aperti")}</h1>
            <p>{tr(texts::site::PUBLISHED_PRACTICES_ARE_RELEASED)}</p>
            <h2>{tr(texts::site::FILES)}</h2>
            <ul>
                <li>
                    <FileLink href="opendata/buone-pratiche.csv" download=true>
                        {tr(texts::site::EVERY_PUBLISHED_PRACTICE_CSV)}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/buone-pratiche.json" download=true>
                        {tr(texts::site::EVERY_PUBLISHED_PRACTICE_JSON)}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/adozioni.csv" download=true>
                        {tr(texts::site::ADOPTIONS_THE_BODIES_THAT)}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/partecipazione.csv" download=true>
                        {tr(texts::site::WHO_TOOK_PART_BY)}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/adozioni.json" download=true>
                        {tr(texts::site::ADOPTIONS_JSON)}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/dizionario-dati.json">{tr(texts::site::DATA_DICTIONARY_JSON)}</FileLink>
                </li>
                <li>
                    <FileLink href="opendata/dcat.ttl">{tr(texts::site::DCAT_AP_IT_METADATA)}</FileLink>
                </li>
                <li>
                    <FileLink href="opendata/feed.atom">{tr(texts::site::NEW_PRACTICES_AND_UPDATES)}</FileLink>
                </li>
            </ul>
            <p>{tr(texts::site::PRACTICE_IDENTIFIERS_AND_ADDRESSES)}</p>
            <p>{tr(texts::site::THE_LIST_OF_ITALIAN)}</p>
        </div>
    }
}
