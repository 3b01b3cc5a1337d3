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
use crate::components::form::{FormFields, TextControl};
use crate::components::small_form::{ProblemAt, SmallForm, use_send};
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::community::{FollowPending, FollowRequest};
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
    let send = use_send(
        form,
        problem,
        |request: FollowRequest| async move { api::follow_view(&request).await },
        move |sent: FollowPending| pending.set(Some(sent.email)),
    );
    let submit = move || {
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
            <SmallForm
                fields=form
                on_submit=submit
                done=move |lang| pending.get().map(|address| texts::catalogue::check_your_mail(lang, &address))
                problem
                problem_at=ProblemAt::Above
                busy=send.pending()
                button=texts::common::FOLLOW_THIS_SEARCH
                secondary=true
                class="follow-form"
                honeypot=("follow-website", honeypot)
            >
                {form.text("email", texts::common::YOUR_E_MAIL, None, TextControl::EMAIL, email)}
            </SmallForm>
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
