// SPDX-License-Identifier: EUPL-1.2
//! Views for partner websites, shown in an iframe: `/embed/catalogo` (the
//! catalogue with filters preset from the query string) and
//! `/embed/pratiche/{id}`, without the site's header and footer, in the
//! language of `?lang=`. Links to practice pages open the main site in a new
//! tab. The page reports its height to the host page with
//! `postMessage({type: "buone-pratiche:height", height})` (no data beyond
//! that), which `/embed.js` on the host uses to size the iframe.

use crate::i18n::use_lang;
use crate::pages::catalogue::use_catalogue_query;
use crate::pages::{CataloguePage, PracticePage};
use domain::Lang;
use domain::catalogue::{Facet, Query};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::JsCast;

/// Marks the views rendered inside a partner's iframe, with the filters the
/// partner chose in its `src` (the preset): every navigation inside the frame
/// stays under `/embed/` and keeps them, and a reader cannot remove them.
#[derive(Clone)]
pub struct Embedded {
    pub preset: BTreeMap<Facet, BTreeSet<String>>,
}

/// True inside an embed view.
pub fn is_embedded() -> bool {
    use_context::<Embedded>().is_some()
}

/// The partner's preset filters, inside an embed view.
pub fn embed_preset() -> Option<BTreeMap<Facet, BTreeSet<String>>> {
    use_context::<Embedded>().map(|e| e.preset)
}

const PRESET_KEY: &str = "bp-embed-preset";

/// The preset: the filters of the address the frame was loaded with. When the
/// reader reloads the frame itself (its address then holds their own filters
/// too), the preset kept for this frame's session is used instead.
fn preset_of(query: &Query) -> BTreeMap<Facet, BTreeSet<String>> {
    if cfg!(feature = "ssr") {
        return query.filters.clone();
    }
    let session = window().session_storage().ok().flatten();
    let reloaded = window()
        .performance()
        .and_then(|p| p.get_entries_by_type("navigation").get(0).dyn_into::<js_sys::Object>().ok())
        .and_then(|entry| js_sys::Reflect::get(&entry, &"type".into()).ok())
        .and_then(|kind| kind.as_string())
        .is_some_and(|kind| kind == "reload");
    let kept = session
        .as_ref()
        .filter(|_| reloaded)
        .and_then(|s| s.get_item(PRESET_KEY).ok().flatten())
        .map(|pairs| Query::from_pairs(url_pairs(&pairs).iter().map(|(k, v)| (k.as_str(), v.as_str()))).filters);
    let preset = kept.unwrap_or_else(|| query.filters.clone());
    if let Some(session) = session {
        let filters_only = Query { filters: preset.clone(), page: 1, ..Query::default() };
        let encoded: Vec<String> = filters_only.to_pairs().into_iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = session.set_item(PRESET_KEY, &encoded.join("&"));
    }
    preset
}

/// `k=v&k2=v2` as pairs (the values are lists of codes, never escaped).
fn url_pairs(text: &str) -> Vec<(String, String)> {
    text.split('&').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
}

/// The message type the host script listens for.
pub const HEIGHT_MESSAGE: &str = "buone-pratiche:height";

/// Posts the document's height to the host page whenever it changes.
#[cfg(not(feature = "ssr"))]
fn report_height() {
    use wasm_bindgen::closure::Closure;
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
    let preset = preset_of(&use_catalogue_query().get_untracked());
    provide_context(Embedded { preset });
    // In the browser only: the server has no frame to size.
    #[cfg(not(feature = "ssr"))]
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
