// SPDX-License-Identifier: EUPL-1.2
//! What a page knows when it is first drawn, whoever draws it: the server
//! (which renders the page to HTML, `src/render.rs`) or the browser (which
//! takes the page over). Both start from the same [`StartData`]: the
//! language, where the data lives, the operator's logo, and the data the
//! page reads at start (`domain::site::pages::Reads`), so the browser's first
//! drawing is the server's and nothing is fetched twice: the browser's copy
//! comes from the requests the page's loader preloads (`<meta name="bp-start-read">`).
//!
//! A page reads its start data with [`StartRead`]: ready at once when it was
//! handed over, fetched otherwise (a later navigation, a failed preload, a
//! "Riprova").

pub(crate) mod data;

pub use data::{StartData, use_start_data};

use crate::api::ApiError;
use domain::Lang;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use std::future::Future;

/// The name of the cookie that keeps the visitor's language, which the
/// server reads to draw the page in it.
pub const LANG_COOKIE: &str = "bp-lang";

/// The language a `Cookie` header (or `document.cookie`) names.
pub fn lang_of_cookies(cookies: &str) -> Option<Lang> {
    cookies
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANG_COOKIE)
        .and_then(|(_, value)| Lang::from_tag(value.trim()))
}

/// The language of a page's address: `?lang=en` (as embeds and shared
/// links carry it) before the cookie.
pub fn lang_of_request(query: Option<&str>, cookies: Option<&str>) -> Lang {
    let from_query = query.and_then(|q| {
        q.split('&')
            .filter_map(|pair| pair.split_once('='))
            .filter(|(k, _)| *k == "lang")
            .find_map(|(_, v)| Lang::from_tag(v))
    });
    from_query.or_else(|| cookies.and_then(lang_of_cookies)).unwrap_or_default()
}

/// The start data of the page the browser loaded: what the server decided
/// from the same address and cookie, and the page's start reads, whose
/// requests the page's loader preloads (so they are answered from the cache).
#[cfg(not(feature = "ssr"))]
pub async fn from_page() -> StartData {
    use std::sync::Arc;
    use wasm_bindgen::JsCast;
    let document = document();
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let cookies = document.clone().dyn_into::<web_sys::HtmlDocument>().ok().and_then(|d| d.cookie().ok());
    let source = crate::api::data_source();
    let logo = document.query_selector("meta[name='bp-operator-logo']").ok().flatten().and_then(|meta| {
        let address = meta.get_attribute("content").filter(|a| a.starts_with('/') && !a.starts_with("//"))?;
        Some((address, meta.get_attribute("data-name").unwrap_or_default()))
    });
    let mut reads = Vec::new();
    let urls = domain::site::pages::page_at(&path).map(|page| page.data_urls(&path, source)).unwrap_or_default();
    for url in urls {
        match crate::api::fetch_text(&url).await {
            Ok(text) => reads.push((url, Some(text))),
            Err(error) if error.is_not_found() => reads.push((url, None)),
            // The page asks again, and says so if it fails.
            Err(_) => {}
        }
    }
    StartData {
        lang: lang_of_request(search.strip_prefix('?'), cookies.as_deref()),
        comuni: None,
        source,
        origin: String::new(),
        logo,
        reads: Arc::new(reads),
    }
}

/// The address's fragment (`#…`, what private links carry): never sent to
/// the server, so empty when the server draws the page.
pub fn url_fragment() -> String {
    #[cfg(feature = "ssr")]
    return String::new();
    #[cfg(not(feature = "ssr"))]
    window().location().hash().unwrap_or_default()
}

/// The site's public address: the server's `BP_PUBLIC_URL`, or the
/// browser's location (where a visitor reached the site).
pub fn site_origin() -> String {
    #[cfg(feature = "ssr")]
    return use_start_data().origin.clone();
    #[cfg(not(feature = "ssr"))]
    window().location().origin().unwrap_or_default()
}

/// Data a page reads at start.
pub struct StartRead<T: Send + Sync + 'static> {
    value: RwSignal<Option<Result<T, ApiError>>>,
    again: Trigger,
}

impl<T: Send + Sync + 'static> Clone for StartRead<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for StartRead<T> {}

impl<T: Clone + DeserializeOwned + Send + Sync + 'static> StartRead<T> {
    /// Reads what `url` answers: handed over with the page when it is one of
    /// its start reads, else fetched with `fetch` (in the browser only). Both
    /// closures may read signals (a route's parameter): the data is fetched
    /// again when they change, and the last answer stays on screen meanwhile.
    pub fn new<Fut>(url: impl Fn() -> String + Send + Sync + 'static, fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let start = use_start_data();
        let handed = handed_over(&start, &untrack(&url));
        let value = RwSignal::new(handed);
        let again = Trigger::new();
        Self::fetch_when_needed(value, again, url, fetch);
        Self { value, again }
    }

    #[cfg(feature = "ssr")]
    fn fetch_when_needed<Fut>(
        _: RwSignal<Option<Result<T, ApiError>>>,
        _: Trigger,
        _: impl Fn() -> String + Send + Sync + 'static,
        _: impl Fn() -> Fut + 'static,
    ) {
        // The server draws what it was handed; the browser fetches the rest.
    }

    #[cfg(not(feature = "ssr"))]
    fn fetch_when_needed<Fut>(
        value: RwSignal<Option<Result<T, ApiError>>>,
        again: Trigger,
        url: impl Fn() -> String + Send + Sync + 'static,
        fetch: impl Fn() -> Fut + 'static,
    ) where
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        // Only the latest request's answer is shown.
        let latest = StoredValue::new(0_u32);
        Effect::new(move |previous: Option<()>| {
            again.track();
            url();
            if previous.is_none() && value.with_untracked(Option::is_some) {
                return;
            }
            let request = latest.get_value().wrapping_add(1);
            latest.set_value(request);
            let answer = fetch();
            leptos::task::spawn_local(async move {
                let answer = answer.await;
                if latest.try_get_value() == Some(request) {
                    value.set(Some(answer));
                }
            });
        });
    }

    /// The data once read (`None` while it is being read for the first time).
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.value.get()
    }

    /// Reads it again (after a failure).
    pub fn refetch(&self) {
        self.again.notify();
    }
}

/// What `start` holds for `url`, read as `T`.
fn handed_over<T: DeserializeOwned>(start: &StartData, url: &str) -> Option<Result<T, ApiError>> {
    Some(match &start.reads.iter().find(|(address, _)| address == url)?.1 {
        // Read as the API client reads answers: one JSON parser for every type.
        Some(text) => crate::api::decode(text),
        None => Err(ApiError::Refused { status: 404, code: "not_found".into(), message: String::new() }),
    })
}
