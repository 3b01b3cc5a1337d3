// SPDX-License-Identifier: EUPL-1.2
//! The language of the interface: Italian by default, English by a switch in
//! the header. The questionnaire's own texts come in both languages from its
//! definition; the few interface strings use `tr`.

use domain::Lang;
use leptos::prelude::*;

const STORAGE_KEY: &str = "bp-lang";

/// The current language, shared by the whole app.
#[derive(Clone, Copy)]
pub struct LangCtx(pub RwSignal<Lang>);

/// Provides the language, starting from the visitor's last choice, and keeps
/// `<html lang>` in step with it.
pub fn provide_lang() {
    let stored = crate::storage::local().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let lang = RwSignal::new(if stored.as_deref() == Some("en") { Lang::En } else { Lang::It });
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
        if let Some(storage) = crate::storage::local() {
            let _ = storage.set_item(STORAGE_KEY, lang.tag());
        }
    });
    provide_context(LangCtx(lang));
}

/// The current language.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<LangCtx>().map_or_else(|| RwSignal::new(Lang::It), |ctx| ctx.0)
}

/// A string in the current language, as a reactive closure for `view!`.
pub fn tr(it: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || match lang.get() {
        Lang::It => it,
        Lang::En => en,
    }
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
