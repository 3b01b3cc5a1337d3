// SPDX-License-Identifier: EUPL-1.2
//! The pages the footer links to, as the law and open-data practice require.

use crate::components::{FileLink, page_heading, use_document_title};
use crate::i18n::tr;
use leptos::prelude::*;

/// Dichiarazione di accessibilità (Law 4/2004, AgID guidelines).
#[component]
pub fn Accessibility() -> impl IntoView {
    use_document_title("Dichiarazione di accessibilità", "Accessibility statement");
    view! {
        <div class="container page">
            <h1>{page_heading("/accessibilita")}</h1>
            <p>
                {tr(
                    "Questo sito si impegna a rendere i propri contenuti accessibili secondo la Legge 4/2004 e le Linee guida AgID, al livello AA delle WCAG 2.1.",
                    "This site is committed to making its content accessible under Law 4/2004 and the AgID guidelines, at level AA of WCAG 2.1.",
                )}
            </p>
            <p>
                {tr(
                    "Le pagine sono navigabili da tastiera, hanno un link per saltare al contenuto, titoli ordinati e testi alternativi. Le verifiche automatiche sono parte dei test del progetto.",
                    "Pages can be used with the keyboard and have a link to skip to the content, ordered headings and text alternatives. Automatic checks are part of the project's tests.",
                )}
            </p>
            <h2>{tr("Segnalazioni", "Feedback")}</h2>
            <p>
                {tr(
                    "Se incontri un ostacolo, scrivi alla redazione indicando la pagina e il problema: risponderemo entro 30 giorni.",
                    "If you meet an obstacle, write to the editors with the page and the problem: we will answer within 30 days.",
                )}
            </p>
        </div>
    }
}

/// Informativa sul trattamento dei dati personali (GDPR art. 13).
#[component]
pub fn Privacy() -> impl IntoView {
    use_document_title("Informativa privacy", "Privacy notice");
    view! {
        <div class="container page">
            <h1>{page_heading("/privacy")}</h1>
            <p>
                {tr(
                    "I dati inseriti nel questionario sono trattati per l'esecuzione di un compito di interesse pubblico: raccogliere, verificare e pubblicare le buone pratiche dei servizi sociali.",
                    "The data entered in the questionnaire are processed for a task in the public interest: collecting, checking and publishing good practices of social services.",
                )}
            </p>
            <p>
                {tr(
                    "Sono pubblicati solo i contenuti che descrivono la pratica e l'eventuale contatto istituzionale dell'ufficio. Nome, e-mail e telefono del referente non sono mai pubblicati e servono solo alla redazione per eventuali chiarimenti.",
                    "Only the content describing the practice and the office's institutional contact, if any, are published. The contact person's name, e-mail and phone are never published and are used only by the editors for questions.",
                )}
            </p>
            <p>
                {tr(
                    "Il sito non usa cookie di profilazione, né servizi di terze parti.",
                    "The site uses no profiling cookies and no third-party services.",
                )}
            </p>
        </div>
    }
}

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
