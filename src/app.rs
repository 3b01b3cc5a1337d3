// SPDX-License-Identifier: EUPL-1.2
//! The page frame around every route and the route table of each entry
//! point (see `domain::site::pages`).

use crate::components::layout::{Footer, Header, SkipLink};
use crate::pages;
use crate::questionnaire::{MailedConfirmationPage, QuestionnairePage, ReceiptPage, StatusPage, UpdatePage};
use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::{Route, Router};
use leptos_router::path;
use wasm_bindgen::JsCast;

/// Starts an entry point of the app: the page frame around `routes`, the
/// route table of that entry's pages (`src/bin/*.rs`; `src/main.rs` mounts
/// them all, for `trunk serve`), once `prepare` has completed the page's
/// start data (the entries whose pages name Comuni fetch their list first).
///
/// `WHOLE_PAGES` says what the server sends this entry's addresses: whole
/// pages (public, embed, questionnaire), which the app draws anew off
/// screen, in passes (`crate::passes`), then replaces in one task, carrying
/// over what the visitor typed (`crate::takeover`); or the frame alone (the
/// signed-in pages, whose data is read as the person), which the app
/// replaces at once. A constant, so an entry carries only the code of its
/// own way.
#[cfg(not(feature = "ssr"))]
pub fn start_with<V, F, const WHOLE_PAGES: bool>(
    routes: fn() -> V,
    prepare: impl FnOnce(crate::start::StartData) -> F + 'static,
) where
    V: IntoView + 'static,
    F: std::future::Future<Output = crate::start::StartData> + 'static,
{
    console_error_panic_hook::set_once();
    LOADED_PATH.get_or_init(|| window().location().pathname().unwrap_or_default());
    wasm_bindgen_futures::spawn_local(async move {
        // Each step of the start is a task of its own (reading the start
        // data, preparing it, each pass of the drawing), so none blocks a
        // tap for long: the server's page is on screen and works meanwhile.
        use crate::passes::next_task;
        let start = crate::start::from_page().await;
        next_task().await;
        let start = prepare(start).await;
        next_task().await;
        let Ok(drawing) = document().create_element("div") else { return };
        if WHOLE_PAGES {
            crate::passes::open();
        }
        leptos::mount::mount_to(drawing.clone().unchecked_into(), move || {
            provide_context(std::sync::Arc::new(start));
            view! { <Site>{routes()}</Site> }
        })
        .forget();
        if WHOLE_PAGES {
            crate::passes::run().await;
            crate::takeover::replace_server_page(&drawing);
        } else {
            crate::takeover::replace_server_frame(&drawing);
        }
    });
}

static LOADED_PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The path this document was loaded for (before any navigation in the page).
pub fn loaded_path() -> &'static str {
    LOADED_PATH.get().map_or("", String::as_str)
}

/// Header, the page for the current route, footer.
#[component]
pub fn Site(
    /// The entry's `<Routes>`.
    children: Children,
) -> impl IntoView {
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
            // The page's own content in a pass after the frame's.
            <main id="contenuto" tabindex="-1">
                <crate::passes::Later>{children()}</crate::passes::Later>
            </main>
            <OutsideEmbeds>
                <Footer />
            </OutsideEmbeds>
        </Router>
    }
}

/// The public pages (the `public` entry).
#[component(transparent)]
pub fn PublicRoutes() -> AnyNestedRoute {
    pages::provide_community_forms();
    view! {
        <Route path=path!("/") view=pages::Home />
        <Route path=path!("/catalogo") view=pages::CataloguePage />
        <Route path=path!("/pratiche/:id") view=pages::PracticePage />
        <Route path=path!("/statistiche") view=pages::StatisticsPage />
        <Route path=path!("/statistiche/partecipazione") view=pages::ParticipationPage />
        <Route path=path!("/dati-aperti") view=pages::OpenData />
        <Route path=path!("/incorpora") view=pages::EmbedBuilderPage />
        <Route path=path!("/accessibilita") view=pages::Accessibility />
        <Route path=path!("/privacy") view=pages::Privacy />
        <Route path=path!("/contatti") view=pages::Contacts />
        <Route path=path!("/segui/conferma") view=pages::ConfirmFollowPage />
        <Route path=path!("/segui/annulla") view=pages::CancelFollowPage />
    }
    .into_inner()
    .into_any_nested_route()
}

/// The views partners frame (the `embed` entry).
#[component(transparent)]
pub fn EmbedRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/embed/catalogo") view=pages::embed::EmbedCatalogue />
        <Route path=path!("/embed/pratiche/:id") view=pages::embed::EmbedPractice />
    }
    .into_inner()
    .into_any_nested_route()
}

/// The questionnaire's pages (the `questionnaire` entry).
#[component(transparent)]
pub fn QuestionnaireRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/questionario") view=QuestionnairePage />
        <Route path=path!("/questionario/ricevuta") view=ReceiptPage />
        <Route path=path!("/questionario/modifica") view=UpdatePage />
        <Route path=path!("/questionario/stato") view=StatusPage />
        <Route path=path!("/questionario/conferma") view=MailedConfirmationPage />
    }
    .into_inner()
    .into_any_nested_route()
}

/// The curators' pages (the `editors` entry).
#[component(transparent)]
pub fn EditorRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/redazione") view=pages::redazione::QueuePage />
        <Route path=path!("/redazione/accesso") view=pages::redazione::SignInPage />
        <Route path=path!("/redazione/pratiche/:id") view=pages::redazione::ReviewPage />
        <Route path=path!("/redazione/correzione") view=pages::redazione::CorrectionPage />
    }
    .into_inner()
    .into_any_nested_route()
}

/// The administrators' pages (the `admin` entry).
#[component(transparent)]
pub fn AdminRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/redazione/amministrazione") view=pages::admin::AdminPage />
        <Route path=path!("/redazione/amministrazione/raccolte/:code") view=pages::invitations::InvitationsPage />
        <Route path=path!("/redazione/posta") view=pages::outbox::OutboxPage />
    }
    .into_inner()
    .into_any_nested_route()
}

/// The import of a spreadsheet of responses (the `import` entry).
#[component(transparent)]
pub fn ImportRoutes() -> AnyNestedRoute {
    view! { <Route path=path!("/redazione/amministrazione/importa") view=pages::import::ImportPage /> }
        .into_inner()
        .into_any_nested_route()
}

/// The imported rows kept as drafts and their completion (`Entry::Drafts`).
#[component(transparent)]
pub fn DraftRoutes() -> AnyNestedRoute {
    view! {
        <Route path=path!("/redazione/bozze") view=pages::drafts::DraftsPage />
        <Route path=path!("/redazione/bozze/completa") view=pages::drafts::CompletionPage />
    }
    .into_inner()
    .into_any_nested_route()
}

/// The routes of the harvest of other collections (`Entry::Harvest`).
#[component(transparent)]
pub fn HarvestRoutes() -> AnyNestedRoute {
    view! { <Route path=path!("/redazione/amministrazione/fonti") view=pages::harvest::HarvestPage /> }
        .into_inner()
        .into_any_nested_route()
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
    let target =
        document().query_selector("main h1").ok().flatten().or_else(|| document().get_element_by_id("contenuto"));
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        let _ = element.focus();
    }
}

/// The `main` of an entry point: mounts the site with these route groups, and
/// "Pagina non trovata" for any other address (or the entry that has it).
/// `signed_in` marks the entries whose pages the server sends as the frame
/// alone (see [`start_with`]).
#[macro_export]
macro_rules! entry {
    (signed_in $($routes:ident),+) => {
        $crate::entry!(@start false; $($routes),+; std::future::ready);
    };
    ($($routes:ident),+) => {
        $crate::entry!(@start true; $($routes),+; std::future::ready);
    };
    // `prepare` completes the start data before the app draws.
    ($($routes:ident),+; $prepare:path) => {
        $crate::entry!(@start true; $($routes),+; $prepare);
    };
    (@start $whole:literal; $($routes:ident),+; $prepare:path) => {
        fn main() {
            use leptos::prelude::*;
            use leptos_router::components::Routes;
            use $crate::app::*;
            start_with::<_, _, $whole>(
                || view! { <Routes fallback=$crate::pages::NotFound>$(<$routes />)+</Routes> },
                $prepare,
            );
        }
    };
}
