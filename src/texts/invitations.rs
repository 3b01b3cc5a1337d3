// SPDX-License-Identifier: EUPL-1.2
//! Invitations: the editors' upload of invitees and the invitees' page.

use super::Text;
use domain::Lang;
use domain::numbers::{count, format_count};

pub const LIST_NOT_ADDED: Text = Text::new(
    "L'elenco non è stato caricato: correggi il file e riprova.",
    "The list was not added: fix the file and try again.",
);
pub const ROUND_INVITEES: Text = Text::new("Invitati della raccolta", "Round invitees");
pub const ADD_INVITEES: Text = Text::new("Aggiungi invitati", "Add invitees");
pub const INVITEES_CSV_FILE: Text = Text::new("File CSV degli invitati", "CSV file of the invitees");
pub const CSV_FILE_HINT: Text = Text::new(
    "La prima riga nomina le colonne «ente» ed «email», separate da virgola o punto e virgola (come salva un foglio di calcolo). Un indirizzo già nell'elenco non riceve un secondo invito. Al massimo 200 KiB: un elenco più lungo va in più file.",
    "The first row names the columns “ente” and “email”, separated by commas or semicolons (as a spreadsheet saves them). An address already on the list gets no second invitation. At most 200 KiB: a longer list goes in several files.",
);
pub const UPLOAD_THE_LIST: Text = Text::new("Carica l'elenco", "Upload the list");
pub const LIST: Text = Text::new("Elenco", "List");
pub const HOW_INVITATIONS_GO: Text = Text::new(
    "Mentre la raccolta è aperta, ogni invitato riceve un invito per e-mail, una volta sola; chi non ha ancora risposto riceve un solo promemoria nell'ultima settimana. Un invitato ha risposto quando, dall'apertura, è arrivata una pratica con il suo indirizzo come contatto o con il suo ente. Senza un server di posta i messaggi aspettano nella posta in uscita. Questo elenco è visibile solo all'amministrazione ed è cancellato un anno dopo la chiusura.",
    "While the round is open, each invitee is invited by e-mail, once; whoever has not answered gets one reminder in the last week. An invitee answered when, since the opening, a practice came with their address as its contact or with their body. Without a mail server the messages wait in the outbox. Only the administration sees this list; it is deleted a year after the round closes.",
);
pub const NO_INVITEES_YET: Text = Text::new("Nessun invitato ancora.", "No invitees yet.");
pub const CHOOSE_THE_CSV_FILE: Text =
    Text::new("Scegli il file CSV con l'elenco degli invitati.", "Choose the CSV file with the list of invitees.");
pub const FILE: Text = Text::new("File", "File");
pub const COLUMN_BODY: Text = Text::new("ente", "body");
pub const COLUMN_EMAIL: Text = Text::new("e-mail", "e-mail");
pub const NOT_YET: Text = Text::new("Non ancora", "Not yet");
pub const BY_ADDRESS: Text = Text::new("per indirizzo", "by address");
pub const BY_BODY: Text = Text::new("per ente", "by body");
pub const REMOVE: Text = Text::new("Togli", "Remove");
pub const INVITEES_AND_ANSWERS: Text = Text::new("Invitati e risposte", "Invitees and answers");
pub const INVITATION: Text = Text::new("Invito", "Invitation");
pub const REMINDER: Text = Text::new("Promemoria", "Reminder");
pub const ANSWER: Text = Text::new("Risposta", "Answer");

/// Where in the file a problem is: "Riga 3, e-mail" (the header is row 1).
pub fn row_column(lang: Lang, row: &str, column: Text) -> String {
    match lang {
        Lang::It => format!("Riga {row}, {}", column.it),
        Lang::En => format!("Row {row}, {}", column.en),
    }
}

/// What an upload added: new invitees, and addresses already there whose
/// body's name it updated.
pub fn list_uploaded(lang: Lang, added: usize, updated: usize) -> String {
    let (added, updated) = (added as u64, updated as u64);
    match lang {
        Lang::It => format!(
            "Elenco caricato: {}, {} (aggiornato il nome dell'ente).",
            count(added, "invitato nuovo", "invitati nuovi", lang),
            count(updated, "indirizzo già presente", "indirizzi già presenti", lang),
        ),
        Lang::En => format!(
            "List uploaded: {}, {} (the body's name updated).",
            count(added, "new invitee", "new invitees", lang),
            count(updated, "address already there", "addresses already there", lang),
        ),
    }
}

/// An invitee was taken off the list.
pub fn removed_from_list(lang: Lang, email: &str) -> String {
    match lang {
        Lang::It => format!("{email} è stato tolto dall'elenco."),
        Lang::En => format!("{email} was removed from the list."),
    }
}

/// The button that takes an invitee off the list, for screen readers.
pub fn remove_from_list(lang: Lang, email: &str) -> String {
    match lang {
        Lang::It => format!("Togli {email} dall'elenco"),
        Lang::En => format!("Remove {email} from the list"),
    }
}

/// How many problems the upload found, under the file control.
pub fn problems_in_file(lang: Lang, problems: usize) -> String {
    let n = problems as u64;
    match lang {
        Lang::It => count(
            n,
            "problema da correggere nel file, elencato sopra",
            "problemi da correggere nel file, elencati sopra",
            lang,
        ),
        Lang::En => {
            count(n, "problem to fix in the file, listed above", "problems to fix in the file, listed above", lang)
        }
    }
}

/// The page's heading: "Invitati della raccolta «Raccolta d'autunno»".
pub fn round_invitees(lang: Lang, round: &str) -> String {
    match lang {
        Lang::It => format!("Invitati della raccolta «{round}»"),
        Lang::En => format!("Invitees of the round “{round}”"),
    }
}

/// The round's days, each already written out.
pub fn round_days(lang: Lang, opens: &str, closes: &str, reminders: &str) -> String {
    match lang {
        Lang::It => format!("Aperta dal {opens} al {closes}. Promemoria dal {reminders}."),
        Lang::En => format!("Open from {opens} to {closes}. Reminders from {reminders}."),
    }
}

/// The round's figures: invitees, those invited so far, those who answered.
pub fn invitation_figures(lang: Lang, invitees: usize, invited: usize, answered: usize) -> String {
    let (invitees, invited, answered) = (invitees as u64, invited as u64, answered as u64);
    match lang {
        Lang::It => format!(
            "{}, {}, {}.",
            count(invitees, "invitato", "invitati", lang),
            count(invited, "già raggiunto dall'invito", "già raggiunti dall'invito", lang),
            count(answered, "ha risposto", "hanno risposto", lang),
        ),
        Lang::En => format!(
            "{}, {} already invited, {} answered.",
            count(invitees, "invitee", "invitees", lang),
            format_count(invited, lang),
            format_count(answered, lang),
        ),
    }
}
