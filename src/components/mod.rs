//! Pieces shared by several pages.

pub mod alert;
pub mod layout;
pub mod practice_list;
pub mod round;

use leptos::prelude::*;

/// Sets the document title to "`page` · Buone pratiche" while the calling
/// page is shown, so every route announces itself to screen readers and tabs.
pub fn use_document_title(page: &'static str) {
    Effect::new(move |_| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&format!("{page} · Buone pratiche"));
        }
    });
}
