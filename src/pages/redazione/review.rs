// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/pratiche/{id}`: one submission with every field, private
//! ones included, likely duplicates, its history, and a button for each
//! decision its state allows. The message to the respondent is kept on this
//! tab as it is typed, so signing in again in the middle loses nothing.

use super::origin::Origin;
use super::{error_text, failure, practice_id};
use crate::api::{ApiError, moderation};
use crate::components::job::Job;
use crate::components::use_document_title;
use crate::i18n::{tr, use_lang};
use crate::session::{KeptText, use_kept_text};
use crate::texts;
use domain::curation::CurationAction;
use domain::questionnaire::QUESTIONNAIRE;
use domain::record::answers::display;
use domain::record::fields::key;
use domain::record::vocabulary::ModerationStatus;
use domain::{Lang, PracticeId};
use domain::{
    api::Answers,
    curation::api::{AuditEntry, Decision},
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde_json::Value;

/// `/redazione/pratiche/{id}`: every field and the decisions.
#[component]
pub fn ReviewPage() -> impl IntoView {
    use_document_title(texts::editors::REVIEW);
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // A page of its own for each submission, with its own message.
    move || view! { <ReviewOf id=id.get() /> }
}

/// The review of the submission `id`.
#[component]
fn ReviewOf(
    /// The reference in the address.
    id: String,
) -> impl IntoView {
    let lang = use_lang();
    let message = use_kept_text(format!("bp-decision-{id}"));
    let id = StoredValue::new(practice_id(&id));
    let review = LocalResource::new(move || {
        let id = id.get_value();
        async move { moderation::review(&id?).await }
    });
    let outcome = RwSignal::new(None::<Result<CurationAction, String>>);
    // A decision waiting for "Conferma", and a message asked for but missing.
    let confirming = RwSignal::new(None::<(CurationAction, i64)>);
    let message_missing = RwSignal::new(false);
    let act = Job::new(move |(action, version): (CurationAction, i64)| {
        async move {
            let Ok(id) = id.get_value() else { return };
            let text = Some(message.get_untracked()).filter(|m| !m.trim().is_empty());
            let decision = Decision { action, message: text, expected_version: version };
            match moderation::decide(&id, &decision).await {
                Ok(_) => {
                    message.clear();
                    outcome.set(Some(Ok(action)));
                    review.refetch();
                }
                // On the way to sign in again; the message is kept.
                Err(ApiError::SignedOut) => {}
                Err(error) => outcome.set(Some(Err(error_text(&error)))),
            }
        }
    });
    view! {
        <div class="container page">
            <p class="breadcrumb">
                <a href="/redazione">{tr(texts::common::EDITORS)}</a>
            </p>
            <Outcome outcome lang />
            <Transition fallback=|| {
                view! { <p role="status">{tr(texts::common::LOADING)}</p> }
            }>
                {move || Suspend::new(async move {
                    let review = match review.await {
                        Ok(review) => review,
                        Err(error) => return failure(&error),
                    };
                    let lang = lang.get();
                    let title = review.answers.get(key::TITLE).and_then(Value::as_str).unwrap_or_default().to_owned();
                    let version = review.version;
                    let actions = review.allowed_actions.clone();
                    view! {
                        <ReviewHeading
                            id=review.id
                            title
                            status=review.moderation_status
                            versions=review.versions
                            update_pending=review.update_pending
                            lang
                        />
                        <Origin imported=review.imported_from harvested=review.harvested_from lang />
                        <Duplicates duplicates=review.possible_duplicates lang />
                        <Decisions message message_missing confirming act actions version lang />
                        <Fields answers=review.answers changed=review.changed_fields lang />
                        <History entries=review.history lang />
                    }
                        .into_any()
                })}
            </Transition>
        </div>
    }
}

/// The outcome of the latest decision: done, or why not.
#[component]
fn Outcome(
    /// The decision taken, or the problem met.
    outcome: RwSignal<Option<Result<CurationAction, String>>>,
    /// The interface's language.
    lang: RwSignal<Lang>,
) -> impl IntoView {
    move || {
        outcome.get().map(|result| match result {
            Ok(done) => {
                let lang = lang.get();
                view! {
                    <div class="notice" role="status">
                        <p>{texts::editors::done(lang, done.label(lang))}</p>
                    </div>
                }
                .into_any()
            }
            Err(problem) => view! {
                <div class="alert alert-error" role="alert">
                    <p>{problem}</p>
                </div>
            }
            .into_any(),
        })
    }
}

/// The submission's title, reference and state, the links to correct it and
/// to its public page, and whether an update waits.
#[component]
fn ReviewHeading(
    /// The submission's reference.
    id: PracticeId,
    /// Its title.
    title: String,
    /// Its moderation state.
    status: ModerationStatus,
    /// How many versions the respondent has sent.
    versions: i64,
    /// The respondent sent an update of this published practice.
    update_pending: bool,
    /// The interface's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <h1>{title}</h1>
        <p data-testid="review-state">
            // The answers' version, as the respondent's receipt numbers it
            // (`version` is the record's counter for concurrent decisions).
            {format!("{} · {} · {} {}", id, status.label(lang), texts::editors::VERSION.get(lang), versions)}
        </p>
        <p>
            <a href=format!(
                "/redazione/correzione?pratica={}",
                id,
            )>{texts::editors::CORRECT_TEXT_OR_CLASSIFICATION.get(lang)}</a>
            {(status == ModerationStatus::Pubblicata)
                .then(|| {
                    view! {
                        " · "
                        <a href=format!("/pratiche/{}", id)>{texts::editors::OPEN_THE_PUBLIC_PAGE.get(lang)}</a>
                    }
                })}
        </p>
        {update_pending
            .then(|| {
                view! {
                    <div class="alert alert-warning" role="note" data-testid="update-pending">
                        <p>{texts::editors::UPDATE_PENDING.get(lang)}</p>
                    </div>
                }
            })}
    }
}

/// The notice of likely duplicates, if there are any.
#[component]
fn Duplicates(
    /// The references of the likely duplicates.
    duplicates: Vec<PracticeId>,
    /// The interface's language.
    lang: Lang,
) -> impl IntoView {
    (!duplicates.is_empty()).then(|| {
        view! {
            <div class="alert alert-warning" role="note">
                <p>
                    {texts::editors::POSSIBLE_DUPLICATE_OF.get(lang)}
                    {duplicates
                        .into_iter()
                        .map(|d| {
                            view! {
                                <a href=format!("/redazione/pratiche/{d}")>{d.to_string()}</a>
                                " "
                            }
                        })
                        .collect_view()}
                </p>
            </div>
        }
    })
}

/// The decisions the submission's state allows, with the message to the
/// respondent: a message first where the decision needs one (its field says
/// so), then a confirmation for the decisions that change what the public sees.
#[component]
fn Decisions(
    /// The message to the respondent, kept as it is typed.
    message: KeptText,
    /// A message asked for but missing.
    message_missing: RwSignal<bool>,
    /// A decision waiting for "Conferma".
    confirming: RwSignal<Option<(CurationAction, i64)>>,
    /// Sends a decision for the record's version.
    act: Job<(CurationAction, i64)>,
    /// The decisions the state allows.
    actions: Vec<CurationAction>,
    /// The record's counter, for concurrent decisions.
    version: i64,
    /// The interface's language.
    lang: Lang,
) -> impl IntoView {
    let decide = move |action: CurationAction, version: i64| {
        if action.needs_message() && message.get_untracked().trim().is_empty() {
            message_missing.set(true);
            request_animation_frame(|| {
                if let Some(field) = document().get_element_by_id("messaggio")
                    && let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field)
                {
                    let _ = field.focus();
                }
            });
            return;
        }
        message_missing.set(false);
        if action.needs_confirmation() {
            confirming.set(Some((action, version)));
        } else {
            act.dispatch((action, version));
        }
    };
    view! {
        <section class="decisions">
            <h2>{texts::editors::DECISION.get(lang)}</h2>
            <div class="form-group">
                <label for="messaggio">{texts::editors::MESSAGE_TO_THE_RESPONDENT.get(lang)}</label>
                {move || {
                    message_missing
                        .get()
                        .then(|| {
                            view! {
                                <p class="field-error" id="errore-messaggio">
                                    {texts::editors::WRITE_THE_MESSAGE.get(lang)}
                                </p>
                            }
                        })
                }}
                <textarea
                    id="messaggio"
                    class="form-control"
                    rows="3"
                    aria-invalid=move || message_missing.get().to_string()
                    aria-describedby=move || message_missing.get().then_some("errore-messaggio")
                    prop:value=move || message.get()
                    on:input=move |ev| message.set(event_target_value(&ev))
                ></textarea>
            </div>
            <Confirmation confirming act lang />
            <div class="steppers-nav">
                {actions
                    .into_iter()
                    .map(|action| {
                        view! {
                            <button
                                type="button"
                                class="button button-secondary"
                                disabled=move || act.pending().get()
                                on:click=move |_| {
                                    decide(action, version);
                                }
                            >
                                {action.label(lang)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}

/// The question before a decision that changes what the public sees.
#[component]
fn Confirmation(
    /// The decision waiting, with the record's version.
    confirming: RwSignal<Option<(CurationAction, i64)>>,
    /// Sends it.
    act: Job<(CurationAction, i64)>,
    /// The interface's language.
    lang: Lang,
) -> impl IntoView {
    move || {
        confirming.get().map(|(action, version)| {
            view! {
                <div class="confirm" role="group" aria-label=action.label(lang)>
                    <p>{texts::editors::confirm_decision(lang, action.label(lang))}</p>
                    <button
                        type="button"
                        class="button button-primary"
                        on:click=move |_| {
                            confirming.set(None);
                            act.dispatch((action, version));
                        }
                    >
                        {format!("{}: {}", texts::editors::CONFIRM.get(lang), action.label(lang))}
                    </button>
                    <button type="button" class="button button-secondary" on:click=move |_| confirming.set(None)>
                        {texts::editors::CANCEL.get(lang)}
                    </button>
                </div>
            }
        })
    }
}

/// Every field answered, those changed in the latest version marked.
#[component]
fn Fields(
    /// The answers.
    answers: Answers,
    /// The keys of the fields changed in the latest version.
    changed: Vec<String>,
    /// The interface's language.
    lang: Lang,
) -> impl IntoView {
    let comuni = crate::comuni::use_comuni();
    let fields = QUESTIONNAIRE
        .fields()
        .filter(|f| answers.contains_key(f.key))
        .map(|field| {
            let was_changed = changed.iter().any(|c| c == field.key);
            view! {
                <div class="summary-row" class:changed=was_changed>
                    <dt>
                        {field.label.get(lang)}
                        {was_changed.then(|| texts::editors::CHANGED_IN_THE_LATEST_VERSION.get(lang))}
                    </dt>
                    <dd>
                        {
                            let value = answers.get(field.key).cloned();
                            move || {
                                let comuni = comuni.get();
                                display(field, value.as_ref(), lang, comuni.as_deref())
                            }
                        }
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{fields}</dl> }
}

/// The decisions, corrections and messages of a submission, newest first.
#[component]
fn History(
    /// The entries, newest first.
    entries: Vec<AuditEntry>,
    /// The interface's language.
    lang: Lang,
) -> impl IntoView {
    let state = |code: Option<&str>| code.and_then(ModerationStatus::from_code).map(|s| s.label(lang));
    let items: Vec<_> = entries
        .into_iter()
        .map(|e| {
            let moved = match (state(e.before.as_deref()), state(e.after.as_deref())) {
                (Some(before), Some(after)) if before != after => format!(" ({before} → {after})"),
                _ => String::new(),
            };
            view! {
                <li>
                    <span class="nowrap">{domain::dates::long_date(&e.at, lang)}</span>
                    {format!(" · {} · {}{moved}", e.actor, e.action.label(lang))}
                    {e.message.map(|m| view! { <blockquote>{m}</blockquote> })}
                </li>
            }
        })
        .collect();
    view! {
        <section class="history">
            <h2>{texts::editors::HISTORY.get(lang)}</h2>
            {if items.is_empty() {
                view! { <p>{texts::editors::NO_DECISION_SO_FAR.get(lang)}</p> }.into_any()
            } else {
                view! { <ol class="history-list">{items}</ol> }.into_any()
            }}
        </section>
    }
}
