// SPDX-License-Identifier: EUPL-1.2
//! The pages the law asks for, linked from every footer: the accessibility
//! statement (after AgID's model, with its feedback form), the privacy
//! notice (GDPR art. 13) and the contacts. Each is filled in with who runs
//! the site (`domain::site::operator`, from `/api/operator`).
//!
//! Their text is data (`Part`s in Italian and English, with `{placeholders}`
//! for the operator's values), drawn by one function: a page of prose then
//! costs its words, not a tree of elements compiled for each paragraph.

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::{page_heading, use_document_title};
use crate::i18n::{tr, use_lang};
use crate::start::StartRead;
use crate::texts::{self, Text};
use domain::Lang;
use domain::site::operator::Operator;
use leptos::prelude::*;

/// When the accessibility statement was last drawn up.
const STATEMENT_DATE: &str = "2026-12-02";

/// A value of the operator's, or a fixed address, shown as a link where it
/// is one.
#[derive(Clone, Copy)]
enum Value {
    ControllerName,
    ControllerAddress,
    ControllerPec,
    ControllerEmail,
    /// The controller's e-mail, or its PEC: where rights are exercised.
    RightsContact,
    Dpo,
    Editors,
    Security,
    AgidStatement,
    /// A fixed link: address and text.
    Fixed(&'static str, &'static str),
    /// A link within the site: address and text.
    Page(&'static str, Text),
}

/// One piece of a page.
#[derive(Clone, Copy)]
enum Part {
    Heading(Text),
    /// A heading with an id, for links to it.
    Anchor(&'static str, Text),
    Subheading(Text),
    Paragraph(Text),
    /// A paragraph ending with a value.
    Then(Text, Value),
    /// A term and its description (consecutive rows make one list).
    Row(Text, Text),
    /// A term and a value.
    RowValue(Text, Value),
    /// Shown only when the value is configured.
    IfSet(Value, &'static [Part]),
}

/// Shows `parts` once the operator (who runs the site) has arrived, then
/// `after` (a part that must not be drawn again when the language changes).
#[component]
fn LegalPage(heading: &'static str, parts: &'static [Part], #[prop(optional)] after: Option<ViewFn>) -> impl IntoView {
    let operator = StartRead::new(|| api::data_source().operator_url().to_owned(), api::fetch_operator);
    view! {
        <div class="container page">
            <h1>{page_heading(heading)}</h1>
            {move || {
                let after = after.clone();
                match operator.get() {
                    None => view! { <p role="status">{tr(texts::common::LOADING)}</p> }.into_any(),
                    Some(Ok(operator)) => {
                        let operator = StoredValue::new(operator);
                        view! {
                            {move || {
                                let lang = use_lang().get();
                                operator.with_value(|operator| draw(parts, operator, lang))
                            }}
                            {after.map(|after| after.run())}
                        }
                            .into_any()
                    }
                    Some(Err(error)) => view! { <ErrorAlert error /> }.into_any(),
                }
            }}
        </div>
    }
}

fn pick(text: Text, lang: Lang) -> &'static str {
    text.get(lang)
}

/// `text` with the operator's values in its `{placeholders}`.
fn fill(text: &str, operator: &Operator, lang: Lang) -> String {
    let r = operator.retention;
    text.replace("{controller}", &shown(Value::ControllerName, operator, lang))
        .replace("{contact_months}", &r.contact_months.to_string())
        .replace("{account_months}", &r.account_months.to_string())
        .replace("{log_days}", &r.log_days.to_string())
        .replace("{feedback_months}", &r.feedback_months.to_string())
        .replace("{mail_days}", &r.mail_days.to_string())
        .replace("{date}", STATEMENT_DATE)
}

/// The configured text of `value`, if any.
fn configured(value: Value, operator: &Operator) -> Option<String> {
    let c = &operator.controller;
    match value {
        Value::ControllerName => c.name.clone(),
        Value::ControllerAddress => c.address.clone(),
        Value::ControllerPec => c.pec.clone(),
        Value::ControllerEmail => c.email.clone(),
        Value::RightsContact => c.email.clone().or(c.pec.clone()),
        Value::Dpo => operator.dpo_email.clone(),
        Value::Editors => operator.editors_email.clone(),
        Value::Security => operator.security_contact.clone(),
        Value::AgidStatement => operator.accessibility_statement_url.clone(),
        Value::Fixed(_, text) => Some(text.to_owned()),
        Value::Page(..) => Some(String::new()),
    }
}

/// What the page shows for `value`: its text, or "not given".
fn shown(value: Value, operator: &Operator, lang: Lang) -> String {
    configured(value, operator).unwrap_or_else(|| pick(texts::legal::NOT_GIVEN, lang).to_owned())
}

/// `value` as a link where it is one, or as text.
fn value_view(value: Value, operator: &Operator, lang: Lang) -> AnyView {
    let Some(text) = configured(value, operator) else { return shown(value, operator, lang).into_any() };
    let href = match value {
        Value::ControllerName | Value::ControllerAddress => None,
        Value::Fixed(href, _) => Some(href.to_owned()),
        Value::Page(href, label) => return view! { <a href=href>{pick(label, lang)}</a> }.into_any(),
        Value::Security | Value::AgidStatement => Some(text.clone()),
        _ => Some(format!("mailto:{text}")),
    };
    let text = text.strip_prefix("mailto:").map(str::to_owned).unwrap_or(text);
    match href {
        Some(href) => view! { <a href=href>{text}</a> }.into_any(),
        None => text.into_any(),
    }
}

/// The page's parts as elements; consecutive rows become one `<dl>`.
fn draw(parts: &[Part], operator: &Operator, lang: Lang) -> Vec<AnyView> {
    let mut views = Vec::new();
    let mut rows: Vec<AnyView> = Vec::new();
    if operator.example {
        views.push(
            view! {
                <div class="alert alert-warning" role="note">
                    <p>{pick(texts::legal::DEMONSTRATION_SITE, lang)}</p>
                </div>
            }
            .into_any(),
        );
    }
    let flush = |views: &mut Vec<AnyView>, rows: &mut Vec<AnyView>| {
        if !rows.is_empty() {
            let items = std::mem::take(rows);
            views.push(view! { <dl class="contact-list">{items}</dl> }.into_any());
        }
    };
    for part in parts {
        let text = |t: Text| fill(pick(t, lang), operator, lang);
        let view = match *part {
            Part::Row(term, description) => {
                rows.push(
                    view! {
                        <dt>{text(term)}</dt>
                        <dd>{text(description)}</dd>
                    }
                    .into_any(),
                );
                continue;
            }
            Part::RowValue(term, value) => {
                rows.push(
                    view! {
                        <dt>{text(term)}</dt>
                        <dd>{value_view(value, operator, lang)}</dd>
                    }
                    .into_any(),
                );
                continue;
            }
            Part::Heading(t) => view! { <h2>{text(t)}</h2> }.into_any(),
            Part::Anchor(id, t) => view! { <h2 id=id>{text(t)}</h2> }.into_any(),
            Part::Subheading(t) => view! { <h3>{text(t)}</h3> }.into_any(),
            Part::Paragraph(t) => view! { <p>{text(t)}</p> }.into_any(),
            Part::Then(t, value) => {
                view! { <p>{format!("{} ", text(t))} {value_view(value, operator, lang)}</p> }.into_any()
            }
            Part::IfSet(value, inner) => {
                flush(&mut views, &mut rows);
                if configured(value, operator).is_some() {
                    views.extend(draw(inner, &Operator { example: false, ..operator.clone() }, lang));
                }
                continue;
            }
        };
        flush(&mut views, &mut rows);
        views.push(view);
    }
    flush(&mut views, &mut rows);
    views
}

/// Dichiarazione di accessibilità (Law 4/2004, AgID's model).
#[component]
pub fn Accessibility() -> impl IntoView {
    use_document_title(texts::common::ACCESSIBILITY_STATEMENT);
    let form = ViewFn::from(|| {
        view! {
            <crate::pages::report_form::ReportForm />
            <EnforcementProcedure />
        }
    });
    view! { <LegalPage heading="/accessibilita" parts=STATEMENT after=form /> }
}

/// The statement's last section, after the form.
#[component]
fn EnforcementProcedure() -> impl IntoView {
    view! {
        <h2>{tr(texts::legal::ENFORCEMENT_PROCEDURE)}</h2>
        <p>{tr(texts::legal::TURN_TO_AGID)} <a href="https://www.agid.gov.it/">"www.agid.gov.it"</a> "."</p>
    }
}

const STATEMENT: &[Part] = &[
    Part::Paragraph(texts::legal::STATEMENT_INTRO),
    Part::Heading(texts::legal::COMPLIANCE_STATUS),
    Part::Paragraph(texts::legal::PARTIALLY_COMPLIANT),
    Part::Heading(texts::legal::NON_ACCESSIBLE_CONTENT),
    Part::Paragraph(texts::legal::PRACTICE_TEXTS_NOT_ACCESSIBLE),
    Part::Paragraph(texts::legal::OPEN_DATA_FILES_NOT_ACCESSIBLE),
    Part::Heading(texts::legal::PREPARATION_OF_THIS_STATEMENT),
    Part::Paragraph(texts::legal::STATEMENT_DRAWN_UP),
    Part::IfSet(Value::AgidStatement, &[Part::Then(texts::legal::STATEMENT_ON_AGID_SITE, Value::AgidStatement)]),
    Part::Anchor("segnala", texts::legal::FEEDBACK_AND_CONTACT_INFORMATION),
    Part::Paragraph(texts::legal::REPORT_WITH_THE_FORM),
    Part::Then(texts::legal::EDITORS_E_MAIL, Value::Editors),
];

/// Informativa sul trattamento dei dati personali (GDPR art. 13).
#[component]
pub fn Privacy() -> impl IntoView {
    use_document_title(texts::common::PRIVACY_NOTICE);
    view! { <LegalPage heading="/privacy" parts=PRIVACY /> }
}

const PUBLIC_TASK: Text = texts::legal::PUBLIC_INTEREST_TASK;
const PURPOSE: Text = texts::legal::PURPOSE;
const BASIS: Text = texts::legal::LEGAL_BASIS;
const KEPT: Text = texts::legal::RETENTION;

const PRIVACY: &[Part] = &[
    Part::Heading(texts::legal::DATA_CONTROLLER),
    Part::RowValue(texts::legal::CONTROLLER, Value::ControllerName),
    Part::RowValue(texts::legal::ADDRESS, Value::ControllerAddress),
    Part::RowValue(texts::legal::PEC, Value::ControllerPec),
    Part::RowValue(texts::common::E_MAIL, Value::ControllerEmail),
    Part::Heading(texts::legal::DATA_PROTECTION_OFFICER),
    Part::Then(texts::legal::E_MAIL_COLON, Value::Dpo),
    Part::Heading(texts::legal::WHAT_DATA_WE_PROCESS),
    Part::Subheading(texts::legal::DATA_PRACTICE),
    Part::Row(PURPOSE, texts::legal::PURPOSE_PRACTICE),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(KEPT, texts::legal::KEPT_PRACTICE),
    Part::Subheading(texts::legal::DATA_CONTACT_PERSON),
    Part::Row(PURPOSE, texts::legal::PURPOSE_CONTACT_PERSON),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(KEPT, texts::legal::KEPT_CONTACT_PERSON),
    Part::Subheading(texts::legal::DATA_DRAFTS),
    Part::Row(PURPOSE, texts::legal::PURPOSE_DRAFTS),
    Part::Row(BASIS, texts::legal::BASIS_DRAFTS),
    Part::Row(KEPT, texts::legal::KEPT_DRAFTS),
    Part::Subheading(texts::legal::DATA_ACCOUNTS),
    Part::Row(PURPOSE, texts::legal::PURPOSE_ACCOUNTS),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(KEPT, texts::legal::KEPT_ACCOUNTS),
    Part::Subheading(texts::legal::DATA_LOGS),
    Part::Row(PURPOSE, texts::legal::PURPOSE_LOGS),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(KEPT, texts::legal::KEPT_LOGS),
    Part::Subheading(texts::legal::DATA_REPORTS),
    Part::Row(PURPOSE, texts::legal::PURPOSE_REPORTS),
    Part::Row(BASIS, texts::legal::LEGAL_OBLIGATION),
    Part::Row(KEPT, texts::legal::KEPT_REPORTS),
    Part::Subheading(texts::legal::DATA_RATING),
    Part::Row(PURPOSE, texts::legal::PURPOSE_RATING),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(KEPT, texts::legal::KEPT_RATING),
    Part::Subheading(texts::legal::DATA_CONTACT_MESSAGES),
    Part::Row(PURPOSE, texts::legal::PURPOSE_CONTACT_MESSAGES),
    Part::Row(BASIS, texts::legal::CONSENT_BY_TICKING),
    Part::Row(KEPT, texts::legal::KEPT_CONTACT_MESSAGES),
    Part::Subheading(texts::legal::DATA_ADOPTIONS),
    Part::Row(PURPOSE, texts::legal::PURPOSE_ADOPTIONS),
    Part::Row(BASIS, texts::legal::CONSENT_BY_TICKING),
    Part::Row(KEPT, texts::legal::KEPT_ADOPTIONS),
    Part::Subheading(texts::legal::DATA_INVITEES),
    Part::Row(PURPOSE, texts::legal::PURPOSE_INVITEES),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(KEPT, texts::legal::KEPT_INVITEES),
    Part::Subheading(texts::legal::DATA_FOLLOWING),
    Part::Row(PURPOSE, texts::legal::PURPOSE_FOLLOWING),
    Part::Row(BASIS, texts::legal::CONSENT_BY_LINK),
    Part::Row(KEPT, texts::legal::KEPT_FOLLOWING),
    Part::Subheading(texts::legal::DATA_REFERENT_MAIL),
    Part::Row(PURPOSE, texts::legal::PURPOSE_REFERENT_MAIL),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(KEPT, texts::legal::KEPT_REFERENT_MAIL),
    Part::Heading(texts::legal::RECIPIENTS),
    Part::Paragraph(texts::legal::WHO_PROCESSES_THE_DATA),
    Part::Paragraph(texts::legal::NO_PROFILING),
    Part::Heading(texts::legal::YOUR_RIGHTS),
    Part::Paragraph(texts::legal::RIGHTS_TEXT),
    Part::Then(texts::legal::WRITE_TO_THE_CONTROLLER, Value::RightsContact),
    Part::Heading(texts::legal::COMPLAINT),
    Part::Paragraph(texts::legal::COMPLAINT_TEXT),
    Part::Then(texts::legal::GARANTE_WEBSITE, Value::Fixed("https://www.garanteprivacy.it/", "www.garanteprivacy.it")),
    Part::Heading(texts::common::CONTACTS),
    Part::Then(texts::legal::ANY_QUESTION, Value::Page("/contatti", texts::legal::THE_CONTACTS_PAGE)),
];

/// Contatti: the editors, the data controller and its DPO, accessibility
/// and security reports.
#[component]
pub fn Contacts() -> impl IntoView {
    use_document_title(texts::common::CONTACTS);
    view! { <LegalPage heading="/contatti" parts=CONTACTS /> }
}

const CONTACTS: &[Part] = &[
    Part::Heading(texts::common::EDITORS),
    Part::Then(texts::legal::QUESTIONS_FOR_THE_EDITORS, Value::Editors),
    Part::Heading(texts::legal::DATA_CONTROLLER_IN_FULL),
    Part::RowValue(texts::common::BODY, Value::ControllerName),
    Part::RowValue(texts::legal::ADDRESS, Value::ControllerAddress),
    Part::RowValue(texts::legal::PEC, Value::ControllerPec),
    Part::RowValue(texts::common::E_MAIL, Value::ControllerEmail),
    Part::RowValue(texts::legal::DATA_PROTECTION_OFFICER, Value::Dpo),
    Part::Heading(texts::legal::ACCESSIBILITY),
    Part::Then(
        texts::legal::AN_OBSTACLE_ON_A_PAGE,
        Value::Page("/accessibilita#segnala", texts::common::REPORT_AN_ACCESSIBILITY_PROBLEM),
    ),
    Part::IfSet(
        Value::Security,
        &[Part::Heading(texts::legal::SECURITY), Part::Then(texts::legal::TO_REPORT_A_VULNERABILITY, Value::Security)],
    ),
];
