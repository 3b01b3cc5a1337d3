// SPDX-License-Identifier: EUPL-1.2
//! A practice's page and its forms: adoption, contact, report, follow; and
//! the page for an address that has none.

use super::Text;
use domain::Lang;

pub const CHOOSE_THE_REGION: Text = Text::new("Scegli la regione", "Choose the region");
pub const MUNICIPALITY: Text = Text::new("Comune", "Municipality");
pub const TYPE_THE_FIRST_LETTERS: Text = Text::new(
    "Scrivi le prime lettere e scegli dall'elenco ufficiale ISTAT della regione indicata.",
    "Type the first letters and choose from ISTAT's official list for the region above.",
);
pub const WE_ADOPTED_IT_TOO: Text = Text::new("L'abbiamo adottata anche noi", "We adopted it too");
pub const ADOPTION_INTRO: Text = Text::new(
    "Il tuo ente ha ripreso questa pratica, così com'è o adattata? Dillo qui: dopo la verifica della redazione comparirà su questa pagina e aiuterà altri enti a sceglierla.",
    "Has your body taken this practice up, as it is or adapted? Say so here: once the editors have checked it, it will show on this page and help other bodies choose it.",
);
pub const DECLARE_THE_ADOPTION: Text = Text::new("Dichiara l'adozione", "Declare the adoption");
pub const TYPE_OF_BODY: Text = Text::new("Tipo di ente", "Type of body");
pub const NAME_OF_THE_BODY: Text = Text::new("Nome dell'ente", "Name of the body");
pub const REGION: Text = Text::new("Regione", "Region");
pub const SINCE_WHEN: Text = Text::new("Da quando", "Since when");
pub const WE_ADAPTED_IT: Text = Text::new("L'abbiamo adattata al nostro territorio", "We adapted it to our area");
pub const WHAT_YOU_CHANGED: Text = Text::new("Che cosa avete cambiato", "What you changed");
pub const REQUIRED_IF_YOU_ADAPTED: Text = Text::new(
    "Obbligatorio se l'avete adattata: almeno 10 caratteri di testo semplice.",
    "Required if you adapted it: at least 10 characters of plain text.",
);
pub const CONTACT_PERSON_EDITORS_ONLY: Text =
    Text::new("Referente (solo per la redazione)", "Contact person (for the editors only)");
pub const CONTACT_E_MAIL_EDITORS_ONLY: Text =
    Text::new("E-mail del referente (solo per la redazione)", "Contact e-mail (for the editors only)");
pub const ADOPTION_CONSENT: Text = Text::new(
    "Acconsento alla pubblicazione del nome dell'ente, della data e delle modifiche",
    "I agree that the body's name, the date and the changes are published",
);
pub const HOW_WE_PROCESS_THESE_DATA: Text = Text::new("Come trattiamo questi dati", "How we process these data");
pub const SEND_THE_DECLARATION: Text = Text::new("Invia la dichiarazione", "Send the declaration");
pub const CONTACT_THE_REFERENT: Text = Text::new("Contatta il referente", "Contact the referent");
pub const CONTACT_INTRO: Text = Text::new(
    "Vuoi saperne di più o riprendere la pratica nel tuo ente? Scrivi a chi l'ha realizzata: il sito inoltra il messaggio al referente senza mostrarti il suo indirizzo, e ti manda una copia. La risposta arriva direttamente a te.",
    "Want to know more, or take the practice up in your own body? Write to those who ran it: the site forwards your message to the contact person without showing you their address, and sends you a copy. The answer comes straight to you.",
);
pub const WRITE_TO_THE_REFERENT: Text = Text::new("Scrivi al referente", "Write to the referent");
pub const FULL_NAME: Text = Text::new("Nome e cognome", "Full name");
pub const MESSAGE: Text = Text::new("Messaggio", "Message");
pub const MESSAGE_HINT: Text = Text::new(
    "Da 20 a 3.000 caratteri di testo semplice, con al massimo 2 indirizzi web.",
    "20 to 3,000 characters of plain text, with at most 2 web addresses.",
);
pub const CONTACT_CONSENT: Text = Text::new(
    "Acconsento che il sito inoltri al referente il mio nome, il mio ente, la mia e-mail e il messaggio",
    "I agree that the site forwards my name, body, e-mail and message to the contact person",
);
pub const SEND_THE_MESSAGE: Text = Text::new("Invia il messaggio", "Send the message");
pub const CONFIRM_THE_SUBSCRIPTION: Text = Text::new("Conferma l'iscrizione", "Confirm the subscription");
pub const CANCEL_THE_SUBSCRIPTION: Text = Text::new("Annulla l'iscrizione", "Cancel the subscription");
pub const LINK_NOT_VALID: Text = Text::new(
    "Il link non è valido: copialo per intero dal messaggio, o iscriviti di nuovo dal catalogo.",
    "The link is not valid: copy it whole from the message, or subscribe again from the catalogue.",
);
pub const SUBSCRIPTION_CONFIRMED: Text = Text::new(
    "Iscrizione confermata: una volta a settimana riceverai le pratiche nuove o aggiornate di questa ricerca. Ogni messaggio ha il link per annullare.",
    "Subscription confirmed: once a week you will receive the practices new or updated in this search. Every message has the link to cancel.",
);
pub const SUBSCRIPTION_CANCELLED: Text = Text::new(
    "Iscrizione annullata: non riceverai più messaggi per questa ricerca e il tuo indirizzo è stato cancellato.",
    "Subscription cancelled: you will receive no more messages for this search and your address has been deleted.",
);
pub const OPEN_THE_SEARCH: Text = Text::new("Apri la ricerca nel catalogo", "Open the search in the catalogue");
pub const PRACTICE: Text = Text::new("Pratica", "Practice");
pub const LOADING_THE_PRACTICE: Text = Text::new("Caricamento della pratica…", "Loading the practice…");
pub const PRACTICE_NOT_FOUND: Text = Text::new("Pratica non trovata", "Practice not found");
pub const NO_PRACTICE_WITH_THIS_REFERENCE: Text =
    Text::new("Nessuna pratica pubblicata ha questo riferimento.", "No published practice has this reference.");
pub const BACK_TO_THE_CATALOGUE: Text = Text::new("Torna al catalogo", "Back to the catalogue");
pub const NOT_CONFIRMED_FOR_LONG: Text =
    Text::new(": chi l'ha descritta non la conferma da tempo", ": its respondent has not confirmed it for long");
pub const PUBLISHED_ON: Text = Text::new("Pubblicata il", "Published on");
pub const UPDATED_ON: Text = Text::new("Aggiornata il", "Updated on");
pub const CONFIRMED_ON: Text = Text::new("Confermata il", "Confirmed on");
pub const START_FROM_THIS_PRACTICE: Text = Text::new("Parti da questa pratica", "Start from this practice");
pub const START_FROM_THIS_PRACTICE_HINT: Text = Text::new(
    "Apre il questionario con la descrizione di questa pratica, da adattare alla tua.",
    "Opens the questionnaire with this practice's description, to adapt to yours.",
);
pub const HOW_TO_CITE: Text = Text::new("Come citare", "How to cite");
pub const RELATED_PRACTICES: Text = Text::new("Pratiche simili", "Related practices");
pub const ALSO_ADOPTED_BY: Text = Text::new("Adottata anche da", "Also adopted by");
pub const ADAPTED: Text = Text::new(" (adattata)", " (adapted)");
pub const DERIVES_FROM: Text = Text::new("Deriva da", "Derives from");
pub const INSPIRED: Text = Text::new("Ha ispirato", "Inspired");
pub const STATIC_COPY_REPORT: Text = Text::new(
    "Questa è una copia del sito: per segnalare un problema scrivi alla redazione.",
    "This is a copy of the site: to report a problem write to the editors.",
);
pub const PAGE_WITH_THE_PROBLEM: Text =
    Text::new("Pagina in cui hai trovato il problema", "Page where you met the problem");
pub const PAGE_WITH_THE_PROBLEM_HINT: Text = Text::new(
    "L'indirizzo o il nome della pagina, ad esempio «Catalogo».",
    "The page's address or name, for example “Catalogue”.",
);
pub const DESCRIBE_THE_PROBLEM: Text = Text::new("Descrivi il problema", "Describe the problem");
pub const DESCRIBE_THE_PROBLEM_HINT: Text = Text::new(
    "Che cosa stavi facendo, che cosa non ha funzionato, con quale dispositivo o tecnologia assistiva.",
    "What you were doing, what did not work, with which device or assistive technology.",
);
pub const YOUR_E_MAIL_OPTIONAL: Text = Text::new("La tua e-mail (facoltativa)", "Your e-mail (optional)");
pub const YOUR_E_MAIL_OPTIONAL_HINT: Text =
    Text::new("Solo per risponderti; non è pubblicata.", "Only to answer you; it is not published.");
pub const HOW_WE_PROCESS_THE_REPORT: Text =
    Text::new("Come trattiamo i dati della segnalazione", "How we process the report's data");
pub const SEND_THE_REPORT: Text = Text::new("Invia la segnalazione", "Send the report");
pub const DECLARATION_RECEIVED: Text = Text::new(
    "Grazie: la dichiarazione è arrivata alla redazione, che la verificherà prima di pubblicarla.",
    "Thank you: the editors have received the declaration and will check it before publishing it.",
);
pub const NOT_FOUND_EXPLAINED: Text = Text::new(
    "L'indirizzo che hai aperto non corrisponde a nessuna pagina. Potrebbe essere stato scritto male o non esistere più.",
    "The address you opened does not match any page. It may have been mistyped or no longer exist.",
);
pub const BACK_TO_THE_HOME_PAGE: Text = Text::new("Torna alla home", "Go back to the home page");
pub const OR: Text = Text::new(" oppure ", " or ");
pub const BROWSE_THE_PRACTICES: Text =
    Text::new("consulta il catalogo delle pratiche", "browse the catalogue of practices");

/// Said once a message to a practice's contact person has been relayed.
/// Where a harvested practice comes from.
pub fn harvested_from(lang: Lang, name: &str) -> String {
    match lang {
        Lang::It => format!(
            "Questa pratica proviene dalla raccolta «{name}», che la pubblica con licenza CC BY 4.0: per contattare chi la segue, rivolgiti a quella raccolta."
        ),
        Lang::En => format!(
            "This practice comes from the collection «{name}», which publishes it under CC BY 4.0: to contact the people behind it, turn to that collection."
        ),
    }
}

pub const SEE_IT_AT_THE_SOURCE: Text =
    Text::new("Vedi la pratica nella raccolta di origine", "See the practice in its original collection");

pub fn message_forwarded(lang: Lang, copy_to: &str) -> String {
    match lang {
        Lang::It => format!("Messaggio inoltrato al referente. Una copia è in arrivo a {copy_to}."),
        Lang::En => format!("Message forwarded to the contact person. A copy is on its way to {copy_to}."),
    }
}

/// Said once an accessibility report has arrived, with its number.
pub fn report_received(lang: Lang, reference: &str) -> String {
    match lang {
        Lang::It => format!("Segnalazione {reference} ricevuta: la redazione risponde entro 30 giorni. Grazie."),
        Lang::En => format!("Report {reference} received: the editors will answer within 30 days. Thank you."),
    }
}
