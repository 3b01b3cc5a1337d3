// SPDX-License-Identifier: EUPL-1.2
//! The frame of every page: skip link, header with navigation, footer.

use crate::i18n::{LanguageSwitch, tr};
use crate::texts;
use leptos::prelude::*;
use leptos_router::components::A;

/// A link that lets keyboard users jump past the navigation to this page's
/// main content. Its address is the current page's own (a bare `#contenuto`
/// would resolve against `<base>`, the home page), and `rel="external"`
/// leaves it to the browser, whose fragment navigation scrolls to `<main>`
/// and moves focus there.
#[component]
pub fn SkipLink() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let href = move || {
        let search = location.search.get();
        let query = if search.is_empty() { String::new() } else { format!("?{search}") };
        format!("{}{query}#contenuto", location.pathname.get())
    };
    view! {
        <a class="skip-link" href=href rel="external">
            {tr(texts::site::SKIP_TO_MAIN_CONTENT)}
        </a>
    }
}

/// The slim header naming the owning bodies, the product's name and the
/// main navigation (the current page is marked with `aria-current`).
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="slim-header">
                <div class="container slim-header-row">
                    <span>"Ministero del Lavoro e delle Politiche Sociali · ANCI"</span>
                    <LanguageSwitch />
                </div>
            </div>
            <div class="center-header">
                <div class="container">
                    <A href="/" attr:class="brand">
                        {operator_logo()
                            .map(|(address, name)| {
                                view! { <img class="operator-logo" src=address alt=name width="48" height="48" /> }
                            })}
                        <span class="brand-title">"Buone pratiche"</span>
                        <span class="brand-tagline">{tr(texts::site::OF_LOCAL_SOCIAL_SERVICES)}</span>
                    </A>
                </div>
            </div>
            <nav class="main-nav" aria-label=tr(texts::site::MAIN_NAVIGATION)>
                <div class="container">
                    <ul>
                        <li>
                            <A href="/" exact=true>
                                "Home"
                            </A>
                        </li>
                        <li>
                            <A href="/questionario">{tr(texts::common::QUESTIONNAIRE)}</A>
                        </li>
                        <li>
                            <A href="/catalogo">{tr(texts::common::CATALOGUE)}</A>
                        </li>
                        <li>
                            <A href="/statistiche">{tr(texts::common::STATISTICS)}</A>
                        </li>
                    </ul>
                </div>
            </nav>
        </header>
    }
}

/// The footer with the legally required links.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="container">
                <p class="footer-title">{tr(texts::site::GOOD_PRACTICES_OF_LOCAL_SOCIAL_SERVICES)}</p>
                <ul class="footer-links">
                    <li>
                        <A href="/contatti">{tr(texts::common::CONTACTS)}</A>
                    </li>
                    <li>
                        <A href="/accessibilita">{tr(texts::common::ACCESSIBILITY_STATEMENT)}</A>
                    </li>
                    <li>
                        <A href="/privacy">{tr(texts::common::PRIVACY_NOTICE)}</A>
                    </li>
                    <li>
                        <A href="/dati-aperti">{tr(texts::site::OPEN_DATA_AND_CC)}</A>
                    </li>
                </ul>
                <p class="footer-note">{tr(texts::site::PUBLISHED_CONTENT_LICENCE)}</p>
            </div>
        </footer>
    }
}

/// The operating administration's logo (address, name), from what the page
/// started with (`BP_OPERATOR_LOGO`, named in the page's head), if it has one.
fn operator_logo() -> Option<(String, String)> {
    crate::start::use_start_data().logo.clone()
}
