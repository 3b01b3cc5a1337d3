// SPDX-License-Identifier: EUPL-1.2
//! The administrators' pages.

use super::Text;
use domain::Lang;
use domain::numbers::{count, format_tenths};

pub const CODE_LOWERCASE_LETTERS_DIGITS: Text =
    Text::new("Codice (minuscole, cifre e _)", "Code (lowercase letters, digits and _)");
pub const NAME: Text = Text::new("Nome", "Name");
pub const OPENS_ON: Text = Text::new("Apertura", "Opens on");
pub const CLOSES_ON: Text = Text::new("Chiusura", "Closes on");
pub const ROLE: Text = Text::new("Ruolo", "Role");
pub const PASSWORD_AT_LEAST_12: Text = Text::new("Password (almeno 12 caratteri)", "Password (at least 12 characters)");
pub const ADD_THE_ROUND: Text = Text::new("Aggiungi la raccolta", "Add the round");
pub const ADD_THE_ACCOUNT: Text = Text::new("Aggiungi l'account", "Add the account");
pub const COLLECTION_ROUNDS: Text = Text::new("Raccolte", "Collection rounds");
pub const ACCOUNTS: Text = Text::new("Account", "Accounts");
pub const MESSAGES_SENT_AND_WAITING: Text =
    Text::new("I messaggi inviati e in attesa", "The messages sent and waiting");
pub const AUDIT_LOG: Text = Text::new("Registro delle azioni", "Audit log");
pub const DOWNLOAD_THE_LOG_CSV: Text = Text::new("Scarica il registro (CSV)", "Download the log (CSV)");
pub const SERVICE_RATINGS: Text = Text::new("Valutazioni del servizio", "Service ratings");

// The rounds' table.
pub const ROUNDS_SET_UP: Text = Text::new("Raccolte definite", "Collection rounds set up");
pub const CODE: Text = Text::new("Codice", "Code");
pub const INVITATIONS: Text = Text::new("Inviti", "Invitations");
pub const INVITEES: Text = Text::new("Invitati", "Invitees");

// The accounts' table.
pub const EDITORS_ACCOUNTS: Text = Text::new("Account della redazione", "Editors' accounts");
pub const STATUS: Text = Text::new("Stato", "Status");
pub const ACTIONS: Text = Text::new("Azioni", "Actions");
pub const ROLE_ADMIN: Text = Text::new("Amministrazione", "Administrator");
pub const ROLE_CURATOR: Text = Text::new("Redazione", "Editor");
pub const ACTIVE: Text = Text::new("attivo", "active");
pub const DISABLED: Text = Text::new("disattivato", "disabled");
pub const DISABLE: Text = Text::new("Disattiva", "Disable");
pub const ENABLE: Text = Text::new("Riattiva", "Enable");
pub const YOUR_ACCOUNT: Text = Text::new("(il tuo account)", "(your account)");

// The audit log's table.
pub const MOST_RECENT_FIRST: Text = Text::new("Dalla più recente", "Most recent first");
pub const WHEN: Text = Text::new("Quando", "When");
pub const WHO: Text = Text::new("Chi", "Who");
pub const ACTION: Text = Text::new("Azione", "Action");
pub const PRACTICE: Text = Text::new("Pratica", "Practice");
pub const BEFORE: Text = Text::new("Prima", "Before");
pub const AFTER: Text = Text::new("Dopo", "After");
pub const MESSAGE: Text = Text::new("Messaggio", "Message");

// The service ratings.
pub const NO_RATINGS_YET: Text = Text::new("Nessuna valutazione ancora.", "No ratings yet.");
pub const RATINGS_BY_STARS: Text = Text::new("Valutazioni per numero di stelle", "Ratings by number of stars");
pub const STARS: Text = Text::new("Stelle", "Stars");
pub const RATINGS: Text = Text::new("Valutazioni", "Ratings");
pub const COMMENTS: Text = Text::new("Commenti", "Comments");
pub const COMMENTS_MOST_RECENT_FIRST: Text = Text::new("Commenti, dal più recente", "Comments, most recent first");
pub const DAY: Text = Text::new("Giorno", "Day");
pub const COMMENT: Text = Text::new("Commento", "Comment");

/// The ratings' count and mean: "3 valutazioni, in media 4,3 stelle su 5."
pub fn ratings_summary(lang: Lang, n: u64, average: f64) -> String {
    let mean = format_tenths(average, lang);
    match lang {
        Lang::It => format!("{}, in media {mean} stelle su 5.", count(n, "valutazione", "valutazioni", lang)),
        Lang::En => format!("{}, {mean} stars out of 5 on average.", count(n, "rating", "ratings", lang)),
    }
}

/// The link to a round's invitees, for screen readers.
pub fn invitees_of(lang: Lang, round: &str) -> String {
    match lang {
        Lang::It => format!("Invitati di {round}"),
        Lang::En => format!("Invitees of {round}"),
    }
}

/// A round was added.
pub fn round_added(lang: Lang, round: &str) -> String {
    match lang {
        Lang::It => format!("Raccolta «{round}» aggiunta."),
        Lang::En => format!("Round “{round}” added."),
    }
}

/// An account was added.
pub fn account_added(lang: Lang, email: &str) -> String {
    match lang {
        Lang::It => format!("Account {email} aggiunto."),
        Lang::En => format!("Account {email} added."),
    }
}

/// An account was enabled again.
pub fn account_enabled(lang: Lang, email: &str) -> String {
    match lang {
        Lang::It => format!("Account {email} riattivato."),
        Lang::En => format!("Account {email} enabled."),
    }
}

/// An account was disabled.
pub fn account_disabled(lang: Lang, email: &str) -> String {
    match lang {
        Lang::It => format!("Account {email} disattivato."),
        Lang::En => format!("Account {email} disabled."),
    }
}
