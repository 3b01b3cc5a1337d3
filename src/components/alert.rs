// SPDX-License-Identifier: EUPL-1.2
//! How a failed request, and a form's success, are shown.

use crate::api::ApiError;
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

/// What a form did, announced politely (`role="status"`). It appears when a
/// form has been sent, and takes the focus, so a keyboard or screen reader
/// user continues from it (the form's button they pressed is gone or reset).
#[component]
pub fn DoneAlert(
    /// The sentence, from the text catalogue, in the page's language as it
    /// changes.
    #[prop(into)]
    message: Signal<String>,
) -> impl IntoView {
    let alert = NodeRef::<leptos::html::Div>::new();
    alert.on_load(|alert| {
        let _ = alert.focus();
    });
    view! {
        <div class="alert alert-success" role="status" tabindex="-1" node_ref=alert>
            <p>{message}</p>
        </div>
    }
}
