//! The route table and the page frame around every route.

use crate::components::layout::{Footer, Header, SkipLink};
use crate::pages;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app: header, the page for the current route, footer.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <SkipLink />
            <Header />
            <main id="contenuto" tabindex="-1">
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::Home />
                    <Route path=path!("/questionario") view=pages::Questionnaire />
                    <Route path=path!("/catalogo") view=pages::CataloguePage />
                    <Route path=path!("/accessibilita") view=pages::Accessibility />
                    <Route path=path!("/privacy") view=pages::Privacy />
                    <Route path=path!("/dati-aperti") view=pages::OpenData />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
