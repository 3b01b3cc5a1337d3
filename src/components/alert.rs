// SPDX-License-Identifier: EUPL-1.2
//! How a failed request, and a form's success, are shown.

use crate::api::ApiError;
use crate::i18n::use_lang;
use leptos::prelude::*;

/// The error, in plain Italian, announced as an alert.
#[component]
pub fn ErrorAlert(
    /// What went wrong.
    error: ApiError,
) -> impl IntoView {
    view! {
        <div role="alert" class="alert alert-error">
            <p>{error.message()}</p>
        </div>
    }
}

/// What a form did, announced politely (`role="status"`): `it` or `en`, in
/// the page's language. It appears when a form has been sent, and takes the
/// focus, so a keyboard or screen reader user continues from it (the form's
/// button they pressed is gone or reset).
#[component]
pub fn DoneAlert(
    /// In Italian.
    it: String,
    /// In English.
    en: String,
) -> impl IntoView {
    let lang = use_lang();
    let alert = NodeRef::<leptos::html::Div>::new();
    alert.on_load(|alert| {
        let _ = alert.focus();
    });
    view! {
        <div class="alert alert-success" role="status" tabindex="-1" node_ref=alert>
            <p>{move || if lang.get() == domain::Lang::En { en.clone() } else { it.clone() }}</p>
        </div>
    }
}
