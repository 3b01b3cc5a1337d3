//! The pages the footer links to, as the law and open-data practice require.

use crate::components::{FileLink, use_document_title};
use leptos::prelude::*;

/// Dichiarazione di accessibilità (Law 4/2004, AgID guidelines).
#[component]
pub fn Accessibility() -> impl IntoView {
    use_document_title("Dichiarazione di accessibilità");
    view! {
        <div class="container page">
            <h1>"Dichiarazione di accessibilità"</h1>
            <p>
                "Questo sito si impegna a rendere i propri contenuti accessibili secondo la Legge 4/2004 e le Linee guida AgID, al livello AA delle WCAG 2.1."
            </p>
            <p>
                "Le pagine sono navigabili da tastiera, hanno un link per saltare al contenuto, titoli ordinati e testi alternativi. Le verifiche automatiche sono parte dei test del progetto."
            </p>
            <h2>"Segnalazioni"</h2>
            <p>
                "Se incontri un ostacolo, scrivi alla redazione indicando la pagina e il problema: risponderemo entro 30 giorni."
            </p>
        </div>
    }
}

/// Informativa sul trattamento dei dati personali (GDPR art. 13).
#[component]
pub fn Privacy() -> impl IntoView {
    use_document_title("Informativa privacy");
    view! {
        <div class="container page">
            <h1>"Informativa sul trattamento dei dati personali"</h1>
            <p>
                "I dati inseriti nel questionario sono trattati per l'esecuzione di un compito di interesse pubblico: raccogliere, verificare e pubblicare le buone pratiche dei servizi sociali."
            </p>
            <p>
                "Sono pubblicati solo i contenuti che descrivono la pratica e l'eventuale contatto istituzionale dell'ufficio. Nome, e-mail e telefono del referente non sono mai pubblicati e servono solo alla redazione per eventuali chiarimenti."
            </p>
            <p>"Il sito non usa cookie di profilazione, né servizi di terze parti."</p>
        </div>
    }
}

/// Dati aperti: the licence and how to reuse the data.
#[component]
pub fn OpenData() -> impl IntoView {
    use_document_title("Dati aperti");
    view! {
        <div class="container page">
            <h1>"Dati aperti e licenza"</h1>
            <p>
                "Le pratiche pubblicate sono rilasciate con licenza Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0): puoi riutilizzarle citando la fonte."
            </p>
            <h2>"File"</h2>
            <ul>
                <li>
                    <FileLink href="opendata/buone-pratiche.csv" download=true>
                        "Tutte le pratiche pubblicate (CSV, UTF-8)"
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/buone-pratiche.json" download=true>
                        "Tutte le pratiche pubblicate (JSON)"
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/dizionario-dati.json">"Dizionario dei dati (JSON)"</FileLink>
                </li>
                <li>
                    <FileLink href="opendata/dcat.ttl">"Metadati DCAT-AP_IT (Turtle)"</FileLink>
                </li>
                <li>
                    <FileLink href="opendata/feed.atom">"Nuove pratiche e aggiornamenti (feed Atom)"</FileLink>
                </li>
            </ul>
            <p>
                "Identificativi e indirizzi delle pratiche (BP-AAAA-NNNN, /pratiche/BP-AAAA-NNNN) non cambiano mai. Dal catalogo puoi scaricare anche solo le pratiche che hai filtrato."
            </p>
            <p>
                "L'elenco dei comuni italiani usato dal questionario è di fonte ISTAT (licenza CC BY). Fonte: ISTAT."
            </p>
        </div>
    }
}
