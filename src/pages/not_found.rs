// SPDX-License-Identifier: EUPL-1.2
use crate::components::use_document_title;
use crate::i18n::tr;
use crate::texts;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any address this entry point has no page for. An address of
/// another entry's page (a link from the public pages to the questionnaire,
/// say) is loaded from the server, which sends that entry; only when this
/// very load was for that address (a misconfigured host) does the page say
/// it is not found instead of loading it again and again.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let path = location.pathname.get_untracked();
    // (Never on the server, which draws only its entry's own addresses.)
    if !cfg!(feature = "ssr") && domain::site::pages::page_at(&path).is_some() && path != crate::app::loaded_path() {
        // The router's address: the browser's may not have changed yet.
        let search = location.search.get_untracked();
        let query = if search.is_empty() { String::new() } else { format!("?{search}") };
        // This document may be kept in the back/forward cache as it is now:
        // this empty hand-off drawn, its router on this address. Brought
        // back by Back (to the page before), it would show nothing, as no
        // `popstate` tells the router; so it is loaded afresh instead.
        let _ = window_event_listener(leptos::ev::pageshow, |ev| {
            if ev.persisted() {
                let _ = window().location().reload();
            }
        });
        let _ = window().location().replace(&format!("{path}{query}{}", location.hash.get_untracked()));
        return ().into_any();
    }
    use_document_title(texts::site::PAGE_NOT_FOUND);
    view! {
        <div class="container page">
            <h1>{tr(texts::site::PAGE_NOT_FOUND)}</h1>
            <p>{tr(texts::practice::NOT_FOUND_EXPLAINED)}</p>
            <p>
                <A href="/">{tr(texts::practice::BACK_TO_THE_HOME_PAGE)}</A>
                {tr(texts::practice::OR)}
                <A href="/catalogo">{tr(texts::practice::BROWSE_THE_PRACTICES)}</A>
                "."
            </p>
        </div>
    }
    .into_any()
}
