// SPDX-License-Identifier: EUPL-1.2
//! The editors' session as the app sees it. Whatever request finds the
//! session ended (a page opened, a decision sent, a correction saved), the
//! client reports it once and [`SessionWatch`] sends the person to sign in
//! again, with the way back in the address (`/redazione/accesso?da=…`); the
//! sign-in page says the session ended and returns there. What they had
//! typed is not lost on the way: the editors' pages keep it as they type it
//! ([`use_kept_text`], session storage, this tab only) or in their draft.

use crate::api::{self, Session};
use crate::storage;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use std::time::Duration;

/// The editors' sign-in page.
pub const SIGN_IN: &str = "/redazione/accesso";

/// Where the editors start, and where sign-in leads without a way back.
pub const EDITORS_HOME: &str = "/redazione";

/// Set (in this tab) while an editors' request has gone through since the
/// last sign-in or refusal: a refusal then means the session ended.
const OPEN_KEY: &str = "bp-session-open";

/// The session's state, for the whole app.
#[derive(Clone, Copy)]
pub struct SessionCtx {
    /// The session ended during this visit: the sign-in page says so.
    ended: RwSignal<bool>,
}

impl SessionCtx {
    /// True when the session ended under the person's hands (they were
    /// signed in, and a request found them signed out).
    pub fn ended(self) -> bool {
        self.ended.get()
    }

    /// Signed in again: nothing to say any more.
    pub fn resumed(self) {
        self.ended.set(false);
    }
}

/// Provides the session's state to the whole app.
pub fn provide_session() {
    provide_context(SessionCtx { ended: RwSignal::new(false) });
}

/// The session's state.
pub fn use_session() -> SessionCtx {
    use_context::<SessionCtx>().unwrap_or_else(|| SessionCtx { ended: RwSignal::new(false) })
}

/// The sign-in page, with the way back to `here` (a path and query).
pub fn sign_in_href(here: &str) -> String {
    format!("{SIGN_IN}?da={}", String::from(js_sys::encode_uri_component(here)))
}

/// Where sign-in leads: the `da=` path when it is one of the editors' own
/// pages (never another site, never the sign-in page itself), else the queue.
pub fn return_path(da: Option<&str>) -> String {
    da.filter(|path| {
        (*path == EDITORS_HOME || path.starts_with("/redazione/") || path.starts_with("/redazione?"))
            && !path.starts_with(SIGN_IN)
    })
    .unwrap_or(EDITORS_HOME)
    .to_owned()
}

/// Watches the session for the whole app (inside the router): when any
/// request finds it ended, the person goes to sign in, with the way back.
#[component]
pub fn SessionWatch() -> impl IntoView {
    let ctx = use_session();
    let navigate = use_navigate();
    api::watch_session(move |session| match session {
        Session::Open => storage::keep_session_text(OPEN_KEY, "1"),
        Session::Ended => {
            if storage::session_text(OPEN_KEY).is_some() {
                storage::keep_session_text(OPEN_KEY, "");
                ctx.ended.set(true);
            }
            let navigate = navigate.clone();
            // Once the page that asked has dealt with the refusal (marked a
            // correction as no longer being sent, for one), in a task of its own.
            set_timeout(
                move || {
                    let location = window().location();
                    let here = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
                    if !here.starts_with(SIGN_IN) {
                        navigate(&sign_in_href(&here), NavigateOptions { replace: true, ..Default::default() });
                    }
                },
                Duration::ZERO,
            );
        }
    });
}

/// Forgets the session on this tab (signed out on purpose).
pub fn forget() {
    storage::keep_session_text(OPEN_KEY, "");
}

/// A text an editor types, kept in this tab's session storage under its key
/// as it is typed, so that signing in again in the middle loses nothing.
#[derive(Clone, Copy)]
pub struct KeptText {
    key: StoredValue<String>,
    text: RwSignal<String>,
}

/// The text kept under `key` (empty when there is none).
pub fn use_kept_text(key: impl Into<String>) -> KeptText {
    let key = key.into();
    let text = RwSignal::new(storage::session_text(&key).unwrap_or_default());
    KeptText { key: StoredValue::new(key), text }
}

impl KeptText {
    /// The text, tracked.
    pub fn get(self) -> String {
        self.text.get()
    }

    /// The text, untracked.
    pub fn get_untracked(self) -> String {
        self.text.get_untracked()
    }

    /// Changes the text and keeps it.
    pub fn set(self, text: String) {
        self.key.with_value(|key| storage::keep_session_text(key, &text));
        self.text.set(text);
    }

    /// Empties the field and forgets the text (it has done its job).
    pub fn clear(self) {
        self.set(String::new());
    }

    /// Forgets the kept copy, leaving the field as it is.
    pub fn forget(self) {
        self.key.with_value(|key| storage::keep_session_text(key, ""));
    }
}
