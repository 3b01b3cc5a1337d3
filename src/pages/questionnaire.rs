use crate::components::use_document_title;
use leptos::prelude::*;

/// The questionnaire's entry point. The guided form itself is being built;
/// until it is, the page says so plainly.
#[component]
pub fn Questionnaire() -> impl IntoView {
    use_document_title("Questionario");
    view! {
        <div class="container page">
            <h1>"Questionario"</h1>
            <p>
                "Il questionario guidato in sei passi per descrivere una pratica sarà disponibile a breve su questa pagina."
            </p>
        </div>
    }
}
