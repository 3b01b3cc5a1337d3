// SPDX-License-Identifier: EUPL-1.2
//! The start data itself: what the server or the browser decided a page
//! starts from, provided to the page as a context. A room of its own, with
//! nothing of the API client, so that the client can read it (where the data
//! lives, the language, when the server draws the page) while the start's
//! reads use the client.

use domain::Lang;
use domain::api::DataSource;
use leptos::prelude::*;
use std::sync::Arc;

/// What the first drawing of a page starts from.
#[derive(Clone, Debug, Default)]
pub struct StartData {
    /// The interface language of the address (`?lang=en`) or of the
    /// visitor's choice (the `bp-lang` cookie).
    pub lang: Lang,
    /// Where the page reads its data.
    pub source: DataSource,
    /// The site's public address (`https://buonepratiche.example.it`), for
    /// the links a page cites; in the browser, read when needed
    /// ([`site_origin`]).
    pub origin: String,
    /// The operating administration's logo: its address and its name.
    pub logo: Option<(String, String)>,
    /// On a static copy of the site, where its questionnaire is filled in
    /// (the main site's `/questionario`), when the publisher named it; on the
    /// server only (the browser reads the page's `bp-questionnaire-url`, and
    /// its entries carry no code for it).
    #[cfg(feature = "ssr")]
    pub questionnaire_url: Option<String>,
    /// The ISTAT list of Comuni, when the page names Comuni.
    pub comuni: Option<Arc<domain::record::comuni::ComuneIndex>>,
    /// The answers to the page's start reads, by address: their JSON
    /// text, or `None` for what does not exist (a 404).
    pub reads: Arc<Vec<(String, Option<String>)>>,
}

/// The start data of the page being drawn (empty outside a page).
pub fn use_start_data() -> Arc<StartData> {
    use_context::<Arc<StartData>>().unwrap_or_default()
}
