// SPDX-License-Identifier: EUPL-1.2
//! Texts used by more than one area.

use super::Text;

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
