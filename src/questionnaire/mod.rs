// SPDX-License-Identifier: EUPL-1.2
//! The questionnaire journey: the privacy notice, six steps, "Controlla le
//! risposte", submission and receipt; the same journey reopened with the
//! private link to update a practice, and by curators to correct one. The
//! page is in the URL (`?passo=3`), so the browser's back button returns to
//! the previous step as it was left.
//!
//! This module routes between the journey's pages; each page, and the parts
//! they share, has a module of its own.

mod confirmation;
mod draft_bar;
mod error_summary;
mod fields;
mod notice;
mod rating;
mod receipt;
mod receipt_copy;
mod review;
pub mod state;
mod status;
mod step;
mod stepper;
mod submission;
mod summary;
mod update;

pub use confirmation::MailedConfirmationPage;
pub use receipt::{ReceiptPage, StoredReceipt};
pub use status::StatusPage;
pub use submission::{UseSubmissionReturn, use_submission};
pub(crate) use update::Opening;
pub use update::UpdatePage;

use crate::api::DataSource;
use crate::components::{page_heading, use_document_title};
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::PracticeId;
use domain::questionnaire::QUESTIONNAIRE;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use state::{Draft, FormCtx, Mode, provide_form, use_form};

/// The review page's number, after the six steps.
const REVIEW: usize = 7;

/// `/questionario`: a new practice.
#[component]
pub fn QuestionnairePage() -> impl IntoView {
    if crate::api::data_source() == DataSource::Static {
        use_document_title(texts::common::QUESTIONNAIRE);
        return view! { <StaticQuestionnaire /> }.into_any();
    }
    let ctx = provide_form(Mode::New);
    submission::use_start_token(ctx);
    if let Some(origin) = start_from_origin(ctx) {
        provide_context(DraftInTheWay(origin));
    }
    receipt_after_sending(ctx);
    view! {
        <noscript>
            <div class="container page">
                <p class="notice">{tr(texts::questionnaire::THE_QUESTIONNAIRE_NEEDS_JAVASCRIPT)}</p>
            </div>
        </noscript>
        <Journey />
    }
    .into_any()
}

/// Back after sending returns to a step of the sent practice, whose draft
/// is gone: the receipt takes its place, rather than an empty form that could
/// be sent again.
fn receipt_after_sending(ctx: FormCtx) {
    let page = use_page();
    let navigate = use_navigate();
    Effect::new(move |_| {
        // The draft is read untracked: typing must not run this again.
        let emptied = page.get() > 1 && ctx.draft.with_untracked(state::Draft::is_blank);
        let has_receipt = || crate::storage::local().and_then(|s| s.get_item(receipt::RECEIPT_KEY).ok().flatten());
        if emptied && has_receipt().is_some() {
            // After this page's effects have run: leaving it within them
            // would dispose what they still read.
            let navigate = navigate.clone();
            let replace = leptos_router::NavigateOptions { replace: true, ..Default::default() };
            set_timeout(move || navigate("/questionario/ricevuta", replace), std::time::Duration::ZERO);
        }
    });
}

/// "Parti da questa pratica" (`?parti_da=BP-…`): a blank draft starts from the
/// published practice's design (`domain::community::reuse::prefill_from`) and records
/// where it came from. A draft with answers is never overwritten silently:
/// the practice is returned, for the opening page to ask (`ReplaceDraft`).
fn start_from_origin(ctx: FormCtx) -> Option<PracticeId> {
    if cfg!(feature = "ssr") {
        return None;
    }
    let query = use_query_map();
    let origin = query.with_untracked(|q| q.get("parti_da")).and_then(|id| PracticeId::parse(&id).ok())?;
    if !ctx.draft.with_untracked(|d| d.is_blank()) {
        return Some(origin);
    }
    prefill_from_origin(ctx, origin, false);
    None
}

/// Fills the draft from the published practice `origin`; unless `replace`,
/// only while the draft is still blank (the respondent's typed text comes
/// first).
fn prefill_from_origin(ctx: FormCtx, origin: PracticeId, replace: bool) {
    leptos::task::spawn_local(async move {
        let Ok(origin_answers) = crate::api::fetch_practice_answers(origin.as_str()).await else { return };
        if !replace && !ctx.draft.with_untracked(|d| d.is_blank()) {
            return;
        }
        ctx.update(|d| {
            if replace {
                // A new practice: fresh keys, so nothing of the old draft's
                // sending (an unacknowledged retry) applies to it.
                *d = Draft { started: d.started.take(), ..Draft::fresh() };
            }
            d.answers = domain::community::reuse::prefill_from(&origin_answers);
            d.derived_from = Some(origin);
        });
        ctx.generation.update(|g| *g += 1);
        ctx.save_now();
    });
}

/// The published practice a respondent asked to start from while a draft
/// was on the device: the opening page asks what to do (`ReplaceDraft`).
#[derive(Clone)]
struct DraftInTheWay(PracticeId);

/// "Parti da questa pratica" with a draft on the device: replace the draft
/// with the practice's design, or keep the draft (this device holds one
/// draft of a new practice). On the opening page, under its heading.
#[component]
pub(super) fn ReplaceDraft() -> impl IntoView {
    let Some(DraftInTheWay(origin)) = use_context::<DraftInTheWay>() else { return ().into_any() };
    let ctx = use_form();
    let asked = RwSignal::new(true);
    let origin = StoredValue::new(origin);
    let replace = move |_| {
        asked.set(false);
        prefill_from_origin(ctx, origin.get_value(), true);
    };
    // Back to the draft where it was left; the address forgets the practice.
    let keep = move |_| {
        asked.set(false);
        let current = ctx.draft.with_untracked(|d| d.current);
        let replace = leptos_router::NavigateOptions { replace: true, ..Default::default() };
        use_navigate()(&page_href(Mode::New, current), replace);
    };
    view! {
        <Show when=move || asked.get()>
            <div class="notice derived-notice" role="region" aria-labelledby="bozza-presente">
                <h2 id="bozza-presente">{tr(texts::questionnaire::YOU_ALREADY_HAVE_A_DRAFT)}</h2>
                <p>
                    {tr(texts::questionnaire::THIS_DEVICE_HOLDS_A_DRAFT)} {origin.get_value().to_string()}
                    {tr(texts::questionnaire::ITS_ANSWERS_REPLACE_THE_DRAFT)}
                </p>
                <button type="button" class="button button-primary" on:click=replace>
                    {tr(texts::questionnaire::REPLACE_THE_DRAFT)}
                </button>
                " "
                <button type="button" class="button button-secondary" on:click=keep>
                    {tr(texts::questionnaire::KEEP_THE_DRAFT)}
                </button>
            </div>
        </Show>
    }
    .into_any()
}

/// On a static copy of the site there is no server to receive answers: the
/// page sends respondents to the questionnaire on the main site.
#[component]
fn StaticQuestionnaire() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let main_site = crate::start::use_start_data().questionnaire_url.clone();
    #[cfg(not(feature = "ssr"))]
    let main_site = document()
        .query_selector("meta[name='bp-questionnaire-url']")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"));
    let main_site = main_site.filter(|url| url.starts_with("https://") || url.starts_with("http://"));
    view! {
        <div class="container page">
            <h1>{page_heading("/questionario")}</h1>
            <p>{tr(texts::questionnaire::THIS_IS_A_COPY)}</p>
            {main_site
                .map(|url| {
                    view! {
                        <a href=url class="button button-primary">
                            {tr(texts::questionnaire::GO_TO_THE_QUESTIONNAIRE)}
                        </a>
                    }
                })}
        </div>
    }
}

/// Reads the page from `?passo=`: 0 is the opening page, 1-6 the steps, 7 the review.
fn use_page() -> Memo<usize> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| match q.get("passo").as_deref() {
            Some("riepilogo") => REVIEW,
            Some(n) => n.parse::<usize>().ok().filter(|n| (1..=6).contains(n)).unwrap_or(0),
            None => 0,
        })
    })
}

/// The address of a page of the journey.
pub(crate) fn page_href(mode: Mode, page: usize) -> String {
    match page {
        0 => mode.path().to_owned(),
        REVIEW => format!("{}?passo=riepilogo", mode.path()),
        n => format!("{}?passo={n}", mode.path()),
    }
}

/// The whole journey for the form in context.
#[component]
pub(crate) fn Journey(
    /// The opening page, before step 1 (default: the privacy notice).
    #[prop(optional, into)]
    opening: Option<ViewFn>,
) -> impl IntoView {
    let ctx = use_form();
    let page = use_page();
    let navigate = use_navigate();
    // Resume where the respondent was: a draft opened on the notice goes back
    // to its step (unless the notice asks what to do with it: `ReplaceDraft`).
    let resume = ctx.draft.with_untracked(|d| (!d.is_blank() && d.current > 0).then_some(d.current));
    if page.get_untracked() == 0
        && use_context::<DraftInTheWay>().is_none()
        && let Some(current) = resume
    {
        navigate(&page_href(ctx.mode, current), leptos_router::NavigateOptions { replace: true, ..Default::default() });
    }
    // The opening page's and the review's titles (each step titles itself).
    let lang = use_lang();
    Effect::new(move |_| {
        let (page, lang) = (page.get(), lang.get());
        let journey = ctx.mode.title(lang);
        match page {
            0 => crate::components::set_document_title(journey, false, lang),
            REVIEW => {
                let review = texts::questionnaire::CHECK_YOUR_ANSWERS.get(lang);
                let failed = !ctx.errors.with_untracked(|e| e.is_empty());
                crate::components::set_document_title(&format!("{review} · {journey}"), failed, lang);
            }
            _ => {}
        }
    });
    Effect::new(move |_| {
        let page = page.get();
        if page > 0 && ctx.draft.with_untracked(|d| d.current != page || d.reached < page) {
            ctx.update(|d| {
                d.current = page;
                d.reached = d.reached.max(page);
            });
        }
    });
    view! {
        <div class="container page questionnaire">
            {move || match (page.get(), &opening) {
                (0, Some(opening)) => opening.run(),
                (0, None) => view! { <notice::PrivacyNotice /> }.into_any(),
                (REVIEW, _) => view! { <review::Review /> }.into_any(),
                (n, _) => view! { <step::StepPage index=n - 1 /> }.into_any(),
            }}
        </div>
    }
}

/// Shows errors found at submission on the first step that has one.
fn show_errors(ctx: FormCtx, errors: domain::FieldErrors, navigate: &impl Fn(&str, leptos_router::NavigateOptions)) {
    let first_step = errors.fields().filter_map(|key| QUESTIONNAIRE.step_of(key)).min().unwrap_or(0);
    ctx.errors.set(errors);
    navigate(&page_href(ctx.mode, first_step + 1), Default::default());
}
