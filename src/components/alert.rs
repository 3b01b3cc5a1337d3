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
/// the page's language.
#[component]
pub fn DoneAlert(
    /// In Italian.
    it: String,
    /// In English.
    en: String,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="alert alert-success" role="status">
            <p>{move || if lang.get() == domain::Lang::En { en.clone() } else { it.clone() }}</p>
        </div>
    }
}
