// SPDX-License-Identifier: EUPL-1.2
//! The administrators' pages.

use super::Text;

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
pub const THE_MESSAGES_SENT_AND: Text = Text::new("I messaggi inviati e in attesa", "The messages sent and waiting");
pub const AUDIT_LOG: Text = Text::new("Registro delle azioni", "Audit log");
pub const DOWNLOAD_THE_LOG_CSV: Text = Text::new("Scarica il registro (CSV)", "Download the log (CSV)");
pub const SERVICE_RATINGS: Text = Text::new("Valutazioni del servizio", "Service ratings");
