// SPDX-License-Identifier: EUPL-1.2
//! The legal pages: privacy notice, accessibility statement, terms.

use super::Text;

pub const NOT_GIVEN: Text = Text::new("non indicato", "not given");
pub const DEMONSTRATION_SITE: Text = Text::new(
    "Sito dimostrativo: i nomi e gli indirizzi di questa pagina sono valori di esempio, che l'amministrazione che gestisce il sito sostituisce con i propri.",
    "Demonstration site: the names and addresses on this page are examples, which the administration running the site replaces with its own.",
);
pub const ENFORCEMENT_PROCEDURE: Text = Text::new("Procedura di attuazione", "Enforcement procedure");
pub const TURN_TO_AGID: Text = Text::new(
    "Se la risposta non ti soddisfa, o non ricevi risposta entro 30 giorni dalla segnalazione, puoi rivolgerti al Difensore civico per il digitale presso l'Agenzia per l'Italia Digitale (articolo 3-quinquies, comma 3, della legge 4/2004), dal sito ",
    "If the answer does not satisfy you, or you receive none within 30 days of your report, you can turn to the Digital Ombudsman at the Agency for Digital Italy (article 3-quinquies, paragraph 3, of Law 4/2004), from the website ",
);
pub const STATEMENT_INTRO: Text = Text::new(
    "{controller} si impegna a rendere il proprio sito web accessibile, conformemente alla legge 9 gennaio 2004, n. 4. La presente dichiarazione di accessibilità si applica al sito Buone pratiche.",
    "{controller} is committed to making its website accessible, in accordance with Law no. 4 of 9 January 2004. This accessibility statement applies to the Buone pratiche website.",
);
pub const COMPLIANCE_STATUS: Text = Text::new("Stato di conformità", "Compliance status");
pub const PARTIALLY_COMPLIANT: Text = Text::new(
    "Questo sito è parzialmente conforme ai requisiti dell'allegato A alla norma UNI CEI EN 301549 (WCAG 2.1 livello AA), per i contenuti non accessibili elencati di seguito.",
    "This website is partially compliant with the requirements of annex A to standard UNI CEI EN 301549 (WCAG 2.1 level AA), because of the non-accessible content listed below.",
);
pub const NON_ACCESSIBLE_CONTENT: Text = Text::new("Contenuti non accessibili", "Non-accessible content");
pub const PRACTICE_TEXTS_NOT_ACCESSIBLE: Text = Text::new(
    "I testi delle pratiche sono scritti dagli enti che le descrivono: possono contenere sigle non spiegate o collegamenti senza descrizione (contenuti di terzi, articolo 3 della legge 4/2004).",
    "The texts of the practices are written by the bodies that describe them: they may hold unexplained acronyms or links without a description (third-party content, article 3 of Law 4/2004).",
);
pub const OPEN_DATA_FILES_NOT_ACCESSIBLE: Text = Text::new(
    "I file di dati aperti (CSV, JSON, Turtle) sono dati da elaborare, non documenti da leggere: le stesse informazioni sono nelle pagine del catalogo.",
    "The open-data files (CSV, JSON, Turtle) are data to process, not documents to read: the same information is on the catalogue's pages.",
);
pub const PREPARATION_OF_THIS_STATEMENT: Text =
    Text::new("Redazione della dichiarazione", "Preparation of this statement");
pub const STATEMENT_DRAWN_UP: Text = Text::new(
    "La dichiarazione è stata redatta il {date} con un'autovalutazione: ogni pagina è verificata automaticamente con axe-core a ogni modifica del software, e i test usano le pagine da tastiera, a 375 pixel di larghezza e nelle due lingue.",
    "This statement was drawn up on {date} by self-assessment: every page is checked automatically with axe-core at each change of the software, and the tests use the pages with the keyboard, at 375 pixels wide and in both languages.",
);
pub const STATEMENT_ON_AGID_SITE: Text = Text::new(
    "La dichiarazione è pubblicata anche sul sito di AgID:",
    "The statement is also published on AgID's website:",
);
pub const FEEDBACK_AND_CONTACT_INFORMATION: Text =
    Text::new("Meccanismo di feedback e recapiti", "Feedback and contact information");
pub const REPORT_WITH_THE_FORM: Text = Text::new(
    "Se incontri un ostacolo su una pagina, segnalalo con il modulo qui sotto: la redazione risponde entro 30 giorni.",
    "If you meet an obstacle on a page, report it with the form below: the editors answer within 30 days.",
);
pub const EDITORS_E_MAIL: Text = Text::new("E-mail della redazione:", "Editors' e-mail:");
pub const PUBLIC_INTEREST_TASK: Text = Text::new(
    "Esecuzione di un compito di interesse pubblico (articolo 6, paragrafo 1, lettera e, del Regolamento UE 2016/679).",
    "Performance of a task carried out in the public interest (article 6(1)(e) of Regulation (EU) 2016/679).",
);
pub const PURPOSE: Text = Text::new("Finalità", "Purpose");
pub const LEGAL_BASIS: Text = Text::new("Base giuridica", "Legal basis");
pub const RETENTION: Text = Text::new("Conservazione", "Retention");
pub const DATA_CONTROLLER: Text = Text::new("Titolare del trattamento", "Data controller");
pub const CONTROLLER: Text = Text::new("Titolare", "Controller");
pub const ADDRESS: Text = Text::new("Indirizzo", "Address");
pub const PEC: Text = Text::new("PEC", "PEC (certified e-mail)");
pub const DATA_PROTECTION_OFFICER: Text =
    Text::new("Responsabile della protezione dei dati", "Data protection officer");
pub const E_MAIL_COLON: Text = Text::new("E-mail:", "E-mail:");
pub const WHAT_DATA_WE_PROCESS: Text =
    Text::new("Quali dati trattiamo, perché e per quanto tempo", "What data we process, why and for how long");
pub const DATA_PRACTICE: Text = Text::new(
    "La pratica: le risposte al questionario, l'ente e l'eventuale contatto istituzionale dell'ufficio",
    "The practice: the answers to the questionnaire, the body and the office's institutional contact, if any",
);
pub const PURPOSE_PRACTICE: Text = Text::new(
    "Raccogliere, verificare e pubblicare le buone pratiche come dati aperti (CC BY 4.0).",
    "Collecting, checking and publishing good practices as open data (CC BY 4.0).",
);
pub const KEPT_PRACTICE: Text = Text::new(
    "Finché la pratica fa parte della raccolta; una pratica respinta non è mai pubblicata.",
    "As long as the practice is part of the collection; a rejected practice is never published.",
);
pub const DATA_CONTACT_PERSON: Text =
    Text::new("Nome, e-mail e telefono del referente", "The contact person's name, e-mail and phone");
pub const PURPOSE_CONTACT_PERSON: Text = Text::new(
    "Permettere alla redazione di chiedere chiarimenti. Non sono mai pubblicati.",
    "Letting the editors ask questions. They are never published.",
);
pub const KEPT_CONTACT_PERSON: Text = Text::new(
    "{contact_months} mesi dalla pubblicazione o dal rifiuto della pratica.",
    "{contact_months} months from the publication or rejection of the practice.",
);
pub const DATA_DRAFTS: Text = Text::new("Le bozze del questionario", "Drafts of the questionnaire");
pub const PURPOSE_DRAFTS: Text = Text::new(
    "Non perdere quello che hai scritto. Restano solo nel tuo browser e non arrivano al server finché non invii la pratica.",
    "Not losing what you typed. They stay in your browser only and do not reach the server until you send the practice.",
);
pub const BASIS_DRAFTS: Text = Text::new(
    "Nessun trattamento da parte del titolare: i dati restano sul tuo dispositivo.",
    "No processing by the controller: the data stay on your device.",
);
pub const KEPT_DRAFTS: Text = Text::new(
    "Finché non invii la pratica o non elimini la bozza.",
    "Until you send the practice or discard the draft.",
);
pub const DATA_ACCOUNTS: Text = Text::new(
    "Gli account della redazione: e-mail, password cifrata, registro delle azioni",
    "Editors' accounts: e-mail, hashed password, log of actions",
);
pub const PURPOSE_ACCOUNTS: Text = Text::new(
    "Consentire l'accesso alla redazione e rendere tracciabile ogni decisione.",
    "Signing in to the editors' pages and keeping every decision traceable.",
);
pub const KEPT_ACCOUNTS: Text = Text::new(
    "{account_months} mesi dalla chiusura dell'account, poi cancellati; l'e-mail resta nel registro delle azioni accanto alle decisioni prese, che restano così tracciabili.",
    "{account_months} months from the closing of the account, then deleted; the e-mail stays in the log of actions beside the decisions taken, which so stay traceable.",
);
pub const DATA_LOGS: Text = Text::new(
    "I log del server: indirizzo IP, data e ora, pagina richiesta",
    "Server logs: IP address, date and time, page requested",
);
pub const PURPOSE_LOGS: Text =
    Text::new("Sicurezza del servizio e prevenzione degli abusi.", "Security of the service and prevention of abuse.");
pub const KEPT_LOGS: Text = Text::new("{log_days} giorni.", "{log_days} days.");
pub const DATA_REPORTS: Text = Text::new(
    "Le segnalazioni di accessibilità: la descrizione e l'eventuale e-mail",
    "Accessibility reports: the description and the e-mail, if given",
);
pub const PURPOSE_REPORTS: Text =
    Text::new("Rispondere alla segnalazione e correggere il problema.", "Answering the report and fixing the problem.");
pub const LEGAL_OBLIGATION: Text = Text::new(
    "Adempimento di un obbligo legale (articolo 6, paragrafo 1, lettera c; legge 4/2004).",
    "Compliance with a legal obligation (article 6(1)(c); Law 4/2004).",
);
pub const KEPT_REPORTS: Text =
    Text::new("{feedback_months} mesi dalla segnalazione.", "{feedback_months} months from the report.");
pub const DATA_RATING: Text = Text::new(
    "La valutazione del servizio dopo l'invio: le stelle e l'eventuale commento",
    "The service rating after sending: the stars and the comment, if given",
);
pub const PURPOSE_RATING: Text = Text::new(
    "Migliorare il questionario. La valutazione è anonima: non sono registrati chi la invia, il suo indirizzo né l'ora, solo il giorno; non scrivere dati personali nel commento.",
    "Improving the questionnaire. The rating is anonymous: neither who sends it, nor their address, nor the time is recorded, only the day; do not write personal data in the comment.",
);
pub const KEPT_RATING: Text = Text::new("{feedback_months} mesi dall'invio.", "{feedback_months} months from sending.");
pub const DATA_CONTACT_MESSAGES: Text = Text::new(
    "I messaggi di «Contatta il referente»: nome, ente, e-mail e testo di chi scrive",
    "Messages sent with “Contact the referent”: the sender's name, body, e-mail and text",
);
pub const PURPOSE_CONTACT_MESSAGES: Text = Text::new(
    "Inoltrare il messaggio al referente della pratica, senza mostrarti il suo indirizzo, e mandartene una copia; la risposta del referente ti arriva direttamente. Non sono pubblicati.",
    "Forwarding the message to the practice's contact person, without showing you their address, and sending you a copy; the contact person's answer comes straight to you. They are never published.",
);
pub const CONSENT_BY_TICKING: Text = Text::new(
    "Consenso (articolo 6, paragrafo 1, lettera a), dato spuntando la casella del modulo.",
    "Consent (article 6(1)(a)), given by ticking the form's box.",
);
pub const KEPT_CONTACT_MESSAGES: Text = Text::new(
    "Nella posta in uscita fino all'invio e per {mail_days} giorni dopo, poi cancellati; il sito non ne tiene altra copia.",
    "In the outbox until sent and for {mail_days} days after, then deleted; the site keeps no other copy.",
);
pub const DATA_ADOPTIONS: Text = Text::new(
    "Chi dichiara un'adozione («L'abbiamo adottata anche noi»): nome ed e-mail del referente",
    "Declaring an adoption (“We adopted it too”): the contact person's name and e-mail",
);
pub const PURPOSE_ADOPTIONS: Text = Text::new(
    "Permettere alla redazione di verificare la dichiarazione e di scrivere all'ente. Non sono pubblicati: si pubblicano solo il nome dell'ente, la regione, il mese e le modifiche.",
    "Letting the editors check the declaration and write to the body. They are never published: only the body's name, the region, the month and the changes are.",
);
pub const KEPT_ADOPTIONS: Text = Text::new(
    "Come il contatto del referente di una pratica: {contact_months} mesi dalla decisione della redazione.",
    "As a practice's contact: {contact_months} months from the editors' decision.",
);
pub const DATA_INVITEES: Text = Text::new(
    "Gli invitati di una raccolta: l'ente e l'indirizzo a cui scriviamo",
    "A collection round's invitees: the body and the address we write to",
);
pub const PURPOSE_INVITEES: Text = Text::new(
    "Invitare l'ente a partecipare alla raccolta, con un solo promemoria prima della scadenza se non ha risposto, e mostrare all'amministrazione chi ha risposto. Sono indirizzi degli uffici, caricati dall'amministrazione; non sono pubblicati.",
    "Inviting the body to take part in the round, with one reminder before the deadline if it has not answered, and showing the administration who answered. They are offices' addresses, added by the administration; they are never published.",
);
pub const KEPT_INVITEES: Text = Text::new(
    "Fino a un anno dopo la chiusura della raccolta, poi cancellati; i messaggi restano nella posta in uscita per {mail_days} giorni dall'invio.",
    "Until a year after the round closes, then deleted; the messages stay in the outbox for {mail_days} days after sending.",
);
pub const DATA_FOLLOWING: Text = Text::new(
    "Chi segue una ricerca («Segui questa ricerca»): l'e-mail e la ricerca seguita",
    "Following a search (“Follow this search”): the e-mail and the search followed",
);
pub const PURPOSE_FOLLOWING: Text = Text::new(
    "Mandarti una volta a settimana, solo se ci sono novità, le pratiche nuove o aggiornate della ricerca. Serve solo a questo.",
    "Sending you once a week, only when there is something new, the practices new or updated in the search. It serves no other purpose.",
);
pub const CONSENT_BY_LINK: Text = Text::new(
    "Consenso (articolo 6, paragrafo 1, lettera a), confermato dal link che ti mandiamo; lo revochi con un clic da ogni messaggio.",
    "Consent (article 6(1)(a)), confirmed by the link we send you; you withdraw it in one click from any message.",
);
pub const KEPT_FOLLOWING: Text = Text::new(
    "Finché non annulli l'iscrizione: allora l'indirizzo è cancellato. Se non confermi, è cancellato dopo 7 giorni.",
    "Until you cancel: the address is then deleted. If you do not confirm, it is deleted after 7 days.",
);
pub const DATA_REFERENT_MAIL: Text = Text::new(
    "Le e-mail al referente della pratica: ricevuta, integrazioni chieste, pubblicazione, rifiuto",
    "E-mails to the practice's contact person: receipt, changes asked, publication, rejection",
);
pub const PURPOSE_REFERENT_MAIL: Text = Text::new(
    "Dire al referente che cosa decide la redazione. La copia della ricevuta, che contiene il link privato, parte solo se la chiedi.",
    "Telling the contact person what the editors decide. The copy of the receipt, which holds the private link, is sent only if you ask for it.",
);
pub const KEPT_REFERENT_MAIL: Text = Text::new(
    "Nella posta in uscita fino all'invio e per {mail_days} giorni dopo, poi cancellate.",
    "In the outbox until sent and for {mail_days} days after, then deleted.",
);
pub const RECIPIENTS: Text = Text::new("Destinatari", "Recipients");
pub const WHO_PROCESSES_THE_DATA: Text = Text::new(
    "I dati sono trattati dalla redazione, autorizzata dal titolare, e dai fornitori che ospitano il servizio e ne consegnano la posta, nominati responsabili del trattamento (articolo 28). Non sono trasferiti fuori dall'Unione europea. Non ci sono profilazione né decisioni automatizzate.",
    "The data are processed by the editors, authorised by the controller, and by the providers hosting the service and delivering its mail, appointed as processors (article 28). They are not transferred outside the European Union. There is no profiling and no automated decision-making.",
);
pub const NO_PROFILING: Text = Text::new(
    "Il sito non usa cookie di profilazione né servizi di terze parti: usa solo l'archiviazione del browser per le bozze e la lingua, e un cookie tecnico di sessione per la redazione.",
    "The site uses no profiling cookies and no third-party services: only the browser's storage for drafts and the language, and a technical session cookie for the editors.",
);
pub const YOUR_RIGHTS: Text = Text::new("I tuoi diritti", "Your rights");
pub const RIGHTS_TEXT: Text = Text::new(
    "Puoi chiedere l'accesso ai tuoi dati, la rettifica, la cancellazione, la limitazione del trattamento e opporti al trattamento (articoli 15-21 del Regolamento). La risposta arriva entro un mese.",
    "You can ask for access to your data, their rectification or erasure, the restriction of processing, and object to processing (articles 15-21 of the Regulation). The answer comes within one month.",
);
pub const WRITE_TO_THE_CONTROLLER: Text = Text::new("Scrivi al titolare:", "Write to the controller:");
pub const COMPLAINT: Text = Text::new("Reclamo al Garante", "Complaint to the supervisory authority");
pub const COMPLAINT_TEXT: Text = Text::new(
    "Se ritieni che il trattamento violi il Regolamento, puoi proporre reclamo al Garante per la protezione dei dati personali (articolo 77).",
    "If you believe the processing breaches the Regulation, you can lodge a complaint with the Italian data protection authority, the Garante per la protezione dei dati personali (article 77).",
);
pub const GARANTE_WEBSITE: Text = Text::new("Il sito del Garante:", "The Garante's website:");
pub const ANY_QUESTION: Text = Text::new("Per ogni domanda sulla raccolta:", "For any question on the collection:");
pub const THE_CONTACTS_PAGE: Text = Text::new("la pagina dei contatti", "the contacts page");
pub const QUESTIONS_FOR_THE_EDITORS: Text = Text::new(
    "Per domande sulla raccolta, sul questionario e sulle pratiche pubblicate:",
    "For questions on the collection, the questionnaire and the published practices:",
);
pub const DATA_CONTROLLER_IN_FULL: Text = Text::new("Titolare del trattamento dei dati", "Data controller");
pub const ACCESSIBILITY: Text = Text::new("Accessibilità", "Accessibility");
pub const AN_OBSTACLE_ON_A_PAGE: Text = Text::new("Un ostacolo su una pagina?", "An obstacle on a page?");
pub const SECURITY: Text = Text::new("Sicurezza", "Security");
pub const TO_REPORT_A_VULNERABILITY: Text = Text::new("Per segnalare una vulnerabilità:", "To report a vulnerability:");
