// SPDX-License-Identifier: EUPL-1.2
//! Pieces shared by several pages.

pub mod alert;
pub mod comune_picker;
pub mod form;
pub mod job;
pub mod layout;
pub mod loading;
pub mod month_year;
pub mod practice_list;
pub mod round;
pub mod small_form;
pub mod tile_map;

use crate::texts;
use leptos::prelude::*;

/// The main heading of the listed page at `path` (`domain::site::pages`), which
/// the server's HTML already shows before the app starts.
pub fn page_heading(path: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let (it, en) = domain::site::pages::heading(path).expect("a listed page has a heading");
    crate::i18n::tr(texts::Text::new(it, en))
}

/// The paragraph under the main heading of the listed page at `path`.
pub fn page_lead(path: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let (it, en) = domain::site::pages::lead(path).expect("this page has a lead paragraph");
    crate::i18n::tr(texts::Text::new(it, en))
}

/// Sets the document title to "`page` · Buone pratiche" while the calling
/// page is shown, so every route announces itself to screen readers and tabs.
pub fn use_document_title(title: crate::texts::Text) {
    let lang = crate::i18n::use_lang();
    Effect::new(move |_| {
        let lang = lang.get();
        set_document_title(title.get(lang), false, lang);
    });
}

/// Sets the document title to "`page` · Buone pratiche", with "Errore: "
/// in front while the page shows an error summary (so the error is the first
/// thing a screen reader announces).
pub fn set_document_title(page: &str, failed: bool, lang: domain::Lang) {
    let prefix = if failed { texts::site::ERROR_PREFIX.get(lang) } else { "" };
    if cfg!(feature = "ssr") {
        // The server writes the page's title into its head (`head.rs`).
        return;
    }
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{prefix}{page} · Buone pratiche"));
    }
}

/// A link to a file or a server route that is not an app page (open data,
/// exports, the feed): `rel="external"` makes the client router leave it to
/// the browser, which fetches the file; `download` offers it as a file to
/// save (for data a person keeps, not for documents read in the browser).
#[component]
pub fn FileLink(
    /// The file's address (relative ones resolve against `<base>`).
    #[prop(into)]
    href: Signal<String>,
    /// Offer the file to save rather than to open.
    #[prop(optional)]
    download: bool,
    /// The link's text.
    children: Children,
) -> impl IntoView {
    view! {
        <a href=href rel="external" download=download.then_some("")>
            {children()}
        </a>
    }
}

/// A button that copies `text` to the clipboard, and a status beside it that
/// says whether it worked (announced to screen readers); when the browser
/// refuses, it says to copy by hand.
#[component]
pub fn CopyButton(
    /// What to copy.
    #[prop(into)]
    text: Signal<String>,
    /// The button's label.
    label: texts::Text,
    /// What the status says once copied.
    done: texts::Text,
    /// The button's classes.
    #[prop(default = "button button-secondary")]
    class: &'static str,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let copied = RwSignal::new(None::<bool>);
    view! {
        <button
            type="button"
            class=class
            on:click=move |_| {
                let promise = window().navigator().clipboard().write_text(&text.get_untracked());
                leptos::task::spawn_local(async move {
                    copied.set(Some(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()));
                });
            }
        >
            {crate::i18n::tr(label)}
        </button>
        <span role="status" class="copy-status">
            {move || match copied.get() {
                Some(true) => done.get(lang.get()),
                Some(false) => texts::site::COPYING_FAILED.get(lang.get()),
                None => "",
            }}
        </span>
    }
}

/// A field hidden from people (off screen, out of the tab order, hidden from
/// assistive technology) that only robots fill in: what they type goes to
/// `value`, which the server refuses when it is not empty.
#[component]
pub fn Honeypot(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="honeypot" aria-hidden="true">
            <label for=id>{crate::i18n::tr(texts::site::LEAVE_THIS_FIELD_EMPTY)}</label>
            <input
                type="text"
                id=id
                name=id
                tabindex="-1"
                autocomplete="off"
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// Runs `f` once the browser has drawn the changes made so far (to move
/// focus, say). Nothing when the server draws the page: it has no browser,
/// and the wasm-bindgen stubs behind `request_animation_frame` abort a
/// native process.
pub fn after_paint(f: impl FnOnce() + 'static) {
    #[cfg(not(feature = "ssr"))]
    request_animation_frame(f);
    #[cfg(feature = "ssr")]
    drop(f);
}

/// `encodeURIComponent`: a value made safe for a URL's query or path.
pub fn encode_uri_component(value: &str) -> String {
    #[cfg(feature = "ssr")]
    {
        use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
        // What encodeURIComponent leaves as it is.
        const KEPT: &AsciiSet = &NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'_')
            .remove(b'.')
            .remove(b'!')
            .remove(b'~')
            .remove(b'*')
            .remove(b'\'')
            .remove(b'(')
            .remove(b')');
        utf8_percent_encode(value, KEPT).to_string()
    }
    #[cfg(not(feature = "ssr"))]
    String::from(js_sys::encode_uri_component(value))
}
