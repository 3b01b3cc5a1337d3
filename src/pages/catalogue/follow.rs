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
use crate::texts;
use domain::Lang;
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
            <h2 id="follow-heading">{tr(texts::common::FOLLOW_THIS_SEARCH)}</h2>
            <p>
                {tr(texts::catalogue::FOLLOW_BY_E_MAIL)} " " <strong data-testid="followed-view">{described}</strong>
                "." {tr(texts::catalogue::NO_ACCOUNT_NEEDED)}
            </p>
            {move || {
                pending
                    .get()
                    .map(|address| {
                        view! {
                            <DoneAlert
                                it=texts::catalogue::check_your_mail(Lang::It, &address)
                                en=texts::catalogue::check_your_mail(Lang::En, &address)
                            />
                        }
                    })
            }}
            {move || problem.get().map(|error| view! { <crate::components::alert::ErrorAlert error /> })}
            <form class="follow-form" novalidate on:submit=submit>
                {form
                    .group(
                        "email",
                        texts::common::YOUR_E_MAIL,
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
                    {tr(texts::common::FOLLOW_THIS_SEARCH)}
                </button>
            </form>
            <p class="form-hint">
                <a href=feed type="application/atom+xml">
                    {tr(texts::catalogue::ATOM_FEED_OF_THIS_SEARCH)}
                </a>
                " · "
                <a href="/privacy">{tr(texts::catalogue::HOW_WE_PROCESS_THE)}</a>
            </p>
        </section>
    }
    .into_any()
}
