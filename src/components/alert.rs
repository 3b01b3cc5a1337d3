// SPDX-License-Identifier: EUPL-1.2
//! How a failed request is shown.

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
