// SPDX-License-Identifier: EUPL-1.2
//! The page frame around every route and the route table of each entry
//! point (see `domain::pages`).

use crate::components::layout::{Footer, Header, SkipLink};
use crate::pages;
use crate::questionnaire::{MailedConfirmationPage, QuestionnairePage, ReceiptPage, StatusPage, UpdatePage};
use leptos::prelude::*;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::{Route, Router};
use leptos_router::path;
use wasm_bindgen::JsCast;

#[cfg(not(feature = "ssr"))]
/// Starts an entry point of the app: the page frame around `routes`, the
/// route table of that entry's pages (`src/bin/*.rs`; `src/main.rs` mounts
/// them all, for `trunk serve`).
pub fn start<V: IntoView + 'static>(routes: fn() -> V) {
    start_with(routes, std::future::ready);
}

/// [`start`], with `prepare` completing the page's start data before the
/// app draws (the entries whose pages name Comuni fetch their list first).
#[cfg(not(feature = "ssr"))]
pub fn start_with<V, F>(routes: fn() -> V, prepare: impl FnOnce(crate::start::StartData) -> F + 'static)
where
    V: IntoView + 'static,
    F: std::future::Future<Output = crate::start::StartData> + 'static,
{
    console_error_panic_hook::set_once();
    LOADED_PATH.get_or_init(|| window().location().pathname().unwrap_or_default());
    wasm_bindgen_futures::spawn_local(async move {
        // Each step of the start is a task of its own (reading the start
        // data, preparing it, drawing), so none blocks a tap for long: the
        // server's page is on screen and works meanwhile.
        let start = crate::start::from_page().await;
        next_task().await;
        let start = prepare(start).await;
        next_task().await;
        // The server's page and the app's are drawn from the same start: the
        // app replaces it in one task, so nothing on screen moves.
        let focused = focused_in_server_frame();
        remove_server_frame();
        leptos::mount::mount_to_body(move || {
            provide_context(std::sync::Arc::new(start));
            view! { <Site>{routes()}</Site> }
        });
        if let Some(selector) = focused {
            focus_first(&selector);
        }
    });
}

#[cfg(not(feature = "ssr"))]
/// Resolves in a later task (a zero-delay timeout): what runs after it is
/// not part of the task that awaited it.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(not(feature = "ssr"))]
/// The element of the server's page that has focus, as a CSS selector that
/// finds its twin in the app's identical page: a keyboard user who pressed
/// Tab before the app started keeps their place when the page is replaced.
fn focused_in_server_frame() -> Option<String> {
    let mut element = document().active_element()?;
    let mut steps = Vec::new();
    loop {
        let parent = element.parent_element()?;
        if parent.has_attribute("data-frame") {
            let tag = element.tag_name().to_lowercase();
            let root = match element.id() {
                id if !id.is_empty() => format!("{tag}#{id}"),
                _ => format!("{tag}.{}", element.class_name().split_whitespace().next()?),
            };
            steps.push(format!("body > {root}"));
            steps.reverse();
            return Some(steps.join(" > "));
        }
        let mut position = 1;
        let mut sibling = element.previous_element_sibling();
        while let Some(before) = sibling {
            position += 1;
            sibling = before.previous_element_sibling();
        }
        steps.push(format!(":nth-child({position})"));
        element = parent;
    }
}

#[cfg(not(feature = "ssr"))]
fn focus_first(selector: &str) {
    if let Ok(Some(element)) = document().query_selector(selector)
        && let Ok(element) = element.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = element.focus();
    }
}

#[cfg(not(feature = "ssr"))]
/// Removes the page the server drew (`<div data-frame>`, see
/// `crates/server/src/web.rs`), in the same task that mounts the app's own,
/// so the browser never paints a page without one.
fn remove_server_frame() {
    if let Ok(frame) = document().query_selector_all("body > [data-frame]") {
        for index in 0..frame.length() {
            if let Some(element) = frame.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
                element.remove();
            }
        }
    }
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
            <main id="contenuto" tabindex="-1">
                {children()}
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
#[macro_export]
macro_rules! entry {
    ($($routes:ident),+) => {
        $crate::entry!($($routes),+; std::future::ready);
    };
    // `prepare` completes the start data before the app draws.
    ($($routes:ident),+; $prepare:path) => {
        fn main() {
            use leptos::prelude::*;
            use leptos_router::components::Routes;
            use $crate::app::*;
            start_with(|| view! { <Routes fallback=$crate::pages::NotFound>$(<$routes />)+</Routes> }, $prepare);
        }
    };
}
