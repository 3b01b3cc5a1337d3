use crate::components::use_document_title;
use leptos::prelude::*;
use leptos_router::components::A;

/// The home page: what the collection is and where to go.
#[component]
pub fn Home() -> impl IntoView {
    use_document_title("Home");
    view! {
        <div class="container page">
            <h1>"Buone pratiche dei servizi sociali territoriali"</h1>
            <p class="lead">
                "Nel 2020 il Ministero del Lavoro e delle Politiche Sociali e l'ANCI, con il supporto della Banca Mondiale, hanno chiesto a Comuni, Ambiti territoriali sociali e Regioni di raccontare le esperienze e le buone pratiche introdotte o rafforzate durante l'emergenza Covid-19 per le famiglie più vulnerabili: procedure semplificate, lavoro sociale a distanza, persone e famiglie isolate raggiunte, strumenti digitali."
            </p>
            <p>
                "Questa è la raccolta aperta di quelle pratiche, che continua a crescere: ogni amministrazione può descrivere la propria, la redazione la verifica e la pubblica, e chiunque può cercarla, filtrarla, citarla e scaricarla come dato aperto. Così le amministrazioni possono imparare l'una dall'altra e portare le soluzioni migliori nella programmazione ordinaria dei servizi."
            </p>
            <crate::components::round::CurrentRound />
            <ul class="cta-list">
                <li>
                    <A href="/catalogo" attr:class="button button-primary">
                        "Consulta il catalogo"
                    </A>
                </li>
                <li>
                    <A href="/questionario" attr:class="button button-secondary">
                        "Descrivi una pratica"
                    </A>
                </li>
            </ul>
        </div>
    }
}
