// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/amministrazione`, for admins: collection rounds, curator
//! accounts and the audit log of every action. The server checks the role;
//! a curator who opens the page sees its refusal. What an admin types in
//! the forms (passwords apart) is kept on this tab as it is typed, so
//! signing in again in the middle loses nothing.

use crate::api::ApiError;
use crate::components::use_document_title;
use crate::i18n::{tr, tr_with};
use crate::pages::redazione::error_text;
use crate::texts::{self, Text};
use domain::Lang;
use domain::{curation::api::Role, questionnaire::rounds::Round};
use leptos::prelude::*;
use table::{ListTable, Lists, lists};

mod accounts;
mod audit;
mod forms;
mod ratings;
mod table;

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

/// "Redazione › Amministrazione": where the administrators' other pages sit.
#[component]
pub(crate) fn AdminBreadcrumb() -> impl IntoView {
    view! {
        <p class="breadcrumb">
            <a href="/redazione">{tr(texts::common::EDITORS)}</a>
            " › "
            <a href="/redazione/amministrazione">{tr(texts::common::ADMINISTRATION)}</a>
        </p>
    }
}

/// What went wrong, in one line (the forms show field errors themselves).
pub(crate) fn problem_text(error: &ApiError, lang: Lang) -> String {
    match error {
        ApiError::Invalid(errors) => errors.iter().map(|(_, e)| e.message(lang)).collect::<Vec<_>>().join(" "),
        other => error_text(other),
    }
}

/// How the accounts' table and the role list name a role.
pub(super) fn role_name(role: Role) -> Text {
    match role {
        Role::Admin => texts::admin::ROLE_ADMIN,
        Role::Curator => texts::admin::ROLE_CURATOR,
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
    view! {
        <div class="container page">
            <p class="breadcrumb">
                <a href="/redazione">{tr(texts::common::EDITORS)}</a>
            </p>
            <h1>{tr(texts::common::ADMINISTRATION)}</h1>
            <OutcomeNotice outcome />

            <RoundsSection lists outcome version />
            <p>
                <a href="/redazione/amministrazione/importa">{tr(texts::import::IMPORT_RESPONSES)}</a>
            </p>
            <p>
                <a href="/redazione/amministrazione/fonti">{tr(texts::harvest::OTHER_COLLECTIONS)}</a>
            </p>

            <accounts::AccountsSection lists outcome version />

            <ratings::RatingResultsSection />

            <h2>{tr(texts::common::OUTBOX)}</h2>
            <p>
                <a href="/redazione/posta">{tr(texts::admin::MESSAGES_SENT_AND_WAITING)}</a>
            </p>

            <audit::AuditSection lists />
        </div>
    }
}

/// The collection rounds' heading, table and form.
#[component]
fn RoundsSection(
    /// The page's lists.
    lists: LocalResource<Lists>,
    /// What the last change did, or why it failed.
    outcome: RwSignal<Outcome>,
    /// Bumped after each change, to fetch the lists again.
    version: RwSignal<u32>,
) -> impl IntoView {
    view! {
        <h2>{tr(texts::admin::COLLECTION_ROUNDS)}</h2>
        <ListTable
            lists
            pick=|l| &l.rounds
            caption=texts::admin::ROUNDS_SET_UP
            headers=&[
                texts::admin::CODE,
                texts::admin::NAME,
                texts::admin::OPENS_ON,
                texts::admin::CLOSES_ON,
                texts::admin::INVITATIONS,
            ]
            row=move |r: &Round| {
                let name = r.name.clone();
                view! {
                    <td>{r.code.clone()}</td>
                    <td>{r.name.clone()}</td>
                    <td>{r.opens_on.to_string()}</td>
                    <td>{r.closes_on.to_string()}</td>
                    <td>
                        <a
                            href=domain::community::invitations::invitations_page(&r.code)
                            aria-label=tr_with(move |lang| texts::admin::invitees_of(lang, &name))
                        >
                            {tr(texts::admin::INVITEES)}
                        </a>
                    </td>
                }
            }
        />
        <forms::RoundForm outcome version />
    }
}

/// Shows what a change did, or why it failed (in `lang`); a session that
/// ended is the sign-in page's to say.
pub(crate) fn report(outcome: RwSignal<Outcome>, lang: Lang, done: Result<String, ApiError>) {
    match done {
        Err(ApiError::SignedOut) => {}
        done => outcome.set(Some(done.map_err(|e| problem_text(&e, lang)))),
    }
}
