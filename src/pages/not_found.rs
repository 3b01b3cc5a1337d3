use crate::components::use_document_title;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    use_document_title("Pagina non trovata", "Page not found");
    view! {
        <div class="container page">
            <h1>"Pagina non trovata"</h1>
            <p>
                "L'indirizzo che hai aperto non corrisponde a nessuna pagina. Potrebbe essere stato scritto male o non esistere più."
            </p>
            <p>
                <A href="/">"Torna alla home"</A>
                " oppure "
                <A href="/catalogo">"consulta il catalogo delle pratiche"</A>
                "."
            </p>
        </div>
    }
}
