// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/posta`, for admins: the outbox. Every message the site has
//! queued (to respondents, referents, readers), where it is on its way and
//! what the mail server said. Without a mail server configured the messages
//! wait here, so nothing is lost; the server checks the role.

use crate::api::moderation;
use crate::components::use_document_title;
use crate::i18n::tr;
use crate::pages::redazione::failure;
use crate::texts;
use domain::Lang;
use domain::community::{Delivery, OutboxMessage};
use leptos::prelude::*;

/// `/redazione/posta`.
#[component]
pub fn OutboxPage() -> impl IntoView {
    use_document_title(texts::common::OUTBOX);
    let outbox = LocalResource::new(moderation::outbox);
    view! {
        <div class="container page">
            <p class="breadcrumb">
                <a href="/redazione">{tr(texts::common::EDITORS)}</a>
                " / "
                <a href="/redazione/amministrazione">{tr(texts::common::ADMINISTRATION)}</a>
            </p>
            <h1>{tr(texts::common::OUTBOX)}</h1>
            <Transition fallback=|| {
                view! { <p role="status">"Caricamento…"</p> }
            }>
                {move || Suspend::new(async move {
                    match outbox.await {
                        Ok(outbox) => {
                            view! { <Messages delivering=outbox.delivering messages=outbox.messages /> }.into_any()
                        }
                        Err(error) => failure(&error),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Messages(delivering: bool, messages: Vec<OutboxMessage>) -> impl IntoView {
    let how = if delivering {
        "Un server di posta è configurato: i messaggi partono appena scritti; se il server non risponde sono ritentati, con attese via via più lunghe."
    } else {
        "Nessun server di posta è configurato (BP_SMTP_URL): i messaggi restano qui, in attesa, e non vanno persi. Partiranno quando il server sarà configurato."
    };
    let waiting = messages.iter().filter(|m| m.delivery == Delivery::Waiting).count();
    let rows = messages.into_iter().map(|message| view! { <Row message /> }).collect_view();
    view! {
        <div class="notice" data-testid="outbox-mode">
            <p>{how}</p>
        </div>
        <p data-testid="outbox-waiting">{format!("Messaggi in attesa: {waiting}.")}</p>
        <h2>"Messaggi, dal più recente"</h2>
        <ol class="outbox-list">{rows}</ol>
    }
}

#[component]
fn Row(message: OutboxMessage) -> impl IntoView {
    let when = |at: &str| at.replace('T', " ").trim_end_matches('Z').to_owned();
    let state = match (&message.sent_at, &message.last_error) {
        (Some(at), _) => format!("{} il {}", message.delivery.label(Lang::It), when(at)),
        (None, Some(error)) => format!("{}: {error}", message.delivery.label(Lang::It)),
        (None, None) => message.delivery.label(Lang::It).to_owned(),
    };
    view! {
        <li class="outbox-message">
            <p class="outbox-subject">
                <strong>{message.subject}</strong>
            </p>
            <dl class="outbox-facts">
                <dt>"A"</dt>
                <dd>{message.recipient}</dd>
                <dt>"Scritto"</dt>
                <dd>{when(&message.created_at)}</dd>
                <dt>"Stato"</dt>
                <dd>{state}</dd>
                <dt>"Tentativi"</dt>
                <dd>{message.attempts.to_string()}</dd>
            </dl>
            <details>
                <summary>"Testo del messaggio"</summary>
                <pre class="outbox-text">{message.text_body}</pre>
            </details>
        </li>
    }
}
