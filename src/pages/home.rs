// SPDX-License-Identifier: EUPL-1.2
use crate::components::{page_heading, page_lead, use_document_title};
use crate::i18n::tr;
use crate::texts;
use leptos::prelude::*;
use leptos_router::components::A;

/// The home page: what the collection is and where to go.
#[component]
pub fn Home() -> impl IntoView {
    use_document_title(texts::site::HOME);
    view! {
        <div class="container page">
            <h1>{page_heading("/")}</h1>
            <p class="lead">{page_lead("/")}</p>
            <p>{tr(texts::site::THIS_IS_THE_OPEN)}</p>
            <crate::components::round::CurrentRound />
            <ul class="cta-list">
                <li>
                    <A href="/catalogo" attr:class="button button-primary">
                        {tr(texts::site::BROWSE_THE_CATALOGUE)}
                    </A>
                </li>
                <li>
                    <A href="/questionario" attr:class="button button-secondary">
                        {tr(texts::site::DESCRIBE_A_PRACTICE)}
                    </A>
                </li>
            </ul>
        </div>
    }
}
