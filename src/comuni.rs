// SPDX-License-Identifier: EUPL-1.2
//! The ISTAT list of Comuni in the browser: fetched once per visit, from the
//! dated file shipped with the app, by the first page that needs it (the
//! questionnaire's picker, or a page that shows the Comuni of a practice by
//! name), and shared by every page after that.

use domain::comuni::{ComuneIndex, LIST_FILE};
use leptos::prelude::*;
use std::sync::Arc;

/// The list, once fetched (`None` before, or if it could not be fetched).
#[derive(Clone, Copy)]
struct Comuni(RwSignal<Option<Arc<ComuneIndex>>>, StoredValue<bool>);

/// Makes the shared list available to the whole app (not fetched yet).
pub fn provide_comuni() {
    provide_context(Comuni(RwSignal::new(None), StoredValue::new(false)));
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
            if let Ok(response) = gloo_net::http::Request::get(LIST_FILE).send().await
                && response.ok()
                && let Ok(text) = response.text().await
            {
                list.set(Some(Arc::new(ComuneIndex::parse(&text))));
            } else {
                // A later page may try again.
                requested.set_value(false);
            }
        });
    }
    list
}
