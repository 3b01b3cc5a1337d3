// SPDX-License-Identifier: EUPL-1.2
//! The pages the subscription e-mails link to: `/segui/conferma#CODE`
//! confirms following a view, `/segui/annulla#CODE` cancels it (and deletes
//! the address). The code is after `#`, so it never reaches a server's log;
//! the page sends it and says what happened, with the way back to the view.

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::use_document_title;
use crate::i18n::tr;
use crate::texts;
use leptos::prelude::*;

/// What the link does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Confirm,
    Cancel,
}

/// `/segui/conferma`.
#[component]
pub fn ConfirmFollowPage() -> impl IntoView {
    use_document_title(texts::practice::CONFIRM_THE_SUBSCRIPTION);
    view! { <FollowLink step=Step::Confirm /> }
}

/// `/segui/annulla`.
#[component]
pub fn CancelFollowPage() -> impl IntoView {
    use_document_title(texts::practice::CANCEL_THE_SUBSCRIPTION);
    view! { <FollowLink step=Step::Cancel /> }
}

#[component]
fn FollowLink(step: Step) -> impl IntoView {
    let code = crate::start::url_fragment().trim_start_matches('#').to_owned();
    let outcome = LocalResource::new(move || {
        let code = code.clone();
        async move {
            match step {
                Step::Confirm => api::confirm_subscription(&code).await,
                Step::Cancel => api::cancel_subscription(&code).await,
            }
        }
    });
    let heading = match step {
        Step::Confirm => tr(texts::common::FOLLOW_THIS_SEARCH),
        Step::Cancel => tr(texts::practice::CANCEL_THE_SUBSCRIPTION),
    };
    view! {
        <div class="container page">
            <h1>{heading}</h1>
            <Transition fallback=|| {
                view! { <p role="status">"…"</p> }
            }>
                {move || Suspend::new(async move {
                    match outcome.await {
                        Ok(subscription) => view! { <Done step view=subscription.view /> }.into_any(),
                        Err(error) if error.is_not_found() => {
                            view! {
                                <div class="alert alert-error" role="alert">
                                    <p>{tr(texts::practice::LINK_NOT_VALID)}</p>
                                </div>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorAlert error /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Done(step: Step, view: String) -> impl IntoView {
    let search = if view.is_empty() { "/catalogo".to_owned() } else { format!("/catalogo?{view}") };
    let text = match step {
        Step::Confirm => tr(texts::practice::SUBSCRIPTION_CONFIRMED),
        Step::Cancel => tr(texts::practice::SUBSCRIPTION_CANCELLED),
    };
    view! {
        <div class="alert alert-success" role="status">
            <p>{text}</p>
        </div>
        <p>
            <a href=search>{tr(texts::practice::OPEN_THE_SEARCH)}</a>
        </p>
    }
}
