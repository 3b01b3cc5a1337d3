// SPDX-License-Identifier: EUPL-1.2
//! The editors' pages: sign in (`/redazione/accesso`), the queue by state
//! (`/redazione?stato=…`), the review of one submission with every field,
//! private ones included, and the decisions its state allows
//! (`/redazione/pratiche/{id}`), and the correction of its text or
//! classification (`/redazione/correzione?pratica=ID`). The server decides
//! who may do what; these pages only show it. A request that finds the
//! session ended sends the person to sign in again (`crate::session`).

mod adoptions;
mod correction;
mod origin;
mod queue;
mod reports;
mod review;
mod sign_in;

pub use correction::CorrectionPage;
pub use queue::QueuePage;
pub use review::ReviewPage;
pub use sign_in::SignInPage;

use crate::api::ApiError;
use crate::i18n::{tr_with, use_lang};
use crate::texts;
use leptos::prelude::*;

/// Shows a failed request, announced as an alert. Without a session the
/// person is on the way to the sign-in page already.
pub(crate) fn failure(error: &ApiError) -> AnyView {
    let error = error.clone();
    view! {
        <div class="alert alert-error" role="alert">
            <p>{tr_with(move |lang| error_in(&error, lang))}</p>
        </div>
    }
    .into_any()
}

/// A failed request in the editors' words, in the current language.
pub(crate) fn error_text(error: &ApiError) -> String {
    error_in(error, use_lang().get_untracked())
}

/// A failed request in the editors' words, in `lang`.
fn error_in(error: &ApiError, lang: domain::Lang) -> String {
    match error {
        ApiError::Offline => texts::editors::SERVER_NOT_RESPONDING.get(lang).into(),
        other => other.message_in(lang),
    }
}

/// The practice a page's address names; a reference that cannot be one is
/// answered as the server answers an unknown one.
pub(crate) fn practice_id(text: &str) -> Result<domain::PracticeId, ApiError> {
    domain::PracticeId::parse(text).map_err(|_| ApiError::Refused {
        status: 404,
        code: "not_found".into(),
        message: texts::editors::RESOURCE_NOT_FOUND.get(use_lang().get_untracked()).into(),
    })
}
