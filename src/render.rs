// SPDX-License-Identifier: EUPL-1.2
//! The app's pages drawn to HTML on the server (feature `ssr`): the same
//! components, route tables and frame as in the browser, so a phone paints
//! what people came for from the first bytes, crawlers read it, and a page
//! works before (and without) its script. The browser then takes the page
//! over with the same drawing (`app::start`).
//!
//! Nothing here may call the browser: what a page knows at start comes from
//! [`StartData`], and code that needs `window` runs in effects and handlers,
//! which the server never runs.

use crate::app::{EmbedRoutes, PublicRoutes, QuestionnaireRoutes, Site};
use crate::start::StartData;
use domain::site::pages::Entry;
use leptos::prelude::*;
use leptos_router::components::Routes;
use leptos_router::location::RequestUrl;

/// The `<body>` content of the page at `url` (a path with its query), as the
/// entry point that serves it draws it.
pub fn page_body(url: &str, start: StartData) -> String {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let entry = Entry::of(path);
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(url));
        provide_context(std::sync::Arc::new(start));
        macro_rules! page {
            ($routes:ident) => {
                view! {
                    <Site>
                        <Routes fallback=crate::pages::NotFound>
                            <$routes />
                        </Routes>
                    </Site>
                }
                .to_html()
            };
        }
        match entry {
            Entry::Public => page!(PublicRoutes),
            Entry::Embed => page!(EmbedRoutes),
            Entry::Questionnaire => page!(QuestionnaireRoutes),
            // The working pages are for signed-in people and read their data
            // as those people: the server draws their frame, the app the rest.
            Entry::Editors | Entry::Admin | Entry::Import | Entry::Harvest | Entry::Drafts => {
                view! { <Site>""</Site> }.to_html()
            }
        }
    })
}
