// SPDX-License-Identifier: EUPL-1.2
//! `/redazione/amministrazione/importa`, for admins: a spreadsheet of
//! responses another form collected (Google Forms, LimeSurvey, EUSurvey,
//! Excel) brought into the curation queue. The admin uploads the file,
//! checks the columns' questions and the values' options the server
//! proposed, tries the import (every row through the questionnaire's own
//! rules), imports the ready rows, and may undo the batch while nobody has
//! curated it. The server reads, checks and stores; this page only shows
//! and sends the mapping (`domain::questionnaire::import`).

use crate::api::moderation;
use crate::components::job::Job;
use crate::components::use_document_title;
use crate::i18n::{tr, use_lang};
use crate::pages::admin::{AdminBreadcrumb, Outcome, OutcomeNotice, report};
use crate::storage::{keep_session_text, session_text};
use crate::texts;
use domain::questionnaire::import::api::{Checked, Imported, Upload, WithMapping};
use domain::questionnaire::import::{MAX_BYTES, Mapping};
use leptos::prelude::*;

mod columns;
mod trial;
mod values;

/// Where the import stands: the file read, the mapping as the admin has
/// it, the last trial and whether the mapping changed since, the import.
#[derive(Clone, Copy)]
struct Import {
    upload: RwSignal<Option<Upload>>,
    mapping: RwSignal<Mapping>,
    checked: RwSignal<Option<Checked>>,
    changed: RwSignal<bool>,
    imported: RwSignal<Option<Imported>>,
    outcome: RwSignal<Outcome>,
    /// Keep the rows with problems as drafts for the editors.
    drafts: RwSignal<bool>,
}

impl Import {
    /// Changes the mapping; the last trial no longer holds.
    fn edit(self, change: impl FnOnce(&mut Mapping)) {
        self.mapping.update(change);
        self.changed.set(true);
    }

    /// The mapping to send.
    fn with_mapping(self) -> WithMapping {
        WithMapping { mapping: self.mapping.get_untracked(), drafts: self.drafts.get_untracked() }
    }

    /// Keeps the file read and the mapping on this tab as they change, so
    /// that signing in again (or reloading) in the middle loses nothing;
    /// forgotten once imported (the server keeps no file after that).
    fn keep(self) {
        Effect::new(move |_| {
            let pending = self.imported.with(Option::is_none);
            let kept = self.upload.with(|upload| {
                let upload = upload.as_ref().filter(|_| pending)?;
                self.mapping.with(|mapping| serde_json::to_string(&(upload, mapping)).ok())
            });
            keep_session_text(KEPT, &kept.unwrap_or_default());
        });
    }

    /// What [`keep`](Self::keep) kept on this tab, if anything.
    fn kept() -> Option<(Upload, Mapping)> {
        crate::api::decode(&session_text(KEPT)?).ok()
    }
}

/// The `<option>`s of one of the page's selects: a `(value, label)` each,
/// the one whose value is `chosen` selected.
fn option_list(options: impl Iterator<Item = (&'static str, &'static str)>, chosen: Memo<String>) -> impl IntoView {
    let option = move |(value, label): (&'static str, &'static str)| {
        view! {
            <option value=value selected=move || chosen.with(|c| c == value)>
                {label}
            </option>
        }
    };
    options.map(option).collect_view()
}

/// Where the import in progress is kept (session storage, this tab only).
const KEPT: &str = "bp-import";

/// `/redazione/amministrazione/importa`.
#[component]
pub fn ImportPage() -> impl IntoView {
    use_document_title(texts::import::IMPORT_RESPONSES);
    let lang = use_lang();
    let state = Import {
        upload: RwSignal::new(None),
        mapping: RwSignal::new(Mapping::default()),
        checked: RwSignal::new(None),
        changed: RwSignal::new(false),
        imported: RwSignal::new(None),
        outcome: RwSignal::new(None),
        drafts: RwSignal::new(false),
    };
    let kept = Import::kept();
    let check = Job::new(move |()| async move {
        let Some(upload) = state.upload.get_untracked() else { return };
        let sent = state.with_mapping();
        match moderation::check_import(upload.id, &sent).await {
            Ok(checked) => {
                // What the admin changed while the trial ran still counts.
                state.changed.set(state.mapping.get_untracked() != sent.mapping);
                state.checked.set(Some(checked));
            }
            Err(error) => {
                // An upload not imported is purged after a day: start again.
                if error.is_not_found() {
                    state.upload.set(None);
                    let gone = texts::import::UPLOAD_GONE.get(lang.get_untracked()).to_owned();
                    state.outcome.set(Some(Err(gone)));
                    return;
                }
                report(state.outcome, lang.get_untracked(), Err(error));
            }
        }
    });
    let upload = Job::new(move |file: web_sys::File| async move {
        state.outcome.set(None);
        match moderation::upload_sheet(file).await {
            Ok(read) => {
                let lang = lang.get_untracked();
                let said = texts::import::read(lang, &read.file_name, read.rows, read.headers.len());
                state.mapping.set(read.mapping.clone());
                state.checked.set(None);
                state.imported.set(None);
                state.upload.set(Some(read));
                report(state.outcome, lang, Ok(said));
                check.dispatch(());
            }
            Err(error) => report(state.outcome, lang.get_untracked(), Err(error)),
        }
    });
    if let Some((upload, mapping)) = kept {
        state.mapping.set(mapping);
        state.upload.set(Some(upload));
        check.dispatch(());
    }
    state.keep();
    view! {
        <div class="container page">
            <AdminBreadcrumb />
            <h1>{tr(texts::import::IMPORT_RESPONSES)}</h1>
            <p class="lead">{tr(texts::import::LEAD)}</p>
            <UploadForm upload />
            <OutcomeNotice outcome=state.outcome />
            {move || state.upload.get().map(|upload| view! { <columns::Columns state upload check /> })}
            {move || {
                let values = state.checked.with(|checked| checked.as_ref().map(|checked| checked.values.clone()));
                values.map(|values| view! { <values::Values state values /> })
            }}
            {move || state.checked.get().map(|checked| view! { <trial::Trial state checked /> })}
        </div>
    }
}

/// The file control and its button; a file is sent as it is, once it is
/// chosen and within the size the server takes.
#[component]
fn UploadForm(upload: Job<web_sys::File>) -> impl IntoView {
    let lang = use_lang();
    let input = NodeRef::<leptos::html::Input>::new();
    let problem = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let file = input.get_untracked().and_then(|input| input.files()).and_then(|files| files.get(0));
        let found = match &file {
            None => Some(texts::import::CHOOSE_THE_FILE.get(lang).to_owned()),
            Some(file) if file.size() > MAX_BYTES as f64 => {
                Some(domain::FieldError::FileTooLarge { max_kib: MAX_BYTES / 1024 }.message(lang))
            }
            Some(_) => None,
        };
        problem.set(found.clone());
        match (file, found) {
            (Some(file), None) => upload.dispatch(file),
            _ => {
                if let Some(input) = input.get_untracked() {
                    let _ = input.focus();
                }
            }
        }
    };
    view! {
        <form novalidate on:submit=submit class="form-group">
            <label for="importa-file">{tr(texts::import::FILE)}</label>
            {move || {
                problem
                    .get()
                    .map(|problem| {
                        view! {
                            <p class="field-error" id="importa-file-error">
                                {problem}
                            </p>
                        }
                    })
            }}
            <input
                type="file"
                id="importa-file"
                class="form-control"
                accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-invalid=move || problem.with(Option::is_some).to_string()
                aria-describedby=move || problem.with(Option::is_some).then_some("importa-file-error")
                node_ref=input
            />
            <button type="submit" class="button button-secondary" disabled=move || upload.pending().get()>
                {tr(texts::import::UPLOAD)}
            </button>
        </form>
    }
}
