// SPDX-License-Identifier: EUPL-1.2
//! The pages the law asks for, linked from every footer: the accessibility
//! statement (after AgID's model, with its feedback form), the privacy
//! notice (GDPR art. 13) and the contacts. Each is filled in with who runs
//! the site (`domain::operator`, from `/api/operator`).
//!
//! Their text is data (`Part`s in Italian and English, with `{placeholders}`
//! for the operator's values), drawn by one function: a page of prose then
//! costs its words, not a tree of elements compiled for each paragraph.

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::{page_heading, use_document_title};
use crate::i18n::{tr, use_lang};
use crate::start::StartRead;
use domain::Lang;
use domain::operator::Operator;
use leptos::prelude::*;

/// When the accessibility statement was last drawn up.
const STATEMENT_DATE: &str = "2026-12-02";

/// A text in Italian and English.
type Text = (&'static str, &'static str);

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
                    None => view! { <p role="status">{tr("Caricamento…", "Loading…")}</p> }.into_any(),
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
    if lang == Lang::En { text.1 } else { text.0 }
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
    configured(value, operator).unwrap_or_else(|| pick(("non indicato", "not given"), lang).to_owned())
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
                    <p>
                        {pick(
                            (
                                "Sito dimostrativo: i nomi e gli indirizzi di questa pagina sono valori di esempio, che l'amministrazione che gestisce il sito sostituisce con i propri.",
                                "Demonstration site: the names and addresses on this page are examples, which the administration running the site replaces with its own.",
                            ),
                            lang,
                        )}
                    </p>
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
    use_document_title("Dichiarazione di accessibilità", "Accessibility statement");
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
        <h2>{tr("Procedura di attuazione", "Enforcement procedure")}</h2>
        <p>
            {tr(
                "Se la risposta non ti soddisfa, o non ricevi risposta entro 30 giorni dalla segnalazione, puoi rivolgerti al Difensore civico per il digitale presso l'Agenzia per l'Italia Digitale (articolo 3-quinquies, comma 3, della legge 4/2004), dal sito ",
                "If the answer does not satisfy you, or you receive none within 30 days of your report, you can turn to the Digital Ombudsman at the Agency for Digital Italy (article 3-quinquies, paragraph 3, of Law 4/2004), from the website ",
            )} <a href="https://www.agid.gov.it/">"www.agid.gov.it"</a> "."
        </p>
    }
}

const STATEMENT: &[Part] = &[
    Part::Paragraph((
        "{controller} si impegna a rendere il proprio sito web accessibile, conformemente alla legge 9 gennaio 2004, n. 4. La presente dichiarazione di accessibilità si applica al sito Buone pratiche.",
        "{controller} is committed to making its website accessible, in accordance with Law no. 4 of 9 January 2004. This accessibility statement applies to the Buone pratiche website.",
    )),
    Part::Heading(("Stato di conformità", "Compliance status")),
    Part::Paragraph((
        "Questo sito è parzialmente conforme ai requisiti dell'allegato A alla norma UNI CEI EN 301549 (WCAG 2.1 livello AA), per i contenuti non accessibili elencati di seguito.",
        "This website is partially compliant with the requirements of annex A to standard UNI CEI EN 301549 (WCAG 2.1 level AA), because of the non-accessible content listed below.",
    )),
    Part::Heading(("Contenuti non accessibili", "Non-accessible content")),
    Part::Paragraph((
        "I testi delle pratiche sono scritti dagli enti che le descrivono: possono contenere sigle non spiegate o collegamenti senza descrizione (contenuti di terzi, articolo 3 della legge 4/2004).",
        "The texts of the practices are written by the bodies that describe them: they may hold unexplained acronyms or links without a description (third-party content, article 3 of Law 4/2004).",
    )),
    Part::Paragraph((
        "I file di dati aperti (CSV, JSON, Turtle) sono dati da elaborare, non documenti da leggere: le stesse informazioni sono nelle pagine del catalogo.",
        "The open-data files (CSV, JSON, Turtle) are data to process, not documents to read: the same information is on the catalogue's pages.",
    )),
    Part::Heading(("Redazione della dichiarazione", "Preparation of this statement")),
    Part::Paragraph((
        "La dichiarazione è stata redatta il {date} con un'autovalutazione: ogni pagina è verificata automaticamente con axe-core a ogni modifica del software, e i test usano le pagine da tastiera, a 375 pixel di larghezza e nelle due lingue.",
        "This statement was drawn up on {date} by self-assessment: every page is checked automatically with axe-core at each change of the software, and the tests use the pages with the keyboard, at 375 pixels wide and in both languages.",
    )),
    Part::IfSet(
        Value::AgidStatement,
        &[Part::Then(
            (
                "La dichiarazione è pubblicata anche sul sito di AgID:",
                "The statement is also published on AgID's website:",
            ),
            Value::AgidStatement,
        )],
    ),
    Part::Anchor("segnala", ("Meccanismo di feedback e recapiti", "Feedback and contact information")),
    Part::Paragraph((
        "Se incontri un ostacolo su una pagina, segnalalo con il modulo qui sotto: la redazione risponde entro 30 giorni.",
        "If you meet an obstacle on a page, report it with the form below: the editors answer within 30 days.",
    )),
    Part::Then(("E-mail della redazione:", "Editors' e-mail:"), Value::Editors),
];

/// Informativa sul trattamento dei dati personali (GDPR art. 13).
#[component]
pub fn Privacy() -> impl IntoView {
    use_document_title("Informativa privacy", "Privacy notice");
    view! { <LegalPage heading="/privacy" parts=PRIVACY /> }
}

const PUBLIC_TASK: Text = (
    "Esecuzione di un compito di interesse pubblico (articolo 6, paragrafo 1, lettera e, del Regolamento UE 2016/679).",
    "Performance of a task carried out in the public interest (article 6(1)(e) of Regulation (EU) 2016/679).",
);
const PURPOSE: Text = ("Finalità", "Purpose");
const BASIS: Text = ("Base giuridica", "Legal basis");
const KEPT: Text = ("Conservazione", "Retention");

const PRIVACY: &[Part] = &[
    Part::Heading(("Titolare del trattamento", "Data controller")),
    Part::RowValue(("Titolare", "Controller"), Value::ControllerName),
    Part::RowValue(("Indirizzo", "Address"), Value::ControllerAddress),
    Part::RowValue(("PEC", "PEC (certified e-mail)"), Value::ControllerPec),
    Part::RowValue(("E-mail", "E-mail"), Value::ControllerEmail),
    Part::Heading(("Responsabile della protezione dei dati", "Data protection officer")),
    Part::Then(("E-mail:", "E-mail:"), Value::Dpo),
    Part::Heading(("Quali dati trattiamo, perché e per quanto tempo", "What data we process, why and for how long")),
    Part::Subheading((
        "La pratica: le risposte al questionario, l'ente e l'eventuale contatto istituzionale dell'ufficio",
        "The practice: the answers to the questionnaire, the body and the office's institutional contact, if any",
    )),
    Part::Row(
        PURPOSE,
        (
            "Raccogliere, verificare e pubblicare le buone pratiche come dati aperti (CC BY 4.0).",
            "Collecting, checking and publishing good practices as open data (CC BY 4.0).",
        ),
    ),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(
        KEPT,
        (
            "Finché la pratica fa parte della raccolta; una pratica respinta non è mai pubblicata.",
            "As long as the practice is part of the collection; a rejected practice is never published.",
        ),
    ),
    Part::Subheading(("Nome, e-mail e telefono del referente", "The contact person's name, e-mail and phone")),
    Part::Row(
        PURPOSE,
        (
            "Permettere alla redazione di chiedere chiarimenti. Non sono mai pubblicati.",
            "Letting the editors ask questions. They are never published.",
        ),
    ),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(
        KEPT,
        (
            "{contact_months} mesi dalla pubblicazione o dal rifiuto della pratica.",
            "{contact_months} months from the publication or rejection of the practice.",
        ),
    ),
    Part::Subheading(("Le bozze del questionario", "Drafts of the questionnaire")),
    Part::Row(
        PURPOSE,
        (
            "Non perdere quello che hai scritto. Restano solo nel tuo browser e non arrivano al server finché non invii la pratica.",
            "Not losing what you typed. They stay in your browser only and do not reach the server until you send the practice.",
        ),
    ),
    Part::Row(
        BASIS,
        (
            "Nessun trattamento da parte del titolare: i dati restano sul tuo dispositivo.",
            "No processing by the controller: the data stay on your device.",
        ),
    ),
    Part::Row(
        KEPT,
        ("Finché non invii la pratica o non elimini la bozza.", "Until you send the practice or discard the draft."),
    ),
    Part::Subheading((
        "Gli account della redazione: e-mail, password cifrata, registro delle azioni",
        "Editors' accounts: e-mail, hashed password, log of actions",
    )),
    Part::Row(
        PURPOSE,
        (
            "Consentire l'accesso alla redazione e rendere tracciabile ogni decisione.",
            "Signing in to the editors' pages and keeping every decision traceable.",
        ),
    ),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(
        KEPT,
        (
            "{account_months} mesi dalla chiusura dell'account.",
            "{account_months} months from the closing of the account.",
        ),
    ),
    Part::Subheading((
        "I log del server: indirizzo IP, data e ora, pagina richiesta",
        "Server logs: IP address, date and time, page requested",
    )),
    Part::Row(
        PURPOSE,
        ("Sicurezza del servizio e prevenzione degli abusi.", "Security of the service and prevention of abuse."),
    ),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(KEPT, ("{log_days} giorni.", "{log_days} days.")),
    Part::Subheading((
        "Le segnalazioni di accessibilità: la descrizione e l'eventuale e-mail",
        "Accessibility reports: the description and the e-mail, if given",
    )),
    Part::Row(
        PURPOSE,
        ("Rispondere alla segnalazione e correggere il problema.", "Answering the report and fixing the problem."),
    ),
    Part::Row(
        BASIS,
        (
            "Adempimento di un obbligo legale (articolo 6, paragrafo 1, lettera c; legge 4/2004).",
            "Compliance with a legal obligation (article 6(1)(c); Law 4/2004).",
        ),
    ),
    Part::Row(KEPT, ("{feedback_months} mesi dalla segnalazione.", "{feedback_months} months from the report.")),
    Part::Subheading((
        "La valutazione del servizio dopo l'invio: le stelle e l'eventuale commento",
        "The service rating after sending: the stars and the comment, if given",
    )),
    Part::Row(
        PURPOSE,
        (
            "Migliorare il questionario. La valutazione è anonima: non sono registrati chi la invia, il suo indirizzo né l'ora, solo il giorno; non scrivere dati personali nel commento.",
            "Improving the questionnaire. The rating is anonymous: neither who sends it, nor their address, nor the time is recorded, only the day; do not write personal data in the comment.",
        ),
    ),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(KEPT, ("{feedback_months} mesi dall'invio.", "{feedback_months} months from sending.")),
    Part::Subheading((
        "I messaggi di «Contatta il referente»: nome, ente, e-mail e testo di chi scrive",
        "Messages sent with “Contact the referent”: the sender's name, body, e-mail and text",
    )),
    Part::Row(
        PURPOSE,
        (
            "Inoltrare il messaggio al referente della pratica, senza mostrarti il suo indirizzo, e mandartene una copia; la risposta del referente ti arriva direttamente. Non sono pubblicati.",
            "Forwarding the message to the practice's contact person, without showing you their address, and sending you a copy; the contact person's answer comes straight to you. They are never published.",
        ),
    ),
    Part::Row(
        BASIS,
        (
            "Consenso (articolo 6, paragrafo 1, lettera a), dato spuntando la casella del modulo.",
            "Consent (article 6(1)(a)), given by ticking the form's box.",
        ),
    ),
    Part::Row(
        KEPT,
        (
            "Nella posta in uscita fino all'invio e per {mail_days} giorni dopo, poi cancellati; il sito non ne tiene altra copia.",
            "In the outbox until sent and for {mail_days} days after, then deleted; the site keeps no other copy.",
        ),
    ),
    Part::Subheading((
        "Chi dichiara un'adozione («L'abbiamo adottata anche noi»): nome ed e-mail del referente",
        "Declaring an adoption (“We adopted it too”): the contact person's name and e-mail",
    )),
    Part::Row(
        PURPOSE,
        (
            "Permettere alla redazione di verificare la dichiarazione e di scrivere all'ente. Non sono pubblicati: si pubblicano solo il nome dell'ente, la regione, il mese e le modifiche.",
            "Letting the editors check the declaration and write to the body. They are never published: only the body's name, the region, the month and the changes are.",
        ),
    ),
    Part::Row(
        BASIS,
        (
            "Consenso (articolo 6, paragrafo 1, lettera a), dato spuntando la casella del modulo.",
            "Consent (article 6(1)(a)), given by ticking the form's box.",
        ),
    ),
    Part::Row(
        KEPT,
        (
            "Come il contatto del referente di una pratica: {contact_months} mesi dalla decisione della redazione.",
            "As a practice's contact: {contact_months} months from the editors' decision.",
        ),
    ),
    Part::Subheading((
        "Gli invitati di una raccolta: l'ente e l'indirizzo a cui scriviamo",
        "A collection round's invitees: the body and the address we write to",
    )),
    Part::Row(
        PURPOSE,
        (
            "Invitare l'ente a partecipare alla raccolta, con un solo promemoria prima della scadenza se non ha risposto, e mostrare all'amministrazione chi ha risposto. Sono indirizzi degli uffici, caricati dall'amministrazione; non sono pubblicati.",
            "Inviting the body to take part in the round, with one reminder before the deadline if it has not answered, and showing the administration who answered. They are offices' addresses, added by the administration; they are never published.",
        ),
    ),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(
        KEPT,
        (
            "Fino a un anno dopo la chiusura della raccolta, poi cancellati; i messaggi restano nella posta in uscita per {mail_days} giorni dall'invio.",
            "Until a year after the round closes, then deleted; the messages stay in the outbox for {mail_days} days after sending.",
        ),
    ),
    Part::Subheading((
        "Chi segue una ricerca («Segui questa ricerca»): l'e-mail e la ricerca seguita",
        "Following a search (“Follow this search”): the e-mail and the search followed",
    )),
    Part::Row(
        PURPOSE,
        (
            "Mandarti una volta a settimana, solo se ci sono novità, le pratiche nuove o aggiornate della ricerca. Serve solo a questo.",
            "Sending you once a week, only when there is something new, the practices new or updated in the search. It serves no other purpose.",
        ),
    ),
    Part::Row(
        BASIS,
        (
            "Consenso (articolo 6, paragrafo 1, lettera a), confermato dal link che ti mandiamo; lo revochi con un clic da ogni messaggio.",
            "Consent (article 6(1)(a)), confirmed by the link we send you; you withdraw it in one click from any message.",
        ),
    ),
    Part::Row(
        KEPT,
        (
            "Finché non annulli l'iscrizione: allora l'indirizzo è cancellato. Se non confermi, è cancellato dopo 7 giorni.",
            "Until you cancel: the address is then deleted. If you do not confirm, it is deleted after 7 days.",
        ),
    ),
    Part::Subheading((
        "Le e-mail al referente della pratica: ricevuta, integrazioni chieste, pubblicazione, rifiuto",
        "E-mails to the practice's contact person: receipt, changes asked, publication, rejection",
    )),
    Part::Row(
        PURPOSE,
        (
            "Dire al referente che cosa decide la redazione. La copia della ricevuta, che contiene il link privato, parte solo se la chiedi.",
            "Telling the contact person what the editors decide. The copy of the receipt, which holds the private link, is sent only if you ask for it.",
        ),
    ),
    Part::Row(BASIS, PUBLIC_TASK),
    Part::Row(
        KEPT,
        (
            "Nella posta in uscita fino all'invio e per {mail_days} giorni dopo, poi cancellate.",
            "In the outbox until sent and for {mail_days} days after, then deleted.",
        ),
    ),
    Part::Heading(("Destinatari", "Recipients")),
    Part::Paragraph((
        "I dati sono trattati dalla redazione, autorizzata dal titolare, e dai fornitori che ospitano il servizio e ne consegnano la posta, nominati responsabili del trattamento (articolo 28). Non sono trasferiti fuori dall'Unione europea. Non ci sono profilazione né decisioni automatizzate.",
        "The data are processed by the editors, authorised by the controller, and by the providers hosting the service and delivering its mail, appointed as processors (article 28). They are not transferred outside the European Union. There is no profiling and no automated decision-making.",
    )),
    Part::Paragraph((
        "Il sito non usa cookie di profilazione né servizi di terze parti: usa solo l'archiviazione del browser per le bozze e la lingua, e un cookie tecnico di sessione per la redazione.",
        "The site uses no profiling cookies and no third-party services: only the browser's storage for drafts and the language, and a technical session cookie for the editors.",
    )),
    Part::Heading(("I tuoi diritti", "Your rights")),
    Part::Paragraph((
        "Puoi chiedere l'accesso ai tuoi dati, la rettifica, la cancellazione, la limitazione del trattamento e opporti al trattamento (articoli 15-21 del Regolamento). La risposta arriva entro un mese.",
        "You can ask for access to your data, their rectification or erasure, the restriction of processing, and object to processing (articles 15-21 of the Regulation). The answer comes within one month.",
    )),
    Part::Then(("Scrivi al titolare:", "Write to the controller:"), Value::RightsContact),
    Part::Heading(("Reclamo al Garante", "Complaint to the supervisory authority")),
    Part::Paragraph((
        "Se ritieni che il trattamento violi il Regolamento, puoi proporre reclamo al Garante per la protezione dei dati personali (articolo 77).",
        "If you believe the processing breaches the Regulation, you can lodge a complaint with the Italian data protection authority, the Garante per la protezione dei dati personali (article 77).",
    )),
    Part::Then(
        ("Il sito del Garante:", "The Garante's website:"),
        Value::Fixed("https://www.garanteprivacy.it/", "www.garanteprivacy.it"),
    ),
    Part::Heading(("Contatti", "Contacts")),
    Part::Then(
        ("Per ogni domanda sulla raccolta:", "For any question on the collection:"),
        Value::Page("/contatti", ("la pagina dei contatti", "the contacts page")),
    ),
];

/// Contatti: the editors, the data controller and its DPO, accessibility
/// and security reports.
#[component]
pub fn Contacts() -> impl IntoView {
    use_document_title("Contatti", "Contacts");
    view! { <LegalPage heading="/contatti" parts=CONTACTS /> }
}

const CONTACTS: &[Part] = &[
    Part::Heading(("Redazione", "Editors")),
    Part::Then(
        (
            "Per domande sulla raccolta, sul questionario e sulle pratiche pubblicate:",
            "For questions on the collection, the questionnaire and the published practices:",
        ),
        Value::Editors,
    ),
    Part::Heading(("Titolare del trattamento dei dati", "Data controller")),
    Part::RowValue(("Ente", "Body"), Value::ControllerName),
    Part::RowValue(("Indirizzo", "Address"), Value::ControllerAddress),
    Part::RowValue(("PEC", "PEC (certified e-mail)"), Value::ControllerPec),
    Part::RowValue(("E-mail", "E-mail"), Value::ControllerEmail),
    Part::RowValue(("Responsabile della protezione dei dati", "Data protection officer"), Value::Dpo),
    Part::Heading(("Accessibilità", "Accessibility")),
    Part::Then(
        ("Un ostacolo su una pagina?", "An obstacle on a page?"),
        Value::Page(
            "/accessibilita#segnala",
            ("Segnala un problema di accessibilità", "Report an accessibility problem"),
        ),
    ),
    Part::IfSet(
        Value::Security,
        &[
            Part::Heading(("Sicurezza", "Security")),
            Part::Then(("Per segnalare una vulnerabilità:", "To report a vulnerability:"), Value::Security),
        ],
    ),
];
