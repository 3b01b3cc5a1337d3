use crate::components::{page_heading, use_document_title};
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
            <p class="lead">
                {tr(
                    "Nel 2020 il Ministero del Lavoro e delle Politiche Sociali e l'ANCI, con il supporto della Banca Mondiale, hanno chiesto a Comuni, Ambiti territoriali sociali e Regioni di raccontare le esperienze e le buone pratiche introdotte o rafforzate durante l'emergenza Covid-19 per le famiglie più vulnerabili: procedure semplificate, lavoro sociale a distanza, persone e famiglie isolate raggiunte, strumenti digitali.",
                    "In 2020 the Ministry of Labour and Social Policies and ANCI, with the support of the World Bank, asked Comuni, social districts (Ambiti territoriali sociali) and Regions to describe the practices they introduced or strengthened during the Covid-19 emergency for the most vulnerable families: simplified procedures, remote social work, isolated people and families reached, digital tools.",
                )}
            </p>
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
