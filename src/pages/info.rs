// SPDX-License-Identifier: EUPL-1.2
//! The open-data page (the legal pages the footer links to are in `legal`).

use crate::components::{FileLink, page_heading, use_document_title};
use crate::i18n::tr;
use leptos::prelude::*;

/// Dati aperti: the licence and how to reuse the data.
#[component]
pub fn OpenData() -> impl IntoView {
    use_document_title("Dati aperti", "Open data");
    view! {
        <div class="container page">
            <h1>{page_heading("/dati-aperti")}</h1>
            <p>
                {tr(
                    "Le pratiche pubblicate sono rilasciate con licenza Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0): puoi riutilizzarle citando la fonte.",
                    "Published practices are released under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may reuse them, citing the source.",
                )}
            </p>
            <h2>{tr("File", "Files")}</h2>
            <ul>
                <li>
                    <FileLink href="opendata/buone-pratiche.csv" download=true>
                        {tr("Tutte le pratiche pubblicate (CSV, UTF-8)", "Every published practice (CSV, UTF-8)")}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/buone-pratiche.json" download=true>
                        {tr("Tutte le pratiche pubblicate (JSON)", "Every published practice (JSON)")}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/adozioni.csv" download=true>
                        {tr(
                            "Le adozioni: gli enti che hanno ripreso una pratica (CSV, UTF-8)",
                            "Adoptions: the bodies that took up a practice (CSV, UTF-8)",
                        )}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/partecipazione.csv" download=true>
                        {tr(
                            "Chi ha partecipato, per raccolta e regione (CSV, UTF-8)",
                            "Who took part, by collection round and region (CSV, UTF-8)",
                        )}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/adozioni.json" download=true>
                        {tr("Le adozioni (JSON)", "Adoptions (JSON)")}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/dizionario-dati.json">
                        {tr("Dizionario dei dati (JSON)", "Data dictionary (JSON)")}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/dcat.ttl">
                        {tr("Metadati DCAT-AP_IT (Turtle)", "DCAT-AP_IT metadata (Turtle)")}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/feed.atom">
                        {tr("Nuove pratiche e aggiornamenti (feed Atom)", "New practices and updates (Atom feed)")}
                    </FileLink>
                </li>
            </ul>
            <p>
                {tr(
                    "Identificativi e indirizzi delle pratiche (BP-AAAA-NNNN, /pratiche/BP-AAAA-NNNN) non cambiano mai. Dal catalogo puoi scaricare anche solo le pratiche che hai filtrato.",
                    "Practice identifiers and addresses (BP-YYYY-NNNN, /pratiche/BP-YYYY-NNNN) never change. From the catalogue you can also download just the practices you filtered.",
                )}
            </p>
            <p>
                {tr(
                    "L'elenco dei comuni italiani usato dal questionario è di fonte ISTAT (licenza CC BY). Fonte: ISTAT.",
                    "The list of Italian municipalities used by the questionnaire comes from ISTAT (CC BY licence). Source: ISTAT.",
                )}
            </p>
        </div>
    }
}
