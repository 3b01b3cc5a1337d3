// SPDX-License-Identifier: EUPL-1.2
//! What a page shows while its data loads ("Caricamento…", announced), and
//! once it has: one loading step for the pages that wait for a resource.
//! The old content stays on screen while it loads again (`Transition`).
//! Drawing goes through one shared closure type, so the code that waits
//! exists once per kind of data, not once per place that shows it.

use crate::i18n::tr;
use crate::texts;
use leptos::prelude::*;
use std::sync::Arc;

/// `resource` drawn by `draw` once loaded.
pub fn loaded<T>(resource: LocalResource<T>, draw: impl Fn(T) -> AnyView + Send + Sync + 'static) -> AnyView
where
    T: Clone + 'static,
{
    waiting(resource, Arc::new(draw))
}

fn waiting<T: Clone + 'static>(resource: LocalResource<T>, draw: Arc<dyn Fn(T) -> AnyView + Send + Sync>) -> AnyView {
    let loading = tr(texts::common::LOADING);
    view! {
        <Transition fallback=move || {
            view! { <p role="status">{loading}</p> }
        }>
            {move || {
                let draw = draw.clone();
                Suspend::new(async move { draw(resource.await) })
            }}
        </Transition>
    }
    .into_any()
}
