// SPDX-License-Identifier: EUPL-1.2
//! The editors' pages: sign-in, queue, review, reports, adoptions, outbox.

use super::Text;

pub const DECLARATIONS_OF_ADOPTION: Text = Text::new("Dichiarazioni di adozione", "Declarations of adoption");
pub const NO_DECLARATIONS_RECEIVED: Text = Text::new("Nessuna dichiarazione ricevuta.", "No declarations received.");
pub const ADAPTED: Text = Text::new("adattata", "adapted");
pub const ADOPTED_AS_IT_IS: Text = Text::new("adottata così com'è", "adopted as it is");
pub const RECEIVED_ON: Text = Text::new("Ricevuta il", "Received on");
pub const PRACTICE: Text = Text::new("Pratica: ", "Practice: ");
pub const EDITORS_CORRECTION: Text = Text::new("Correzione della redazione", "Editors' correction");
pub const CORRECT_THE_TEXT_OR: Text = Text::new(
    "Correggi il testo o la classificazione con gli stessi passi e controlli del questionario. La correzione è salvata come nuova versione a tuo nome; le versioni inviate dal referente restano nello storico. Se la pratica è pubblicata, la correzione è pubblica subito.",
    "Correct the text or the classification with the questionnaire's own steps and checks. The correction is saved as a new version in your name; the respondent's versions stay in the history. If the practice is published, the correction is public at once.",
);
pub const START_THE_CORRECTION: Text = Text::new("Inizia la correzione", "Start the correction");
pub const SUBMISSIONS_TO_CURATE: Text = Text::new("Pratiche da curare", "Submissions to curate");
pub const SIGN_OUT: Text = Text::new("Esci", "Sign out");
pub const SUMMARY_TURNED_ON: Text = Text::new("Riepilogo attivato.", "Summary turned on.");
pub const SUMMARY_TURNED_OFF: Text = Text::new("Riepilogo disattivato.", "Summary turned off.");
pub const E_MAIL_SUMMARY: Text = Text::new("Riepilogo per e-mail", "E-mail summary");
pub const RECEIVE_EVERY_DAY_BY: Text = Text::new(
    "Ricevi ogni giorno per e-mail quante pratiche aspettano nella coda",
    "Receive every day by e-mail how many submissions wait in the queue",
);
pub const ACCESSIBILITY_REPORTS: Text = Text::new("Segnalazioni di accessibilità", "Accessibility reports");
pub const NO_REPORTS_RECEIVED: Text = Text::new("Nessuna segnalazione ricevuta.", "No reports received.");
pub const HANDLED_ON: Text = Text::new("Gestita il", "Handled on");
pub const OPEN: Text = Text::new("Aperta", "Open");
pub const ANONYMOUS: Text = Text::new("anonima", "anonymous");
pub const REOPEN_THE_REPORT: Text = Text::new("Riapri la segnalazione", "Reopen the report");
pub const MARK_AS_HANDLED: Text = Text::new("Segna come gestita", "Mark as handled");
pub const REVIEW: Text = Text::new("Revisione", "Review");
pub const EDITORS_SIGN_IN: Text = Text::new("Accesso redazione", "Editors' sign-in");
pub const EDITORS_SIGN_IN_2: Text = Text::new("Accesso alla redazione", "Editors' sign-in");
pub const YOUR_SESSION_HAS_ENDED: Text = Text::new(
    "La sessione è scaduta: accedi di nuovo. Tornerai alla pagina su cui eri, con quello che avevi scritto.",
    "Your session has ended: sign in again. You will return to the page you were on, with what you had typed.",
);
pub const SIGN_IN: Text = Text::new("Accedi", "Sign in");
