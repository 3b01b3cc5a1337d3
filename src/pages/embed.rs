//! Views for partner websites, shown in an iframe: `/embed/catalogo` (the
//! catalogue with filters preset from the query string) and
//! `/embed/pratiche/{id}`, without the site's header and footer, in the
//! language of `?lang=`. Links to practice pages open the main site in a new
//! tab. The page reports its height to the host page with
//! `postMessage({type: "buone-pratiche:height", height})` (no data beyond
//! that), which `/embed.js` on the host uses to size the iframe.

use crate::i18n::use_lang;
use crate::pages::{CataloguePage, PracticePage};
use domain::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Marks the views rendered inside a partner's iframe.
#[derive(Clone, Copy)]
pub struct Embedded;

/// True inside an embed view.
pub fn is_embedded() -> bool {
    use_context::<Embedded>().is_some()
}

/// The message type the host script listens for.
pub const HEIGHT_MESSAGE: &str = "buone-pratiche:height";

/// Posts the document's height to the host page whenever it changes.
fn report_height() {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    let post = move || {
        let Some(body) = document().body() else { return };
        let height = f64::from(body.scroll_height().max(body.offset_height()));
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    };
    post();
    let callback = Closure::<dyn Fn()>::new(post);
    if let (Ok(observer), Some(body)) =
        (web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()), document().body())
    {
        observer.observe(&body);
        on_cleanup(move || observer.disconnect());
    }
    callback.forget();
}

/// Sets the language from `?lang=`, provides the embed marker and reports height.
fn embed_setup() {
    let lang = use_lang();
    let query = use_query_map();
    if let Some(tag) = query.with_untracked(|q| q.get("lang")) {
        lang.set(if tag == "en" { Lang::En } else { Lang::It });
    }
    provide_context(Embedded);
    request_animation_frame(report_height);
}

/// `/embed/catalogo`.
#[component]
pub fn EmbedCatalogue() -> impl IntoView {
    embed_setup();
    view! {
        <div class="embed">
            <CataloguePage />
        </div>
    }
}

/// `/embed/pratiche/{id}`.
#[component]
pub fn EmbedPractice() -> impl IntoView {
    embed_setup();
    view! {
        <div class="embed">
            <PracticePage />
        </div>
    }
}
