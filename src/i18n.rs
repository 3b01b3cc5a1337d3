// SPDX-License-Identifier: EUPL-1.2
//! The language of the interface: Italian by default, English by a switch in
//! the header. The questionnaire's own texts come in both languages from its
//! definition; the interface's are in the catalogue (`crate::texts`), shown
//! with `tr`.

use domain::{Lang, Text};
use leptos::prelude::*;

/// The current language, shared by the whole app.
#[derive(Clone, Copy)]
pub struct LangCtx(pub RwSignal<Lang>);

/// Provides the language the page starts in (its address's `?lang=`, or
/// the visitor's last choice, which the server reads from a cookie), and
/// keeps `<html lang>` and that cookie in step with it.
pub fn provide_lang() {
    let lang = RwSignal::new(crate::start::data::use_start_data().lang);
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
        remember(lang);
    });
    provide_context(LangCtx(lang));
}

/// Keeps the visitor's choice for a year, for every page of the site.
fn remember(lang: Lang) {
    use wasm_bindgen::JsCast;
    if let Ok(document) = document().dyn_into::<web_sys::HtmlDocument>() {
        // Spelt out: `crate::start::LANG_COOKIE` and `Lang::tag`, without
        // formatting code in every entry.
        let cookie = match lang {
            Lang::It => "bp-lang=it; path=/; max-age=31536000; SameSite=Lax",
            Lang::En => "bp-lang=en; path=/; max-age=31536000; SameSite=Lax",
        };
        let _ = document.set_cookie(cookie);
    }
}

/// The current language.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<LangCtx>().map_or_else(|| RwSignal::new(Lang::It), |ctx| ctx.0)
}

/// A text of the catalogue (`crate::texts`) in the current language, as a
/// reactive closure for `view!`.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || text.get(lang.get())
}

/// A sentence with values in the page's language, `words(lang)`, kept in
/// step with it (the reactive form of a `texts` function).
pub fn tr_with(words: impl Fn(Lang) -> String + Send + Sync + 'static) -> impl Fn() -> String + Send + Sync + 'static {
    in_lang(std::sync::Arc::new(words))
}

/// `tr_with`'s closure, one type for every sentence: the view's code that
/// draws it is compiled once, not once per call.
#[inline(never)]
fn in_lang(words: std::sync::Arc<dyn Fn(Lang) -> String + Send + Sync>) -> impl Fn() -> String + Send + Sync + 'static {
    let lang = use_lang();
    move || words(lang.get())
}

/// The switch between Italian and English, as two toggle buttons.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let button = move |value: Lang, label: &'static str, name: &'static str| {
        view! {
            <button
                type="button"
                class="lang-button"
                lang=value.tag()
                aria-pressed=move || (lang.get() == value).to_string()
                on:click=move |_| lang.set(value)
            >
                {label}
                <span class="visually-hidden">" " {name}</span>
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label="Lingua / Language">
            {button(Lang::It, "IT", "Italiano")}
            {button(Lang::En, "EN", "English")}
        </div>
    }
}
