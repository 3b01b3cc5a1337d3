// SPDX-License-Identifier: EUPL-1.2
//! The ISTAT list of Comuni in the browser: fetched once per visit, from the
//! dated file shipped with the app, by the first page that needs it (the
//! questionnaire's picker, or a page that shows the Comuni of a practice by
//! name), and shared by every page after that.

use domain::record::comuni::{ComuneIndex, LIST_FILE};
use leptos::prelude::*;
use std::sync::Arc;

/// The list, once fetched (`None` before, or if it could not be fetched).
#[derive(Clone, Copy)]
struct Comuni(RwSignal<Option<Arc<ComuneIndex>>>, StoredValue<bool>);

/// Makes the shared list available to the whole app: the one the page
/// started with (the server has it; the browser fetched it before taking
/// over a page that names Comuni), or none until a page asks for it.
pub fn provide_comuni() {
    let start = crate::start::use_start_data().comuni.clone();
    let requested = start.is_some();
    provide_context(Comuni(RwSignal::new(start), StoredValue::new(requested)));
}

/// `start` with the list, when its page is a practice's that names Comuni:
/// the page then draws their names at once, as the server did.
#[cfg(not(feature = "ssr"))]
pub async fn for_practice_pages(mut start: crate::start::StartData) -> crate::start::StartData {
    let path = window().location().pathname().unwrap_or_default();
    let names_comuni = path.contains("/pratiche/")
        && start.reads.iter().filter_map(|(_, text)| text.as_ref()).any(|text| text.contains("\"comune_codes\":[\""));
    if names_comuni {
        start.comuni = fetch().await;
    }
    start
}

/// The list itself, read from the file the app publishes.
pub async fn fetch() -> Option<Arc<ComuneIndex>> {
    let response = gloo_net::http::Request::get(LIST_FILE).send().await.ok()?;
    let text = if response.ok() { response.text().await.ok()? } else { return None };
    Some(Arc::new(ComuneIndex::parse(&text)))
}

/// The shared list, without fetching it.
pub fn comuni_signal() -> RwSignal<Option<Arc<ComuneIndex>>> {
    use_context::<Comuni>().map_or_else(|| RwSignal::new(None), |c| c.0)
}

/// The shared list, fetched now if no page has asked for it before.
pub fn use_comuni() -> RwSignal<Option<Arc<ComuneIndex>>> {
    let Some(Comuni(list, requested)) = use_context::<Comuni>() else { return RwSignal::new(None) };
    if !requested.get_value() {
        requested.set_value(true);
        leptos::task::spawn_local(async move {
            match fetch().await {
                Some(index) => list.set(Some(index)),
                // A later page may try again.
                None => requested.set_value(false),
            }
        });
    }
    list
}
