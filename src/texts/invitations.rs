// SPDX-License-Identifier: EUPL-1.2
//! Invitations: the editors' upload of invitees and the invitees' page.

use super::Text;

pub const THE_LIST_WAS_NOT: Text = Text::new(
    "L'elenco non è stato caricato: correggi il file e riprova.",
    "The list was not added: fix the file and try again.",
);
pub const ROUND_INVITEES: Text = Text::new("Invitati della raccolta", "Round invitees");
pub const ADD_INVITEES: Text = Text::new("Aggiungi invitati", "Add invitees");
pub const CSV_FILE_OF_THE: Text = Text::new("File CSV degli invitati", "CSV file of the invitees");
pub const THE_FIRST_ROW_NAMES: Text = Text::new(
    "La prima riga nomina le colonne «ente» ed «email», separate da virgola o punto e virgola (come salva un foglio di calcolo). Un indirizzo già nell'elenco non riceve un secondo invito. Al massimo 200 KiB: un elenco più lungo va in più file.",
    "The first row names the columns “ente” and “email”, separated by commas or semicolons (as a spreadsheet saves them). An address already on the list gets no second invitation. At most 200 KiB: a longer list goes in several files.",
);
pub const UPLOAD_THE_LIST: Text = Text::new("Carica l'elenco", "Upload the list");
pub const LIST: Text = Text::new("Elenco", "List");
pub const WHILE_THE_ROUND_IS: Text = Text::new(
    "Mentre la raccolta è aperta, ogni invitato riceve un invito per e-mail, una volta sola; chi non ha ancora risposto riceve un solo promemoria nell'ultima settimana. Un invitato ha risposto quando, dall'apertura, è arrivata una pratica con il suo indirizzo come contatto o con il suo ente. Senza un server di posta i messaggi aspettano nella posta in uscita. Questo elenco è visibile solo all'amministrazione ed è cancellato un anno dopo la chiusura.",
    "While the round is open, each invitee is invited by e-mail, once; whoever has not answered gets one reminder in the last week. An invitee answered when, since the opening, a practice came with their address as its contact or with their body. Without a mail server the messages wait in the outbox. Only the administration sees this list; it is deleted a year after the round closes.",
);
pub const NO_INVITEES_YET: Text = Text::new("Nessun invitato ancora.", "No invitees yet.");
