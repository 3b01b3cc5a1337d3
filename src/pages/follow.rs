// SPDX-License-Identifier: EUPL-1.2
//! The pages the subscription e-mails link to: `/segui/conferma#CODE`
//! confirms following a view, `/segui/annulla#CODE` cancels it (and deletes
//! the address). The code is after `#`, so it never reaches a server's log;
//! the page sends it and says what happened, with the way back to the view.

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::use_document_title;
use crate::i18n::tr;
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
    use_document_title("Conferma l'iscrizione", "Confirm the subscription");
    view! { <FollowLink step=Step::Confirm /> }
}

/// `/segui/annulla`.
#[component]
pub fn CancelFollowPage() -> impl IntoView {
    use_document_title("Annulla l'iscrizione", "Cancel the subscription");
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
        Step::Confirm => tr("Segui questa ricerca", "Follow this search"),
        Step::Cancel => tr("Annulla l'iscrizione", "Cancel the subscription"),
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
                                    <p>
                                        {tr(
                                            "Il link non è valido: copialo per intero dal messaggio, o iscriviti di nuovo dal catalogo.",
                                            "The link is not valid: copy it whole from the message, or subscribe again from the catalogue.",
                                        )}
                                    </p>
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
        Step::Confirm => tr(
            "Iscrizione confermata: una volta a settimana riceverai le pratiche nuove o aggiornate di questa ricerca. Ogni messaggio ha il link per annullare.",
            "Subscription confirmed: once a week you will receive the practices new or updated in this search. Every message has the link to cancel.",
        ),
        Step::Cancel => tr(
            "Iscrizione annullata: non riceverai più messaggi per questa ricerca e il tuo indirizzo è stato cancellato.",
            "Subscription cancelled: you will receive no more messages for this search and your address has been deleted.",
        ),
    };
    view! {
        <div class="alert alert-success" role="status">
            <p>{text}</p>
        </div>
        <p>
            <a href=search>{tr("Apri la ricerca nel catalogo", "Open the search in the catalogue")}</a>
        </p>
    }
}
