//! `/redazione/amministrazione`, for admins: collection rounds, curator
//! accounts and the audit log of every action. The server checks the role;
//! a curator who opens the page sees its refusal.

use crate::api::{SubmitError, moderation};
use crate::components::use_document_title;
use crate::i18n::tr;
use crate::pages::redazione::{audit_action_label, failure};
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

/// The label on the admins' forms of a field the server names by its key,
/// so an error reads "Chiusura: …", never "closes_on: …".
fn form_label(key: &str) -> &str {
    match key {
        "code" => "Codice",
        "name" => "Nome",
        "opens_on" => "Apertura",
        "closes_on" => "Chiusura",
        "email" => "E-mail",
        "password" => "Password",
        "role" => "Ruolo",
        other => other,
    }
}

fn problem_text(error: &SubmitError) -> String {
    match error {
        SubmitError::Invalid(errors) => errors
            .messages(Lang::It)
            .into_iter()
            .map(|(key, m)| format!("{}: {}", form_label(&key), m.join(" ")))
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
    use_document_title("Amministrazione", "Administration");
    let version = RwSignal::new(0u32);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let add = Action::new_local(move |(what, body, done): &(&'static str, Value, String)| {
        let (what, body, done) = (*what, body.clone(), done.clone());
        async move {
            outcome.set(Some(moderation::add(what, &body).await.map(|_| done).map_err(|e| problem_text(&e))));
            version.update(|v| *v += 1);
        }
    });
    // (account, enable): "Disattiva" or "Riattiva".
    let switch = Action::new_local(move |(email, enable): &(String, bool)| {
        let (email, enable) = (email.clone(), *enable);
        async move {
            let (result, done) = if enable {
                (moderation::enable_user(&email).await, format!("Account {email} riattivato."))
            } else {
                (moderation::disable_user(&email).await, format!("Account {email} disattivato."))
            };
            outcome.set(Some(result.map(|()| done).map_err(|e| problem_text(&e))));
            version.update(|v| *v += 1);
        }
    });
    // The signed-in admin, whose own account offers no "Disattiva".
    let me = LocalResource::new(|| async {
        moderation::whoami().await.ok().and_then(|u| u["email"].as_str().map(str::to_owned)).unwrap_or_default()
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
            <ListTable
                list=list("rounds", version)
                caption="Raccolte definite"
                headers=&["Codice", "Nome", "Apertura", "Chiusura"]
                row=|r| {
                    view! {
                        <td>{text(r, "code")}</td>
                        <td>{text(r, "name")}</td>
                        <td>{text(r, "opens_on")}</td>
                        <td>{text(r, "closes_on")}</td>
                    }
                }
            />
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
            <ListTable
                list=list("users", version)
                caption="Account della redazione"
                headers=&["E-mail", "Ruolo", "Stato", "Azioni"]
                row=move |a| {
                    let email = text(a, "email");
                    let active = !a["disabled"].as_bool().unwrap_or(false);
                    let role = match text(a, "role").as_str() {
                        "admin" => "Amministrazione".to_owned(),
                        "curator" => "Redazione".to_owned(),
                        other => other.to_owned(),
                    };
                    let (verb, enable) = if active { ("Disattiva", false) } else { ("Riattiva", true) };
                    let label = format!("{verb} {email}");
                    let own = {
                        let email = email.clone();
                        move || me.get().is_some_and(|me| me.eq_ignore_ascii_case(&email))
                    };
                    view! {
                        <td>{email.clone()}</td>
                        <td>{role}</td>
                        <td>{if active { "attivo" } else { "disattivato" }}</td>
                        <td>
                            {move || {
                                if own() {
                                    view! { <span>"(il tuo account)"</span> }.into_any()
                                } else {
                                    let email = email.clone();
                                    view! {
                                        <button
                                            type="button"
                                            class="button button-link"
                                            aria-label=label.clone()
                                            on:click=move |_| {
                                                switch.dispatch((email.clone(), enable));
                                            }
                                        >
                                            {verb}
                                        </button>
                                    }
                                        .into_any()
                                }
                            }}
                        </td>
                    }
                }
            />
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
            <ListTable
                list=list("audit", version)
                caption="Dalla più recente"
                class="audit-log"
                headers=&["Quando", "Chi", "Azione", "Pratica", "Prima", "Dopo", "Messaggio"]
                row=|e| {
                    view! {
                        <td>{text(e, "at").replace('T', " ").trim_end_matches('Z').to_owned()}</td>
                        <td>{text(e, "actor")}</td>
                        <td>{audit_action_label(&text(e, "action"), Lang::It)}</td>
                        <td class="nowrap">{text(e, "practice")}</td>
                        <td>{state_label(&text(e, "before"))}</td>
                        <td>{state_label(&text(e, "after"))}</td>
                        <td>{text(e, "message")}</td>
                    }
                }
            />
        </div>
    }
}

/// A submission's state by its label; other values (an account, a round) as they are.
fn state_label(code: &str) -> String {
    domain::vocabulary::ModerationStatus::from_code(code)
        .map_or_else(|| code.to_owned(), |s| s.label(Lang::It).to_owned())
}

/// Text of one JSON field, empty when missing.
fn text(value: &Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_owned()
}

/// One of the admin lists as a table: a row of cells per entry.
#[component]
fn ListTable<F, V>(
    list: LocalResource<Result<Value, SubmitError>>,
    caption: &'static str,
    headers: &'static [&'static str],
    #[prop(optional)] class: &'static str,
    row: F,
) -> impl IntoView
where
    F: Fn(&Value) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=|| {
            view! { <p role="status">"Caricamento…"</p> }
        }>
            {move || Suspend::new(async move {
                let entries = match list.await {
                    Ok(entries) => entries.as_array().cloned().unwrap_or_default(),
                    Err(error) => return failure(&error),
                };
                view! {
                    // A wide table scrolls inside its own box on a phone, not the page.
                    <div class="table-scroll" role="region" aria-label=caption tabindex="0">
                        <table class=format!("data-table list-table {class}")>
                            <caption>{caption}</caption>
                            <thead>
                                <tr>{headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                            </thead>
                            <tbody>{entries.iter().map(|e| view! { <tr>{row(e)}</tr> }).collect_view()}</tbody>
                        </table>
                    </div>
                }
                    .into_any()
            })}
        </Transition>
    }
}
