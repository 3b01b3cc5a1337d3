//! `/redazione/amministrazione`, for admins: collection rounds, curator
//! accounts and the audit log of every action. The server checks the role;
//! a curator who opens the page sees its refusal.

use crate::api::{SubmitError, moderation};
use crate::components::use_document_title;
use crate::i18n::{tr, use_lang};
use crate::pages::redazione::failure;
use domain::Lang;
use leptos::prelude::*;
use serde_json::{Value, json};

/// A list from the admin API, fetched again whenever `version` changes.
fn list(what: &'static str, version: RwSignal<u32>) -> LocalResource<Result<Value, SubmitError>> {
    LocalResource::new(move || {
        version.track();
        moderation::list(what)
    })
}

/// The outcome of the last change on the page, announced to screen readers.
#[component]
fn Outcome(outcome: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    move || {
        outcome.get().map(|result| match result {
            Ok(done) => view! {
                <div class="notice" role="status">
                    <p>{done}</p>
                </div>
            }
            .into_any(),
            Err(problem) => view! {
                <div class="alert alert-error" role="alert">
                    <p>{problem}</p>
                </div>
            }
            .into_any(),
        })
    }
}

fn problem_text(error: &SubmitError) -> String {
    match error {
        SubmitError::Invalid(errors) => errors
            .messages(Lang::It)
            .into_iter()
            .map(|(k, m)| format!("{k}: {}", m.join(" ")))
            .collect::<Vec<_>>()
            .join("; "),
        SubmitError::Refused(message) => message.clone(),
        SubmitError::Offline => "Il server non risponde: riprova tra poco.".into(),
        SubmitError::Unauthorized => "Accedi di nuovo alla redazione.".into(),
    }
}

/// A labelled text input bound to `value`.
#[component]
fn Input(id: &'static str, label: &'static str, kind: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="form-group">
            <label for=id>{label}</label>
            <input
                type=kind
                id=id
                class="form-control"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

#[component]
pub fn AdminPage() -> impl IntoView {
    use_document_title("Amministrazione");
    let version = RwSignal::new(0u32);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let add = Action::new_local(move |(what, body, done): &(&'static str, Value, String)| {
        let (what, body, done) = (*what, body.clone(), done.clone());
        async move {
            outcome.set(Some(moderation::add(what, &body).await.map(|_| done).map_err(|e| problem_text(&e))));
            version.update(|v| *v += 1);
        }
    });
    let disable = Action::new_local(move |email: &String| {
        let email = email.clone();
        async move {
            let done = format!("Account {email} disattivato.");
            outcome.set(Some(moderation::disable_user(&email).await.map(|()| done).map_err(|e| problem_text(&e))));
            version.update(|v| *v += 1);
        }
    });
    let (code, name, opens, closes) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (email, role, password) =
        (RwSignal::new(String::new()), RwSignal::new("curator".to_owned()), RwSignal::new(String::new()));
    view! {
        <div class="container page">
            <p class="breadcrumb">
                <a href="/redazione">{tr("Redazione", "Editors")}</a>
            </p>
            <h1>{tr("Amministrazione", "Administration")}</h1>
            <Outcome outcome />

            <h2>{tr("Raccolte", "Collection rounds")}</h2>
            <Rounds rounds=list("rounds", version) />
            <form on:submit=move |ev| {
                ev.prevent_default();
                let body = json!(
                    {
                    "code": code.get_untracked(), "name": name.get_untracked(),
                    "opens_on": opens.get_untracked(), "closes_on": closes.get_untracked(),
                }
                );
                add.dispatch(("rounds", body, format!("Raccolta «{}» aggiunta.", name.get_untracked())));
            }>
                <Input id="raccolta-codice" label="Codice (minuscole, cifre e _)" kind="text" value=code />
                <Input id="raccolta-nome" label="Nome" kind="text" value=name />
                <Input id="raccolta-apertura" label="Apertura" kind="date" value=opens />
                <Input id="raccolta-chiusura" label="Chiusura" kind="date" value=closes />
                <button type="submit" class="button button-secondary">
                    {tr("Aggiungi la raccolta", "Add the round")}
                </button>
            </form>

            <h2>{tr("Account", "Accounts")}</h2>
            <Accounts accounts=list("users", version) disable />
            <form on:submit=move |ev| {
                ev.prevent_default();
                let body = json!(
                    {
                    "email": email.get_untracked(), "role": role.get_untracked(), "password": password.get_untracked(),
                }
                );
                password.set(String::new());
                add.dispatch(("users", body, format!("Account {} aggiunto.", email.get_untracked())));
            }>
                <Input id="account-email" label="E-mail" kind="email" value=email />
                <div class="form-group">
                    <label for="account-ruolo">"Ruolo"</label>
                    <select
                        id="account-ruolo"
                        class="form-control"
                        on:change=move |ev| role.set(event_target_value(&ev))
                    >
                        <option value="curator">"Redazione"</option>
                        <option value="admin">"Amministrazione"</option>
                    </select>
                </div>
                <Input id="account-password" label="Password (almeno 12 caratteri)" kind="password" value=password />
                <button type="submit" class="button button-secondary">
                    {tr("Aggiungi l'account", "Add the account")}
                </button>
            </form>

            <h2>{tr("Registro delle azioni", "Audit log")}</h2>
            <p>
                <a href="/api/moderation/audit.csv" download="registro-redazione.csv">
                    {tr("Scarica il registro (CSV)", "Download the log (CSV)")}
                </a>
            </p>
            <AuditLog entries=list("audit", version) />
        </div>
    }
}

/// Text of one JSON field, empty when missing.
fn text(value: &Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_owned()
}

#[component]
fn Rounds(rounds: LocalResource<Result<Value, SubmitError>>) -> impl IntoView {
    view! {
        <Transition fallback=|| {
            view! { <p role="status">"Caricamento…"</p> }
        }>
            {move || Suspend::new(async move {
                let rows = match rounds.await {
                    Ok(rows) => rows.as_array().cloned().unwrap_or_default(),
                    Err(error) => return failure(&error),
                };
                view! {
                    <table class="data-table">
                        <caption>{tr("Raccolte definite", "Defined rounds")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Codice"</th>
                                <th scope="col">"Nome"</th>
                                <th scope="col">"Apertura"</th>
                                <th scope="col">"Chiusura"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .iter()
                                .map(|r| {
                                    view! {
                                        <tr>
                                            <td>{text(r, "code")}</td>
                                            <td>{text(r, "name")}</td>
                                            <td>{text(r, "opens_on")}</td>
                                            <td>{text(r, "closes_on")}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                    .into_any()
            })}
        </Transition>
    }
}

#[component]
fn Accounts(accounts: LocalResource<Result<Value, SubmitError>>, disable: Action<String, ()>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Transition fallback=|| {
            view! { <p role="status">"Caricamento…"</p> }
        }>
            {move || Suspend::new(async move {
                let rows = match accounts.await {
                    Ok(rows) => rows.as_array().cloned().unwrap_or_default(),
                    Err(error) => return failure(&error),
                };
                let it = lang.get() == Lang::It;
                view! {
                    <table class="data-table">
                        <caption>{if it { "Account della redazione" } else { "Editors' accounts" }}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"E-mail"</th>
                                <th scope="col">{if it { "Ruolo" } else { "Role" }}</th>
                                <th scope="col">{if it { "Stato" } else { "State" }}</th>
                                <th scope="col">{if it { "Azioni" } else { "Actions" }}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .iter()
                                .map(|a| {
                                    let email = text(a, "email");
                                    let active = !a["disabled"].as_bool().unwrap_or(false);
                                    let label = format!("Disattiva {email}");
                                    view! {
                                        <tr>
                                            <td>{email.clone()}</td>
                                            <td>{text(a, "role")}</td>
                                            <td>{if active { "attivo" } else { "disattivato" }}</td>
                                            <td>
                                                {active
                                                    .then(|| {
                                                        view! {
                                                            <button
                                                                type="button"
                                                                class="button button-link"
                                                                aria-label=label
                                                                on:click=move |_| {
                                                                    disable.dispatch(email.clone());
                                                                }
                                                            >
                                                                "Disattiva"
                                                            </button>
                                                        }
                                                    })}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                    .into_any()
            })}
        </Transition>
    }
}

#[component]
fn AuditLog(entries: LocalResource<Result<Value, SubmitError>>) -> impl IntoView {
    view! {
        <Transition fallback=|| {
            view! { <p role="status">"Caricamento…"</p> }
        }>
            {move || Suspend::new(async move {
                let rows = match entries.await {
                    Ok(rows) => rows.as_array().cloned().unwrap_or_default(),
                    Err(error) => return failure(&error),
                };
                view! {
                    <table class="data-table audit-log">
                        <caption>{tr("Dalla più recente", "Newest first")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Quando"</th>
                                <th scope="col">"Chi"</th>
                                <th scope="col">"Azione"</th>
                                <th scope="col">"Pratica"</th>
                                <th scope="col">"Prima"</th>
                                <th scope="col">"Dopo"</th>
                                <th scope="col">"Messaggio"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .iter()
                                .map(|e| {
                                    view! {
                                        <tr>
                                            <td>{text(e, "at").replace('T', " ").trim_end_matches('Z').to_owned()}</td>
                                            <td>{text(e, "actor")}</td>
                                            <td>{text(e, "action")}</td>
                                            <td>{text(e, "practice")}</td>
                                            <td>{text(e, "before")}</td>
                                            <td>{text(e, "after")}</td>
                                            <td>{text(e, "message")}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                    .into_any()
            })}
        </Transition>
    }
}
