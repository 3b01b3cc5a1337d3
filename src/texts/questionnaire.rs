// SPDX-License-Identifier: EUPL-1.2
//! The questionnaire: steps, fields, review, receipt, update and confirmation.

use super::Text;

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
pub const IT_HAS_CHANGED_UPDATE: Text = Text::new(
    "È cambiata: aggiornala con il link privato della ricevuta",
    "It has changed: update it with the receipt's private link",
);
pub const IT_HAS_CHANGED_UPDATE_IT: Text = Text::new("È cambiata: aggiornala", "It has changed: update it");
pub const CONFIRM_THE_PRACTICE: Text = Text::new("Conferma la pratica", "Confirm the practice");
pub const THE_PRACTICE_2: Text = Text::new("La pratica: ", "The practice: ");
pub const THE_LINK_IS_INCOMPLETE: Text = Text::new(
    "Il link non è completo o non nomina una pratica pubblicata: copialo per intero dal messaggio, oppure usa il link privato della ricevuta.",
    "The link is incomplete or names no published practice: copy it whole from the message, or use the receipt's private link.",
);
pub const CHECK_THE_STATUS: Text = Text::new("Verifica lo stato", "Check the status");
pub const YOUR_ANSWERS_WERE_UPDATED: Text = Text::new(
    "Le risposte sono state aggiornate da un'altra scheda aperta sullo stesso questionario.",
    "Your answers were updated from another tab open on the same questionnaire.",
);
pub const SHARED_COMPUTER_DO_NOT: Text = Text::new(
    "Computer condiviso: non salvare la bozza su questo dispositivo",
    "Shared computer: do not keep the draft on this device",
);
pub const CONFIRM_DELETION: Text = Text::new("Conferma eliminazione", "Confirm deletion");
pub const DO_YOU_REALLY_WANT: Text = Text::new(
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
pub const YOU_ALREADY_HAVE_A: Text = Text::new("Hai già una bozza", "You already have a draft");
pub const THIS_DEVICE_HOLDS_A: Text = Text::new(
    "Su questo dispositivo c'è una pratica iniziata e non ancora inviata. Per partire dalla pratica ",
    "This device holds a practice you started and have not sent. To start from practice ",
);
pub const ITS_ANSWERS_TAKE_THE: Text = Text::new(
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
pub const THE_ADMINISTRATION_RUNNING_THIS: Text = Text::new(
    "L'amministrazione che gestisce questo sito, titolare del trattamento, tratta i dati che inserisci per un compito di interesse pubblico: raccogliere, verificare e pubblicare le buone pratiche dei servizi sociali. Sono pubblicati solo i contenuti che descrivono la pratica e l'eventuale contatto istituzionale dell'ufficio; nome, e-mail e telefono del referente servono solo alla redazione e non sono mai pubblicati.",
    "The administration running this site, the data controller, processes the data you enter for a task in the public interest: collecting, checking and publishing good practices of social services. Only the content describing the practice and the office's institutional contact are published; the contact person's name, e-mail and phone are used by the editors only and never published.",
);
pub const YOUR_ANSWERS_ARE_KEPT: Text = Text::new(
    "Le risposte restano salvate come bozza su questo dispositivo finché non invii la pratica: puoi interrompere e riprendere quando vuoi. Su un computer condiviso puoi disattivare il salvataggio.",
    "Your answers are kept as a draft on this device until you submit: you can stop and resume whenever you like. On a shared computer you can turn saving off.",
);
pub const READ_THE_FULL_PRIVACY: Text = Text::new(
    "Leggi l'informativa completa: titolare, responsabile della protezione dei dati, tempi di conservazione e diritti",
    "Read the full privacy notice: controller, data protection officer, retention and rights",
);
pub const THE_ANSWERS_YOU_SENT: Text = Text::new(
    "Le risposte inviate sono già nel questionario: cambia ciò che serve, controlla e invia l'aggiornamento.",
    "The answers you sent are in the questionnaire: change what you need, check and send the update.",
);
pub const THE_QUESTIONNAIRE_HAS_SIX: Text = Text::new(
    "Il questionario ha sei passi brevi. Alla fine potrai controllare le risposte prima di inviarle.",
    "The questionnaire has six short steps. At the end you can check your answers before sending them.",
);
pub const YOU_START_FROM_PRACTICE: Text = Text::new("Parti dalla pratica ", "You start from practice ");
pub const TITLE_DESCRIPTION_CLASSIFICATION_AND: Text = Text::new(
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
pub const FROM_1_STAR_NOT: Text = Text::new(
    "Da 1 stella (per niente facile) a 5 stelle (molto facile). La valutazione è anonima.",
    "From 1 star (not easy at all) to 5 stars (very easy). The rating is anonymous.",
);
pub const WHAT_COULD_WE_IMPROVE: Text =
    Text::new("Che cosa possiamo migliorare? (facoltativo)", "What could we improve? (optional)");
pub const DO_NOT_WRITE_PERSONAL: Text = Text::new("Non scrivere dati personali.", "Do not write personal data.");
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
pub const KEEP_THIS_LINK_IT: Text = Text::new(
    "Conserva questo link: ti permette di riaprire e aggiornare la pratica. Non condividerlo: chi lo possiede può modificarla.",
    "Keep this link: it lets you reopen and update the practice. Do not share it: whoever has it can change it.",
);
pub const COPY_THE_LINK: Text = Text::new("Copia il link", "Copy the link");
pub const LINK_COPIED_PASTE_IT: Text =
    Text::new("Link copiato: incollalo in un posto sicuro.", "Link copied: paste it somewhere safe.");
pub const DOWNLOAD_THE_RECEIPT: Text = Text::new("Scarica la ricevuta", "Download the receipt");
pub const PRINT_THE_RECEIPT: Text = Text::new("Stampa la ricevuta", "Print the receipt");
pub const CHECK_THE_PRACTICE_S: Text =
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
pub const E_MAIL_ME_THE: Text = Text::new("Inviami la ricevuta per e-mail", "E-mail me the receipt");
pub const CHECK_YOUR_ANSWERS: Text = Text::new("Controlla le risposte", "Check your answers");
pub const SENDING_FAILED_YOU_SEEM: Text = Text::new(
    "Invio non riuscito: sembra che tu sia offline. La pratica è salvata su questo dispositivo e verrà inviata automaticamente appena torni online.",
    "Sending failed: you seem to be offline. The practice is saved on this device and will be sent automatically as soon as you are back online.",
);
pub const TRY_AGAIN_NOW: Text = Text::new("Riprova ora", "Try again now");
pub const YOU_ARE_SENDING_ON: Text =
    Text::new("Stai inviando a nome del tuo ente", "You are sending on behalf of your entity");
pub const BACK: Text = Text::new("Indietro", "Back");
pub const PRACTICE_REFERENCE: Text = Text::new("Riferimento della pratica", "Practice reference");
pub const AS_THE_RECEIPT_GIVES: Text =
    Text::new("Come è nella ricevuta, ad esempio BP-2020-0042.", "As the receipt gives it, for example BP-2020-0042.");
pub const PRIVATE_LINK: Text = Text::new("Link privato", "Private link");
pub const PASTE_THE_RECEIPT_S: Text = Text::new(
    "Incolla il link privato della ricevuta, per intero. Non lo inviamo a nessuno: serve solo a leggere lo stato.",
    "Paste the receipt's private link, all of it. It is sent to no one: it only reads the status.",
);
pub const MESSAGE_FROM_THE_EDITORS: Text = Text::new("Messaggio della redazione", "Message from the editors");
pub const QUESTIONNAIRE_STEPS: Text = Text::new("Passi del questionario", "Questionnaire steps");
pub const CHANGE: Text = Text::new("Modifica", "Change");
pub const UPDATE_THE_PRACTICE: Text = Text::new("Aggiorna la pratica", "Update the practice");
pub const THE_PRIVATE_LINK_IS: Text = Text::new(
    "Il link privato non è valido o è incompleto: controlla di averlo copiato per intero.",
    "The private link is not valid or is incomplete: check that you copied all of it.",
);
pub const STATUS_OF_PRACTICE: Text = Text::new("Stato della pratica", "Status of practice");
pub const SEE_THE_PRACTICE_S: Text =
    Text::new("Vedi la pagina pubblica della pratica", "See the practice's public page");
pub const EDIT_THE_PRACTICE: Text = Text::new("Modifica la pratica", "Edit the practice");
pub const OPENING_THE_PRACTICE: Text = Text::new("Apertura della pratica…", "Opening the practice…");
