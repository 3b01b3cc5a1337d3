// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/amministrazione/raccolte/{code}`, for admins: a collection
//! round's invitees. The admin adds a CSV list (ente, email); the server
//! invites each once the round is open and reminds once, near the deadline,
//! those who have not answered; the table shows what was sent and who
//! answered. Private: the server answers admins only.

use crate::api::{ApiError, moderation};
use crate::components::job::Job;
use crate::components::loading::loaded;
use crate::components::use_document_title;
use crate::i18n::{tr, tr_with, use_lang};
use crate::pages::admin::{AdminBreadcrumb, Outcome, OutcomeNotice, report};
use crate::pages::redazione::failure;
use crate::texts;
use domain::Lang;
use domain::community::invitations::{InviteeStatus, MAX_BYTES, MatchedBy, NewInvitees, RoundInvitations};
use domain::dates::long_date;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A day or time of the API as the page writes it ("3 marzo 2027").
fn day(at: &str, lang: Lang) -> String {
    long_date(at, lang)
}

/// Where in the file a problem is: "Riga 3, e-mail" (the header is row 1),
/// or the file itself.
fn row_label(key: &str, lang: Lang) -> String {
    match key.strip_prefix("rows.").and_then(|rest| rest.split_once('.')) {
        Some((row, column)) => {
            let column = match column {
                "entity" => texts::invitations::COLUMN_BODY,
                _ => texts::invitations::COLUMN_EMAIL,
            };
            texts::invitations::row_column(lang, row, column)
        }
        None => texts::invitations::FILE.get(lang).to_owned(),
    }
}

/// What the last upload found wrong: one line per problem.
type Problems = Vec<String>;

/// The text of the file the admin chose, or why it cannot be read (in `lang`).
async fn chosen_text(input: NodeRef<leptos::html::Input>, lang: Lang) -> Result<String, String> {
    let file = input.get_untracked().and_then(|input| input.files()).and_then(|files| files.get(0));
    let Some(file) = file else { return Err(texts::invitations::CHOOSE_THE_CSV_FILE.get(lang).into()) };
    if file.size() > MAX_BYTES as f64 {
        return Err(domain::FieldError::FileTooLarge { max_kib: MAX_BYTES / 1024 }.message(lang));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
    text.ok_or_else(|| domain::FieldError::NotCsv.message(lang))
}

/// Shows what the upload found wrong and moves the focus to the summary.
fn show_problems(shown: RwSignal<Problems>, found: Problems) {
    shown.set(found);
    crate::components::after_paint(|| crate::components::form::focus_first("#invitati-errors"));
}

/// The GOV.UK error summary over the upload form, as the questionnaire's:
/// each problem a link that moves the focus to the file control.
#[component]
fn ProblemSummary(problems: RwSignal<Problems>, file: NodeRef<leptos::html::Input>) -> impl IntoView {
    move || {
        let problems = problems.get();
        (!problems.is_empty()).then(|| {
            let items = problems.into_iter().map(|problem| {
                // A link to `#id` would resolve against `<base>`.
                let to_file = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    if let Some(input) = file.get_untracked() {
                        let _ = input.focus();
                    }
                };
                view! {
                    <li>
                        <a href="#invitati-file" on:click=to_file>
                            {problem}
                        </a>
                    </li>
                }
            });
            view! {
                <div class="error-summary" id="invitati-errors" role="alert" tabindex="-1">
                    <h2>{tr(texts::common::THERE_IS_A_PROBLEM)}</h2>
                    <p>{tr(texts::invitations::LIST_NOT_ADDED)}</p>
                    <ul>{items.collect_view()}</ul>
                </div>
            }
        })
    }
}

/// `/redazione/amministrazione/raccolte/{code}`.
#[component]
pub fn InvitationsPage() -> impl IntoView {
    use_document_title(texts::invitations::ROUND_INVITEES);
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|p| p.get("code").unwrap_or_default()));
    let version = RwSignal::new(0u32);
    let invitations = LocalResource::new(move || {
        version.track();
        let code = code.get();
        async move { moderation::invitees(&code).await }
    });
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let lang = use_lang();
    let remove = Job::new(move |invitee: InviteeStatus| {
        let (id, email) = (invitee.id, invitee.email);
        async move {
            let done = moderation::remove_invitee(&code.get_untracked(), id)
                .await
                .map(|()| texts::invitations::removed_from_list(lang.get_untracked(), &email));
            report(outcome, lang.get_untracked(), done);
            version.update(|v| *v += 1);
        }
    });
    view! {
        <div class="container page">
            <AdminBreadcrumb />
            {loaded(
                invitations,
                move |found| match found {
                    Ok(invitations) => view! { <Summary invitations /> }.into_any(),
                    Err(error) => {
                        view! {
                            <h1>{tr(texts::invitations::ROUND_INVITEES)}</h1>
                            {failure(&error)}
                        }
                            .into_any()
                    }
                },
            )}
            <OutcomeNotice outcome />

            <UploadForm code outcome version />

            <h2>{tr(texts::invitations::LIST)}</h2>
            {loaded(
                invitations,
                move |found| match found {
                    Ok(invitations) => view! { <InviteeTable invitations remove /> }.into_any(),
                    Err(error) => failure(&error),
                },
            )}
        </div>
    }
}

/// "Aggiungi invitati": the CSV file's control, what its upload found wrong
/// over it, and the button that sends it.
#[component]
fn UploadForm(
    /// The round's code.
    code: Memo<String>,
    /// What the last change did, or why it failed.
    outcome: RwSignal<Outcome>,
    /// Bumped after each change, to fetch the list again.
    version: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let problems = RwSignal::new(Problems::new());
    let file = NodeRef::<leptos::html::Input>::new();
    let invalid = move || !problems.with(Vec::is_empty);
    let upload = Job::new(move |(): ()| async move {
        problems.set(Vec::new());
        outcome.set(None);
        let lang = lang.get_untracked();
        let csv = match chosen_text(file, lang).await {
            Ok(csv) => csv,
            Err(problem) => return show_problems(problems, vec![problem]),
        };
        match moderation::add_invitees(&code.get_untracked(), &NewInvitees { csv }).await {
            Ok(done) => {
                if let Some(input) = file.get_untracked() {
                    input.set_value("");
                }
                outcome.set(Some(Ok(texts::invitations::list_uploaded(lang, done.added, done.updated))));
                version.update(|v| *v += 1);
            }
            Err(ApiError::Invalid(errors)) => show_problems(
                problems,
                errors.iter().map(|(key, e)| format!("{}: {}", row_label(key, lang), e.message(lang))).collect(),
            ),
            Err(error) => report(outcome, lang, Err(error)),
        }
    });
    view! {
        <h2>{tr(texts::invitations::ADD_INVITEES)}</h2>
        <ProblemSummary problems file />
        <form on:submit=move |ev| {
            ev.prevent_default();
            upload.dispatch(());
        }>
            <div class="form-group" class:has-error=invalid>
                <label for="invitati-file">{tr(texts::invitations::INVITEES_CSV_FILE)}</label>
                <p class="form-hint" id="invitati-file-hint">
                    {tr(texts::invitations::CSV_FILE_HINT)}
                </p>
                {move || {
                    let count = problems.with(Vec::len);
                    (count > 0)
                        .then(|| {
                            view! {
                                <p class="field-error" id="invitati-file-error">
                                    {tr_with(move |lang| texts::invitations::problems_in_file(lang, count))}
                                </p>
                            }
                        })
                }}
                <input
                    type="file"
                    id="invitati-file"
                    class="form-control"
                    accept=".csv,text/csv,text/plain"
                    aria-invalid=move || invalid().to_string()
                    aria-describedby=move || {
                        if invalid() { "invitati-file-hint invitati-file-error" } else { "invitati-file-hint" }
                    }
                    node_ref=file
                    on:change=move |_| problems.set(Problems::new())
                />
            </div>
            <button type="submit" class="button button-secondary" disabled=upload.pending()>
                {tr(texts::invitations::UPLOAD_THE_LIST)}
            </button>
        </form>
    }
}

/// The round's heading, dates and figures, and how invitations go.
#[component]
fn Summary(invitations: RoundInvitations) -> impl IntoView {
    let lang = use_lang();
    let round = invitations.round.clone();
    let (opens, closes, reminders) =
        (round.opens_on.to_string(), round.closes_on.to_string(), invitations.reminders_on.to_string());
    let (invitees, invited, answered) = (invitations.invitees.len(), invitations.invited(), invitations.answered());
    view! {
        <h1>{tr_with(move |lang| texts::invitations::round_invitees(lang, &round.name))}</h1>
        <p>
            {move || {
                let lang = lang.get();
                texts::invitations::round_days(lang, &day(&opens, lang), &day(&closes, lang), &day(&reminders, lang))
            }}
        </p>
        <p data-testid="invitations-figures">
            <strong>
                {tr_with(move |lang| texts::invitations::invitation_figures(lang, invitees, invited, answered))}
            </strong>
        </p>
        <p>{tr(texts::invitations::HOW_INVITATIONS_GO)}</p>
    }
}

/// The invitees, what was sent to each and whether they answered.
#[component]
fn InviteeTable(invitations: RoundInvitations, remove: Job<InviteeStatus>) -> impl IntoView {
    let lang = use_lang();
    let text = move |text: texts::Text| move || text.get(lang.get());
    if invitations.invitees.is_empty() {
        return view! { <p>{tr(texts::invitations::NO_INVITEES_YET)}</p> }.into_any();
    }
    let rows = invitations
        .invitees
        .into_iter()
        .map(|invitee| {
            let sent = move |at: Option<String>| {
                tr_with(move |lang| at.as_deref().map_or_else(|| "—".to_owned(), |at| day(at, lang)))
            };
            let answer = match &invitee.answer {
                None => view! { <span>{text(texts::invitations::NOT_YET)}</span> }.into_any(),
                Some(answer) => {
                    let how = match answer.matched_by {
                        MatchedBy::Email => texts::invitations::BY_ADDRESS,
                        MatchedBy::Entity => texts::invitations::BY_BODY,
                    };
                    let submitted_at = answer.submitted_at.clone();
                    view! {
                        <a class="nowrap" href=format!("/redazione/pratiche/{}", answer.practice)>
                            {answer.practice.to_string()}
                        </a>
                        {tr_with(move |lang| format!(", {} ({})", day(&submitted_at, lang), how.get(lang)))}
                    }
                    .into_any()
                }
            };
            let label = {
                let email = invitee.email.clone();
                tr_with(move |lang| texts::invitations::remove_from_list(lang, &email))
            };
            view! {
                <tr>
                    <td>{invitee.entity.clone()}</td>
                    <td>{invitee.email.clone()}</td>
                    <td class="nowrap">{sent(invitee.invited_at.clone())}</td>
                    <td class="nowrap">{sent(invitee.reminded_at.clone())}</td>
                    <td>{answer}</td>
                    <td>
                        <button
                            type="button"
                            class="button button-link"
                            aria-label=label
                            on:click=move |_| {
                                remove.dispatch(invitee.clone());
                            }
                        >
                            {text(texts::invitations::REMOVE)}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-label=text(texts::invitations::INVITEES_AND_ANSWERS) tabindex="0">
            <table class="data-table list-table invitees-table">
                <caption>{text(texts::invitations::INVITEES_AND_ANSWERS)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text(texts::common::BODY)}</th>
                        <th scope="col">{text(texts::common::E_MAIL)}</th>
                        <th scope="col">{text(texts::invitations::INVITATION)}</th>
                        <th scope="col">{text(texts::invitations::REMINDER)}</th>
                        <th scope="col">{text(texts::invitations::ANSWER)}</th>
                        <th scope="col">{text(texts::admin::ACTIONS)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
