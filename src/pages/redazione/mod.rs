//! The editors' pages: sign in (`/redazione/accesso`), the queue by state
//! (`/redazione?stato=…`) and the review of one submission with every field,
//! private ones included, and the decisions its state allows
//! (`/redazione/pratiche/{id}`). The server decides who may do what; these
//! pages only show it.

use crate::api::{SubmitError, moderation};
use crate::components::use_document_title;
use crate::i18n::{tr, use_lang};
use crate::questionnaire::display;
use domain::Lang;
use domain::curation::CurationAction;
use domain::questionnaire::QUESTIONNAIRE;
use domain::vocabulary::ModerationStatus;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use serde_json::Value;

/// Shows a failed request; people who are not signed in go to the sign-in page.
pub(crate) fn failure(error: &SubmitError) -> AnyView {
    if *error == SubmitError::Unauthorized {
        use_navigate()("/redazione/accesso", Default::default());
    }
    view! {
        <div class="alert alert-error" role="alert">
            <p>{error_text(error)}</p>
        </div>
    }
    .into_any()
}

fn error_text(error: &SubmitError) -> String {
    match error {
        SubmitError::Offline => "Il server non risponde: riprova tra poco.".into(),
        SubmitError::Unauthorized => "Accedi con il tuo account della redazione.".into(),
        SubmitError::Refused(message) => message.clone(),
        SubmitError::Invalid(errors) => errors.messages(Lang::It).into_values().flatten().collect::<Vec<_>>().join(" "),
    }
}

/// `/redazione/accesso`.
#[component]
pub fn SignInPage() -> impl IntoView {
    use_document_title("Accesso redazione", "Editors' sign-in");
    let (email, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let problem = RwSignal::new(None::<String>);
    let sign_in = Action::new_local(move |_: &()| async move {
        match moderation::sign_in(&email.get_untracked(), &password.get_untracked()).await {
            Ok(_) => use_navigate()("/redazione", Default::default()),
            Err(error) => problem.set(Some(error_text(&error))),
        }
    });
    view! {
        <div class="container page narrow">
            <h1>{tr("Accesso alla redazione", "Editors' sign-in")}</h1>
            {move || {
                problem
                    .get()
                    .map(|message| {
                        view! {
                            <div class="alert alert-error" role="alert">
                                <p>{message}</p>
                            </div>
                        }
                    })
            }}
            <form on:submit=move |ev| {
                ev.prevent_default();
                sign_in.dispatch(());
            }>
                <div class="form-group">
                    <label for="email">"E-mail"</label>
                    <input
                        type="email"
                        id="email"
                        class="form-control"
                        autocomplete="username"
                        required
                        on:input=move |ev| email.set(event_target_value(&ev))
                    />
                </div>
                <div class="form-group">
                    <label for="password">"Password"</label>
                    <input
                        type="password"
                        id="password"
                        class="form-control"
                        autocomplete="current-password"
                        required
                        on:input=move |ev| password.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="button button-primary">
                    {tr("Accedi", "Sign in")}
                </button>
            </form>
        </div>
    }
}

/// The queue's tab of everything, whatever the state.
const ALL: &str = "tutte";
/// The queue's first tab: what awaits the editors (the server's filter).
const TO_CURATE: &str = "da_curare";

/// `/redazione`: the queue.
#[component]
pub fn QueuePage() -> impl IntoView {
    use_document_title("Redazione", "Editors");
    let lang = use_lang();
    let query = use_query_map();
    let state = Memo::new(move |_| query.with(|q| q.get("stato")));
    let only_updates = Memo::new(move |_| query.with(|q| q.get("aggiornamenti").as_deref() == Some("true")));
    let words = Memo::new(move |_| query.with(|q| q.get("q")).unwrap_or_default());
    let queue = LocalResource::new(move || {
        // The queue opens on what awaits the editors; "Tutte" is `?stato=tutte`.
        let mut filter = match (state.get().as_deref(), only_updates.get()) {
            (_, true) => "aggiornamenti=true".to_owned(),
            (Some(ALL), false) => String::new(),
            (Some(state), false) => format!("stato={state}"),
            (None, false) => format!("stato={TO_CURATE}"),
        };
        let words = words.get();
        if !words.trim().is_empty() {
            filter.push_str(&format!("&q={}", js_sys::encode_uri_component(&words)));
        }
        async move { moderation::queue(&filter).await }
    });
    let sign_out = Action::new_local(|_: &()| async {
        let _ = moderation::sign_out().await;
        use_navigate()("/redazione/accesso", Default::default());
    });
    view! {
        <div class="container page">
            <div class="summary-heading">
                <h1>{tr("Pratiche da curare", "Submissions to curate")}</h1>
                <a href="/redazione/amministrazione">{tr("Amministrazione", "Administration")}</a>
                <button
                    type="button"
                    class="button button-link"
                    on:click=move |_| {
                        sign_out.dispatch(());
                    }
                >
                    {tr("Esci", "Sign out")}
                </button>
            </div>
            <Transition fallback=|| {
                view! { <p role="status">"Caricamento…"</p> }
            }>
                {move || Suspend::new(async move {
                    let page = match queue.await {
                        Ok(page) => page,
                        Err(error) => return failure(&error),
                    };
                    let lang = lang.get();
                    let current = state.get();
                    let updates = page["updates_pending"].as_u64().unwrap_or(0);
                    let updates_selected = only_updates.get();
                    let tabs = ModerationStatus::ALL
                        .iter()
                        .map(|status| {
                            let count = page["counts"][status.code()].as_u64().unwrap_or(0);
                            let selected = !updates_selected && current.as_deref() == Some(status.code());
                            view! {
                                <li>
                                    <a
                                        href=format!("/redazione?stato={}", status.code())
                                        aria-current=selected.then_some("page")
                                    >
                                        {format!("{} ({count})", status.label(lang))}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    let rows = page["submissions"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|s| {
                            let id = s["id"].as_str().unwrap_or_default().to_owned();
                            let status = ModerationStatus::from_code(
                                    s["moderation_status"].as_str().unwrap_or_default(),
                                )
                                .map_or("", |st| st.label(lang));
                            let update_pending = s["update_pending"].as_bool().unwrap_or(false);
                            view! {
                                <tr>
                                    <td class="nowrap">
                                        <a href=format!("/redazione/pratiche/{id}")>{id.clone()}</a>
                                    </td>
                                    <td>{s["title"].as_str().unwrap_or_default().to_owned()}</td>
                                    <td>{s["entity_name"].as_str().unwrap_or_default().to_owned()}</td>
                                    <td>
                                        {status}
                                        {update_pending
                                            .then(|| {
                                                view! {
                                                    <span class="badge">
                                                        {if lang == Lang::It {
                                                            "aggiornamento da rivedere"
                                                        } else {
                                                            "update to review"
                                                        }}
                                                    </span>
                                                }
                                            })}
                                    </td>
                                    <td class="nowrap">
                                        {domain::dates::long_date(s["submitted_at"].as_str().unwrap_or_default(), lang)}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <nav aria-label=if lang == Lang::It { "Stati" } else { "States" }>
                            <ul class="chips status-tabs">
                                <li>
                                    <a
                                        href="/redazione"
                                        aria-current=(current.is_none() && !updates_selected).then_some("page")
                                    >
                                        {format!(
                                            "{} ({})",
                                            if lang == Lang::It { "Da curare" } else { "To curate" },
                                            page["to_curate"].as_u64().unwrap_or(0),
                                        )}
                                    </a>
                                </li>
                                <li>
                                    <a
                                        href=format!("/redazione?stato={ALL}")
                                        aria-current=(current.as_deref() == Some(ALL) && !updates_selected)
                                            .then_some("page")
                                    >
                                        {if lang == Lang::It { "Tutte" } else { "All" }}
                                    </a>
                                </li>
                                {tabs}
                                <li>
                                    <a
                                        href="/redazione?aggiornamenti=true"
                                        aria-current=updates_selected.then_some("page")
                                    >
                                        {format!(
                                            "{} ({updates})",
                                            if lang == Lang::It {
                                                "Aggiornamenti da rivedere"
                                            } else {
                                                "Updates to review"
                                            },
                                        )}
                                    </a>
                                </li>
                            </ul>
                        </nav>
                        <form method="get" action="/redazione" role="search" class="queue-search">
                            {current.clone().map(|state| view! { <input type="hidden" name="stato" value=state /> })}
                            {updates_selected
                                .then(|| view! { <input type="hidden" name="aggiornamenti" value="true" /> })}
                            <label for="cerca">
                                {if lang == Lang::It {
                                    "Cerca per riferimento, titolo o ente"
                                } else {
                                    "Search by reference, title or body"
                                }}
                            </label>
                            <input type="search" id="cerca" name="q" class="form-control" value=words.get() />
                            <button type="submit" class="button button-secondary">
                                {if lang == Lang::It { "Cerca" } else { "Search" }}
                            </button>
                        </form>
                        <div
                            class="table-scroll"
                            role="region"
                            tabindex="0"
                            aria-label=if lang == Lang::It { "Pratiche" } else { "Submissions" }
                        >
                            <table class="data-table queue-table">
                                <caption>
                                    {if lang == Lang::It { "Dalla più vecchia" } else { "Oldest first" }}
                                </caption>
                                <thead>
                                    <tr>
                                        <th scope="col">
                                            {if lang == Lang::It { "Riferimento" } else { "Reference" }}
                                        </th>
                                        <th scope="col">{if lang == Lang::It { "Titolo" } else { "Title" }}</th>
                                        <th scope="col">{if lang == Lang::It { "Ente" } else { "Body" }}</th>
                                        <th scope="col">{if lang == Lang::It { "Stato" } else { "State" }}</th>
                                        <th scope="col">{if lang == Lang::It { "Inviata il" } else { "Submitted" }}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                })}
            </Transition>
        </div>
    }
}

/// `/redazione/pratiche/{id}`: every field and the decisions.
#[component]
pub fn ReviewPage() -> impl IntoView {
    use_document_title("Revisione", "Review");
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let review = LocalResource::new(move || {
        let id = id.get();
        async move { moderation::review(&id).await }
    });
    let message = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    // A decision waiting for "Conferma", and a message asked for but missing.
    let confirming = RwSignal::new(None::<(CurationAction, i64)>);
    let message_missing = RwSignal::new(false);
    let act = Action::new_local(move |(action, version): &(CurationAction, i64)| {
        let (action, version) = (*action, *version);
        async move {
            let code =
                serde_json::to_value(action).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            let text = Some(message.get_untracked()).filter(|m| !m.trim().is_empty());
            match moderation::act(&id.get_untracked(), &code, text, version).await {
                Ok(_) => {
                    message.set(String::new());
                    outcome.set(Some(Ok(action.label(Lang::It).to_owned())));
                    review.refetch();
                }
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
                <a href="/redazione">{tr("Redazione", "Editors")}</a>
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
                    let answers = review["answers"].as_object().cloned().unwrap_or_default();
                    let comuni = crate::comuni::use_comuni();
                    let version = review["version"].as_i64().unwrap_or(0);
                    let status = ModerationStatus::from_code(review["moderation_status"].as_str().unwrap_or_default());
                    let actions: Vec<CurationAction> = serde_json::from_value(review["allowed_actions"].clone())
                        .unwrap_or_default();
                    let duplicates: Vec<String> = serde_json::from_value(review["possible_duplicates"].clone())
                        .unwrap_or_default();
                    let changed: Vec<String> = serde_json::from_value(review["changed_fields"].clone())
                        .unwrap_or_default();
                    let update_pending = review["update_pending"].as_bool().unwrap_or(false);
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
                        <h1>{answers.get("title").and_then(Value::as_str).unwrap_or_default().to_owned()}</h1>
                        <p data-testid="review-state">
                            // The answers' version, as the respondent's receipt numbers it
                            // (`version` is the record's counter for concurrent decisions).
                            {format!(
                                "{} · {} · {} {}",
                                review["id"].as_str().unwrap_or_default(),
                                status.map_or("", |s| s.label(lang)),
                                if lang == Lang::It { "versione" } else { "version" },
                                review["versions"].as_i64().unwrap_or(1),
                            )}
                        </p>
                        <p>
                            <a href=format!(
                                "/redazione/correzione?pratica={}",
                                review["id"].as_str().unwrap_or_default(),
                            )>
                                {if lang == Lang::It {
                                    "Correggi testo o classificazione"
                                } else {
                                    "Correct the text or classification"
                                }}
                            </a>
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
                                                        <a href=format!("/redazione/pratiche/{d}")>{d.clone()}</a>
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
                        <History entries=review["history"].as_array().cloned().unwrap_or_default() lang />
                    }
                        .into_any()
                })}
            </Transition>
        </div>
    }
}

/// An audit entry's action as people read it ("Prendi in revisione", not
/// `take_in_review`); an unknown code is shown as it is.
pub fn audit_action_label(code: &str, lang: Lang) -> String {
    if let Ok(action) = serde_json::from_value::<CurationAction>(Value::String(code.to_owned())) {
        return action.label(lang).to_owned();
    }
    let it = lang == Lang::It;
    match code {
        "edit" if it => "Correzione della redazione",
        "edit" => "Editors' correction",
        "add_round" if it => "Raccolta aggiunta",
        "add_round" => "Round added",
        "add_user" if it => "Account aggiunto",
        "add_user" => "Account added",
        "disable_user" if it => "Account disattivato",
        "disable_user" => "Account disabled",
        "enable_user" if it => "Account riattivato",
        "enable_user" => "Account enabled",
        other => other,
    }
    .to_owned()
}

/// The decisions, corrections and messages of a submission, newest first.
#[component]
fn History(entries: Vec<Value>, lang: Lang) -> impl IntoView {
    let state = |code: &str| ModerationStatus::from_code(code).map(|s| s.label(lang));
    let items: Vec<_> = entries
        .iter()
        .map(|e| {
            let text = |key: &str| e[key].as_str().unwrap_or_default().to_owned();
            let moved = match (state(&text("before")), state(&text("after"))) {
                (Some(before), Some(after)) if before != after => format!(" ({before} → {after})"),
                _ => String::new(),
            };
            let message = e["message"].as_str().map(str::to_owned);
            view! {
                <li>
                    <span class="nowrap">{domain::dates::long_date(&text("at"), lang)}</span>
                    {format!(" · {} · {}{moved}", text("actor"), audit_action_label(&text("action"), lang))}
                    {message.map(|m| view! { <blockquote>{m}</blockquote> })}
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
