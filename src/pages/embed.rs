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

/// Posts the embedded view's height to the host page whenever it changes.
/// It measures the view (`content`), not the document: the body and `<main>`
/// are at least as tall as the frame (`min-height: 100vh`), so a document's
/// height could grow with the frame but never shrink with the content
/// (0 results after 20 cards); the view's own height follows the content
/// both ways and does not depend on the frame's, so resizing the frame cannot
/// make it report again (no oscillation).
#[cfg(not(feature = "ssr"))]
fn report_height(content: web_sys::HtmlDivElement) {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    let measured = content.clone();
    let post = move || {
        // While the app draws off screen (`crate::passes`) the view has no
        // height yet: the observer reports it once it is on the page.
        if !measured.is_connected() {
            return;
        }
        // Nothing of the page is above the view (no site header in a frame).
        let bottom = f64::from(measured.offset_top() + measured.offset_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &bottom.into());
        let _ = parent.post_message(&message, "*");
    };
    post();
    let callback = Closure::<dyn Fn()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&content);
        on_cleanup(move || observer.disconnect());
    }
    callback.forget();
}

/// Sets the language from `?lang=`, provides the embed marker and reports
/// the height of the view drawn in `content`.
fn embed_setup(content: NodeRef<leptos::html::Div>) {
    let lang = use_lang();
    let query = use_query_map();
    if let Some(tag) = query.with_untracked(|q| q.get("lang")) {
        lang.set(if tag == "en" { Lang::En } else { Lang::It });
    }
    let preset = preset_of(&use_catalogue_query().get_untracked());
    provide_context(Embedded { preset });
    // In the browser only: the server has no frame to size.
    #[cfg(not(feature = "ssr"))]
    content.on_load(report_height);
    #[cfg(feature = "ssr")]
    let _ = content;
}

/// `/embed/catalogo`.
#[component]
pub fn EmbedCatalogue() -> impl IntoView {
    let content = NodeRef::new();
    embed_setup(content);
    view! {
        <div class="embed" node_ref=content>
            <CataloguePage />
        </div>
    }
}

/// `/embed/pratiche/{id}`.
#[component]
pub fn EmbedPractice() -> impl IntoView {
    let content = NodeRef::new();
    embed_setup(content);
    view! {
        <div class="embed" node_ref=content>
            <PracticePage />
        </div>
    }
}
