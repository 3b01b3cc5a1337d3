// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/pratiche/{id}`: one submission with every field, private
//! ones included, likely duplicates, its history, and a button for each
//! decision its state allows. The message to the respondent is kept on this
//! tab as it is typed, so signing in again in the middle loses nothing.

use super::{error_text, failure, practice_id};
use crate::api::{ApiError, moderation};
use crate::components::use_document_title;
use crate::i18n::{tr, use_lang};
use crate::session::use_kept_text;
use crate::texts;
use domain::Lang;
use domain::answers::display;
use domain::api::{AuditEntry, Decision};
use domain::curation::CurationAction;
use domain::fields::key;
use domain::questionnaire::QUESTIONNAIRE;
use domain::vocabulary::ModerationStatus;
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
    let outcome = RwSignal::new(None::<Result<String, String>>);
    // A decision waiting for "Conferma", and a message asked for but missing.
    let confirming = RwSignal::new(None::<(CurationAction, i64)>);
    let message_missing = RwSignal::new(false);
    let act = Action::new_local(move |(action, version): &(CurationAction, i64)| {
        let (action, version) = (*action, *version);
        async move {
            let Ok(id) = id.get_value() else { return };
            let text = Some(message.get_untracked()).filter(|m| !m.trim().is_empty());
            let decision = Decision { action, message: text, expected_version: version };
            match moderation::decide(&id, &decision).await {
                Ok(_) => {
                    message.clear();
                    outcome.set(Some(Ok(action.label(Lang::It).to_owned())));
                    review.refetch();
                }
                // On the way to sign in again; the message is kept.
                Err(ApiError::SignedOut) => {}
                Err(error) => outcome.set(Some(Err(error_text(&error)))),
            }
        }
    });
    // A message first where the decision needs one (its field says so), then
    // a confirmation for the decisions that change what the public sees.
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
        <div class="container page">
            <p class="breadcrumb">
                <a href="/redazione">{tr(texts::common::EDITORS)}</a>
            </p>
            {move || {
                outcome
                    .get()
                    .map(|result| match result {
                        Ok(done) => {
                            view! {
                                <div class="notice" role="status">
                                    <p>{format!("Fatto: {done}.")}</p>
                                </div>
                            }
                                .into_any()
                        }
                        Err(problem) => {
                            view! {
                                <div class="alert alert-error" role="alert">
                                    <p>{problem}</p>
                                </div>
                            }
                                .into_any()
                        }
                    })
            }}
            <Transition fallback=|| {
                view! { <p role="status">"Caricamento…"</p> }
            }>
                {move || Suspend::new(async move {
                    let review = match review.await {
                        Ok(review) => review,
                        Err(error) => return failure(&error),
                    };
                    let lang = lang.get();
                    let answers = &review.answers;
                    let comuni = crate::comuni::use_comuni();
                    let version = review.version;
                    let status = review.moderation_status;
                    let actions = review.allowed_actions.clone();
                    let duplicates = review.possible_duplicates.clone();
                    let changed = &review.changed_fields;
                    let update_pending = review.update_pending;
                    let fields = QUESTIONNAIRE
                        .fields()
                        .filter(|f| answers.contains_key(f.key))
                        .map(|field| {
                            let was_changed = changed.iter().any(|c| c == field.key);
                            view! {
                                <div class="summary-row" class:changed=was_changed>
                                    <dt>
                                        {field.label.get(lang)}
                                        {was_changed
                                            .then(|| {
                                                if lang == Lang::It {
                                                    " (modificato nell'ultima versione)"
                                                } else {
                                                    " (changed in the latest version)"
                                                }
                                            })}
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
                    view! {
                        <h1>{answers.get(key::TITLE).and_then(Value::as_str).unwrap_or_default().to_owned()}</h1>
                        <p data-testid="review-state">
                            // The answers' version, as the respondent's receipt numbers it
                            // (`version` is the record's counter for concurrent decisions).
                            {format!(
                                "{} · {} · {} {}",
                                review.id,
                                status.label(lang),
                                if lang == Lang::It { "versione" } else { "version" },
                                review.versions,
                            )}
                        </p>
                        <p>
                            <a href=format!(
                                "/redazione/correzione?pratica={}",
                                review.id,
                            )>
                                {if lang == Lang::It {
                                    "Correggi testo o classificazione"
                                } else {
                                    "Correct the text or classification"
                                }}
                            </a>
                            {(status == ModerationStatus::Pubblicata)
                                .then(|| {
                                    view! {
                                        " · "
                                        <a href=format!(
                                            "/pratiche/{}",
                                            review.id,
                                        )>
                                            {if lang == Lang::It {
                                                "Apri la pagina pubblica"
                                            } else {
                                                "Open the public page"
                                            }}
                                        </a>
                                    }
                                })}
                        </p>
                        {update_pending
                            .then(|| {
                                view! {
                                    <div class="alert alert-warning" role="note" data-testid="update-pending">
                                        <p>
                                            {if lang == Lang::It {
                                                "Chi ha inviato la pratica ha mandato un aggiornamento: qui sotto le risposte nuove, con i campi cambiati segnati. Il pubblico vede ancora la versione pubblicata finché non pubblichi l'aggiornamento."
                                            } else {
                                                "The respondent sent an update: the new answers are below, changed fields marked. The public still sees the published version until you publish the update."
                                            }}
                                        </p>
                                    </div>
                                }
                            })}
                        {(!duplicates.is_empty())
                            .then(|| {
                                view! {
                                    <div class="alert alert-warning" role="note">
                                        <p>
                                            "Possibile doppione di: "
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
                            })}
                        <section class="decisions">
                            <h2>{if lang == Lang::It { "Decisione" } else { "Decision" }}</h2>
                            <div class="form-group">
                                <label for="messaggio">
                                    {if lang == Lang::It {
                                        "Messaggio per chi ha inviato la pratica (per integrazioni o rifiuto)"
                                    } else {
                                        "Message to the respondent (for changes or a rejection)"
                                    }}
                                </label>
                                {move || {
                                    message_missing
                                        .get()
                                        .then(|| {
                                            view! {
                                                <p class="field-error" id="errore-messaggio">
                                                    {if lang == Lang::It {
                                                        "Scrivi il messaggio: chi ha inviato la pratica deve sapere cosa integrare o perché è respinta."
                                                    } else {
                                                        "Write the message: the respondent needs to know what to add or why it is rejected."
                                                    }}
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
                            {move || {
                                confirming
                                    .get()
                                    .map(|(action, version)| {
                                        view! {
                                            <div class="confirm" role="group" aria-label=action.label(lang)>
                                                <p>
                                                    {if lang == Lang::It {
                                                        format!("Confermi «{}»?", action.label(lang))
                                                    } else {
                                                        format!("Confirm “{}”?", action.label(lang))
                                                    }}
                                                </p>
                                                <button
                                                    type="button"
                                                    class="button button-primary"
                                                    on:click=move |_| {
                                                        confirming.set(None);
                                                        act.dispatch((action, version));
                                                    }
                                                >
                                                    {format!(
                                                        "{}: {}",
                                                        if lang == Lang::It { "Conferma" } else { "Confirm" },
                                                        action.label(lang),
                                                    )}
                                                </button>
                                                <button
                                                    type="button"
                                                    class="button button-secondary"
                                                    on:click=move |_| confirming.set(None)
                                                >
                                                    {if lang == Lang::It { "Annulla" } else { "Cancel" }}
                                                </button>
                                            </div>
                                        }
                                    })
                            }}
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
                        <dl class="summary-list">{fields}</dl>
                        <History entries=review.history lang />
                    }
                        .into_any()
                })}
            </Transition>
        </div>
    }
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
            <h2>{if lang == Lang::It { "Storico" } else { "History" }}</h2>
            {if items.is_empty() {
                view! { <p>{if lang == Lang::It { "Nessuna decisione finora." } else { "No decision so far." }}</p> }
                    .into_any()
            } else {
                view! { <ol class="history-list">{items}</ol> }.into_any()
            }}
        </section>
    }
}
