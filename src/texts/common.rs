// SPDX-License-Identifier: EUPL-1.2
//! Texts used by more than one area.

use super::Text;
use domain::Lang;

pub const THERE_IS_A_PROBLEM: Text = Text::new("C'è qualcosa da correggere", "There is a problem");
pub const QUESTIONNAIRE: Text = Text::new("Questionario", "Questionnaire");
pub const CATALOGUE: Text = Text::new("Catalogo", "Catalogue");
pub const STATISTICS: Text = Text::new("Statistiche", "Statistics");
pub const CONTACTS: Text = Text::new("Contatti", "Contacts");
pub const ACCESSIBILITY_STATEMENT: Text = Text::new("Dichiarazione di accessibilità", "Accessibility statement");
pub const PRIVACY_NOTICE: Text = Text::new("Informativa privacy", "Privacy notice");
pub const NEEDS_UPDATING: Text = Text::new("da aggiornare", "needs updating");
pub const REFERENCE: Text = Text::new("Riferimento", "Reference");
pub const E_MAIL: Text = Text::new("E-mail", "E-mail");
pub const ADMINISTRATION: Text = Text::new("Amministrazione", "Administration");
pub const EDITORS: Text = Text::new("Redazione", "Editors");
pub const OUTBOX: Text = Text::new("Posta in uscita", "Outbox");
pub const FOLLOW_THIS_SEARCH: Text = Text::new("Segui questa ricerca", "Follow this search");
pub const YOUR_E_MAIL: Text = Text::new("La tua e-mail", "Your e-mail");
pub const BODY: Text = Text::new("Ente", "Body");
pub const LOADING: Text = Text::new("Caricamento…", "Loading…");
pub const REPORT_AN_ACCESSIBILITY_PROBLEM: Text =
    Text::new("Segnala un problema di accessibilità", "Report an accessibility problem");

/// What the client says of a failure without a message from the server.
pub const OFFLINE: Text = Text::new(
    "Il server non risponde: controlla la connessione e riprova.",
    "The server is not responding: check your connection and try again.",
);
pub const SIGNED_OUT: Text =
    Text::new("Accedi con il tuo account della redazione.", "Sign in with your editors' account.");
pub const UNREADABLE: Text = Text::new(
    "I dati ricevuti non sono leggibili. Riprova tra poco.",
    "The data received cannot be read. Try again shortly.",
);

/// An error answer without our message (a proxy's page, a static host's).
pub fn server_error(lang: Lang, status: u16) -> String {
    match lang {
        Lang::It => format!("Il server ha risposto con un errore ({status}). Riprova tra poco."),
        Lang::En => format!("The server answered with an error ({status}). Try again shortly."),
    }
}
