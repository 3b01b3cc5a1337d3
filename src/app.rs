//! The route table and the page frame around every route.

use crate::components::layout::{Footer, Header, SkipLink};
use crate::pages;
use crate::questionnaire::{QuestionnairePage, ReceiptPage, UpdatePage};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app: header, the page for the current route, footer.
#[component]
pub fn App() -> impl IntoView {
    crate::i18n::provide_lang();
    crate::comuni::provide_comuni();
    crate::session::provide_session();
    view! {
        <Router>
            <FocusOnNavigation />
            <crate::session::SessionWatch />
            <OutsideEmbeds>
                <SkipLink />
                <Header />
            </OutsideEmbeds>
            <main id="contenuto" tabindex="-1">
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::Home />
                    <Route path=path!("/questionario") view=QuestionnairePage />
                    <Route path=path!("/questionario/ricevuta") view=ReceiptPage />
                    <Route path=path!("/questionario/modifica") view=UpdatePage />
                    <Route path=path!("/catalogo") view=pages::CataloguePage />
                    <Route path=path!("/pratiche/:id") view=pages::PracticePage />
                    <Route path=path!("/statistiche") view=pages::StatisticsPage />
                    <Route path=path!("/incorpora") view=pages::EmbedBuilderPage />
                    <Route path=path!("/redazione") view=pages::redazione::QueuePage />
                    <Route path=path!("/redazione/accesso") view=pages::redazione::SignInPage />
                    <Route path=path!("/redazione/pratiche/:id") view=pages::redazione::ReviewPage />
                    <Route path=path!("/redazione/correzione") view=pages::redazione::CorrectionPage />
                    <Route path=path!("/redazione/amministrazione") view=pages::admin::AdminPage />
                    <Route path=path!("/embed/catalogo") view=pages::embed::EmbedCatalogue />
                    <Route path=path!("/embed/pratiche/:id") view=pages::embed::EmbedPractice />
                    <Route path=path!("/accessibilita") view=pages::Accessibility />
                    <Route path=path!("/privacy") view=pages::Privacy />
                    <Route path=path!("/dati-aperti") view=pages::OpenData />
                </Routes>
            </main>
            <OutsideEmbeds>
                <Footer />
            </OutsideEmbeds>
        </Router>
    }
}

/// Site chrome, left out of the views for partners' iframes (`/embed/...`).
#[component]
fn OutsideEmbeds(
    /// What only the full site shows.
    children: ChildrenFn,
) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let embedded = Memo::new(move |_| location.pathname.with(|path| path.starts_with("/embed/")));
    view! { <Show when=move || !embedded.get()>{children()}</Show> }
}

/// After every client-side navigation to another page, focus goes to the new
/// page's main heading (or, before it is drawn, to `<main>`), so screen-reader
/// and keyboard users start where the new content starts, as after a full
/// page load. Changes of the query alone (filters, questionnaire steps, which
/// manage focus themselves) leave focus where it is.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(focus_main_heading);
        }
        path
    });
}

fn focus_main_heading() {
    use wasm_bindgen::JsCast;
    let target =
        document().query_selector("main h1").ok().flatten().or_else(|| document().get_element_by_id("contenuto"));
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        let _ = element.focus();
    }
}
