// SPDX-License-Identifier: EUPL-1.2
//! The editors' pages: sign-in, queue, review, reports, adoptions, outbox.

use super::Text;
use domain::Lang;
use domain::numbers::format_count;

// Failures.
pub const SERVER_NOT_RESPONDING: Text =
    Text::new("Il server non risponde: riprova tra poco.", "The server is not responding: try again shortly.");
pub const RESOURCE_NOT_FOUND: Text = Text::new("Risorsa non trovata.", "Resource not found.");

// Sign-in.
pub const SIGN_IN_TITLE: Text = Text::new("Accesso redazione", "Editors' sign-in");
pub const SIGN_IN_HEADING: Text = Text::new("Accesso alla redazione", "Editors' sign-in");
pub const YOUR_SESSION_HAS_ENDED: Text = Text::new(
    "La sessione è scaduta: accedi di nuovo. Tornerai alla pagina su cui eri, con quello che avevi scritto.",
    "Your session has ended: sign in again. You will return to the page you were on, with what you had typed.",
);
pub const PASSWORD: Text = Text::new("Password", "Password");
pub const SIGN_IN: Text = Text::new("Accedi", "Sign in");

// The queue.
pub const SUBMISSIONS_TO_CURATE: Text = Text::new("Pratiche da curare", "Submissions to curate");
pub const SIGN_OUT: Text = Text::new("Esci", "Sign out");
pub const STATES: Text = Text::new("Stati", "States");
pub const TO_CURATE: Text = Text::new("Da curare", "To curate");
pub const ALL: Text = Text::new("Tutte", "All");
pub const UPDATES_TO_REVIEW: Text = Text::new("Aggiornamenti da rivedere", "Updates to review");
pub const UPDATE_TO_REVIEW: Text = Text::new("aggiornamento da rivedere", "update to review");
pub const IMPORTED: Text = Text::new("importata", "imported");
pub const IMPORTED_DRAFTS: Text = Text::new("Righe importate da completare", "Imported rows to complete");
pub const IMPORTED_DRAFTS_LEAD: Text = Text::new(
    "Righe di un foglio importato che non rispettano ancora le regole del questionario: completale, ed entrano \
     nella coda come le altre.",
    "Rows of an imported sheet that do not meet the questionnaire's rules yet: complete them, and they enter the \
     queue like the others.",
);
pub const NO_DRAFTS: Text = Text::new("Nessuna riga da completare.", "No rows to complete.");
pub const START_COMPLETING: Text = Text::new("Inizia a completarla", "Start completing it");
pub const COMPLETE_THE_DRAFT: Text = Text::new("Completa la bozza", "Complete the draft");
pub const DRAFT_NOTICE: Text = Text::new(
    "Completa la riga con gli stessi passi e controlli del questionario: quando la salvi entra nella coda della \
     redazione, importata dal file. Qui sotto, la riga come l'ha scritta il file e che cosa manca.",
    "Complete the row with the questionnaire's own steps and checks: once saved it enters the editors' queue, \
     imported from the file. Below, the row as the file wrote it and what is missing.",
);
pub const SAVE_THE_DRAFT: Text = Text::new("Salva la pratica completata", "Save the completed practice");

/// "3 righe importate da completare": the queue's way to the drafts.
pub fn drafts_to_complete(lang: Lang, n: usize) -> String {
    match lang {
        Lang::It => {
            domain::numbers::count(n as u64, "riga importata da completare", "righe importate da completare", lang)
        }
        Lang::En => domain::numbers::count(n as u64, "imported row to complete", "imported rows to complete", lang),
    }
}

/// "dal file «x.csv», riga 14": where a draft comes from.
pub fn draft_from(lang: Lang, file_name: &str, row: i64) -> String {
    match lang {
        Lang::It => format!("dal file «{file_name}», riga {row}"),
        Lang::En => format!("from the file “{file_name}”, row {row}"),
    }
}

pub const COLUMNS_USED: Text = Text::new(
    "Le colonne del file e le domande che hanno riempito",
    "The file's columns and the questions they filled",
);
pub const SEE_IT_AT_THE_SOURCE: Text = Text::new("la pratica alla fonte", "the practice at its source");
pub const NEEDS_UPDATING: Text = Text::new("Da aggiornare", "Needs updating");
pub const SEARCH_LABEL: Text = Text::new("Cerca per riferimento, titolo o ente", "Search by reference, title or body");
pub const SEARCH: Text = Text::new("Cerca", "Search");
pub const SUBMISSIONS: Text = Text::new("Pratiche", "Submissions");
pub const OLDEST_FIRST: Text = Text::new("Dalla più vecchia", "Oldest first");
pub const TITLE: Text = Text::new("Titolo", "Title");
pub const STATE: Text = Text::new("Stato", "State");
pub const SUBMITTED_ON: Text = Text::new("Inviata il", "Submitted");
pub const SUMMARY_TURNED_ON: Text = Text::new("Riepilogo attivato.", "Summary turned on.");
pub const SUMMARY_TURNED_OFF: Text = Text::new("Riepilogo disattivato.", "Summary turned off.");
pub const E_MAIL_SUMMARY: Text = Text::new("Riepilogo per e-mail", "E-mail summary");
pub const DAILY_SUMMARY_LABEL: Text = Text::new(
    "Ricevi ogni giorno per e-mail quante pratiche aspettano nella coda",
    "Receive every day by e-mail how many submissions wait in the queue",
);

// The review.
pub const REVIEW: Text = Text::new("Revisione", "Review");
pub const CHANGED_IN_THE_LATEST_VERSION: Text =
    Text::new(" (modificato nell'ultima versione)", " (changed in the latest version)");
pub const VERSION: Text = Text::new("versione", "version");
pub const CORRECT_TEXT_OR_CLASSIFICATION: Text =
    Text::new("Correggi testo o classificazione", "Correct the text or classification");
pub const OPEN_THE_PUBLIC_PAGE: Text = Text::new("Apri la pagina pubblica", "Open the public page");
pub const UPDATE_PENDING: Text = Text::new(
    "Chi ha inviato la pratica ha mandato un aggiornamento: qui sotto le risposte nuove, con i campi cambiati segnati. Il pubblico vede ancora la versione pubblicata finché non pubblichi l'aggiornamento.",
    "The respondent sent an update: the new answers are below, changed fields marked. The public still sees the published version until you publish the update.",
);
pub const POSSIBLE_DUPLICATE_OF: Text = Text::new("Possibile doppione di: ", "Possible duplicate of: ");
pub const DECISION: Text = Text::new("Decisione", "Decision");
pub const MESSAGE_TO_THE_RESPONDENT: Text = Text::new(
    "Messaggio per chi ha inviato la pratica (per integrazioni o rifiuto)",
    "Message to the respondent (for changes or a rejection)",
);
pub const WRITE_THE_MESSAGE: Text = Text::new(
    "Scrivi il messaggio: chi ha inviato la pratica deve sapere cosa integrare o perché è respinta.",
    "Write the message: the respondent needs to know what to add or why it is rejected.",
);
pub const CONFIRM: Text = Text::new("Conferma", "Confirm");
pub const CANCEL: Text = Text::new("Annulla", "Cancel");
pub const HISTORY: Text = Text::new("Storico", "History");
pub const NO_DECISION_SO_FAR: Text = Text::new("Nessuna decisione finora.", "No decision so far.");

/// The notice after a decision went through.
pub fn done(lang: Lang, decision: &str) -> String {
    match lang {
        Lang::It => format!("Fatto: {decision}."),
        Lang::En => format!("Done: {decision}."),
    }
}

/// The question before a decision that changes what the public sees.
pub fn confirm_decision(lang: Lang, decision: &str) -> String {
    match lang {
        Lang::It => format!("Confermi «{decision}»?"),
        Lang::En => format!("Confirm “{decision}”?"),
    }
}

// The correction.
pub const EDITORS_CORRECTION: Text = Text::new("Correzione della redazione", "Editors' correction");
pub const CORRECTION_NOTICE: Text = Text::new(
    "Correggi il testo o la classificazione con gli stessi passi e controlli del questionario. La correzione è salvata come nuova versione a tuo nome; le versioni inviate dal referente restano nello storico. Se la pratica è pubblicata, la correzione è pubblica subito.",
    "Correct the text or the classification with the questionnaire's own steps and checks. The correction is saved as a new version in your name; the respondent's versions stay in the history. If the practice is published, the correction is public at once.",
);
pub const START_THE_CORRECTION: Text = Text::new("Inizia la correzione", "Start the correction");

// Declarations of adoption.
pub const DECLARATIONS_OF_ADOPTION: Text = Text::new("Dichiarazioni di adozione", "Declarations of adoption");
pub const NO_DECLARATIONS_RECEIVED: Text = Text::new("Nessuna dichiarazione ricevuta.", "No declarations received.");
pub const ADAPTED: Text = Text::new("adattata", "adapted");
pub const ADOPTED_AS_IT_IS: Text = Text::new("adottata così com'è", "adopted as it is");
pub const RECEIVED_ON: Text = Text::new("Ricevuta il", "Received on");
pub const PRACTICE: Text = Text::new("Pratica: ", "Practice: ");
pub const REOPEN: Text = Text::new("Riapri", "Reopen");

// Accessibility reports.
pub const ACCESSIBILITY_REPORTS: Text = Text::new("Segnalazioni di accessibilità", "Accessibility reports");
pub const NO_REPORTS_RECEIVED: Text = Text::new("Nessuna segnalazione ricevuta.", "No reports received.");
pub const HANDLED_ON: Text = Text::new("Gestita il", "Handled on");
pub const OPEN: Text = Text::new("Aperta", "Open");
pub const ANONYMOUS: Text = Text::new("anonima", "anonymous");
pub const REOPEN_THE_REPORT: Text = Text::new("Riapri la segnalazione", "Reopen the report");
pub const MARK_AS_HANDLED: Text = Text::new("Segna come gestita", "Mark as handled");

/// How many reports are open, and the time allowed to answer them.
pub fn open_reports(lang: Lang, open: u64) -> String {
    let count = format_count(open, lang);
    match lang {
        Lang::It => {
            let open = if open == 1 { "aperta" } else { "aperte" };
            format!("{count} {open}, da riscontrare entro 30 giorni dal ricevimento.")
        }
        Lang::En => format!("{count} open, answer within 30 days of receipt."),
    }
}

// The outbox.
pub const MAIL_SERVER_CONFIGURED: Text = Text::new(
    "Un server di posta è configurato: i messaggi partono appena scritti; se il server non risponde sono ritentati, con attese via via più lunghe.",
    "A mail server is set up: messages leave as soon as they are written; if the server does not answer they are tried again, waiting longer each time.",
);
pub const NO_MAIL_SERVER: Text = Text::new(
    "Nessun server di posta è configurato (BP_SMTP_URL): i messaggi restano qui, in attesa, e non vanno persi. Partiranno quando il server sarà configurato.",
    "No mail server is set up (BP_SMTP_URL): messages wait here and are not lost. They will leave once the server is set up.",
);
pub const MESSAGES_NEWEST_FIRST: Text = Text::new("Messaggi, dal più recente", "Messages, newest first");
pub const TO: Text = Text::new("A", "To");
pub const WRITTEN: Text = Text::new("Scritto", "Written");
pub const DELIVERY: Text = Text::new("Stato", "Status");
pub const ATTEMPTS: Text = Text::new("Tentativi", "Attempts");
pub const MESSAGE_TEXT: Text = Text::new("Testo del messaggio", "Message text");

/// How many messages wait to leave.
pub fn messages_waiting(lang: Lang, waiting: usize) -> String {
    match lang {
        Lang::It => format!("Messaggi in attesa: {waiting}."),
        Lang::En => format!("Messages waiting: {waiting}."),
    }
}

/// A message's delivery and when it happened.
pub fn delivered_at(lang: Lang, delivery: &str, at: &str) -> String {
    match lang {
        Lang::It => format!("{delivery} il {at}"),
        Lang::En => format!("{delivery} on {at}"),
    }
}

/// Where an imported submission came from: "Importata dal file «x.csv»,
/// riga 14 (inviata il 15/05/2020 10:02:11)".
pub fn imported_from(lang: Lang, from: &domain::curation::api::Provenance) -> String {
    let domain::curation::api::Provenance { file_name, row, submitted, .. } = from;
    match (lang, submitted) {
        (Lang::It, Some(sent)) => format!("Importata dal file «{file_name}», riga {row} (inviata il {sent})."),
        (Lang::It, None) => format!("Importata dal file «{file_name}», riga {row}."),
        (Lang::En, Some(sent)) => format!("Imported from the file “{file_name}”, row {row} (sent on {sent})."),
        (Lang::En, None) => format!("Imported from the file “{file_name}”, row {row}."),
    }
}

/// "da Regione Umbria": the queue's badge of a harvested submission.
pub fn harvested_badge(lang: Lang, source: &str) -> String {
    match lang {
        Lang::It => format!("da {source}"),
        Lang::En => format!("from {source}"),
    }
}

/// Where a harvested submission came from: "Raccolta da «Regione Umbria»
/// (BP-2026-0003 là, modificata il …)".
pub fn harvested_from(lang: Lang, from: &domain::harvest::PracticeSource) -> String {
    let domain::harvest::PracticeSource { name, id, modified, .. } = from;
    let modified = modified.as_deref().map(|day| domain::dates::long_date(day, lang));
    match (lang, modified) {
        (Lang::It, Some(day)) => format!(
            "Raccolta da «{name}», dove è la {id} (modificata il {day}); ogni sua modifica là arriva qui come aggiornamento da rivedere:"
        ),
        (Lang::It, None) => format!(
            "Raccolta da «{name}», dove è la {id}; ogni sua modifica là arriva qui come aggiornamento da rivedere:"
        ),
        (Lang::En, Some(day)) => format!(
            "Harvested from “{name}”, where it is {id} (changed on {day}); each change there arrives here as an update to review:"
        ),
        (Lang::En, None) => {
            format!("Harvested from “{name}”, where it is {id}; each change there arrives here as an update to review:")
        }
    }
}
