// SPDX-License-Identifier: EUPL-1.2
use crate::components::{page_heading, page_lead, use_document_title};
use crate::i18n::tr;
use leptos::prelude::*;
use leptos_router::components::A;

/// The home page: what the collection is and where to go.
#[component]
pub fn Home() -> impl IntoView {
    use_document_title("Home", "Home");
    view! {
        <div class="container page">
            <h1>{page_heading("/")}</h1>
            <p class="lead">{page_lead("/")}</p>
            <p>
                {tr(
                    "Questa è la raccolta aperta di quelle pratiche, che continua a crescere: ogni amministrazione può descrivere la propria, la redazione la verifica e la pubblica, e chiunque può cercarla, filtrarla, citarla e scaricarla come dato aperto. Così le amministrazioni possono imparare l'una dall'altra e portare le soluzioni migliori nella programmazione ordinaria dei servizi.",
                    "This is the open collection of those practices, and it keeps growing: every administration can describe its own, the editors check and publish it, and anyone can search, filter, cite and download it as open data. So administrations learn from each other and bring the best solutions into the ordinary planning of services.",
                )}
            </p>
            <crate::components::round::CurrentRound />
            <ul class="cta-list">
                <li>
                    <A href="/catalogo" attr:class="button button-primary">
                        {tr("Consulta il catalogo", "Browse the catalogue")}
                    </A>
                </li>
                <li>
                    <A href="/questionario" attr:class="button button-secondary">
                        {tr("Descrivi una pratica", "Describe a practice")}
                    </A>
                </li>
            </ul>
        </div>
    }
}
