// SPDX-License-Identifier: EUPL-1.2
//! `/questionario/modifica#SECRET`: the private link. It shows where the
//! submission stands and the editors' latest message, then reopens the
//! journey on the stored answers to send an update.

use super::state::{Mode, provide_form};
use super::{Journey, page_href, use_page};
use crate::api::{self, ApiError};
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::PracticeId;
use domain::record::vocabulary::ModerationStatus;
use leptos::prelude::*;
use leptos_router::components::A;

/// `/questionario/modifica#TOKEN`: reopens a submission with its private link.
#[component]
pub fn UpdatePage() -> impl IntoView {
    // The journey titles its pages; this one, before it (opening, bad link).
    let lang = use_lang().get_untracked();
    crate::components::set_document_title(Mode::Update.title(lang), false, lang);
    let ctx = provide_form(Mode::Update);
    let hash = crate::start::url_fragment();
    let token = hash.trim_start_matches('#').to_owned();
    // Answers typed on this device and not yet sent win over the stored ones;
    // the submission is fetched anyway, for the editors' latest message.
    let local_edits = ctx.draft.with_untracked(|d| !token.is_empty() && d.edit_token == token && !d.is_blank());
    let loaded = LocalResource::new(move || {
        let token = token.clone();
        async move {
            if token.is_empty() {
                return Ok(None);
            }
            api::fetch_own(&token).await.map(|own| Some((own, token)))
        }
    });
    let heading = tr(texts::questionnaire::UPDATE_THE_PRACTICE);
    let resumable = move || !ctx.draft.with_untracked(|d| d.edit_token.is_empty() || d.is_blank());
    view! {
        <Transition fallback=Opening>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some((own, token))) => {
                        let status = own.moderation_status;
                        let current = matches!(
                            status,
                            ModerationStatus::IntegrazioniRichieste | ModerationStatus::Respinta
                        );
                        let message = own.curator_message.clone().filter(|_| current);
                        if !local_edits {
                            let token = token.clone();
                            ctx.load(own.answers, |d| d.edit_token = token);
                        }
                        // The message matters while changes are asked or after a
                        // rejection; once published, it is history.
                        view! {
                            <SubmissionStatus
                                status
                                id=own.id.clone()
                                updated_at=own.updated_at.clone()
                                confirm=own.freshness.is_due().then(|| token.clone())
                            />
                            {message
                                .map(|message| {
                                    view! {
                                        <div class="container">
                                            <div class="notice" role="status" data-testid="curator-message">
                                                <h2>{tr(texts::questionnaire::MESSAGE_FROM_THE_EDITORS)}</h2>
                                                <p>{message}</p>
                                            </div>
                                        </div>
                                    }
                                })}
                            <Journey />
                        }
                            .into_any()
                    }
                    Ok(None) if resumable() => view! { <Journey /> }.into_any(),
                    Err(ApiError::Offline) if local_edits => view! { <Journey /> }.into_any(),
                    _ => {
                        view! {
                            <div class="container page">
                                <h1>{heading}</h1>
                                <div class="alert alert-error" role="alert">
                                    <p>{tr(texts::questionnaire::PRIVATE_LINK_NOT_VALID)}</p>
                                </div>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// Where a submission stands, on its private link's opening page.
#[component]
fn SubmissionStatus(
    /// Its state.
    status: ModerationStatus,
    /// Its reference.
    id: PracticeId,
    /// When the state last changed or an update arrived.
    updated_at: String,
    /// The private link's code, when it is time to confirm the practice.
    confirm: Option<String>,
) -> impl IntoView {
    let page = use_page();
    let lang = use_lang();
    view! {
        <Show when=move || page.get() == 0>
            <div class="container">
                <h1>{move || Mode::Update.title(lang.get())}</h1>
                <StatusPanel status id=id.clone() updated_at=updated_at.clone() edit_href=page_href(Mode::Update, 1) />
                {confirm.clone().map(|code| view! { <super::confirmation::ConfirmationBox code /> })}
            </div>
        </Show>
    }
}

/// Where a submission stands: the state, since when, what happens next, and
/// the way forward (the public page of a published practice, or editing
/// when changes are asked). On the private link's page and on "Verifica lo
/// stato".
#[component]
pub(super) fn StatusPanel(
    /// Its state.
    status: ModerationStatus,
    /// Its reference.
    id: PracticeId,
    /// When the state last changed or an update arrived.
    updated_at: String,
    /// Where "Modifica la pratica" leads.
    edit_href: String,
) -> impl IntoView {
    let lang = use_lang();
    let (id, updated_at) = (StoredValue::new(id), StoredValue::new(updated_at));
    view! {
        <div class="notice submission-status" data-testid="submission-status">
            <h2>
                {tr(texts::questionnaire::STATUS_OF_PRACTICE)} " "
                <span class="nowrap">{id.get_value().to_string()}</span> ": " {move || status.label(lang.get())}
            </h2>
            <p>
                {move || {
                    let date = updated_at.with_value(|at| domain::dates::long_date(at, lang.get()));
                    texts::questionnaire::last_change(lang.get(), &date)
                }}
            </p>
            <p>{move || domain::curation::respondent_next_step(status, lang.get())}</p>
            {(status == ModerationStatus::Pubblicata)
                .then(|| {
                    view! {
                        <p>
                            <A href=format!(
                                "/pratiche/{}",
                                id.get_value(),
                            )>{tr(texts::questionnaire::SEE_THE_PUBLIC_PAGE)}</A>
                        </p>
                    }
                })}
            {matches!(status, ModerationStatus::IntegrazioniRichieste | ModerationStatus::Respinta)
                .then(|| {
                    view! {
                        <p>
                            <A href=edit_href attr:class="button button-primary">
                                {tr(texts::questionnaire::EDIT_THE_PRACTICE)}
                            </A>
                        </p>
                    }
                })}
        </div>
    }
}

/// Shown while a submission is fetched for the journey.
#[component]
pub(crate) fn Opening() -> impl IntoView {
    view! {
        <div class="container page">
            <p role="status">{tr(texts::questionnaire::OPENING_THE_PRACTICE)}</p>
        </div>
    }
}
