// SPDX-License-Identifier: EUPL-1.2
//! Every sentence the API's errors say, in Italian and English: the fixed
//! ones as `Text`s, the ones with values in them as functions of the
//! language. `ApiError` answers in the request's language
//! (`crate::language`); handlers name what went wrong with a [`Message`],
//! never with a sentence in one language.

use domain::curation::InvalidTransition;
use domain::record::vocabulary::ModerationStatus;
use domain::{Lang, Text};

// The fixed messages of the errors.

pub const NOT_FOUND: Text = Text::new("Risorsa non trovata.", "Resource not found.");
pub const METHOD_NOT_ALLOWED: Text =
    Text::new("Questo indirizzo non accetta questo metodo HTTP.", "This address does not accept this HTTP method.");
pub const UNSUPPORTED_MEDIA_TYPE: Text = Text::new(
    "Invia il corpo come JSON, con Content-Type: application/json.",
    "Send the body as JSON, with Content-Type: application/json.",
);
pub const INVALID: Text = Text::new(
    "Alcuni campi non sono validi: correggili e invia di nuovo.",
    "Some fields are not valid: correct them and submit again.",
);
pub const IDEMPOTENCY_KEY_REUSED: Text = Text::new(
    "Questa chiave di invio è già stata usata per un'altra pratica: ricarica la pagina e invia di nuovo.",
    "This submission key was already used for another practice: reload the page and submit again.",
);
pub const INVALID_LINK: Text = Text::new(
    "Il link privato non è valido o è incompleto: controlla di averlo copiato per intero.",
    "The private link is not valid or is incomplete: check that you copied all of it.",
);
pub const BODY_UNREADABLE: Text = Text::new(
    "Il contenuto della richiesta non si legge: riprova.",
    "The request's content could not be read: try again.",
);
pub const UNAUTHORIZED: Text =
    Text::new("Accedi con il tuo account della redazione.", "Sign in with your editors' account.");
pub const TIMEOUT: Text = Text::new(
    "La richiesta è durata troppo a lungo ed è stata interrotta: riprova.",
    "The request took too long and was stopped: try again.",
);
pub const FORBIDDEN: Text = Text::new(
    "Non hai i permessi per questa operazione, o la richiesta non viene da questo sito.",
    "You are not allowed to do this, or the request does not come from this site.",
);
pub const BAD_CREDENTIALS: Text = Text::new("E-mail o password non corrette.", "Wrong e-mail or password.");
pub const SOURCE_EXISTS: Text = Text::new(
    "Questo indirizzo è già una fonte: cercala nell'elenco delle fonti.",
    "This address is a source already: find it in the list of sources.",
);
pub const HARVEST_RUNNING: Text = Text::new(
    "La raccolta è già in corso: attendi che finisca e riprova.",
    "A harvest is running: wait for it to finish and try again.",
);
pub const INTERNAL: Text =
    Text::new("Errore interno del server. Riprova più tardi.", "Internal server error. Try again later.");

/// The body is over the limit of `kib` KiB.
pub fn payload_too_large(lang: Lang, kib: usize) -> String {
    match lang {
        Lang::It => format!("Il corpo della richiesta supera il limite di {kib} KiB."),
        Lang::En => format!("The request body is over the limit of {kib} KiB."),
    }
}

/// The body is not JSON; `detail` is the parser's own (technical) words.
pub fn malformed_json(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::It => format!("Il corpo della richiesta non è JSON valido ({detail})."),
        Lang::En => format!("The request body is not valid JSON ({detail})."),
    }
}

/// A request refused before its body's content counts.
pub fn bad_request(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::It => format!("Richiesta non valida: {detail}."),
        Lang::En => format!("Invalid request: {detail}."),
    }
}

/// A body that does not fit the schema.
pub fn unprocessable(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::It => format!("La richiesta non rispetta lo schema ({detail})."),
        Lang::En => format!("The request does not fit the schema ({detail})."),
    }
}

/// A submission that looks automated, and why.
pub fn looks_automated(lang: Lang, why: Text) -> String {
    let why = why.get(lang);
    match lang {
        Lang::It => {
            format!("L'invio sembra automatico ({why}). Se sei una persona, attendi qualche secondo e riprova.")
        }
        Lang::En => {
            format!("The submission looks automated ({why}). If you are a person, wait a few seconds and try again.")
        }
    }
}

/// Over the rate limit: how long to wait.
pub fn too_many_requests(lang: Lang, seconds: u64) -> String {
    match lang {
        Lang::It => {
            format!(
                "Troppe richieste in poco tempo: riprova tra {}.",
                domain::numbers::count(seconds, "secondo", "secondi", lang)
            )
        }
        Lang::En => {
            format!(
                "Too many requests in a short time: try again in {}.",
                domain::numbers::count(seconds, "second", "seconds", lang)
            )
        }
    }
}

// Why a submission looks automated.

pub const NOT_OPENED_HERE: Text = Text::new(
    "il questionario non risulta aperto da questo sito; ricarica la pagina",
    "the questionnaire was not opened from this site; reload the page",
);
pub const FILLED_TOO_FAST: Text =
    Text::new("il questionario è stato compilato troppo in fretta", "the questionnaire was filled in too quickly");
pub const HIDDEN_FIELD_FILLED: Text = Text::new("è stato compilato un campo nascosto", "a hidden field was filled in");

// What a bad request lacks.

pub const IDEMPOTENCY_KEY_MISSING: Text = Text::new(
    "manca l'intestazione Idempotency-Key (16-128 caratteri A-Z, a-z, 0-9, - e _)",
    "the Idempotency-Key header is missing (16-128 characters A-Z, a-z, 0-9, - and _)",
);
pub const EDIT_TOKEN_SHAPE: Text = Text::new(
    "edit_token deve avere 32-128 caratteri A-Z, a-z, 0-9, - e _",
    "edit_token must have 32-128 characters A-Z, a-z, 0-9, - and _",
);
pub const CONNECTION_ADDRESS_UNKNOWN: Text =
    Text::new("indirizzo della connessione sconosciuto", "connection address unknown");
pub const UNUSABLE_SENDER: Text =
    Text::new("l'indirizzo e-mail non si può usare come mittente", "the e-mail address cannot be used as a sender");

// A value the schema takes but the server refuses.

pub const ORIGIN_NOT_PUBLISHED: Text = Text::new(
    "derived_from: la pratica da cui parti non è (più) pubblicata; togli il riferimento e invia di nuovo.",
    "derived_from: the practice you started from is not (or no longer) published; remove the reference and submit again.",
);

// Conflicts.

pub const EDIT_TOKEN_REUSED: Text = Text::new(
    "Questo link privato appartiene già a un'altra pratica: ricarica la pagina e invia di nuovo.",
    "This private link already belongs to another practice: reload the page and submit again.",
);
pub const CONFIRMATION_LINK_USED: Text = Text::new(
    "Questo link di conferma vale una volta sola ed è già stato usato: la pratica risulta confermata. \
     Per cambiarla usa il link privato della ricevuta.",
    "This confirmation link works once only and was already used: the practice is confirmed. \
     To change it, use the private link of the receipt.",
);
pub const CONFIRMING_UNPUBLISHED: Text = Text::new(
    "Si conferma una pratica pubblicata: questa non lo è ancora.",
    "Only a published practice can be confirmed: this one is not published yet.",
);
pub const UPDATE_PENDING: Text = Text::new(
    "Hai inviato un aggiornamento che la redazione deve ancora rivedere: attendi la sua decisione.",
    "You sent an update the editors have yet to review: wait for their decision.",
);
pub const REFERENT_DECLINES: Text = Text::new(
    "Il referente di questa pratica non riceve messaggi dal sito: usa il contatto pubblico dell'ufficio, se c'è.",
    "The contact person of this practice does not receive messages from the site: use the office's public contact, if there is one.",
);
pub const ROUND_CODE_TAKEN: Text =
    Text::new("Esiste già una raccolta con questo codice.", "A collection round with this code already exists.");
pub const ACCOUNT_EMAIL_TAKEN: Text =
    Text::new("Esiste già un account con questa e-mail.", "An account with this e-mail already exists.");
pub const DISABLING_ONESELF: Text =
    Text::new("Non puoi disattivare il tuo stesso account.", "You cannot disable your own account.");
pub const NO_UPDATE_TO_PUBLISH: Text = Text::new(
    "Non c'è un aggiornamento del referente da pubblicare per questa pratica.",
    "This practice has no update from its contact person to publish.",
);
pub const ADOPTION_STALE: Text = Text::new(
    "Un'altra persona ha appena deciso su questa dichiarazione: ricarica la pagina.",
    "Someone else has just decided on this declaration: reload the page.",
);

// What to do again after a stale decision ("… ricarica la pagina e {retry}").

pub const DECIDE_AGAIN: Text = Text::new("decidi di nuovo", "decide again");
pub const TRY_AGAIN: Text = Text::new("riprova", "try again");

/// What a handler refuses a request with (a conflict, a bad request, a value
/// refused): a fixed sentence, or one with values in it, worded in the
/// request's language when the answer is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// A sentence without values.
    Text(Text),
    /// Someone else changed the practice first (it is at `version` now);
    /// `retry` says what to do after reloading.
    Stale { version: i64, retry: Text },
    /// A curation action a practice in this state does not allow.
    NotAllowed(ModerationStatus),
    /// A decision an adoption declaration in this state does not allow.
    AdoptionNotAllowed(InvalidTransition),
    /// The round `name` closed on `closed_on` (ISO date): no more invitations.
    RoundClosed { name: String, closed_on: String },
    /// A moderation state's code that does not exist (the queue's filter).
    UnknownStatus(String),
    /// An import cannot be undone: the editors have acted on this practice.
    ImportCurated(String),
}

impl From<Text> for Message {
    fn from(text: Text) -> Self {
        Self::Text(text)
    }
}

impl Message {
    /// The sentence in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::ImportCurated(reference), Lang::It) => format!(
                "L'importazione non si può più annullare: la redazione ha già lavorato sulla pratica {reference}."
            ),
            (Self::ImportCurated(reference), Lang::En) => {
                format!("The import can no longer be undone: the editors have already worked on practice {reference}.")
            }
            (Self::Text(text), _) => text.get(lang).to_owned(),
            (Self::Stale { version, retry }, Lang::It) => format!(
                "Un'altra persona ha appena modificato questa pratica (versione {version}): ricarica la pagina e {}.",
                retry.get(lang)
            ),
            (Self::Stale { version, retry }, Lang::En) => format!(
                "Someone else has just changed this practice (version {version}): reload the page and {}.",
                retry.get(lang)
            ),
            (Self::NotAllowed(status), Lang::It) => {
                format!("Questa azione non è possibile per una pratica nello stato «{}».", status.label(lang))
            }
            (Self::NotAllowed(status), Lang::En) => {
                format!("This action is not possible for a practice in the state “{}”.", status.label(lang))
            }
            (Self::AdoptionNotAllowed(invalid), Lang::It) => format!(
                "Una dichiarazione nello stato «{}» non consente «{}».",
                invalid.from.label(lang),
                invalid.action.label(lang)
            ),
            (Self::AdoptionNotAllowed(invalid), Lang::En) => format!(
                "A declaration in the state “{}” does not allow “{}”.",
                invalid.from.label(lang),
                invalid.action.label(lang)
            ),
            (Self::RoundClosed { name, closed_on }, Lang::It) => format!(
                "La raccolta «{name}» si è chiusa il {}: gli inviti non partirebbero più.",
                domain::dates::long_date(closed_on, lang)
            ),
            (Self::RoundClosed { name, closed_on }, Lang::En) => format!(
                "The collection round “{name}” closed on {}: the invitations would no longer go out.",
                domain::dates::long_date(closed_on, lang)
            ),
            (Self::UnknownStatus(code), Lang::It) => format!("stato sconosciuto: {code}"),
            (Self::UnknownStatus(code), Lang::En) => format!("unknown state: {code}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_sentences_are_unchanged_and_english_differs() {
        let stale = Message::Stale { version: 3, retry: DECIDE_AGAIN };
        assert_eq!(
            stale.say(Lang::It),
            "Un'altra persona ha appena modificato questa pratica (versione 3): ricarica la pagina e decidi di nuovo."
        );
        assert_eq!(
            stale.say(Lang::En),
            "Someone else has just changed this practice (version 3): reload the page and decide again."
        );
        assert_eq!(too_many_requests(Lang::It, 30), "Troppe richieste in poco tempo: riprova tra 30 secondi.");
        assert_eq!(too_many_requests(Lang::En, 1), "Too many requests in a short time: try again in 1 second.");
        let round = Message::RoundClosed { name: "2026".into(), closed_on: "2026-01-31".into() };
        assert!(round.say(Lang::It).contains("si è chiusa il 31 gennaio 2026"), "{}", round.say(Lang::It));
        assert!(round.say(Lang::En).contains("closed on"), "{}", round.say(Lang::En));
    }
}
