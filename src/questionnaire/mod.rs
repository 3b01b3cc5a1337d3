//! The questionnaire journey: the privacy notice, six steps, "Controlla le
//! risposte", submission and receipt; and the same journey reopened with the
//! private link to update a practice. The step is in the URL (`?passo=3`),
//! so the browser's back button returns to the previous step as it was left.

mod comune_picker;
mod fields;
pub mod state;

use crate::api::{self, SubmitError};
use crate::components::{CopyButton, use_document_title};
use crate::i18n::{tr, use_lang};
use crate::storage;
use domain::Lang;
use domain::questionnaire::{Field, Kind, QUESTIONNAIRE, Step};
use fields::{FieldView, input_id};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use state::{FormCtx, Mode, provide_form, use_form};

/// The key under which the last receipt is kept on this device.
const RECEIPT_KEY: &str = "bp-last-receipt";

/// The review page's number, after the six steps.
const REVIEW: usize = 7;

/// What the receipt page shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredReceipt {
    pub id: String,
    pub token: String,
    pub version: Option<u32>,
    pub answers: Map<String, Value>,
}

/// `/questionario`: a new practice.
#[component]
pub fn QuestionnairePage() -> impl IntoView {
    if api::DataSource::of_document() == api::DataSource::Static {
        use_document_title("Questionario", "Questionnaire");
        return view! { <StaticQuestionnaire /> }.into_any();
    }
    provide_form(Mode::New);
    view! { <Journey /> }.into_any()
}

/// On a static copy of the site there is no server to receive answers: the
/// page sends respondents to the questionnaire on the main site.
#[component]
fn StaticQuestionnaire() -> impl IntoView {
    let main_site = document()
        .query_selector("meta[name='bp-questionnaire-url']")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"));
    view! {
        <div class="container page">
            <h1>{tr("Descrivi una buona pratica", "Describe a good practice")}</h1>
            <p>
                {tr(
                    "Questa è una copia del catalogo: il questionario si compila sul sito principale della raccolta.",
                    "This is a copy of the catalogue: the questionnaire is filled in on the collection's main site.",
                )}
            </p>
            {main_site
                .map(|url| {
                    view! {
                        <a href=url class="button button-primary">
                            {tr("Vai al questionario", "Go to the questionnaire")}
                        </a>
                    }
                })}
        </div>
    }
}

/// Reads the page from `?passo=`: 0 is the privacy notice, 1-6 the steps, 7 the review.
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

fn page_href(mode: Mode, page: usize) -> String {
    match page {
        0 => mode.path().to_owned(),
        REVIEW => format!("{}?passo=riepilogo", mode.path()),
        n => format!("{}?passo={n}", mode.path()),
    }
}

/// The whole journey for the form in context.
#[component]
fn Journey() -> impl IntoView {
    let ctx = use_form();
    let page = use_page();
    let navigate = use_navigate();
    // Resume where the respondent was: a draft opened on the notice goes back to its step.
    let resume = ctx.draft.with_untracked(|d| (!d.is_blank() && d.current > 0).then_some(d.current));
    if page.get_untracked() == 0
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
                let review = if lang == Lang::It { "Controlla le risposte" } else { "Check your answers" };
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
            {move || match page.get() {
                0 if ctx.mode == Mode::Correction => view! { <CorrectionNotice /> }.into_any(),
                0 => view! { <PrivacyNotice /> }.into_any(),
                REVIEW => view! { <Review /> }.into_any(),
                n => view! { <StepPage index=n - 1 /> }.into_any(),
            }}
        </div>
    }
}

/// The privacy notice (informativa, GDPR art. 13), shown before step 1.
#[component]
fn PrivacyNotice() -> impl IntoView {
    let ctx = use_form();
    let title = tr("Descrivi una buona pratica", "Describe a good practice");
    view! {
        <h1>{title}</h1>
        <crate::components::round::CurrentRound />
        <div class="notice">
            <h2>{tr("Informativa sul trattamento dei dati personali", "Privacy notice")}</h2>
            <p>
                {tr(
                    "Il Ministero del Lavoro e delle Politiche Sociali tratta i dati che inserisci per un compito di interesse pubblico: raccogliere, verificare e pubblicare le buone pratiche dei servizi sociali. Sono pubblicati solo i contenuti che descrivono la pratica e l'eventuale contatto istituzionale dell'ufficio; nome, e-mail e telefono del referente servono solo alla redazione e non sono mai pubblicati.",
                    "The Ministry of Labour and Social Policies processes the data you enter for a task in the public interest: collecting, checking and publishing good practices of social services. Only the content describing the practice and the office's institutional contact are published; the contact person's name, e-mail and phone are used by the editors only and never published.",
                )}
            </p>
            <p>
                {tr(
                    "Le risposte restano salvate come bozza su questo dispositivo finché non invii la pratica: puoi interrompere e riprendere quando vuoi. Su un computer condiviso puoi disattivare il salvataggio.",
                    "Your answers are kept as a draft on this device until you submit: you can stop and resume whenever you like. On a shared computer you can turn saving off.",
                )}
            </p>
            <p>
                <A href="/privacy">{tr("Leggi l'informativa completa", "Read the full privacy notice")}</A>
            </p>
        </div>
        <p>
            {tr(
                "Il questionario ha sei passi brevi. Alla fine potrai controllare le risposte prima di inviarle.",
                "The questionnaire has six short steps. At the end you can check your answers before sending them.",
            )}
        </p>
        <A href=page_href(ctx.mode, 1) attr:class="button button-primary">
            {tr("Inizia il questionario", "Start the questionnaire")}
        </A>
    }
}

/// "Passo N di 6" and the stepper: completed steps are links, the current one
/// is marked `aria-current="step"`.
#[component]
fn Stepper(current: usize) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let reached = Memo::new(move |_| ctx.draft.with(|d| d.reached));
    let total = QUESTIONNAIRE.steps.len();
    // A step is completed when its checks pass, not merely when it was opened.
    let passing = Memo::new(move |_| {
        let comuni = ctx.comuni.get();
        ctx.draft.with(|d| {
            (0..total)
                .map(|i| QUESTIONNAIRE.validate(&d.answers, Some(i), comuni.as_deref()).is_empty())
                .collect::<Vec<_>>()
        })
    });
    let passes = move |i: usize| passing.with(|p| p.get(i).copied().unwrap_or(false));
    view! {
        <nav class="steppers" aria-label=tr("Passi del questionario", "Questionnaire steps")>
            <p class="steppers-index">
                {move || {
                    if current == REVIEW {
                        if lang.get() == Lang::It { "Controllo finale".to_owned() } else { "Final check".to_owned() }
                    } else if lang.get() == Lang::It {
                        format!("Passo {current} di {total}")
                    } else {
                        format!("Step {current} of {total}")
                    }
                }}
            </p>
            <ol class="steppers-header">
                {QUESTIONNAIRE
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, step)| {
                        let number = i + 1;
                        let title = move || step.title.get(lang.get());
                        let done = move || { number != current && number <= reached.get().max(current) && passes(i) };
                        view! {
                            <li
                                class:active=number == current
                                class:confirmed=done
                                aria-current=(number == current).then_some("step")
                            >
                                {move || {
                                    if number != current && number <= reached.get().max(current) {
                                        view! {
                                            <A href=page_href(ctx.mode, number)>
                                                <span class="step-number">{number}</span>
                                                {title}
                                                <span class="visually-hidden">
                                                    {move || {
                                                        if done() {
                                                            if lang.get() == Lang::It {
                                                                " (completato)"
                                                            } else {
                                                                " (completed)"
                                                            }
                                                        } else {
                                                            ""
                                                        }
                                                    }}
                                                </span>
                                            </A>
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            <span>
                                                <span class="step-number">{number}</span>
                                                {title}
                                            </span>
                                        }
                                            .into_any()
                                    }
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

/// The error summary at the top of a step: each error links to its field.
#[component]
fn ErrorSummary(
    /// The fields whose errors to list, in order.
    fields: Vec<&'static Field>,
    /// Where focus goes when the summary appears.
    node_ref: NodeRef<html::Div>,
) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let entries = Memo::new(move |_| {
        let lang = lang.get();
        ctx.errors.with(|errors| {
            fields
                .iter()
                .flat_map(|f| {
                    errors.of_field(f.key).map(move |(key, error)| {
                        let target = if key == f.key { input_id(f.key) } else { part_input_id(f.key, key) };
                        (target, QUESTIONNAIRE.message(key, error, lang))
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div
            class="error-summary"
            tabindex="-1"
            node_ref=node_ref
            role="alert"
            hidden=move || entries.with(Vec::is_empty)
        >
            <h2>{tr("C'è qualcosa da correggere", "There is a problem")}</h2>
            <ul>
                {move || {
                    entries
                        .get()
                        .into_iter()
                        .map(|(target, message)| {
                            view! {
                                <li>
                                    <a
                                        href=format!("#{target}")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            focus_by_id(&target);
                                        }
                                    >
                                        {message}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// The input of a part of a field (`partners.1.name`, `links.0`).
fn part_input_id(field: &str, key: &str) -> String {
    let parts: Vec<&str> = key.split('.').collect();
    match parts.as_slice() {
        [_, index, "name"] => format!("{}-{index}-nome", input_id(field)),
        [_, "0", "kind"] => input_id(field),
        [_, index, "kind"] => format!("{}-{index}-tipo", input_id(field)),
        _ => input_id(field),
    }
}

fn focus_by_id(id: &str) {
    if let Some(element) = document().get_element_by_id(id)
        && let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
    {
        let _ = element.focus();
    }
}

/// Moves focus once the browser has drawn the change.
fn focus_after_render(target: NodeRef<html::Div>) {
    request_animation_frame(move || {
        if let Some(element) = target.get_untracked() {
            let _ = element.focus();
        }
    });
}

/// "Bozza salvata alle HH:MM", the shared-computer switch and "discard".
#[component]
fn DraftBar() -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let confirming = RwSignal::new(false);
    let status = move || {
        let lang = lang.get();
        let (saved_at, keep, unsaved) = (ctx.draft.with(|d| d.saved_at), ctx.keep_draft.get(), ctx.unsaved.get());
        match (keep, unsaved || saved_at == 0.0, lang) {
            (false, _, Lang::It) => "Salvataggio della bozza disattivato su questo dispositivo.".to_owned(),
            (false, _, Lang::En) => "Draft saving is off on this device.".to_owned(),
            (true, true, Lang::It) => "Bozza non ancora salvata…".to_owned(),
            (true, true, Lang::En) => "Draft not saved yet…".to_owned(),
            (true, false, Lang::It) => format!("Bozza salvata alle {}", storage::clock(saved_at)),
            (true, false, Lang::En) => format!("Draft saved at {}", storage::clock(saved_at)),
        }
    };
    view! {
        <div class="draft-bar">
            <p class="draft-status" data-testid="draft-status">
                {status}
            </p>
            {move || {
                ctx.adopted_from_other_tab
                    .get()
                    .then(|| {
                        view! {
                            <p class="draft-notice" role="status">
                                {tr(
                                    "Le risposte sono state aggiornate da un'altra scheda aperta sullo stesso questionario.",
                                    "Your answers were updated from another tab open on the same questionnaire.",
                                )}
                            </p>
                        }
                    })
            }}
            <div class="form-check">
                <input
                    type="checkbox"
                    id="condiviso"
                    prop:checked=move || !ctx.keep_draft.get()
                    on:change=move |ev| ctx.set_keep_draft(!event_target_checked(&ev))
                />
                <label for="condiviso">
                    {tr(
                        "Computer condiviso: non salvare la bozza su questo dispositivo",
                        "Shared computer: do not keep the draft on this device",
                    )}
                </label>
            </div>
            {move || {
                if confirming.get() {
                    view! {
                        <div class="confirm" role="group" aria-label=tr("Conferma eliminazione", "Confirm deletion")>
                            <p>
                                {tr(
                                    "Vuoi davvero eliminare la bozza? Tutte le risposte andranno perse.",
                                    "Do you really want to delete the draft? All answers will be lost.",
                                )}
                            </p>
                            <button
                                type="button"
                                class="button button-danger"
                                on:click=move |_| {
                                    ctx.discard();
                                    confirming.set(false);
                                    use_navigate()(ctx.mode.path(), Default::default());
                                }
                            >
                                {tr("Sì, elimina la bozza", "Yes, delete the draft")}
                            </button>
                            <button
                                type="button"
                                class="button button-secondary"
                                on:click=move |_| confirming.set(false)
                            >
                                {tr("Annulla", "Cancel")}
                            </button>
                        </div>
                    }
                        .into_any()
                } else {
                    view! {
                        <button type="button" class="button button-link" on:click=move |_| confirming.set(true)>
                            {tr("Elimina la bozza", "Delete the draft")}
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// One step: its questions, "Indietro" and "Avanti".
#[component]
fn StepPage(
    /// Which step, from 0.
    index: usize,
) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let step: &'static Step = &QUESTIONNAIRE.steps[index];
    let navigate = use_navigate();
    let heading = NodeRef::<html::H1>::new();
    let summary = NodeRef::<html::Div>::new();
    request_animation_frame(move || {
        if let Some(h1) = heading.get_untracked() {
            let _ = h1.focus();
        }
    });
    // Opened with "Modifica" from "Controlla le risposte": back there after it.
    let query = use_query_map();
    let back_to_review = Memo::new(move |_| query.with(|q| q.get("da").as_deref() == Some("riepilogo")));
    Effect::new(move |_| {
        let lang = lang.get();
        let failed = !ctx.errors.with(|e| e.is_empty());
        let total = QUESTIONNAIRE.steps.len();
        let title = step.title.get(lang);
        let page = match lang {
            Lang::It => format!("Passo {} di {total}: {title} · Questionario", index + 1),
            Lang::En => format!("Step {} of {total}: {title} · Questionnaire", index + 1),
        };
        crate::components::set_document_title(&page, failed, lang);
    });
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.update(|d| QUESTIONNAIRE.normalize_inputs(&mut d.answers));
        let comuni = ctx.comuni.get_untracked();
        let mut errors =
            ctx.draft.with_untracked(|d| QUESTIONNAIRE.validate(&d.answers, Some(index), comuni.as_deref()));
        // A Comune's name typed in the picker but not chosen from its list
        // would be lost: say so rather than go on without it.
        let picker = step.fields.iter().find(|f| matches!(f.kind, Kind::Comuni { .. }));
        if let Some(picker) = picker
            && !ctx.comune_typed.get_untracked().trim().is_empty()
            && ctx.draft.with_untracked(|d| picker.is_shown(&d.answers))
            && errors.get(picker.key).is_empty()
        {
            errors.add(picker.key, domain::FieldError::InvalidComune);
        }
        if errors.is_empty() {
            ctx.errors.set(Default::default());
            ctx.save_now();
            let last = index + 1 == QUESTIONNAIRE.steps.len();
            let target = if last || back_to_review.get_untracked() { REVIEW } else { index + 2 };
            navigate(&page_href(ctx.mode, target), Default::default());
        } else {
            ctx.errors.set(errors);
            focus_after_render(summary);
        }
    };
    let fields: Vec<&'static Field> = step.fields.iter().collect();
    view! {
        <Stepper current=index + 1 />
        <DraftBar />
        <ErrorSummary fields=fields node_ref=summary />
        <form novalidate on:submit=next>
            <h1 tabindex="-1" node_ref=heading>
                {move || step.title.get(lang.get())}
            </h1>
            {move || {
                ctx.generation.track();
                step.fields.iter().map(|field| view! { <FieldView field /> }).collect_view()
            }}
            <div class="steppers-nav">
                {(index > 0)
                    .then(|| {
                        view! {
                            <A href=page_href(ctx.mode, index) attr:class="button button-secondary">
                                {tr("Indietro", "Back")}
                            </A>
                        }
                    })} <button type="submit" class="button button-primary">
                    {move || match (back_to_review.get(), lang.get()) {
                        (true, Lang::It) => "Salva e torna al riepilogo",
                        (true, Lang::En) => "Save and return to the summary",
                        (false, Lang::It) => "Avanti",
                        (false, Lang::En) => "Continue",
                    }}
                </button>
            </div>
        </form>
    }
}

/// An answer as people read it (review page, receipt, practice page).
pub fn display(
    field: &Field,
    value: Option<&Value>,
    lang: Lang,
    comuni: Option<&domain::comuni::ComuneIndex>,
) -> String {
    let Some(value) = value.filter(|v| !domain::questionnaire::is_empty(Some(v))) else {
        return if lang == Lang::It { "Non indicato".into() } else { "Not given".into() };
    };
    let label_of = |options: &[domain::questionnaire::Choice], code: &str| {
        options.iter().find(|o| o.code == code).map_or_else(|| code.to_owned(), |o| o.label.get(lang).to_owned())
    };
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
    match field.kind {
        Kind::Choice { options } => label_of(options, value.as_str().unwrap_or_default()),
        Kind::Choices { options, .. } => {
            list(value).iter().filter_map(Value::as_str).map(|c| label_of(options, c)).collect::<Vec<_>>().join(", ")
        }
        Kind::YearMonth { .. } => {
            let text = value.as_str().unwrap_or_default();
            domain::practice::YearMonth::parse(text).map_or_else(
                || text.to_owned(),
                |ym| format!("{} {}", domain::dates::month_name(ym.month(), lang), ym.year()),
            )
        }
        Kind::Consent => (if lang == Lang::It { "Sì" } else { "Yes" }).into(),
        Kind::Partners { .. } => list(value)
            .iter()
            .map(|p| {
                let kind = label_of(domain::vocabulary::PartnerType::CHOICES, p["kind"].as_str().unwrap_or_default());
                format!("{}: {kind}", p["name"].as_str().unwrap_or_default())
            })
            .collect::<Vec<_>>()
            .join("; "),
        Kind::Comuni { .. } => list(value)
            .iter()
            .filter_map(Value::as_str)
            .map(|code| comuni.map_or_else(|| code.to_owned(), |i| i.label_of(code)))
            .collect::<Vec<_>>()
            .join(", "),
        Kind::Urls { .. } => list(value).iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"),
        Kind::Euro => {
            value.as_f64().map_or_else(|| value.to_string(), |v| format!("€ {}", format!("{v:.2}").replace('.', ",")))
        }
        _ => value.as_str().map_or_else(|| value.to_string(), str::to_owned),
    }
}

/// The answers of every step, each section with its change link (optional).
#[component]
fn AnswersSummary(
    /// The answers to show.
    answers: Signal<Map<String, Value>>,
    /// Where each section's "Modifica" link goes, if anywhere.
    change_links: Option<Mode>,
) -> impl IntoView {
    let comuni = crate::comuni::use_comuni();
    let lang = use_lang();
    QUESTIONNAIRE
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            view! {
                <section class="summary-section">
                    <div class="summary-heading">
                        <h2>{move || step.title.get(lang.get())}</h2>
                        {change_links
                            .map(|mode| {
                                view! {
                                    <A href=format!(
                                        "{}&da=riepilogo",
                                        page_href(mode, i + 1),
                                    )>
                                        {tr("Modifica", "Change")}
                                        <span class="visually-hidden">
                                            {move || format!(" {}", step.title.get(lang.get()))}
                                        </span>
                                    </A>
                                }
                            })}
                    </div>
                    <dl class="summary-list">
                        {step
                            .fields
                            .iter()
                            .map(|field| {
                                let shown = move || answers.with(|a| field.is_shown(a));
                                view! {
                                    <Show when=shown>
                                        <div class="summary-row">
                                            <dt>{move || field.label.get(lang.get())}</dt>
                                            <dd>
                                                {move || {
                                                    let comuni = comuni.get();
                                                    answers
                                                        .with(|a| display(
                                                            field,
                                                            a.get(field.key),
                                                            lang.get(),
                                                            comuni.as_deref(),
                                                        ))
                                                }}
                                            </dd>
                                        </div>
                                    </Show>
                                }
                            })
                            .collect_view()}
                    </dl>
                </section>
            }
        })
        .collect_view()
}

/// "Controlla le risposte": every answer with a change link per section, then
/// submission, which survives going offline.
#[component]
fn Review() -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let navigate = use_navigate();
    let heading = NodeRef::<html::H1>::new();
    let summary = NodeRef::<html::Div>::new();
    request_animation_frame(move || {
        if let Some(h1) = heading.get_untracked() {
            let _ = h1.focus();
        }
    });
    let honeypot = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let answers = Signal::derive(move || ctx.draft.with(|d| d.answers.clone()));
    let all_fields: Vec<&'static Field> = QUESTIONNAIRE.fields().collect();

    let send = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            let (mut answers, key, token, started_at) = ctx
                .draft
                .with_untracked(|d| (d.answers.clone(), d.idempotency_key.clone(), d.edit_token.clone(), d.started_at));
            QUESTIONNAIRE.normalize_inputs(&mut answers);
            QUESTIONNAIRE.prune(&mut answers);
            let comuni = ctx.comuni.get_untracked();
            if let Err(errors) = QUESTIONNAIRE.accept(answers.clone(), comuni.as_deref()) {
                show_errors(ctx, errors, &navigate);
                return;
            }
            ctx.update(|d| d.pending = true);
            ctx.save_now();
            let outcome = match ctx.mode {
                Mode::New => {
                    let fill_seconds = ((storage::now_ms() - started_at) / 1000.0).max(0.0) as u64;
                    let envelope = json!({
                        "answers": answers, "edit_token": token, "website": honeypot.get_untracked(), "fill_seconds": fill_seconds,
                    });
                    api::submit_practice(&key, &envelope).await.map(Sent::Receipt)
                }
                Mode::Update => api::update_practice(&token, &Value::Object(answers.clone())).await.map(Sent::Receipt),
                Mode::Correction => {
                    let Some(correction) = ctx.draft.with_untracked(|d| d.correction.clone()) else { return };
                    api::moderation::correct(&correction.id, &Value::Object(answers.clone()), correction.version)
                        .await
                        .map(|_| Sent::Corrected(correction.id))
                }
            };
            match outcome {
                Ok(Sent::Receipt(receipt)) => {
                    storage::write(
                        RECEIPT_KEY,
                        &StoredReceipt { id: receipt.id, token, version: receipt.version, answers },
                    );
                    ctx.discard();
                    navigate("/questionario/ricevuta", Default::default());
                }
                Ok(Sent::Corrected(id)) => {
                    ctx.discard();
                    navigate(&format!("/redazione/pratiche/{id}"), Default::default());
                }
                Err(SubmitError::Offline) => problem.set(None),
                Err(SubmitError::Invalid(errors)) => {
                    ctx.update(|d| d.pending = false);
                    show_errors(ctx, errors, &navigate);
                }
                Err(SubmitError::Unauthorized) => {
                    ctx.update(|d| d.pending = false);
                    problem.set(Some(match ctx.mode {
                        Mode::Correction => "Accedi di nuovo alla redazione: la correzione resta salvata qui.".into(),
                        _ => "Il link privato non è più valido.".into(),
                    }));
                }
                Err(SubmitError::Refused(message)) => {
                    ctx.update(|d| d.pending = false);
                    problem.set(Some(message));
                    focus_after_render(summary);
                }
            }
        }
    });
    // Retry a submission left pending (offline, or the tab was closed) as soon as the network is back.
    let online = window_event_listener(leptos::ev::online, move |_| {
        if ctx.draft.with_untracked(|d| d.pending) && !send.pending().get_untracked() {
            send.dispatch(());
        }
    });
    on_cleanup(move || online.remove());
    if ctx.draft.with_untracked(|d| d.pending) && window().navigator().on_line() {
        send.dispatch(());
    }
    let offline = move || ctx.draft.with(|d| d.pending) && !send.pending().get();
    view! {
        <Stepper current=REVIEW />
        <DraftBar />
        <ErrorSummary fields=all_fields node_ref=summary />
        <h1 tabindex="-1" node_ref=heading>
            {tr("Controlla le risposte", "Check your answers")}
        </h1>
        <AnswersSummary answers change_links=Some(ctx.mode) />
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
        {move || {
            offline()
                .then(|| {
                    view! {
                        <div class="alert alert-warning" role="alert" data-testid="offline-notice">
                            <p>
                                {tr(
                                    "Invio non riuscito: sembra che tu sia offline. La pratica è salvata su questo dispositivo e verrà inviata automaticamente appena torni online.",
                                    "Sending failed: you seem to be offline. The practice is saved on this device and will be sent automatically as soon as you are back online.",
                                )}
                            </p>
                            <button
                                type="button"
                                class="button button-secondary"
                                on:click=move |_| {
                                    send.dispatch(());
                                }
                            >
                                {tr("Riprova ora", "Try again now")}
                            </button>
                        </div>
                    }
                })
        }}
        <form
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                if !send.pending().get_untracked() {
                    send.dispatch(());
                }
            }
        >
            <div class="honeypot" aria-hidden="true">
                <label for="website">"Lascia vuoto questo campo"</label>
                <input
                    type="text"
                    id="website"
                    name="website"
                    tabindex="-1"
                    autocomplete="off"
                    on:input=move |ev| honeypot.set(event_target_value(&ev))
                />
            </div>
            <div class="steppers-nav">
                <A href=page_href(ctx.mode, QUESTIONNAIRE.steps.len()) attr:class="button button-secondary">
                    {tr("Indietro", "Back")}
                </A>
                <button type="submit" class="button button-primary" disabled=move || send.pending().get()>
                    {move || match (ctx.mode, send.pending().get(), lang.get()) {
                        (_, true, Lang::It) => "Invio in corso…",
                        (_, true, Lang::En) => "Sending…",
                        (Mode::New, false, Lang::It) => "Invia la pratica",
                        (Mode::New, false, Lang::En) => "Submit the practice",
                        (Mode::Update, false, Lang::It) => "Invia l'aggiornamento",
                        (Mode::Update, false, Lang::En) => "Submit the update",
                        (Mode::Correction, false, Lang::It) => "Salva la correzione",
                        (Mode::Correction, false, Lang::En) => "Save the correction",
                    }}
                </button>
            </div>
        </form>
    }
}

/// What a sent journey got back.
enum Sent {
    /// A respondent's submission or update: the receipt to show.
    Receipt(api::Receipt),
    /// A curator's correction of this submission.
    Corrected(String),
}

/// Shows errors found at submission on the first step that has one.
fn show_errors(ctx: FormCtx, errors: domain::FieldErrors, navigate: &impl Fn(&str, leptos_router::NavigateOptions)) {
    let first_step = errors.fields().filter_map(|key| QUESTIONNAIRE.step_of(key)).min().unwrap_or(0);
    ctx.errors.set(errors);
    navigate(&page_href(ctx.mode, first_step + 1), Default::default());
}

/// `/questionario/ricevuta`: the reference, the private link, the answers.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    use_document_title("Ricevuta", "Receipt");
    let receipt = storage::read::<StoredReceipt>(RECEIPT_KEY);
    let Some(receipt) = receipt else {
        return view! {
            <div class="container page">
                <h1>{tr("Nessuna ricevuta", "No receipt")}</h1>
                <p>
                    {tr(
                        "Su questo dispositivo non c'è una ricevuta recente.",
                        "There is no recent receipt on this device.",
                    )}
                </p>
                <A href="/questionario">{tr("Vai al questionario", "Go to the questionnaire")}</A>
            </div>
        }
        .into_any();
    };
    let origin = window().location().origin().unwrap_or_default();
    let link = format!("{origin}/questionario/modifica#{}", receipt.token);
    let answers = Signal::stored(receipt.answers.clone());
    let updated = receipt.version.is_some_and(|v| v > 1);
    // The receipt as a plain-text file the respondent keeps: a `data:` address,
    // so nothing about the practice leaves the device to make it.
    let receipt_text = format!(
        "Buone pratiche dei servizi sociali territoriali\nRicevuta di invio\n\nRiferimento: {}\n{}Link privato (conservalo, non condividerlo): {link}\n\nCon il link privato puoi riaprire e aggiornare la pratica e leggere i messaggi della redazione.\n",
        receipt.id,
        receipt.version.map(|v| format!("Versione: {v}\n")).unwrap_or_default(),
    );
    let receipt_file =
        format!("data:text/plain;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&receipt_text)));
    view! {
        <div class="container page receipt">
            <div class="receipt-panel" role="status">
                <h1>
                    {if updated {
                        tr("Aggiornamento inviato", "Update submitted")()
                    } else {
                        tr("Pratica inviata", "Practice submitted")()
                    }}
                </h1>
                <p class="receipt-reference">
                    {tr("Riferimento", "Reference")} ": " <strong data-testid="reference">{receipt.id.clone()}</strong>
                </p>
                {receipt
                    .version
                    .map(|v| {
                        view! { <p>{tr("Versione", "Version")} ": " {v}</p> }
                    })}
            </div>
            <h2>{tr("Cosa succede ora", "What happens next")}</h2>
            <p>
                {tr(
                    "La redazione verificherà la pratica e potrà chiederti integrazioni. Quando sarà pubblicata comparirà nel catalogo con questo riferimento.",
                    "The editors will check the practice and may ask you for changes. Once published it will appear in the catalogue with this reference.",
                )}
            </p>
            <p>
                {tr(
                    "Se la redazione ti chiede integrazioni, il suo messaggio comparirà aprendo il tuo link privato, insieme allo stato della pratica: aprilo di tanto in tanto. La redazione può anche scriverti all'indirizzo e-mail del referente che hai indicato.",
                    "If the editors ask for changes, their message will appear when you open your private link, together with the practice's status: open it now and then. The editors may also write to the contact person's e-mail address you gave.",
                )}
            </p>
            <h2>{tr("Il tuo link privato", "Your private link")}</h2>
            <p>
                {tr(
                    "Conserva questo link: ti permette di riaprire e aggiornare la pratica. Non condividerlo: chi lo possiede può modificarla.",
                    "Keep this link: it lets you reopen and update the practice. Do not share it: whoever has it can change it.",
                )}
            </p>
            <p class="private-link">
                <a href=link.clone() data-testid="private-link">
                    {link.clone()}
                </a>
            </p>
            <p class="no-print receipt-actions">
                <CopyButton
                    text=link.clone()
                    label=("Copia il link", "Copy the link")
                    done=("Link copiato: incollalo in un posto sicuro.", "Link copied: paste it somewhere safe.")
                    class="button button-primary"
                />
                <a
                    class="button button-secondary"
                    href=receipt_file.clone()
                    download=format!("ricevuta-{}.txt", receipt.id)
                    rel="external"
                >
                    {tr("Scarica la ricevuta", "Download the receipt")}
                </a>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    {tr("Stampa la ricevuta", "Print the receipt")}
                </button>
            </p>
            <h2>{tr("Le tue risposte", "Your answers")}</h2>
            <AnswersSummary answers change_links=None />
        </div>
    }
        .into_any()
}

/// `/questionario/modifica#TOKEN`: reopens a submission with its private link.
#[component]
pub fn UpdatePage() -> impl IntoView {
    // The journey titles its pages; this one, before it (opening, bad link).
    let lang = use_lang().get_untracked();
    crate::components::set_document_title(Mode::Update.title(lang), false, lang);
    let ctx = provide_form(Mode::Update);
    let hash = window().location().hash().unwrap_or_default();
    let token = hash.trim_start_matches('#').to_owned();
    // Answers typed on this device and not yet sent win over the stored ones;
    // the submission is fetched anyway, for the editors' latest message.
    let local_edits = ctx.draft.with_untracked(|d| !token.is_empty() && d.edit_token == token && !d.is_blank());
    let loaded = LocalResource::new(move || {
        let token = token.clone();
        async move {
            if token.is_empty() {
                return Ok(None);
            }
            api::fetch_own(&token).await.map(|own| Some((own, token)))
        }
    });
    let heading = tr("Aggiorna la pratica", "Update the practice");
    let resumable = move || !ctx.draft.with_untracked(|d| d.edit_token.is_empty() || d.is_blank());
    view! {
        <Transition fallback=Opening>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some((own, token))) => {
                        let current = matches!(own.moderation_status.as_str(), "integrazioni_richieste" | "respinta");
                        let message = own.curator_message.clone().filter(|_| current);
                        if !local_edits {
                            ctx.load(own.answers, |d| d.edit_token = token);
                        }
                        let status = domain::vocabulary::ModerationStatus::from_code(&own.moderation_status);
                        // The message matters while changes are asked or after a
                        // rejection; once published, it is history.
                        view! {
                            {status
                                .map(|status| {
                                    view! {
                                        <SubmissionStatus status id=own.id.clone() updated_at=own.updated_at.clone() />
                                    }
                                })}
                            {message
                                .map(|message| {
                                    view! {
                                        <div class="container">
                                            <div class="notice" role="status" data-testid="curator-message">
                                                <h2>{tr("Messaggio della redazione", "Message from the editors")}</h2>
                                                <p>{message}</p>
                                            </div>
                                        </div>
                                    }
                                })}
                            <Journey />
                        }
                            .into_any()
                    }
                    Ok(None) if resumable() => view! { <Journey /> }.into_any(),
                    Err(api::ApiError::Network(_)) if local_edits => view! { <Journey /> }.into_any(),
                    _ => {
                        view! {
                            <div class="container page">
                                <h1>{heading}</h1>
                                <div class="alert alert-error" role="alert">
                                    <p>
                                        {tr(
                                            "Il link privato non è valido o è incompleto: controlla di averlo copiato per intero.",
                                            "The private link is not valid or is incomplete: check that you copied all of it.",
                                        )}
                                    </p>
                                </div>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// Where a submission stands, on its private link's opening page: the state,
/// since when, what happens next, and the way forward (the public page of a
/// published practice, or editing when changes are asked).
#[component]
fn SubmissionStatus(status: domain::vocabulary::ModerationStatus, id: String, updated_at: String) -> impl IntoView {
    use domain::vocabulary::ModerationStatus;
    let lang = use_lang();
    let page = use_page();
    let (id, updated_at) = (StoredValue::new(id), StoredValue::new(updated_at));
    view! {
        <Show when=move || page.get() == 0>
            <div class="container">
                <div class="notice submission-status" data-testid="submission-status">
                    <h2>
                        {tr("Stato della pratica", "Status of practice")} " "
                        <span class="nowrap">{id.get_value()}</span> ": " {move || status.label(lang.get())}
                    </h2>
                    <p>
                        {move || {
                            let date = updated_at.with_value(|at| domain::dates::long_date(at, lang.get()));
                            if lang.get() == Lang::It {
                                format!("Ultimo aggiornamento: {date}.")
                            } else {
                                format!("Last change: {date}.")
                            }
                        }}
                    </p>
                    <p>{move || domain::curation::respondent_next_step(status, lang.get())}</p>
                    {(status == ModerationStatus::Pubblicata)
                        .then(|| {
                            view! {
                                <p>
                                    <A href=format!(
                                        "/pratiche/{}",
                                        id.get_value(),
                                    )>
                                        {tr("Vedi la pagina pubblica della pratica", "See the practice's public page")}
                                    </A>
                                </p>
                            }
                        })}
                    {matches!(status, ModerationStatus::IntegrazioniRichieste | ModerationStatus::Respinta)
                        .then(|| {
                            view! {
                                <p>
                                    <A href=page_href(Mode::Update, 1) attr:class="button button-primary">
                                        {tr("Modifica la pratica", "Edit the practice")}
                                    </A>
                                </p>
                            }
                        })}
                </div>
            </div>
        </Show>
    }
}

/// Shown while a submission is fetched for the journey.
#[component]
fn Opening() -> impl IntoView {
    view! {
        <div class="container page">
            <p role="status">{tr("Apertura della pratica…", "Opening the practice…")}</p>
        </div>
    }
}

/// `/redazione/correzione?pratica=ID`: a curator corrects a submission's text
/// or classification with the questionnaire's own steps and checks; saved as
/// a new version by the curator (the respondent's versions are kept).
#[component]
pub fn CorrectionPage() -> impl IntoView {
    let lang = use_lang().get_untracked();
    crate::components::set_document_title(Mode::Correction.title(lang), false, lang);
    let ctx = provide_form(Mode::Correction);
    let query = use_query_map();
    let id = query.with_untracked(|q| q.get("pratica")).unwrap_or_default();
    // Work typed here and not yet saved for the same submission is kept.
    let resumable = ctx
        .draft
        .with_untracked(|d| d.correction.as_ref().is_some_and(|c| c.id == id || id.is_empty()) && !d.is_blank());
    let loaded = LocalResource::new(move || {
        let id = id.clone();
        async move {
            if resumable {
                return Ok(None);
            }
            api::moderation::review(&id).await.map(Some)
        }
    });
    view! {
        <Transition fallback=Opening>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some(review)) => {
                        let answers = review["answers"].as_object().cloned().unwrap_or_default();
                        let correction = state::Correction {
                            id: review["id"].as_str().unwrap_or_default().to_owned(),
                            version: review["version"].as_i64().unwrap_or(0),
                        };
                        ctx.load(answers, |d| d.correction = Some(correction));
                        view! { <Journey /> }.into_any()
                    }
                    Ok(None) => view! { <Journey /> }.into_any(),
                    Err(error) => crate::pages::redazione::failure(&error),
                }
            })}
        </Transition>
    }
}

/// What a correction is, before its first step.
#[component]
fn CorrectionNotice() -> impl IntoView {
    let ctx = use_form();
    let id = ctx.draft.with_untracked(|d| d.correction.as_ref().map(|c| c.id.clone()).unwrap_or_default());
    view! {
        <h1>{tr("Correzione della redazione", "Editors' correction")}</h1>
        <p class="breadcrumb">
            <a href=format!("/redazione/pratiche/{id}")>{format!("← {id}")}</a>
        </p>
        <div class="notice">
            <p>
                {tr(
                    "Correggi il testo o la classificazione con gli stessi passi e controlli del questionario. La correzione è salvata come nuova versione a tuo nome; le versioni inviate dal referente restano nello storico. Se la pratica è pubblicata, la correzione è pubblica subito.",
                    "Correct the text or the classification with the questionnaire's own steps and checks. The correction is saved as a new version in your name; the respondent's versions stay in the history. If the practice is published, the correction is public at once.",
                )}
            </p>
        </div>
        <A href=page_href(ctx.mode, 1) attr:class="button button-primary">
            {tr("Inizia la correzione", "Start the correction")}
        </A>
    }
}
