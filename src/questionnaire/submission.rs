// SPDX-License-Identifier: EUPL-1.2
//! Sending a journey's answers: a new practice (with the server's start
//! token and an idempotency key), an update through the private link, or a
//! curator's correction. A sending that finds no network stays on the device
//! and goes again as soon as the browser is back online.

use super::receipt::{RECEIPT_KEY, StoredReceipt};
use super::show_errors;
use super::state::{FormCtx, Mode, use_form};
use crate::api::{self, ApiError, moderation};
use crate::components::job::Job;
use crate::storage;
use crate::texts;
use domain::PracticeId;
use domain::questionnaire::QUESTIONNAIRE;
use domain::{
    api::Answers,
    curation::api::Correction,
    questionnaire::api::{Receipt, Submission},
    questionnaire::import::api::Completion,
};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// What [`use_submission`] gives the page that sends.
pub struct UseSubmissionReturn<SendFn>
where
    SendFn: Fn() + Clone,
{
    /// Sends the answers (nothing happens while a sending is under way).
    pub send: SendFn,
    /// A sending is under way.
    pub sending: Signal<bool>,
    /// Sent while offline: kept on the device, sent again when back online.
    pub waiting_for_network: Signal<bool>,
    /// Why the server refused it, in words.
    pub problem: Signal<Option<String>>,
    /// The honeypot: a field people never see, so never fill.
    pub honeypot: RwSignal<String>,
}

/// What a sent journey got back.
enum Sent {
    /// A respondent's submission or update: the receipt to show.
    Receipt(Receipt),
    /// A curator's correction of this submission.
    Corrected(PracticeId),
}

/// The sending of the journey in context. A sending left pending (offline,
/// or the tab was closed) goes again now if the browser is online, and when
/// it comes back online.
pub fn use_submission() -> UseSubmissionReturn<impl Fn() + Clone> {
    let ctx = use_form();
    let navigate = use_navigate();
    let honeypot = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let lang = crate::i18n::use_lang();
    let action = Job::new(move |_: ()| {
        let navigate = navigate.clone();
        async move {
            let mut answers = ctx.draft.with_untracked(|d| d.answers.clone());
            QUESTIONNAIRE.normalize_inputs(&mut answers);
            QUESTIONNAIRE.prune(&mut answers);
            let comuni = ctx.comuni.get_untracked();
            if let Err(errors) = QUESTIONNAIRE.accept(answers.clone(), comuni.as_deref()) {
                show_errors(ctx, errors, &navigate);
                return;
            }
            ctx.update(|d| d.pending = true);
            ctx.save_now();
            match deliver(ctx, answers.clone(), honeypot.get_untracked()).await {
                // A correction that does not say what it corrects: nothing to send.
                Ok(None) => ctx.update(|d| d.pending = false),
                Ok(Some(Sent::Receipt(Receipt { id, version }))) => {
                    let token = ctx.draft.with_untracked(|d| d.edit_token.clone());
                    storage::write(RECEIPT_KEY, &StoredReceipt { id, token, version, answers });
                    ctx.discard();
                    navigate("/questionario/ricevuta", Default::default());
                }
                Ok(Some(Sent::Corrected(id))) => {
                    ctx.discard();
                    let review = format!("/redazione/pratiche/{id}");
                    if ctx.mode == Mode::Completion {
                        // The review is another entry's page: loaded from the
                        // server while this page stays whole until it goes.
                        let _ = window().location().assign(&review);
                    } else {
                        navigate(&review, Default::default());
                    }
                }
                Err(ApiError::Offline) => problem.set(None),
                Err(ApiError::Invalid(errors)) => {
                    ctx.update(|d| d.pending = false);
                    show_errors(ctx, errors, &navigate);
                }
                // The session's watcher sends the curator to sign in again.
                Err(ApiError::SignedOut) => {
                    ctx.update(|d| d.pending = false);
                    let kept = texts::questionnaire::SIGN_IN_AGAIN_CORRECTION_KEPT;
                    problem.set(Some(kept.get(lang.get_untracked()).to_owned()));
                }
                Err(error) => {
                    ctx.update(|d| d.pending = false);
                    problem.set(Some(error.message()));
                }
            }
        }
    });
    let send = move || {
        if !action.pending().get_untracked() {
            action.dispatch(());
        }
    };
    // In the browser only (the server draws the page once, and the listener's
    // stub would abort it).
    #[cfg(not(feature = "ssr"))]
    {
        let online = window_event_listener(leptos::ev::online, move |_| {
            if ctx.draft.with_untracked(|d| d.pending) {
                send();
            }
        });
        on_cleanup(move || online.remove());
    }
    if ctx.draft.with_untracked(|d| d.pending) && window().navigator().on_line() {
        send();
    }
    let sending = Signal::derive(move || action.pending().get());
    UseSubmissionReturn {
        send,
        sending,
        waiting_for_network: Signal::derive(move || ctx.draft.with(|d| d.pending) && !sending.get()),
        problem: problem.into(),
        honeypot,
    }
}

/// Sends the answers the way the journey's mode says.
async fn deliver(ctx: FormCtx, answers: Answers, website: String) -> Result<Option<Sent>, ApiError> {
    let (key, edit_token, correction, completion) = ctx
        .draft
        .with_untracked(|d| (d.idempotency_key.clone(), d.edit_token.clone(), d.correction.clone(), d.completion));
    match (ctx.mode, correction) {
        (Mode::New, _) => {
            let started = match ctx.draft.with_untracked(|d| d.started.clone()) {
                Some(started) => started,
                // Not had when the questionnaire was opened (offline): asked now.
                None => {
                    let started = api::start_submission().await?.started;
                    ctx.set_started(started.clone());
                    ctx.save_now();
                    started
                }
            };
            let derived_from = ctx.draft.with_untracked(|d| d.derived_from.clone());
            let submission = Submission { answers, edit_token, website, started, derived_from };
            api::submit_practice(&key, &submission).await.map(|receipt| Some(Sent::Receipt(receipt)))
        }
        (Mode::Update, _) => {
            api::update_practice(&edit_token, answers).await.map(|receipt| Some(Sent::Receipt(receipt)))
        }
        (Mode::Correction, Some(correction)) => {
            let body = Correction { answers, expected_version: correction.version };
            moderation::correct(&correction.id, &body).await.map(|_| Some(Sent::Corrected(correction.id)))
        }
        (Mode::Correction, None) => Ok(None),
        (Mode::Completion, _) => match completion {
            Some(draft) => {
                let completed = moderation::complete_draft(draft, &Completion { answers }).await;
                completed.map(|id| Some(Sent::Corrected(id)))
            }
            None => Ok(None),
        },
    }
}

/// Asks the server for the start token of a new practice when its draft has
/// none yet: when the questionnaire is first opened, after the draft is
/// deleted, and when the browser comes back online. Without it (offline, or
/// a server that does not answer) the questionnaire works all the same: the
/// token is asked for again before sending.
pub fn use_start_token(ctx: FormCtx) {
    if cfg!(feature = "ssr") {
        return;
    }
    let missing = Memo::new(move |_| ctx.draft.with(|d| d.started.is_none()));
    let asking = StoredValue::new(false);
    let ask = move || {
        if !missing.get_untracked() || asking.get_value() {
            return;
        }
        asking.set_value(true);
        leptos::task::spawn_local(async move {
            if let Ok(token) = api::start_submission().await {
                ctx.set_started(token.started);
            }
            asking.try_set_value(false);
        });
    };
    // Syncs with the server whenever the draft is left without a token.
    Effect::new(move |_| {
        if missing.get() {
            ask();
        }
    });
    let online = window_event_listener(leptos::ev::online, move |_| ask());
    on_cleanup(move || online.remove());
}
