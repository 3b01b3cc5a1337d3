// SPDX-License-Identifier: EUPL-1.2
//! "È ancora attuale?" on the private link's page, once a published practice
//! is due for confirmation (`domain::community::living`), and on the page the mailed
//! confirmation link opens (`/questionario/conferma#CODE`): in one step the
//! respondent confirms that the description is current, marks the practice
//! concluded (with the month it ended), or goes on to update it (through
//! the private link).

use super::{Mode, page_href};
use crate::api::{self, ApiError};
use crate::components::form::FormFields;
use crate::components::small_form::{SmallForm, use_send};
use crate::i18n::tr;
use crate::texts;
use domain::community::living::{Confirmation, Confirmed};
use domain::record::fields::key;
use leptos::prelude::*;
use leptos_router::components::A;

/// What the respondent chose.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    Current,
    Concluded,
}

/// The question and its one-step answers.
#[component]
pub(super) fn ConfirmationBox(
    /// The private link's code, or the mailed confirmation link's.
    code: String,
    /// True on the mailed link's page, which cannot open the update (only
    /// the private link does): it says where to update instead.
    #[prop(optional)]
    mailed: bool,
) -> impl IntoView {
    let choice = RwSignal::new(Choice::Current);
    let end_date = RwSignal::new(String::new());
    let form = FormFields::new("confirm");
    let problem = RwSignal::new(None::<ApiError>);
    let confirmed = RwSignal::new(None::<String>);
    let send = use_send(
        form,
        problem,
        move |confirmation: Confirmation| {
            let code = code.clone();
            async move { api::confirm_practice(&code, &confirmation).await }
        },
        move |done: Confirmed| confirmed.set(Some(done.confirmed_at)),
    );
    let submit = move || {
        let confirmation = match choice.get_untracked() {
            Choice::Current => Confirmation::Current,
            Choice::Concluded => Confirmation::Concluded { end_date: end_date.get_untracked() },
        };
        if form.show(confirmation.validate()) {
            send.dispatch(confirmation);
        }
    };
    let option = move |value: Choice, id: &'static str, label: texts::Text| {
        view! {
            <div class="form-check">
                <input
                    type="radio"
                    id=id
                    name="confirm-choice"
                    prop:checked=move || choice.get() == value
                    on:change=move |_| choice.set(value)
                />
                <label for=id>{tr(label)}</label>
            </div>
        }
    };
    let update = move || {
        if mailed {
            view! { <A href="/questionario/stato">{tr(texts::questionnaire::CHANGED_UPDATE_WITH_PRIVATE_LINK)}</A> }
                .into_any()
        } else {
            view! { <A href=page_href(Mode::Update, 1)>{tr(texts::questionnaire::CHANGED_UPDATE_IT)}</A> }.into_any()
        }
    };
    view! {
        <section class="notice confirmation" aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{tr(texts::questionnaire::IS_THE_PRACTICE_STILL)}</h2>
            <SmallForm
                fields=form
                on_submit=submit
                done=move |lang| {
                    confirmed
                        .get()
                        .map(|at| texts::questionnaire::confirmed_on(lang, &domain::dates::long_date(&at, lang)))
                }
                problem
                busy=send.pending()
                button=texts::questionnaire::CONFIRM
                head=|| view! { <p>{tr(texts::questionnaire::A_YEAR_HAS_PASSED)}</p> }
                after=move || {
                    view! {
                        " "
                        {update()}
                    }
                }
            >
                <fieldset class="form-group">
                    <legend>{tr(texts::questionnaire::THE_PRACTICE)}</legend>
                    {option(Choice::Current, "confirm-current", texts::questionnaire::IS_STILL_AS_DESCRIBED)}
                    {option(Choice::Concluded, "confirm-concluded", texts::questionnaire::HAS_ENDED)}
                </fieldset>
                <Show when=move || {
                    choice.get() == Choice::Concluded
                }>{form.month(key::END_DATE, texts::questionnaire::MONTH_IT_ENDED, None, end_date)}</Show>
            </SmallForm>
        </section>
    }
}

/// `/questionario/conferma#CODE`: the page the mailed "È ancora attuale?"
/// link opens. The code (after `#`, so no server logs it) names the practice
/// and the period; the page shows which practice it is and the one-step
/// answers. A code used once, or not the server's, gets the server's words.
#[component]
pub fn MailedConfirmationPage() -> impl IntoView {
    crate::components::use_document_title(texts::questionnaire::CONFIRM_THE_PRACTICE);
    // The router's hash follows a link pasted over this one (only `#…` changes).
    let hash = leptos_router::hooks::use_location().hash;
    let practice = LocalResource::new(move || {
        let code = hash.get().trim_start_matches('#').to_owned();
        async move {
            let id = code.split('.').next().and_then(|r| domain::PracticeId::parse(r).ok())?;
            let answers = api::fetch_practice_answers(id.as_str()).await.ok()?;
            let title = answers.get(key::TITLE)?.as_str()?.to_owned();
            Some((id, title, code))
        }
    });
    view! {
        <div class="container page">
            <h1>{tr(texts::questionnaire::CONFIRM_THE_PRACTICE)}</h1>
            <Transition fallback=|| {
                view! { <p role="status">"…"</p> }
            }>
                {move || {
                    Suspend::new(async move {
                        match practice.await {
                            Some((id, title, code)) => {
                                view! {
                                    <p>
                                        {tr(texts::questionnaire::THE_PRACTICE_PREFIX)}
                                        <A href=format!("/pratiche/{id}")>{title}</A> {format!(" ({id})")}
                                    </p>
                                    <ConfirmationBox code mailed=true />
                                }
                                    .into_any()
                            }
                            None => {
                                view! {
                                    <div class="alert alert-error" role="alert">
                                        <p>{tr(texts::questionnaire::THE_LINK_IS_INCOMPLETE)}</p>
                                    </div>
                                    <p>
                                        <A href="/questionario/stato">{tr(texts::questionnaire::CHECK_THE_STATUS)}</A>
                                    </p>
                                }
                                    .into_any()
                            }
                        }
                    })
                }}
            </Transition>
        </div>
    }
}
