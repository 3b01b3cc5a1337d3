// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/amministrazione`, for admins: collection rounds, curator
//! accounts and the audit log of every action. The server checks the role;
//! a curator who opens the page sees its refusal. What an admin types in
//! the forms (passwords apart) is kept on this tab as it is typed, so
//! signing in again in the middle loses nothing.

use crate::api::{ApiError, moderation};
use crate::components::use_document_title;
use crate::i18n::tr;
use crate::pages::redazione::{error_text, failure};
use crate::session::{KeptText, use_kept_text};
use domain::Lang;
use domain::api::{Account, AuditEntry, NewAccount, NewRound, Role, Round};
use leptos::prelude::*;

/// Everything the page lists, each list with its own outcome (a curator may
/// read the rounds, not the accounts nor the log).
#[derive(Clone)]
struct Lists {
    rounds: Result<Vec<Round>, ApiError>,
    accounts: Result<Vec<Account>, ApiError>,
    audit: Result<Vec<AuditEntry>, ApiError>,
}

/// The page's lists, fetched again whenever `version` changes.
fn lists(version: RwSignal<u32>) -> LocalResource<Lists> {
    LocalResource::new(move || {
        version.track();
        async {
            Lists {
                rounds: moderation::rounds().await,
                accounts: moderation::accounts().await,
                audit: moderation::audit().await,
            }
        }
    })
}

/// The outcome of the last change on the page, announced to screen readers.
#[component]
pub(crate) fn OutcomeNotice(
    /// What the last change did, or why it failed.
    outcome: RwSignal<Outcome>,
) -> impl IntoView {
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
/// so an error reads "Chiusura: …", never "closes_on: …"; a row of a list
/// of invitees reads "Riga 3, e-mail".
fn form_label(key: &str) -> String {
    if let Some((row, column)) = key.strip_prefix("rows.").and_then(|rest| rest.split_once('.')) {
        let column = if column == "entity" { "ente" } else { "e-mail" };
        return format!("Riga {row}, {column}");
    }
    match key {
        "file" => "File",
        "code" => "Codice",
        "name" => "Nome",
        "opens_on" => "Apertura",
        "closes_on" => "Chiusura",
        "email" => "E-mail",
        "password" => "Password",
        "role" => "Ruolo",
        other => other,
    }
    .to_owned()
}

pub(crate) fn problem_text(error: &ApiError) -> String {
    match error {
        ApiError::Invalid(errors) => errors
            .messages(Lang::It)
            .into_iter()
            .map(|(key, m)| format!("{}: {}", form_label(&key), m.join(" ")))
            .collect::<Vec<_>>()
            .join("; "),
        other => error_text(other),
    }
}

/// How the accounts' table and the role list name a role.
fn role_name(role: Role) -> &'static str {
    match role {
        Role::Admin => "Amministrazione",
        Role::Curator => "Redazione",
    }
}

/// A labelled text input whose text is kept on this tab as it is typed.
#[component]
fn Input(
    /// The input's id.
    id: &'static str,
    /// Its label.
    label: &'static str,
    /// Its `type`.
    kind: &'static str,
    /// What is typed.
    value: KeptText,
) -> impl IntoView {
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

/// What the page last did, or why it could not.
pub(crate) type Outcome = Option<Result<String, String>>;

/// `/redazione/amministrazione`.
#[component]
pub fn AdminPage() -> impl IntoView {
    use_document_title("Amministrazione", "Administration");
    let version = RwSignal::new(0u32);
    let lists = lists(version);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let (code, name, opens, closes) = (
        use_kept_text("bp-admin-round-code"),
        use_kept_text("bp-admin-round-name"),
        use_kept_text("bp-admin-round-opens"),
        use_kept_text("bp-admin-round-closes"),
    );
    let (email, role) = (use_kept_text("bp-admin-account-email"), use_kept_text("bp-admin-account-role"));
    let password = RwSignal::new(String::new());
    let add_round = Action::new_local(move |round: &NewRound| {
        let round = round.clone();
        async move {
            let done = moderation::add_round(&round).await.map(|added| {
                for kept in [code, name, opens, closes] {
                    kept.forget();
                }
                format!("Raccolta «{}» aggiunta.", added.name)
            });
            report(outcome, done);
            version.update(|v| *v += 1);
        }
    });
    let add_account = Action::new_local(move |account: &NewAccount| {
        let account = account.clone();
        async move {
            let done = moderation::add_account(&account).await.map(|added| {
                for kept in [email, role] {
                    kept.forget();
                }
                format!("Account {} aggiunto.", added.email)
            });
            report(outcome, done);
            version.update(|v| *v += 1);
        }
    });
    // (account, enable): "Disattiva" or "Riattiva".
    let switch = Action::new_local(move |(email, enable): &(String, bool)| {
        let (email, enable) = (email.clone(), *enable);
        async move {
            let done = if enable {
                moderation::enable_account(&email).await.map(|()| format!("Account {email} riattivato."))
            } else {
                moderation::disable_account(&email).await.map(|()| format!("Account {email} disattivato."))
            };
            report(outcome, done);
            version.update(|v| *v += 1);
        }
    });
    // The signed-in admin, whose own account offers no "Disattiva".
    let me = LocalResource::new(|| async { moderation::whoami().await.map(|user| user.email).unwrap_or_default() });
    view! {
        <div class="container page">
            <p class="breadcrumb">
                <a href="/redazione">{tr("Redazione", "Editors")}</a>
            </p>
            <h1>{tr("Amministrazione", "Administration")}</h1>
            <OutcomeNotice outcome />

            <h2>{tr("Raccolte", "Collection rounds")}</h2>
            <ListTable
                lists
                pick=|l| &l.rounds
                caption="Raccolte definite"
                headers=&["Codice", "Nome", "Apertura", "Chiusura", "Inviti"]
                row=|r: &Round| {
                    view! {
                        <td>{r.code.clone()}</td>
                        <td>{r.name.clone()}</td>
                        <td>{r.opens_on.to_string()}</td>
                        <td>{r.closes_on.to_string()}</td>
                        <td>
                            <a
                                href=domain::invitations::invitations_page(&r.code)
                                aria-label=format!("Invitati di {}", r.name)
                            >
                                "Invitati"
                            </a>
                        </td>
                    }
                }
            />
            <form on:submit=move |ev| {
                ev.prevent_default();
                add_round
                    .dispatch(NewRound {
                        code: code.get_untracked(),
                        name: name.get_untracked(),
                        opens_on: opens.get_untracked(),
                        closes_on: closes.get_untracked(),
                    });
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
                lists
                pick=|l| &l.accounts
                caption="Account della redazione"
                headers=&["E-mail", "Ruolo", "Stato", "Azioni"]
                row=move |a: &Account| {
                    let email = a.email.clone();
                    let active = !a.disabled;
                    let (verb, enable) = if active { ("Disattiva", false) } else { ("Riattiva", true) };
                    let label = format!("{verb} {email}");
                    let own = {
                        let email = email.clone();
                        move || me.get().is_some_and(|me| me.eq_ignore_ascii_case(&email))
                    };
                    view! {
                        <td>{email.clone()}</td>
                        <td>{role_name(a.role)}</td>
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
                let role = Role::from_code(&role.get_untracked()).unwrap_or(Role::Curator);
                let account = NewAccount {
                    email: email.get_untracked(),
                    role,
                    password: password.get_untracked(),
                };
                password.set(String::new());
                add_account.dispatch(account);
            }>
                <Input id="account-email" label="E-mail" kind="email" value=email />
                <div class="form-group">
                    <label for="account-ruolo">"Ruolo"</label>
                    <select
                        id="account-ruolo"
                        class="form-control"
                        on:change=move |ev| role.set(event_target_value(&ev))
                    >
                        {[Role::Curator, Role::Admin]
                            .map(|r| {
                                view! {
                                    <option value=r.code() selected=move || role.get() == r.code()>
                                        {role_name(r)}
                                    </option>
                                }
                            })}
                    </select>
                </div>
                // Never kept anywhere: typed again after signing in.
                <div class="form-group">
                    <label for="account-password">"Password (almeno 12 caratteri)"</label>
                    <input
                        type="password"
                        id="account-password"
                        class="form-control"
                        prop:value=move || password.get()
                        on:input=move |ev| password.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="button button-secondary">
                    {tr("Aggiungi l'account", "Add the account")}
                </button>
            </form>

            <RatingResultsSection />

            <h2>{tr("Posta in uscita", "Outbox")}</h2>
            <p>
                <a href="/redazione/posta">{tr("I messaggi inviati e in attesa", "The messages sent and waiting")}</a>
            </p>

            <h2>{tr("Registro delle azioni", "Audit log")}</h2>
            <p>
                <a href="/api/moderation/audit.csv" download="registro-redazione.csv">
                    {tr("Scarica il registro (CSV)", "Download the log (CSV)")}
                </a>
            </p>
            <ListTable
                lists
                pick=|l| &l.audit
                caption="Dalla più recente"
                class="audit-log"
                headers=&["Quando", "Chi", "Azione", "Pratica", "Prima", "Dopo", "Messaggio"]
                row=|e: &AuditEntry| {
                    view! {
                        <td>{e.at.replace('T', " ").trim_end_matches('Z').to_owned()}</td>
                        <td>{e.actor.clone()}</td>
                        <td>{e.action.label(Lang::It)}</td>
                        <td class="nowrap">{e.practice.as_ref().map(ToString::to_string).unwrap_or_default()}</td>
                        <td>{state_label(e.before.as_deref())}</td>
                        <td>{state_label(e.after.as_deref())}</td>
                        <td>{e.message.clone().unwrap_or_default()}</td>
                    }
                }
            />
        </div>
    }
}

/// The service ratings given after the receipt: how many, their mean, how
/// many of each number of stars, and the comments.
#[component]
fn RatingResultsSection() -> impl IntoView {
    let results = LocalResource::new(moderation::rating_results);
    view! {
        <h2>{tr("Valutazioni del servizio", "Service ratings")}</h2>
        <Transition fallback=|| {
            view! { <p role="status">"Caricamento…"</p> }
        }>
            {move || Suspend::new(async move {
                let results = match results.await {
                    Ok(results) => results,
                    Err(error) => return failure(&error),
                };
                let summary = match results.average() {
                    None => "Nessuna valutazione ancora.".to_owned(),
                    Some(average) => {
                        let count = results.count();
                        let noun = if count == 1 { "valutazione" } else { "valutazioni" };
                        format!("{count} {noun}, in media {} stelle su 5.", format!("{average:.1}").replace('.', ","))
                    }
                };
                let rows = (1..=5usize)
                    .rev()
                    .map(|stars| {
                        view! {
                            <tr>
                                <th scope="row">{stars.to_string()}</th>
                                <td>{results.by_stars[stars - 1].to_string()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let comments = results
                    .comments
                    .iter()
                    .map(|c| {
                        view! {
                            <tr>
                                <td class="nowrap">{c.day.clone()}</td>
                                <td>{c.stars.to_string()}</td>
                                <td>{c.comment.clone()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <p data-testid="rating-summary">{summary}</p>
                    <table class="data-table rating-table">
                        <caption>"Valutazioni per numero di stelle"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Stelle"</th>
                                <th scope="col">"Valutazioni"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <div class="table-scroll" role="region" aria-label="Commenti" tabindex="0">
                        <table class="data-table list-table">
                            <caption>"Commenti, dal più recente"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Giorno"</th>
                                    <th scope="col">"Stelle"</th>
                                    <th scope="col">"Commento"</th>
                                </tr>
                            </thead>
                            <tbody>{comments}</tbody>
                        </table>
                    </div>
                }
                    .into_any()
            })}
        </Transition>
    }
}

/// Shows what a change did, or why it failed; a session that ended is the
/// sign-in page's to say.
pub(crate) fn report(outcome: RwSignal<Outcome>, done: Result<String, ApiError>) {
    match done {
        Err(ApiError::SignedOut) => {}
        done => outcome.set(Some(done.map_err(|e| problem_text(&e)))),
    }
}

/// A submission's state by its label; other values (an account, a round) as they are.
fn state_label(code: Option<&str>) -> String {
    let code = code.unwrap_or_default();
    domain::vocabulary::ModerationStatus::from_code(code)
        .map_or_else(|| code.to_owned(), |s| s.label(Lang::It).to_owned())
}

/// One of the admin lists as a table: a row of cells per entry.
#[component]
fn ListTable<T, F, V>(
    /// The page's lists.
    lists: LocalResource<Lists>,
    /// This table's list among them.
    pick: fn(&Lists) -> &Result<Vec<T>, ApiError>,
    /// The table's caption, also the name of its scrolling box.
    caption: &'static str,
    /// The column headers.
    headers: &'static [&'static str],
    /// More classes for the table.
    #[prop(optional)]
    class: &'static str,
    /// The cells of an entry's row.
    row: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(&T) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=|| {
            view! { <p role="status">"Caricamento…"</p> }
        }>
            {move || Suspend::new(async move {
                let lists = lists.await;
                let entries = match pick(&lists) {
                    Ok(entries) => entries,
                    Err(error) => return failure(error),
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
