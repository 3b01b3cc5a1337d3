// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/posta`, for admins: the outbox. Every message the site has
//! queued (to respondents, referents, readers), where it is on its way and
//! what the mail server said. Without a mail server configured the messages
//! wait here, so nothing is lost; the server checks the role.

use crate::api::moderation;
use crate::components::use_document_title;
use crate::i18n::{tr, tr_with, use_lang};
use crate::pages::admin::AdminBreadcrumb;
use crate::pages::redazione::failure;
use crate::texts;
use domain::community::{Delivery, OutboxMessage};
use leptos::prelude::*;

/// `/redazione/posta`.
#[component]
pub fn OutboxPage() -> impl IntoView {
    use_document_title(texts::common::OUTBOX);
    let outbox = LocalResource::new(moderation::outbox);
    view! {
        <div class="container page">
            <AdminBreadcrumb />
            <h1>{tr(texts::common::OUTBOX)}</h1>
            <Transition fallback=|| {
                view! { <p role="status">{tr(texts::common::LOADING)}</p> }
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
    let how = if delivering { texts::editors::MAIL_SERVER_CONFIGURED } else { texts::editors::NO_MAIL_SERVER };
    let waiting = messages.iter().filter(|m| m.delivery == Delivery::Waiting).count();
    let rows = messages.into_iter().map(|message| view! { <Row message /> }).collect_view();
    view! {
        <div class="notice" data-testid="outbox-mode">
            <p>{tr(how)}</p>
        </div>
        <p data-testid="outbox-waiting">{tr_with(move |lang| texts::editors::messages_waiting(lang, waiting))}</p>
        <h2>{tr(texts::editors::MESSAGES_NEWEST_FIRST)}</h2>
        <ol class="outbox-list">{rows}</ol>
    }
}

#[component]
fn Row(message: OutboxMessage) -> impl IntoView {
    let when = |at: &str| at.replace('T', " ").trim_end_matches('Z').to_owned();
    let lang = use_lang();
    let (delivery, sent_at, last_error) = (message.delivery, message.sent_at.map(|at| when(&at)), message.last_error);
    let state = move || {
        let lang = lang.get();
        match (&sent_at, &last_error) {
            (Some(at), _) => texts::editors::delivered_at(lang, delivery.label(lang), at),
            (None, Some(error)) => format!("{}: {error}", delivery.label(lang)),
            (None, None) => delivery.label(lang).to_owned(),
        }
    };
    view! {
        <li class="outbox-message">
            <p class="outbox-subject">
                <strong>{message.subject}</strong>
            </p>
            <dl class="outbox-facts">
                <dt>{tr(texts::editors::TO)}</dt>
                <dd>{message.recipient}</dd>
                <dt>{tr(texts::editors::WRITTEN)}</dt>
                <dd>{when(&message.created_at)}</dd>
                <dt>{tr(texts::editors::DELIVERY)}</dt>
                <dd>{state}</dd>
                <dt>{tr(texts::editors::ATTEMPTS)}</dt>
                <dd>{message.attempts.to_string()}</dd>
            </dl>
            <details>
                <summary>{tr(texts::editors::MESSAGE_TEXT)}</summary>
                <pre class="outbox-text">{message.text_body}</pre>
            </details>
        </li>
    }
}
