// SPDX-License-Identifier: EUPL-1.2
//! The frame of every page: skip link, header with navigation, footer.

use crate::i18n::{LanguageSwitch, tr};
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
            {tr("Vai al contenuto principale", "Skip to main content")}
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
                        <span class="brand-tagline">
                            {tr("dei servizi sociali territoriali", "of local social services")}
                        </span>
                    </A>
                </div>
            </div>
            <nav class="main-nav" aria-label=tr("Navigazione principale", "Main navigation")>
                <div class="container">
                    <ul>
                        <li>
                            <A href="/" exact=true>
                                "Home"
                            </A>
                        </li>
                        <li>
                            <A href="/questionario">{tr("Questionario", "Questionnaire")}</A>
                        </li>
                        <li>
                            <A href="/catalogo">{tr("Catalogo", "Catalogue")}</A>
                        </li>
                        <li>
                            <A href="/statistiche">{tr("Statistiche", "Statistics")}</A>
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
                <p class="footer-title">
                    {tr("Buone pratiche dei servizi sociali territoriali", "Good practices of local social services")}
                </p>
                <ul class="footer-links">
                    <li>
                        <A href="/contatti">{tr("Contatti", "Contacts")}</A>
                    </li>
                    <li>
                        <A href="/accessibilita">{tr("Dichiarazione di accessibilità", "Accessibility statement")}</A>
                    </li>
                    <li>
                        <A href="/privacy">{tr("Informativa privacy", "Privacy notice")}</A>
                    </li>
                    <li>
                        <A href="/dati-aperti">
                            {tr("Dati aperti e licenza CC BY 4.0", "Open data and CC BY 4.0 licence")}
                        </A>
                    </li>
                </ul>
                <p class="footer-note">
                    {tr(
                        "I contenuti pubblicati sono rilasciati con licenza Creative Commons Attribuzione 4.0 (CC BY 4.0).",
                        "Published content is released under the Creative Commons Attribution 4.0 licence (CC BY 4.0).",
                    )}
                </p>
            </div>
        </footer>
    }
}

/// The operating administration's logo (address, name), from what the page
/// started with (`BP_OPERATOR_LOGO`, named in the page's head), if it has one.
fn operator_logo() -> Option<(String, String)> {
    crate::start::use_start_data().logo.clone()
}
