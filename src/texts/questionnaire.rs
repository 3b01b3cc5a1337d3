// SPDX-License-Identifier: EUPL-1.2
//! The questionnaire: steps, fields, review, receipt, update and confirmation.

use super::Text;
use domain::Lang;

pub const IS_THE_PRACTICE_STILL: Text = Text::new("La pratica è ancora attuale?", "Is the practice still current?");
pub const A_YEAR_HAS_PASSED: Text = Text::new(
    "È passato un anno dall'ultima conferma. Dicci in un passo se la descrizione vale ancora: chi legge il catalogo saprà che è aggiornata. Se non la confermi la pratica resta pubblicata, segnata «da aggiornare».",
    "A year has passed since it was last confirmed. Tell us in one step whether the description still holds: readers of the catalogue will know it is current. If you do not confirm it, the practice stays published, marked “needs updating”.",
);
pub const THE_PRACTICE: Text = Text::new("La pratica", "The practice");
pub const IS_STILL_AS_DESCRIBED: Text = Text::new("è ancora così", "is still as described");
pub const HAS_ENDED: Text = Text::new("è conclusa", "has ended");
pub const MONTH_IT_ENDED: Text = Text::new("Mese di conclusione", "Month it ended");
pub const CONFIRM: Text = Text::new("Conferma", "Confirm");
pub const CHANGED_UPDATE_WITH_PRIVATE_LINK: Text = Text::new(
    "È cambiata: aggiornala con il link privato della ricevuta",
    "It has changed: update it with the receipt's private link",
);
pub const CHANGED_UPDATE_IT: Text = Text::new("È cambiata: aggiornala", "It has changed: update it");
pub const CONFIRM_THE_PRACTICE: Text = Text::new("Conferma la pratica", "Confirm the practice");
pub const THE_PRACTICE_PREFIX: Text = Text::new("La pratica: ", "The practice: ");
pub const THE_LINK_IS_INCOMPLETE: Text = Text::new(
    "Il link non è completo o non nomina una pratica pubblicata: copialo per intero dal messaggio, oppure usa il link privato della ricevuta.",
    "The link is incomplete or names no published practice: copy it whole from the message, or use the receipt's private link.",
);
pub const CHECK_THE_STATUS: Text = Text::new("Verifica lo stato", "Check the status");
pub const YOUR_ANSWERS_WERE_UPDATED: Text = Text::new(
    "Le risposte sono state aggiornate da un'altra scheda aperta sullo stesso questionario.",
    "Your answers were updated from another tab open on the same questionnaire.",
);
pub const SHARED_COMPUTER_DO_NOT_KEEP: Text = Text::new(
    "Computer condiviso: non salvare la bozza su questo dispositivo",
    "Shared computer: do not keep the draft on this device",
);
pub const CONFIRM_DELETION: Text = Text::new("Conferma eliminazione", "Confirm deletion");
pub const REALLY_DELETE_THE_DRAFT: Text = Text::new(
    "Vuoi davvero eliminare la bozza? Tutte le risposte andranno perse.",
    "Do you really want to delete the draft? All answers will be lost.",
);
pub const YES_DELETE_THE_DRAFT: Text = Text::new("Sì, elimina la bozza", "Yes, delete the draft");
pub const CANCEL: Text = Text::new("Annulla", "Cancel");
pub const DELETE_THE_DRAFT: Text = Text::new("Elimina la bozza", "Delete the draft");
pub const THE_QUESTIONNAIRE_NEEDS_JAVASCRIPT: Text = Text::new(
    "Per compilare il questionario serve JavaScript attivo nel browser: le risposte restano sul tuo dispositivo finché non le invii. Il catalogo e le pratiche si leggono anche senza.",
    "The questionnaire needs JavaScript turned on in the browser: your answers stay on your device until you send them. The catalogue and the practices can be read without it.",
);
pub const YOU_ALREADY_HAVE_A_DRAFT: Text = Text::new("Hai già una bozza", "You already have a draft");
pub const THIS_DEVICE_HOLDS_A_DRAFT: Text = Text::new(
    "Su questo dispositivo c'è una pratica iniziata e non ancora inviata. Per partire dalla pratica ",
    "This device holds a practice you started and have not sent. To start from practice ",
);
pub const ITS_ANSWERS_REPLACE_THE_DRAFT: Text = Text::new(
    " le sue risposte prendono il posto di quelle della bozza, che andranno perse.",
    ", its answers take the place of the draft's, which will be lost.",
);
pub const REPLACE_THE_DRAFT: Text = Text::new("Sostituisci la bozza", "Replace the draft");
pub const KEEP_THE_DRAFT: Text = Text::new("Continua la bozza", "Keep the draft");
pub const THIS_IS_A_COPY: Text = Text::new(
    "Questa è una copia del catalogo: il questionario si compila sul sito principale della raccolta.",
    "This is a copy of the catalogue: the questionnaire is filled in on the collection's main site.",
);
pub const GO_TO_THE_QUESTIONNAIRE: Text = Text::new("Vai al questionario", "Go to the questionnaire");
pub const PRIVACY_NOTICE: Text = Text::new("Informativa sul trattamento dei dati personali", "Privacy notice");
pub const PRIVACY_NOTICE_SUMMARY: Text = Text::new(
    "L'amministrazione che gestisce questo sito, titolare del trattamento, tratta i dati che inserisci per un compito di interesse pubblico: raccogliere, verificare e pubblicare le buone pratiche dei servizi sociali. Sono pubblicati solo i contenuti che descrivono la pratica e l'eventuale contatto istituzionale dell'ufficio; nome, e-mail e telefono del referente servono solo alla redazione e non sono mai pubblicati.",
    "The administration running this site, the data controller, processes the data you enter for a task in the public interest: collecting, checking and publishing good practices of social services. Only the content describing the practice and the office's institutional contact are published; the contact person's name, e-mail and phone are used by the editors only and never published.",
);
pub const YOUR_ANSWERS_ARE_KEPT: Text = Text::new(
    "Le risposte restano salvate come bozza su questo dispositivo finché non invii la pratica: puoi interrompere e riprendere quando vuoi. Su un computer condiviso puoi disattivare il salvataggio.",
    "Your answers are kept as a draft on this device until you submit: you can stop and resume whenever you like. On a shared computer you can turn saving off.",
);
pub const READ_THE_FULL_PRIVACY_NOTICE: Text = Text::new(
    "Leggi l'informativa completa: titolare, responsabile della protezione dei dati, tempi di conservazione e diritti",
    "Read the full privacy notice: controller, data protection officer, retention and rights",
);
pub const THE_ANSWERS_YOU_SENT: Text = Text::new(
    "Le risposte inviate sono già nel questionario: cambia ciò che serve, controlla e invia l'aggiornamento.",
    "The answers you sent are in the questionnaire: change what you need, check and send the update.",
);
pub const SIX_SHORT_STEPS: Text = Text::new(
    "Il questionario ha sei passi brevi. Alla fine potrai controllare le risposte prima di inviarle.",
    "The questionnaire has six short steps. At the end you can check your answers before sending them.",
);
pub const YOU_START_FROM_PRACTICE: Text = Text::new("Parti dalla pratica ", "You start from practice ");
pub const DERIVED_ANSWERS_ARE_FILLED_IN: Text = Text::new(
    ": titolo, descrizione, classificazione e modalità sono già compilati. Adattali alla tua pratica e aggiungi il tuo ente, le date e i risultati; la pagina pubblica dirà da quale pratica deriva.",
    ": title, description, classification and delivery are filled in. Adapt them to your practice and add your body, dates and results; the public page will say which practice it derives from.",
);
pub const EDIT_THE_ANSWERS: Text = Text::new("Modifica le risposte", "Edit the answers");
pub const START_THE_QUESTIONNAIRE: Text = Text::new("Inizia il questionario", "Start the questionnaire");
pub const HOW_DID_IT_GO: Text = Text::new("Com'è andata?", "How did it go?");
pub const HOW_EASY_WAS_IT: Text = Text::new(
    "Quanto è stato facile descrivere la pratica con questo questionario?",
    "How easy was it to describe the practice with this questionnaire?",
);
pub const RATING_HINT: Text = Text::new(
    "Da 1 stella (per niente facile) a 5 stelle (molto facile). La valutazione è anonima.",
    "From 1 star (not easy at all) to 5 stars (very easy). The rating is anonymous.",
);
pub const WHAT_COULD_WE_IMPROVE: Text =
    Text::new("Che cosa possiamo migliorare? (facoltativo)", "What could we improve? (optional)");
pub const DO_NOT_WRITE_PERSONAL_DATA: Text = Text::new("Non scrivere dati personali.", "Do not write personal data.");
pub const SEND_THE_RATING: Text = Text::new("Invia la valutazione", "Send the rating");
pub const RECEIPT: Text = Text::new("Ricevuta", "Receipt");
pub const NO_RECEIPT: Text = Text::new("Nessuna ricevuta", "No receipt");
pub const THERE_IS_NO_RECENT: Text =
    Text::new("Su questo dispositivo non c'è una ricevuta recente.", "There is no recent receipt on this device.");
pub const UPDATE_SUBMITTED: Text = Text::new("Aggiornamento inviato", "Update submitted");
pub const PRACTICE_SUBMITTED: Text = Text::new("Pratica inviata", "Practice submitted");
pub const VERSION: Text = Text::new("Versione", "Version");
pub const WHAT_HAPPENS_NEXT: Text = Text::new("Cosa succede ora", "What happens next");
pub const THE_EDITORS_WILL_CHECK: Text = Text::new(
    "La redazione verificherà la pratica e potrà chiederti integrazioni. Quando sarà pubblicata comparirà nel catalogo con questo riferimento.",
    "The editors will check the practice and may ask you for changes. Once published it will appear in the catalogue with this reference.",
);
pub const IF_THE_EDITORS_ASK: Text = Text::new(
    "Se la redazione ti chiede integrazioni, il suo messaggio comparirà anche aprendo il tuo link privato, insieme allo stato della pratica.",
    "If the editors ask for changes, their message will also appear when you open your private link, together with the practice's status.",
);
pub const YOUR_PRIVATE_LINK: Text = Text::new("Il tuo link privato", "Your private link");
pub const KEEP_THIS_LINK: Text = Text::new(
    "Conserva questo link: ti permette di riaprire e aggiornare la pratica. Non condividerlo: chi lo possiede può modificarla.",
    "Keep this link: it lets you reopen and update the practice. Do not share it: whoever has it can change it.",
);
pub const COPY_THE_LINK: Text = Text::new("Copia il link", "Copy the link");
pub const LINK_COPIED: Text =
    Text::new("Link copiato: incollalo in un posto sicuro.", "Link copied: paste it somewhere safe.");
pub const DOWNLOAD_THE_RECEIPT: Text = Text::new("Scarica la ricevuta", "Download the receipt");
pub const PRINT_THE_RECEIPT: Text = Text::new("Stampa la ricevuta", "Print the receipt");
pub const CHECK_THE_STATUS_LATER: Text =
    Text::new("Verifica lo stato della pratica in seguito", "Check the practice's status later");
pub const YOUR_ANSWERS: Text = Text::new("Le tue risposte", "Your answers");
pub const THE_EDITORS_E_MAILS: Text = Text::new("Le e-mail della redazione", "The editors' e-mails");
pub const I_UNDERSTAND_THE_MESSAGE: Text = Text::new(
    "Ho capito: il messaggio conterrà il mio link privato",
    "I understand: the message will contain my private link",
);
pub const WHOEVER_READS_THAT_MAILBOX: Text = Text::new(
    "Chi legge quella casella di posta potrà aprire e modificare la pratica: chiedi la copia solo se la casella è tua.",
    "Whoever reads that mailbox will be able to open and change the practice: ask for the copy only if the mailbox is yours.",
);
pub const E_MAIL_ME_THE_RECEIPT: Text = Text::new("Inviami la ricevuta per e-mail", "E-mail me the receipt");
pub const CHECK_YOUR_ANSWERS: Text = Text::new("Controlla le risposte", "Check your answers");
pub const SENDING_FAILED_OFFLINE: Text = Text::new(
    "Invio non riuscito: sembra che tu sia offline. La pratica è salvata su questo dispositivo e verrà inviata automaticamente appena torni online.",
    "Sending failed: you seem to be offline. The practice is saved on this device and will be sent automatically as soon as you are back online.",
);
pub const TRY_AGAIN_NOW: Text = Text::new("Riprova ora", "Try again now");
pub const YOU_ARE_SENDING_ON_BEHALF: Text =
    Text::new("Stai inviando a nome del tuo ente", "You are sending on behalf of your entity");
pub const BACK: Text = Text::new("Indietro", "Back");
pub const PRACTICE_REFERENCE: Text = Text::new("Riferimento della pratica", "Practice reference");
pub const REFERENCE_HINT: Text =
    Text::new("Come è nella ricevuta, ad esempio BP-2020-0042.", "As the receipt gives it, for example BP-2020-0042.");
pub const PRIVATE_LINK: Text = Text::new("Link privato", "Private link");
pub const PRIVATE_LINK_HINT: Text = Text::new(
    "Incolla il link privato della ricevuta, per intero. Non lo inviamo a nessuno: serve solo a leggere lo stato.",
    "Paste the receipt's private link, all of it. It is sent to no one: it only reads the status.",
);
pub const MESSAGE_FROM_THE_EDITORS: Text = Text::new("Messaggio della redazione", "Message from the editors");
pub const QUESTIONNAIRE_STEPS: Text = Text::new("Passi del questionario", "Questionnaire steps");
pub const CHANGE: Text = Text::new("Modifica", "Change");
pub const UPDATE_THE_PRACTICE: Text = Text::new("Aggiorna la pratica", "Update the practice");
pub const PRIVATE_LINK_NOT_VALID: Text = Text::new(
    "Il link privato non è valido o è incompleto: controlla di averlo copiato per intero.",
    "The private link is not valid or is incomplete: check that you copied all of it.",
);
pub const STATUS_OF_PRACTICE: Text = Text::new("Stato della pratica", "Status of practice");
pub const SEE_THE_PUBLIC_PAGE: Text =
    Text::new("Vedi la pagina pubblica della pratica", "See the practice's public page");
pub const EDIT_THE_PRACTICE: Text = Text::new("Modifica la pratica", "Edit the practice");
pub const OPENING_THE_PRACTICE: Text = Text::new("Apertura della pratica…", "Opening the practice…");

// The journeys' names, in page titles (a new practice's is `common::QUESTIONNAIRE`).
pub const EDITORS_CORRECTION: Text = Text::new("Correzione della redazione", "Editors' correction");
pub const UNSAVED_CHANGES_WILL_BE_LOST: Text =
    Text::new("Le modifiche non salvate andranno perse.", "Unsaved changes will be lost.");

// The stepper and the buttons of a step.
pub const FINAL_CHECK: Text = Text::new("Controllo finale", "Final check");
pub const COMPLETED: Text = Text::new(" (completato)", " (completed)");
pub const CONTINUE: Text = Text::new("Avanti", "Continue");
pub const SAVE_AND_RETURN_TO_SUMMARY: Text = Text::new("Salva e torna al riepilogo", "Save and return to the summary");

/// "Passo 2 di 6", in the stepper and in the step's page title.
pub fn step_of(lang: Lang, step: usize, total: usize) -> String {
    match lang {
        Lang::It => format!("Passo {step} di {total}"),
        Lang::En => format!("Step {step} of {total}"),
    }
}

// The draft bar.
pub const DRAFT_SAVING_IS_OFF: Text =
    Text::new("Salvataggio della bozza disattivato su questo dispositivo.", "Draft saving is off on this device.");
pub const DRAFT_NOT_SAVED_YET: Text = Text::new("Bozza non ancora salvata…", "Draft not saved yet…");

/// When the draft was last saved (`time` as HH:MM).
pub fn draft_saved_at(lang: Lang, time: &str) -> String {
    match lang {
        Lang::It => format!("Bozza salvata alle {time}"),
        Lang::En => format!("Draft saved at {time}"),
    }
}

// The questions' frame: optional mark, error prefix, choices, partners.
pub const OPTIONAL: Text = Text::new(" (facoltativo)", " (optional)");
pub const ERROR_PREFIX: Text = Text::new("Errore: ", "Error: ");
pub const CHOOSE: Text = Text::new("Scegli…", "Choose…");
pub const PARTNER: Text = Text::new("Soggetto", "Partner");
pub const PARTNER_TYPE: Text = Text::new("Tipo", "Type");
pub const PARTNER_NAME: Text = Text::new("Nome", "Name");
pub const ADD_A_PARTNER: Text = Text::new("Aggiungi un soggetto coinvolto", "Add a partner");

/// The button removing the `n`th partner.
pub fn remove_partner(lang: Lang, n: usize) -> String {
    match lang {
        Lang::It => format!("Rimuovi il soggetto {n}"),
        Lang::En => format!("Remove partner {n}"),
    }
}

/// The character count of a text limited to `max`, or by how much it is over.
pub fn character_count(lang: Lang, used: usize, max: usize) -> String {
    let over = used.saturating_sub(max);
    match (lang, used > max) {
        (Lang::It, false) => format!("Hai usato {used} caratteri su {max}."),
        (Lang::It, true) => format!("Hai {over} caratteri di troppo (massimo {max})."),
        (Lang::En, false) => format!("You have used {used} of {max} characters."),
        (Lang::En, true) if over == 1 => format!("You have 1 character too many (at most {max})."),
        (Lang::En, true) => format!("You have {over} characters too many (at most {max})."),
    }
}

// The review.
pub const SENDING: Text = Text::new("Invio in corso…", "Sending…");
pub const SUBMIT_THE_PRACTICE: Text = Text::new("Invia la pratica", "Submit the practice");
pub const SUBMIT_THE_UPDATE: Text = Text::new("Invia l'aggiornamento", "Submit the update");
pub const SAVE_THE_CORRECTION: Text = Text::new("Salva la correzione", "Save the correction");
pub const SIGN_IN_AGAIN_CORRECTION_KEPT: Text = Text::new(
    "Accedi di nuovo alla redazione: la correzione resta salvata qui.",
    "Sign in to the editors' area again: the correction stays saved here.",
);

/// What sending declares, on behalf of `entity` (empty: "your entity").
pub fn sending_declaration(lang: Lang, entity: &str) -> String {
    match (lang, entity.is_empty()) {
        (Lang::It, false) => format!(
            "Inviando dichiari, per conto di {entity}, che le informazioni sono vere e che sei autorizzato a \
             comunicarle. La redazione può chiedere conferma all'ente."
        ),
        (Lang::It, true) => "Inviando dichiari, per conto del tuo ente, che le informazioni sono vere e che sei \
                             autorizzato a comunicarle. La redazione può chiedere conferma all'ente."
            .to_owned(),
        (Lang::En, false) => format!(
            "By sending you declare, on behalf of {entity}, that the information is true and that you are \
             authorised to give it. The editors may ask the entity to confirm."
        ),
        (Lang::En, true) => "By sending you declare, on behalf of your entity, that the information is true and \
                             that you are authorised to give it. The editors may ask the entity to confirm."
            .to_owned(),
    }
}

// The receipt, its copy by e-mail, the rating, the status and the confirmation.
pub const RECEIPT_FILE_NAME: Text = Text::new("ricevuta", "receipt");
pub const THANK_YOU_FOR_RATING: Text = Text::new(
    "Grazie: la tua valutazione ci aiuta a migliorare il questionario.",
    "Thank you: your rating helps us improve the questionnaire.",
);

/// The receipt as a plain-text file: reference, version (of an update) and private link.
pub fn receipt_file(lang: Lang, reference: &str, version: Option<u32>, link: &str) -> String {
    let version = version.map(|v| format!("{}: {v}\n", VERSION.get(lang))).unwrap_or_default();
    match lang {
        Lang::It => format!(
            "Buone pratiche dei servizi sociali territoriali\nRicevuta di invio\n\nRiferimento: {reference}\n{version}Link privato (conservalo, non condividerlo): {link}\n\nCon il link privato puoi riaprire e aggiornare la pratica e leggere i messaggi della redazione.\n"
        ),
        Lang::En => format!(
            "Good practices of local social services\nSubmission receipt\n\nReference: {reference}\n{version}Private link (keep it, do not share it): {link}\n\nWith the private link you can reopen and update the practice and read the editors' messages.\n"
        ),
    }
}

/// Where the editors will write, `address` being the practice's contact e-mail.
pub fn editors_will_write_to(lang: Lang, address: &str) -> String {
    match lang {
        Lang::It => format!(
            "La redazione scriverà a {address} quando chiede integrazioni, quando pubblica la pratica o se non la accoglie. Se l'indirizzo è sbagliato, correggilo con il link privato."
        ),
        Lang::En => format!(
            "The editors will write to {address} when they ask for changes, publish the practice or do not accept it. If the address is wrong, correct it through the private link."
        ),
    }
}

/// The copy of the receipt has been sent to `recipient`.
pub fn receipt_on_its_way(lang: Lang, recipient: &str) -> String {
    match lang {
        Lang::It => format!("La ricevuta è in arrivo a {recipient}."),
        Lang::En => format!("The receipt is on its way to {recipient}."),
    }
}

/// A rating option, out of 5 stars.
pub fn stars_out_of_5(lang: Lang, n: u8) -> String {
    match (lang, n) {
        (Lang::It, 1) => "1 stella su 5".to_owned(),
        (Lang::It, n) => format!("{n} stelle su 5"),
        (Lang::En, 1) => "1 star out of 5".to_owned(),
        (Lang::En, n) => format!("{n} stars out of 5"),
    }
}

/// When a submission's state last changed (`date` written out).
pub fn last_change(lang: Lang, date: &str) -> String {
    match lang {
        Lang::It => format!("Ultimo aggiornamento: {date}."),
        Lang::En => format!("Last change: {date}."),
    }
}

/// The practice has been confirmed as current on `date` (written out).
pub fn confirmed_on(lang: Lang, date: &str) -> String {
    match lang {
        Lang::It => format!("Grazie: la pratica risulta confermata il {date}."),
        Lang::En => format!("Thank you: the practice is now confirmed on {date}."),
    }
}
