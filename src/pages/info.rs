// SPDX-License-Identifier: EUPL-1.2
//! The pages the footer links to, as the law and open-data practice require.

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::{FileLink, page_heading, use_document_title};
use crate::i18n::{tr, use_lang};
use domain::Lang;
use domain::operator::{Operator, Retention};
use leptos::prelude::*;
use leptos_router::components::A;

/// When the accessibility statement was last drawn up, and by what method.
const STATEMENT_DATE: &str = "2026-12-02";

/// Shows `content` once the operator (who runs the site) has arrived.
#[component]
fn WithOperator<V: IntoView + 'static>(content: fn(Operator) -> V) -> impl IntoView {
    let operator = LocalResource::new(api::fetch_operator);
    view! {
        <Transition fallback=|| {
            view! { <p role="status">{tr("Caricamento…", "Loading…")}</p> }
        }>
            {move || Suspend::new(async move {
                match operator.await {
                    Ok(operator) => {
                        view! {
                            <ExampleNotice example=operator.example />
                            {content(operator)}
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorAlert error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Says so when the operator's values are the demo's examples.
#[component]
fn ExampleNotice(example: bool) -> impl IntoView {
    example
        .then(|| {
            view! {
                <div class="alert alert-warning" role="note">
                    <p>
                        {tr(
                            "Sito dimostrativo: i nomi e gli indirizzi di questa pagina sono valori di esempio, che l'amministrazione che gestisce il sito sostituisce con i propri.",
                            "Demonstration site: the names and addresses on this page are examples, which the administration running the site replaces with its own.",
                        )}
                    </p>
                </div>
            }
        })
}

/// A configured value, or "not given" (the operator has yet to set it).
fn given(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| tr("non indicato", "not given")().to_owned())
}

/// An e-mail as a link, or "not given".
fn email_link(value: &Option<String>) -> AnyView {
    match value {
        Some(address) => view! { <a href=format!("mailto:{address}")>{address.clone()}</a> }.into_any(),
        None => given(value).into_any(),
    }
}

/// Dichiarazione di accessibilità, after AgID's model (Law 4/2004).
#[component]
pub fn Accessibility() -> impl IntoView {
    use_document_title("Dichiarazione di accessibilità", "Accessibility statement");
    view! {
        <div class="container page">
            <h1>{page_heading("/accessibilita")}</h1>
            <WithOperator content=accessibility_statement />
        </div>
    }
}

fn accessibility_statement(operator: Operator) -> impl IntoView {
    let controller = given(&operator.controller.name);
    let agid = operator.accessibility_statement_url.clone();
    let editors = operator.editors_email.clone();
    view! {
        <p>
            {move || {
                if use_lang().get() == Lang::En {
                    format!(
                        "{controller} is committed to making its website accessible, in accordance with Law no. 4 of 9 January 2004. This accessibility statement applies to the Buone pratiche website.",
                    )
                } else {
                    format!(
                        "{controller} si impegna a rendere il proprio sito web accessibile, conformemente alla legge 9 gennaio 2004, n. 4. La presente dichiarazione di accessibilità si applica al sito Buone pratiche.",
                    )
                }
            }}
        </p>
        <h2>{tr("Stato di conformità", "Compliance status")}</h2>
        <p>
            {tr(
                "Questo sito è parzialmente conforme ai requisiti dell'allegato A alla norma UNI CEI EN 301549 (WCAG 2.1 livello AA), per i contenuti non accessibili elencati di seguito.",
                "This website is partially compliant with the requirements of annex A to standard UNI CEI EN 301549 (WCAG 2.1 level AA), because of the non-accessible content listed below.",
            )}
        </p>
        <h2>{tr("Contenuti non accessibili", "Non-accessible content")}</h2>
        <ul>
            <li>
                {tr(
                    "I testi delle pratiche sono scritti dagli enti che le descrivono: possono contenere sigle non spiegate o collegamenti senza descrizione (contenuti di terzi, art. 3 della legge 4/2004).",
                    "The texts of the practices are written by the bodies that describe them: they may hold unexplained acronyms or links without a description (third-party content, art. 3 of Law 4/2004).",
                )}
            </li>
            <li>
                {tr(
                    "I file di dati aperti (CSV, JSON, Turtle) sono dati da elaborare, non documenti da leggere: le stesse informazioni sono nelle pagine del catalogo.",
                    "The open-data files (CSV, JSON, Turtle) are data to process, not documents to read: the same information is on the catalogue's pages.",
                )}
            </li>
        </ul>
        <h2>{tr("Redazione della dichiarazione", "Preparation of this statement")}</h2>
        <p>
            {move || {
                if use_lang().get() == Lang::En {
                    format!(
                        "This statement was drawn up on {STATEMENT_DATE} by self-assessment: every page is checked automatically with axe-core at each change of the software, and the tests use the pages with the keyboard, at 375 pixels wide and in both languages.",
                    )
                } else {
                    format!(
                        "La dichiarazione è stata redatta il {STATEMENT_DATE} con un'autovalutazione: ogni pagina è verificata automaticamente con axe-core a ogni modifica del software, e i test usano le pagine da tastiera, a 375 pixel di larghezza e nelle due lingue.",
                    )
                }
            }}
        </p>
        {agid
            .map(|url| {
                view! {
                    <p>
                        {tr(
                            "La dichiarazione è pubblicata anche sul sito di AgID: ",
                            "The statement is also published on AgID's website: ",
                        )} <a href=url.clone()>{url.clone()}</a>
                    </p>
                }
            })}
        <h2 id="segnala">{tr("Meccanismo di feedback e recapiti", "Feedback and contact information")}</h2>
        <p>
            {tr(
                "Se incontri un ostacolo su una pagina, segnalalo con il modulo qui sotto: la redazione risponde entro 30 giorni.",
                "If you meet an obstacle on a page, report it with the form below: the editors answer within 30 days.",
            )}
        </p>
        <p>{tr("E-mail della redazione: ", "Editors' e-mail: ")} {email_link(&editors)}</p>
        <crate::pages::report_form::ReportForm />
        <h2>{tr("Procedura di attuazione", "Enforcement procedure")}</h2>
        <p>
            {tr(
                "Se la risposta non ti soddisfa, o non ricevi risposta entro 30 giorni dalla segnalazione, puoi rivolgerti al Difensore civico per il digitale presso l'Agenzia per l'Italia Digitale (articolo 3-quinquies, comma 3, della legge 4/2004), dal sito ",
                "If the answer does not satisfy you, or you receive none within 30 days of your report, you can turn to the Digital Ombudsman at the Agency for Digital Italy (article 3-quinquies, paragraph 3, of Law 4/2004), from the website ",
            )} <a href="https://www.agid.gov.it/">"www.agid.gov.it"</a> "."
        </p>
    }
}

/// Informativa sul trattamento dei dati personali (GDPR art. 13).
#[component]
pub fn Privacy() -> impl IntoView {
    use_document_title("Informativa privacy", "Privacy notice");
    view! {
        <div class="container page">
            <h1>{page_heading("/privacy")}</h1>
            <WithOperator content=privacy_notice />
        </div>
    }
}

/// One kind of personal data: what, why, on what legal basis, how long.
struct Processing {
    data: (&'static str, &'static str),
    purpose: (&'static str, &'static str),
    basis: (&'static str, &'static str),
    kept: (String, String),
}

fn processings(retention: Retention) -> [Processing; 6] {
    let months = |n: u16| (format!("{n} mesi"), format!("{n} months"));
    let (contact_it, contact_en) = months(retention.contact_months);
    let (account_it, account_en) = months(retention.account_months);
    let (feedback_it, feedback_en) = months(retention.feedback_months);
    [
        Processing {
            data: (
                "La pratica: le risposte al questionario, l'ente e l'eventuale contatto istituzionale dell'ufficio",
                "The practice: the answers to the questionnaire, the body and the office's institutional contact, if any",
            ),
            purpose: (
                "Raccogliere, verificare e pubblicare le buone pratiche come dati aperti (CC BY 4.0).",
                "Collecting, checking and publishing good practices as open data (CC BY 4.0).",
            ),
            basis: (
                "Esecuzione di un compito di interesse pubblico (art. 6, par. 1, lett. e del Regolamento UE 2016/679).",
                "Performance of a task carried out in the public interest (art. 6(1)(e) of Regulation (EU) 2016/679).",
            ),
            kept: (
                "Finché la pratica fa parte della raccolta; una pratica respinta non è mai pubblicata.".into(),
                "As long as the practice is part of the collection; a rejected practice is never published.".into(),
            ),
        },
        Processing {
            data: ("Nome, e-mail e telefono del referente", "The contact person's name, e-mail and phone"),
            purpose: (
                "Permettere alla redazione di chiedere chiarimenti. Non sono mai pubblicati.",
                "Letting the editors ask questions. They are never published.",
            ),
            basis: (
                "Esecuzione di un compito di interesse pubblico (art. 6, par. 1, lett. e).",
                "Performance of a task carried out in the public interest (art. 6(1)(e)).",
            ),
            kept: (
                format!("{contact_it} dalla pubblicazione o dal rifiuto della pratica."),
                format!("{contact_en} from the publication or rejection of the practice."),
            ),
        },
        Processing {
            data: ("Le bozze del questionario", "Drafts of the questionnaire"),
            purpose: (
                "Non perdere quello che hai scritto. Restano solo nel tuo browser e non arrivano al server finché non invii la pratica.",
                "Not losing what you typed. They stay in your browser only and do not reach the server until you send the practice.",
            ),
            basis: (
                "Nessun trattamento da parte del titolare: i dati restano sul tuo dispositivo.",
                "No processing by the controller: the data stay on your device.",
            ),
            kept: (
                "Finché non invii la pratica o non cancelli la bozza (pulsante «Elimina la bozza»).".into(),
                "Until you send the practice or discard the draft (the “Discard draft” button).".into(),
            ),
        },
        Processing {
            data: (
                "Gli account della redazione: e-mail, password cifrata, registro delle azioni",
                "Editors' accounts: e-mail, hashed password, log of actions",
            ),
            purpose: (
                "Consentire l'accesso alla redazione e rendere tracciabile ogni decisione.",
                "Signing in to the editors' pages and keeping every decision traceable.",
            ),
            basis: (
                "Esecuzione di un compito di interesse pubblico (art. 6, par. 1, lett. e).",
                "Performance of a task carried out in the public interest (art. 6(1)(e)).",
            ),
            kept: (
                format!("{account_it} dalla chiusura dell'account."),
                format!("{account_en} from the closing of the account."),
            ),
        },
        Processing {
            data: (
                "I log del server: indirizzo IP, data e ora, pagina richiesta",
                "Server logs: IP address, date and time, page requested",
            ),
            purpose: (
                "Sicurezza del servizio e prevenzione degli abusi.",
                "Security of the service and prevention of abuse.",
            ),
            basis: (
                "Esecuzione di un compito di interesse pubblico (art. 6, par. 1, lett. e).",
                "Performance of a task carried out in the public interest (art. 6(1)(e)).",
            ),
            kept: (format!("{} giorni.", retention.log_days), format!("{} days.", retention.log_days)),
        },
        Processing {
            data: (
                "Le segnalazioni di accessibilità: la descrizione e l'eventuale e-mail",
                "Accessibility reports: the description and the e-mail, if given",
            ),
            purpose: (
                "Rispondere alla segnalazione e correggere il problema.",
                "Answering the report and fixing the problem.",
            ),
            basis: (
                "Adempimento di un obbligo legale (art. 6, par. 1, lett. c; legge 4/2004).",
                "Compliance with a legal obligation (art. 6(1)(c); Law 4/2004).",
            ),
            kept: (format!("{feedback_it} dalla segnalazione."), format!("{feedback_en} from the report.")),
        },
    ]
}

fn privacy_notice(operator: Operator) -> impl IntoView {
    let Operator { controller, dpo_email, retention, .. } = operator;
    let name = given(&controller.name);
    let address = given(&controller.address);
    let rights_contact = controller.email.clone().or(controller.pec.clone());
    view! {
        <h2>{tr("Titolare del trattamento", "Data controller")}</h2>
        <dl class="contact-list">
            <dt>{tr("Titolare", "Controller")}</dt>
            <dd>{name}</dd>
            <dt>{tr("Indirizzo", "Address")}</dt>
            <dd>{address}</dd>
            <dt>"PEC"</dt>
            <dd>{email_link(&controller.pec)}</dd>
            <dt>"E-mail"</dt>
            <dd>{email_link(&controller.email)}</dd>
        </dl>
        <h2>{tr("Responsabile della protezione dei dati", "Data protection officer")}</h2>
        <p>{tr("E-mail: ", "E-mail: ")} {email_link(&dpo_email)}</p>
        <h2>{tr("Quali dati trattiamo, perché e per quanto tempo", "What data we process, why and for how long")}</h2>
        {processings(retention)
            .into_iter()
            .map(|p| {
                let (kept_it, kept_en) = p.kept;
                view! {
                    <section class="processing">
                        <h3>{tr(p.data.0, p.data.1)}</h3>
                        <dl class="contact-list">
                            <dt>{tr("Finalità", "Purpose")}</dt>
                            <dd>{tr(p.purpose.0, p.purpose.1)}</dd>
                            <dt>{tr("Base giuridica", "Legal basis")}</dt>
                            <dd>{tr(p.basis.0, p.basis.1)}</dd>
                            <dt>{tr("Conservazione", "Retention")}</dt>
                            <dd>
                                {move || if use_lang().get() == Lang::En { kept_en.clone() } else { kept_it.clone() }}
                            </dd>
                        </dl>
                    </section>
                }
            })
            .collect_view()}
        <h2>{tr("Destinatari", "Recipients")}</h2>
        <p>
            {tr(
                "I dati sono trattati dalla redazione, autorizzata dal titolare, e dai fornitori che ospitano il servizio, nominati responsabili del trattamento (art. 28). Non sono trasferiti fuori dall'Unione europea. Non ci sono profilazione né decisioni automatizzate.",
                "The data are processed by the editors, authorised by the controller, and by the providers hosting the service, appointed as processors (art. 28). They are not transferred outside the European Union. There is no profiling and no automated decision-making.",
            )}
        </p>
        <p>
            {tr(
                "Il sito non usa cookie di profilazione né servizi di terze parti: usa solo l'archiviazione del browser per le bozze e la lingua, e un cookie tecnico di sessione per la redazione.",
                "The site uses no profiling cookies and no third-party services: only the browser's storage for drafts and the language, and a technical session cookie for the editors.",
            )}
        </p>
        <h2>{tr("I tuoi diritti", "Your rights")}</h2>
        <p>
            {tr(
                "Puoi chiedere l'accesso ai tuoi dati, la rettifica, la cancellazione, la limitazione del trattamento e opporti al trattamento (articoli 15-21 del Regolamento). Scrivi al titolare: ",
                "You can ask for access to your data, their rectification or erasure, the restriction of processing, and object to processing (articles 15-21 of the Regulation). Write to the controller: ",
            )} {email_link(&rights_contact)}
            {tr(". La risposta arriva entro un mese.", ". The answer comes within one month.")}
        </p>
        <h2>{tr("Reclamo al Garante", "Complaint to the supervisory authority")}</h2>
        <p>
            {tr(
                "Se ritieni che il trattamento violi il Regolamento, puoi proporre reclamo al Garante per la protezione dei dati personali (art. 77): ",
                "If you believe the processing breaches the Regulation, you can lodge a complaint with the Italian data protection authority, the Garante per la protezione dei dati personali (art. 77): ",
            )} <a href="https://www.garanteprivacy.it/">"www.garanteprivacy.it"</a> "."
        </p>
    }
}

/// Contatti: the editors, the data controller and its DPO, accessibility
/// and security reports.
#[component]
pub fn Contacts() -> impl IntoView {
    use_document_title("Contatti", "Contacts");
    view! {
        <div class="container page">
            <h1>{page_heading("/contatti")}</h1>
            <WithOperator content=contacts />
        </div>
    }
}

fn contacts(operator: Operator) -> impl IntoView {
    let security = operator.security_contact.clone().map(|uri| {
        let shown = uri.strip_prefix("mailto:").unwrap_or(&uri).to_owned();
        view! { <a href=uri>{shown}</a> }
    });
    view! {
        <h2>{tr("Redazione", "Editors")}</h2>
        <p>
            {tr(
                "Per domande sulla raccolta, sul questionario e sulle pratiche pubblicate: ",
                "For questions on the collection, the questionnaire and the published practices: ",
            )} {email_link(&operator.editors_email)}
        </p>
        <h2>{tr("Titolare del trattamento dei dati", "Data controller")}</h2>
        <dl class="contact-list">
            <dt>{tr("Ente", "Body")}</dt>
            <dd>{given(&operator.controller.name)}</dd>
            <dt>{tr("Indirizzo", "Address")}</dt>
            <dd>{given(&operator.controller.address)}</dd>
            <dt>"PEC"</dt>
            <dd>{email_link(&operator.controller.pec)}</dd>
            <dt>"E-mail"</dt>
            <dd>{email_link(&operator.controller.email)}</dd>
            <dt>{tr("Responsabile della protezione dei dati", "Data protection officer")}</dt>
            <dd>{email_link(&operator.dpo_email)}</dd>
        </dl>
        <h2>{tr("Accessibilità", "Accessibility")}</h2>
        <p>
            <A href="/accessibilita#segnala">
                {tr("Segnala un problema di accessibilità", "Report an accessibility problem")}
            </A>
        </p>
        {security
            .map(|link| {
                view! {
                    <h2>{tr("Sicurezza", "Security")}</h2>
                    <p>{tr("Per segnalare una vulnerabilità: ", "To report a vulnerability: ")} {link}</p>
                }
            })}
    }
}

/// Dati aperti: the licence and how to reuse the data.
#[component]
pub fn OpenData() -> impl IntoView {
    use_document_title("Dati aperti", "Open data");
    view! {
        <div class="container page">
            <h1>{page_heading("/dati-aperti")}</h1>
            <p>
                {tr(
                    "Le pratiche pubblicate sono rilasciate con licenza Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0): puoi riutilizzarle citando la fonte.",
                    "Published practices are released under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may reuse them, citing the source.",
                )}
            </p>
            <h2>{tr("File", "Files")}</h2>
            <ul>
                <li>
                    <FileLink href="opendata/buone-pratiche.csv" download=true>
                        {tr("Tutte le pratiche pubblicate (CSV, UTF-8)", "Every published practice (CSV, UTF-8)")}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/buone-pratiche.json" download=true>
                        {tr("Tutte le pratiche pubblicate (JSON)", "Every published practice (JSON)")}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/dizionario-dati.json">
                        {tr("Dizionario dei dati (JSON)", "Data dictionary (JSON)")}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/dcat.ttl">
                        {tr("Metadati DCAT-AP_IT (Turtle)", "DCAT-AP_IT metadata (Turtle)")}
                    </FileLink>
                </li>
                <li>
                    <FileLink href="opendata/feed.atom">
                        {tr("Nuove pratiche e aggiornamenti (feed Atom)", "New practices and updates (Atom feed)")}
                    </FileLink>
                </li>
            </ul>
            <p>
                {tr(
                    "Identificativi e indirizzi delle pratiche (BP-AAAA-NNNN, /pratiche/BP-AAAA-NNNN) non cambiano mai. Dal catalogo puoi scaricare anche solo le pratiche che hai filtrato.",
                    "Practice identifiers and addresses (BP-YYYY-NNNN, /pratiche/BP-YYYY-NNNN) never change. From the catalogue you can also download just the practices you filtered.",
                )}
            </p>
            <p>
                {tr(
                    "L'elenco dei comuni italiani usato dal questionario è di fonte ISTAT (licenza CC BY). Fonte: ISTAT.",
                    "The list of Italian municipalities used by the questionnaire comes from ISTAT (CC BY licence). Source: ISTAT.",
                )}
            </p>
        </div>
    }
}
