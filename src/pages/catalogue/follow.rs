// SPDX-License-Identifier: EUPL-1.2
//! "Segui questa ricerca" under the results: an e-mail address follows the
//! view on screen (its search and filters, not its page) and gets a weekly
//! e-mail of the practices new or updated in it, after confirming by a
//! mailed link; beside it, the Atom feed of the same view. Only the public
//! site has it (`pages::CommunityForms`), and not on a static copy (no
//! server to write).

use super::address::use_catalogue;
use super::href_at;
use crate::api::{self, ApiError, DataSource};
use crate::components::alert::DoneAlert;
use crate::components::form::FormFields;
use crate::i18n::{tr, use_lang};
use domain::community::FollowRequest;
use leptos::prelude::*;

#[component]
pub(crate) fn FollowView() -> impl IntoView {
    let ctx = use_catalogue();
    if api::data_source() == DataSource::Static {
        return ().into_any();
    }
    let (query, lang) = (ctx.query, use_lang());
    let email = RwSignal::new(String::new());
    let honeypot = RwSignal::new(String::new());
    let form = FormFields::new("follow");
    let problem = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(None::<String>);
    let send = Action::new_local(move |request: &FollowRequest| {
        let request = request.clone();
        async move {
            match api::follow_view(&request).await {
                Ok(sent) => {
                    problem.set(None);
                    pending.set(Some(sent.email));
                }
                Err(ApiError::Invalid(found)) => {
                    form.show(found);
                }
                Err(error) => problem.set(Some(error)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let view = query.with_untracked(|q| q.to_pairs().into_iter().map(|(k, v)| (k.to_owned(), v)).collect());
        let request = FollowRequest { email: email.get_untracked(), view, website: honeypot.get_untracked() };
        pending.set(None);
        if form.show(request.validate()) {
            send.dispatch(request);
        }
    };
    let feed = move || {
        query.with(|q| {
            let mut whole = q.clone();
            whole.page = 1;
            href_at("/opendata/feed.atom", &whole, &[])
        })
    };
    let described = move || query.with(|q| q.describe(lang.get()));
    view! {
        <section class="follow-view" aria-labelledby="follow-heading">
            <h2 id="follow-heading">{tr("Segui questa ricerca", "Follow this search")}</h2>
            <p>
                {tr(
                    "Ricevi per e-mail, una volta a settimana e solo se ci sono novità, le pratiche nuove o aggiornate di questa ricerca:",
                    "Get by e-mail, once a week and only when there is something new, the practices new or updated in this search:",
                )} " " <strong data-testid="followed-view">{described}</strong> "."
                {tr(
                    " Nessun account: confermi con il link che ti mandiamo e annulli con un clic da ogni messaggio.",
                    " No account: you confirm with the link we send you and cancel in one click from any message.",
                )}
            </p>
            {move || {
                pending
                    .get()
                    .map(|address| {
                        view! {
                            <DoneAlert
                                it=format!(
                                    "Controlla la posta: abbiamo scritto a {address}. Apri il link del messaggio per confermare.",
                                )
                                en=format!(
                                    "Check your mail: we wrote to {address}. Open the link in the message to confirm.",
                                )
                            />
                        }
                    })
            }}
            {move || problem.get().map(|error| view! { <crate::components::alert::ErrorAlert error /> })}
            <form class="follow-form" novalidate on:submit=submit>
                {form
                    .group(
                        "email",
                        ("La tua e-mail", "Your e-mail"),
                        None,
                        view! {
                            <input
                                type="email"
                                id="follow-email"
                                class="form-control"
                                autocomplete="email"
                                aria-invalid=form.aria_invalid("email")
                                aria-describedby=form.described_by("email", false)
                                prop:value=move || email.get()
                                on:input=move |ev| email.set(event_target_value(&ev))
                            />
                        }
                            .into_any(),
                    )}
                <crate::components::Honeypot id="follow-website" value=honeypot />
                <button type="submit" class="button button-secondary" disabled=move || send.pending().get()>
                    {tr("Segui questa ricerca", "Follow this search")}
                </button>
            </form>
            <p class="form-hint">
                <a href=feed type="application/atom+xml">
                    {tr("Feed Atom di questa ricerca", "Atom feed of this search")}
                </a>
                " · "
                <a href="/privacy">{tr("Come trattiamo l'indirizzo", "How we process the address")}</a>
            </p>
        </section>
    }
    .into_any()
}
