// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/amministrazione/raccolte/{code}`, for admins: a collection
//! round's invitees. The admin adds a CSV list (ente, email); the server
//! invites each once the round is open and reminds once, near the deadline,
//! those who have not answered; the table shows what was sent and who
//! answered. Private: the server answers admins only.

use crate::api::{ApiError, moderation};
use crate::components::use_document_title;
use crate::i18n::tr;
use crate::pages::admin::{OutcomeNotice, report};
use crate::pages::redazione::failure;
use crate::texts;
use domain::Lang;
use domain::dates::long_date;
use domain::invitations::{InviteeStatus, MAX_BYTES, MatchedBy, NewInvitees, RoundInvitations};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A day or time of the API as the page writes it ("3 marzo 2027").
fn day(at: &str) -> String {
    long_date(at, Lang::It)
}

/// Where in the file a problem is: "Riga 3, e-mail" (the header is row 1),
/// or the file itself.
fn row_label(key: &str) -> String {
    match key.strip_prefix("rows.").and_then(|rest| rest.split_once('.')) {
        Some((row, column)) => format!("Riga {row}, {}", if column == "entity" { "ente" } else { "e-mail" }),
        None => "File".to_owned(),
    }
}

/// What the last upload found wrong: one line per problem.
type Problems = Vec<String>;

/// The text of the file the admin chose, or why it cannot be read.
async fn chosen_text(input: NodeRef<leptos::html::Input>) -> Result<String, String> {
    let file = input.get_untracked().and_then(|input| input.files()).and_then(|files| files.get(0));
    let Some(file) = file else { return Err("Scegli il file CSV con l'elenco degli invitati.".into()) };
    if file.size() > MAX_BYTES as f64 {
        return Err(domain::FieldError::FileTooLarge { max_kib: MAX_BYTES / 1024 }.message(Lang::It));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
    text.ok_or_else(|| domain::FieldError::NotCsv.message(Lang::It))
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
                    <p>{tr(texts::invitations::THE_LIST_WAS_NOT)}</p>
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
    let problems = RwSignal::new(Problems::new());
    let file = NodeRef::<leptos::html::Input>::new();
    let invalid = move || !problems.with(Vec::is_empty);
    let upload = Action::new_local(move |(): &()| async move {
        problems.set(Vec::new());
        outcome.set(None);
        let csv = match chosen_text(file).await {
            Ok(csv) => csv,
            Err(problem) => return show_problems(problems, vec![problem]),
        };
        match moderation::add_invitees(&code.get_untracked(), &NewInvitees { csv }).await {
            Ok(done) => {
                if let Some(input) = file.get_untracked() {
                    input.set_value("");
                }
                let count = |n: usize, one, many| domain::numbers::count(n as u64, one, many, Lang::It);
                outcome.set(Some(Ok(format!(
                    "Elenco caricato: {}, {} (aggiornato il nome dell'ente).",
                    count(done.added, "invitato nuovo", "invitati nuovi"),
                    count(done.updated, "indirizzo già presente", "indirizzi già presenti"),
                ))));
                version.update(|v| *v += 1);
            }
            Err(ApiError::Invalid(errors)) => show_problems(
                problems,
                errors.iter().map(|(key, e)| format!("{}: {}", row_label(key), e.message(Lang::It))).collect(),
            ),
            Err(error) => report(outcome, Err(error)),
        }
    });
    let remove = Action::new_local(move |invitee: &InviteeStatus| {
        let (id, email) = (invitee.id, invitee.email.clone());
        async move {
            let done = moderation::remove_invitee(&code.get_untracked(), id)
                .await
                .map(|()| format!("{email} è stato tolto dall'elenco."));
            report(outcome, done);
            version.update(|v| *v += 1);
        }
    });
    view! {
        <div class="container page">
            <p class="breadcrumb">
                <a href="/redazione">{tr(texts::common::EDITORS)}</a>
                " › "
                <a href="/redazione/amministrazione">{tr(texts::common::ADMINISTRATION)}</a>
            </p>
            <Transition fallback=|| {
                view! { <p role="status">"Caricamento…"</p> }
            }>
                {move || Suspend::new(async move {
                    match invitations.await {
                        Ok(invitations) => view! { <Summary invitations /> }.into_any(),
                        Err(error) => {
                            view! {
                                <h1>{tr(texts::invitations::ROUND_INVITEES)}</h1>
                                {failure(&error)}
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
            <OutcomeNotice outcome />

            <h2>{tr(texts::invitations::ADD_INVITEES)}</h2>
            <ProblemSummary problems file />
            <form on:submit=move |ev| {
                ev.prevent_default();
                upload.dispatch(());
            }>
                <div class="form-group" class:has-error=invalid>
                    <label for="invitati-file">{tr(texts::invitations::CSV_FILE_OF_THE)}</label>
                    <p class="form-hint" id="invitati-file-hint">
                        {tr(texts::invitations::THE_FIRST_ROW_NAMES)}
                    </p>
                    {move || {
                        let count = problems.with(Vec::len);
                        (count > 0)
                            .then(|| {
                                view! {
                                    <p class="field-error" id="invitati-file-error">
                                        {domain::numbers::count(
                                            count as u64,
                                            "problema da correggere nel file, elencato sopra",
                                            "problemi da correggere nel file, elencati sopra",
                                            Lang::It,
                                        )}
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
                <button type="submit" class="button button-secondary" disabled=move || upload.pending().get()>
                    {tr(texts::invitations::UPLOAD_THE_LIST)}
                </button>
            </form>

            <h2>{tr(texts::invitations::LIST)}</h2>
            <Transition fallback=|| {
                view! { <p role="status">"Caricamento…"</p> }
            }>
                {move || Suspend::new(async move {
                    match invitations.await {
                        Ok(invitations) => view! { <InviteeTable invitations remove /> }.into_any(),
                        Err(error) => failure(&error),
                    }
                })}
            </Transition>
        </div>
    }
}

/// The round's heading, dates and figures, and how invitations go.
#[component]
fn Summary(invitations: RoundInvitations) -> impl IntoView {
    let round = &invitations.round;
    let count = |n: usize, one, many| domain::numbers::count(n as u64, one, many, Lang::It);
    let figures = format!(
        "{}, {}, {}.",
        count(invitations.invitees.len(), "invitato", "invitati"),
        count(invitations.invited(), "già raggiunto dall'invito", "già raggiunti dall'invito"),
        count(invitations.answered(), "ha risposto", "hanno risposto"),
    );
    view! {
        <h1>{format!("Invitati della raccolta «{}»", round.name)}</h1>
        <p>
            {format!(
                "Aperta dal {} al {}. Promemoria dal {}.",
                day(&round.opens_on.to_string()),
                day(&round.closes_on.to_string()),
                day(&invitations.reminders_on.to_string()),
            )}
        </p>
        <p data-testid="invitations-figures">
            <strong>{figures}</strong>
        </p>
        <p>{tr(texts::invitations::WHILE_THE_ROUND_IS)}</p>
    }
}

/// The invitees, what was sent to each and whether they answered.
#[component]
fn InviteeTable(invitations: RoundInvitations, remove: Action<InviteeStatus, ()>) -> impl IntoView {
    if invitations.invitees.is_empty() {
        return view! { <p>{tr(texts::invitations::NO_INVITEES_YET)}</p> }.into_any();
    }
    let rows = invitations
        .invitees
        .into_iter()
        .map(|invitee| {
            let sent = |at: &Option<String>| at.as_deref().map_or_else(|| "—".to_owned(), day);
            let answer = match &invitee.answer {
                None => view! { <span>"Non ancora"</span> }.into_any(),
                Some(answer) => {
                    let how = match answer.matched_by {
                        MatchedBy::Email => "per indirizzo",
                        MatchedBy::Entity => "per ente",
                    };
                    view! {
                        <a class="nowrap" href=format!("/redazione/pratiche/{}", answer.practice)>
                            {answer.practice.to_string()}
                        </a>
                        {format!(", {} ({how})", day(&answer.submitted_at))}
                    }
                    .into_any()
                }
            };
            let label = format!("Togli {} dall'elenco", invitee.email);
            view! {
                <tr>
                    <td>{invitee.entity.clone()}</td>
                    <td>{invitee.email.clone()}</td>
                    <td class="nowrap">{sent(&invitee.invited_at)}</td>
                    <td class="nowrap">{sent(&invitee.reminded_at)}</td>
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
                            "Togli"
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-label="Invitati e risposte" tabindex="0">
            <table class="data-table list-table invitees-table">
                <caption>"Invitati e risposte"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Ente"</th>
                        <th scope="col">"E-mail"</th>
                        <th scope="col">"Invito"</th>
                        <th scope="col">"Promemoria"</th>
                        <th scope="col">"Risposta"</th>
                        <th scope="col">"Azioni"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
