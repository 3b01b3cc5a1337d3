//! The frame of every page: skip link, header with navigation, footer.

use crate::i18n::LanguageSwitch;
use leptos::prelude::*;
use leptos_router::components::A;

/// A link that lets keyboard users jump past the navigation.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a class="skip-link" href="#contenuto">
            "Vai al contenuto principale"
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
                        <span class="brand-title">"Buone pratiche"</span>
                        <span class="brand-tagline">"dei servizi sociali territoriali"</span>
                    </A>
                </div>
            </div>
            <nav class="main-nav" aria-label="Navigazione principale">
                <div class="container">
                    <ul>
                        <li>
                            <A href="/" exact=true>
                                "Home"
                            </A>
                        </li>
                        <li>
                            <A href="/questionario">"Questionario"</A>
                        </li>
                        <li>
                            <A href="/catalogo">"Catalogo"</A>
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
                <p class="footer-title">"Buone pratiche dei servizi sociali territoriali"</p>
                <ul class="footer-links">
                    <li>
                        <A href="/accessibilita">"Dichiarazione di accessibilità"</A>
                    </li>
                    <li>
                        <A href="/privacy">"Informativa privacy"</A>
                    </li>
                    <li>
                        <A href="/dati-aperti">"Dati aperti e licenza CC BY 4.0"</A>
                    </li>
                </ul>
                <p class="footer-note">
                    "I contenuti pubblicati sono rilasciati con licenza Creative Commons Attribuzione 4.0 (CC BY 4.0)."
                </p>
            </div>
        </footer>
    }
}
