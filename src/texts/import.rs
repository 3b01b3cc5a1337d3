// SPDX-License-Identifier: EUPL-1.2
//! The import of a spreadsheet of responses (administrators).

use super::Text;
use domain::Lang;
use domain::numbers::count;

pub const IMPORT_RESPONSES: Text = Text::new("Importa risposte da un foglio", "Import responses from a sheet");
pub const LEAD: Text = Text::new(
    "Carica il foglio delle risposte di un altro modulo (Google Forms, LimeSurvey, EUSurvey, Excel), in CSV o XLSX, \
     fino a 10 MB e 5.000 righe. Abbina le colonne alle domande e i valori alle opzioni, prova l'importazione: \
     nulla entra nella coda della redazione prima che tu lo importi, e nessuno riceve messaggi.",
    "Upload the sheet of responses of another form (Google Forms, LimeSurvey, EUSurvey, Excel), as CSV or XLSX, up \
     to 10 MB and 5,000 rows. Match the columns to the questions and the values to the options, try the import: \
     nothing enters the editors' queue before you import it, and nobody is sent any message.",
);
pub const FILE: Text = Text::new("File delle risposte (CSV o XLSX)", "File of responses (CSV or XLSX)");
pub const UPLOAD: Text = Text::new("Carica il file", "Upload the file");
pub const CHOOSE_THE_FILE: Text = Text::new("Scegli il file delle risposte.", "Choose the file of responses.");
pub const UPLOAD_GONE: Text = Text::new(
    "Il file caricato non è più sul server (si tiene un giorno): caricalo di nuovo.",
    "The file uploaded is no longer on the server (it is kept for a day): upload it again.",
);
pub const COLUMNS: Text = Text::new("Colonne del file", "The file's columns");
pub const SAVED_MAPPING: Text = Text::new(
    "Abbinamento salvato dall'ultimo file con le stesse colonne.",
    "Matching saved from the last file with the same columns.",
);
pub const PROPOSED_MAPPING: Text = Text::new(
    "Abbinamento proposto confrontando le intestazioni con le domande: controlla ogni colonna.",
    "Matching proposed by comparing the headers with the questions: check every column.",
);
pub const COLUMN: Text = Text::new("Colonna", "Column");
pub const EXAMPLES: Text = Text::new("Esempi", "Examples");
pub const QUESTION: Text = Text::new("Domanda", "Question");
pub const DO_NOT_IMPORT: Text = Text::new("Non importare", "Do not import");
pub const SUBMISSION_DATE: Text = Text::new("Data di invio", "Date sent");
pub const SEPARATOR: Text = Text::new("Separatore delle scelte multiple", "Separator of multiple choices");
pub const SEPARATOR_HINT: Text = Text::new(
    "Google Forms scrive «, » (virgola e spazio) tra le opzioni scelte.",
    "Google Forms writes “, ” (comma and space) between the options chosen.",
);
pub const VALUES: Text = Text::new("Valori delle risposte", "Values of the responses");
pub const VALUES_LEAD: Text = Text::new(
    "Per ogni valore trovato nel file, l'opzione del questionario a cui corrisponde.",
    "For each value found in the file, the questionnaire's option it stands for.",
);
pub const VALUE: Text = Text::new("Valore nel file", "Value in the file");
pub const OPTION: Text = Text::new("Opzione", "Option");
pub const CHOOSE: Text = Text::new("— scegli —", "— choose —");
pub const LEAVE_EMPTY: Text = Text::new("Lascia vuoto", "Leave empty");
pub const TRY: Text = Text::new("Prova l'importazione", "Try the import");
pub const TRIAL: Text = Text::new("Esito della prova", "Outcome of the trial");
pub const CHANGED: Text = Text::new(
    "L'abbinamento è cambiato dopo la prova: prova di nuovo prima di importare.",
    "The matching changed after the trial: try again before importing.",
);
pub const ROWS_WITH_PROBLEMS: Text = Text::new("Righe con problemi", "Rows with problems");
pub const PROBLEMS_LEAD: Text = Text::new(
    "Queste righe restano fuori, o entrano come bozze da completare: correggi l'abbinamento, o il file e caricalo \
     di nuovo (le righe già importate non si ripetono).",
    "These rows stay out, or come in as drafts to complete: fix the matching, or the file and upload it again \
     (rows imported already are not repeated).",
);
pub const UNDO: Text = Text::new("Annulla l'importazione", "Undo the import");
pub const TO_THE_QUEUE: Text = Text::new("Vai alla coda della redazione", "Go to the editors' queue");

/// The accessible name of a column's question: "Domanda per la colonna «Nome»".
pub fn question_for(lang: Lang, header: &str) -> String {
    match lang {
        Lang::It => format!("Domanda per la colonna «{header}»"),
        Lang::En => format!("Question for the column “{header}”"),
    }
}

/// The accessible name of a value's option: "Opzione per «Anziani» (Area di utenza)".
pub fn option_for(lang: Lang, value: &str, question: &str) -> String {
    match lang {
        Lang::It => format!("Opzione per «{value}» ({question})"),
        Lang::En => format!("Option for “{value}” ({question})"),
    }
}

/// After the upload: "File «risposte.csv» letto: 12 righe, 30 colonne."
pub fn read(lang: Lang, file: &str, rows: usize, columns: usize) -> String {
    match lang {
        Lang::It => format!(
            "File «{file}» letto: {}, {}.",
            count(rows as u64, "riga", "righe", lang),
            count(columns as u64, "colonna", "colonne", lang)
        ),
        Lang::En => format!(
            "File “{file}” read: {}, {}.",
            count(rows as u64, "row", "rows", lang),
            count(columns as u64, "column", "columns", lang)
        ),
    }
}

/// The trial's figures: "2 righe pronte, 1 con problemi, 0 già importate."
pub fn trial(lang: Lang, ready: usize, with_problems: usize, already: usize) -> String {
    match lang {
        Lang::It => format!(
            "{} da importare, {with_problems} con problemi, {already} già importate.",
            count(ready as u64, "riga pronta", "righe pronte", lang)
        ),
        Lang::En => format!(
            "{} to import, {with_problems} with problems, {already} imported already.",
            count(ready as u64, "row ready", "rows ready", lang)
        ),
    }
}

/// Under the problems listed: "… e altri 312 problemi."
pub fn more_problems(lang: Lang, more: usize) -> String {
    match lang {
        Lang::It => format!("… e {}.", count(more as u64, "altro problema", "altri problemi", lang)),
        Lang::En => format!("… and {}.", count(more as u64, "more problem", "more problems", lang)),
    }
}

/// The import button: "Importa 2 righe".
pub fn import_rows(lang: Lang, rows: usize) -> String {
    match lang {
        Lang::It => format!("Importa {}", count(rows as u64, "riga", "righe", lang)),
        Lang::En => format!("Import {}", count(rows as u64, "row", "rows", lang)),
    }
}

/// What the import did.
pub fn imported(lang: Lang, done: &domain::questionnaire::import::api::Imported) -> String {
    let domain::questionnaire::import::api::Imported { created, already, left_out, drafts, .. } = *done;
    let drafts = match (drafts, lang) {
        (0, _) => String::new(),
        (n, Lang::It) => format!(" {},", count(n as u64, "bozza da completare", "bozze da completare", lang)),
        (n, Lang::En) => format!(" {},", count(n as u64, "draft to complete", "drafts to complete", lang)),
    };
    match lang {
        Lang::It => format!(
            "Importazione fatta: {} nella coda della redazione,{drafts} {already} già importate, {left_out} lasciate \
             fuori.",
            count(created as u64, "pratica", "pratiche", lang)
        ),
        Lang::En => format!(
            "Import done: {} in the editors' queue,{drafts} {already} imported already, {left_out} left out.",
            count(created as u64, "practice", "practices", lang)
        ),
    }
}

/// The choice to keep the rows with problems as drafts.
pub fn as_drafts(lang: Lang, rows: usize) -> String {
    match lang {
        Lang::It => format!(
            "Importa come bozze anche {}: la redazione completerà ciò che manca (le celle restano come le ha scritte \
             il file)",
            count(rows as u64, "riga con problemi", "righe con problemi", lang)
        ),
        Lang::En => format!(
            "Import as drafts {} too: the editors will complete what is missing (the cells stay as the file wrote \
             them)",
            count(rows as u64, "row with problems", "rows with problems", lang)
        ),
    }
}

/// What undoing did.
pub fn undone(lang: Lang, removed: usize) -> String {
    match lang {
        Lang::It => {
            format!("Importazione annullata: {} tolte dalla coda.", count(removed as u64, "pratica", "pratiche", lang))
        }
        Lang::En => {
            format!("Import undone: {} taken out of the queue.", count(removed as u64, "practice", "practices", lang))
        }
    }
}
