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
use crate::texts;
use domain::Lang;
use domain::api::{Account, AuditEntry, Role, Round};
use leptos::prelude::*;

mod forms;
mod ratings;

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

/// What went wrong, in one line (the forms show field errors themselves).
pub(crate) fn problem_text(error: &ApiError) -> String {
    match error {
        ApiError::Invalid(errors) => errors.iter().map(|(_, e)| e.message(Lang::It)).collect::<Vec<_>>().join(" "),
        other => error_text(other),
    }
}

/// How the accounts' table and the role list name a role.
pub(super) fn role_name(role: Role) -> &'static str {
    match role {
        Role::Admin => "Amministrazione",
        Role::Curator => "Redazione",
    }
}

/// What the page last did, or why it could not.
pub(crate) type Outcome = Option<Result<String, String>>;

/// `/redazione/amministrazione`.
#[component]
pub fn AdminPage() -> impl IntoView {
    use_document_title(texts::common::ADMINISTRATION);
    let version = RwSignal::new(0u32);
    let lists = lists(version);
    let outcome = RwSignal::new(None::<Result<String, String>>);
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
                <a href="/redazione">{tr(texts::common::EDITORS)}</a>
            </p>
            <h1>{tr(texts::common::ADMINISTRATION)}</h1>
            <OutcomeNotice outcome />

            <h2>{tr(texts::admin::COLLECTION_ROUNDS)}</h2>
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
            <forms::RoundForm outcome version />

            <h2>{tr(texts::admin::ACCOUNTS)}</h2>
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
            <forms::AccountForm outcome version />

            <ratings::RatingResultsSection />

            <h2>{tr(texts::common::OUTBOX)}</h2>
            <p>
                <a href="/redazione/posta">{tr(texts::admin::THE_MESSAGES_SENT_AND)}</a>
            </p>

            <h2>{tr(texts::admin::AUDIT_LOG)}</h2>
            <p>
                <a href="/api/moderation/audit.csv" download="registro-redazione.csv">
                    {tr(texts::admin::DOWNLOAD_THE_LOG_CSV)}
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
