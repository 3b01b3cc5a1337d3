// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/accesso?da=…`: the editors' sign-in. After it the person goes
//! back where they were (`da`, one of the editors' pages) or to the queue;
//! when their session ended under their hands, the page says so first.

use super::error_text;
use crate::api::moderation;
use crate::components::job::Job;
use crate::components::use_document_title;
use crate::i18n::tr;
use crate::session::{return_path, use_session};
use crate::texts;
use domain::curation::api::Credentials;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// `/redazione/accesso`.
#[component]
pub fn SignInPage() -> impl IntoView {
    use_document_title(texts::editors::SIGN_IN_TITLE);
    let session = use_session();
    let query = use_query_map();
    let (email, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let problem = RwSignal::new(None::<String>);
    let sign_in = Job::new(move |_: ()| async move {
        let credentials = Credentials { email: email.get_untracked(), password: password.get_untracked() };
        match moderation::sign_in(&credentials).await {
            Ok(_) => {
                session.resumed();
                let back = query.with_untracked(|q| return_path(q.get("da").as_deref()));
                use_navigate()(&back, Default::default());
            }
            Err(error) => problem.set(Some(error_text(&error))),
        }
    });
    view! {
        <div class="container page narrow">
            <h1>{tr(texts::editors::SIGN_IN_HEADING)}</h1>
            <Show when=move || session.ended()>
                <div class="alert alert-warning" role="alert" data-testid="sign-in-again">
                    <p>{tr(texts::editors::YOUR_SESSION_HAS_ENDED)}</p>
                </div>
            </Show>
            {move || {
                problem
                    .get()
                    .map(|message| {
                        view! {
                            <div class="alert alert-error" role="alert">
                                <p>{message}</p>
                            </div>
                        }
                    })
            }}
            <form on:submit=move |ev| {
                ev.prevent_default();
                sign_in.dispatch(());
            }>
                <div class="form-group">
                    <label for="email">{tr(texts::common::E_MAIL)}</label>
                    <input
                        type="email"
                        id="email"
                        class="form-control"
                        autocomplete="username"
                        required
                        on:input=move |ev| email.set(event_target_value(&ev))
                    />
                </div>
                <div class="form-group">
                    <label for="password">{tr(texts::editors::PASSWORD)}</label>
                    <input
                        type="password"
                        id="password"
                        class="form-control"
                        autocomplete="current-password"
                        required
                        on:input=move |ev| password.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="button button-primary">
                    {tr(texts::editors::SIGN_IN)}
                </button>
            </form>
        </div>
    }
}
