// SPDX-License-Identifier: EUPL-1.2
//! The frame of every page: header, footer, navigation, home, information pages, embeds, shared components.

use super::Text;
use domain::Lang;

pub const SKIP_TO_MAIN_CONTENT: Text = Text::new("Vai al contenuto principale", "Skip to main content");
pub const OF_LOCAL_SOCIAL_SERVICES: Text = Text::new("dei servizi sociali territoriali", "of local social services");
pub const MAIN_NAVIGATION: Text = Text::new("Navigazione principale", "Main navigation");
pub const GOOD_PRACTICES_OF_LOCAL_SOCIAL_SERVICES: Text =
    Text::new("Buone pratiche dei servizi sociali territoriali", "Good practices of local social services");
pub const OPEN_DATA_AND_CC: Text = Text::new("Dati aperti e licenza CC BY 4.0", "Open data and CC BY 4.0 licence");
pub const PUBLISHED_CONTENT_LICENCE: Text = Text::new(
    "I contenuti pubblicati sono rilasciati con licenza Creative Commons Attribuzione 4.0 (CC BY 4.0).",
    "Published content is released under the Creative Commons Attribution 4.0 licence (CC BY 4.0).",
);
pub const LEAVE_THIS_FIELD_EMPTY: Text = Text::new("Lascia vuoto questo campo", "Leave this field empty");
pub const MONTH: Text = Text::new("Mese", "Month");
pub const YEAR: Text = Text::new("Anno", "Year");
pub const EMBED: Text = Text::new("Incorpora", "Embed");
pub const PASTE_THIS_CODE: Text = Text::new(
    "Copia questo codice nella pagina del tuo sito: mostrerà le pratiche con i filtri che hai scelto nel catalogo e si adatterà in altezza. Lo script di poche righe serve solo al ridimensionamento; senza, l'iframe resta alto 600 pixel.",
    "Paste this code into your website's page: it shows the practices with the filters you chose in the catalogue and adapts its height. The few-line script only resizes it; without it the iframe stays 600 pixels high.",
);
pub const CHANGE_THE_FILTERS_IN_THE_CATALOGUE: Text =
    Text::new("Cambia i filtri nel catalogo", "Change the filters in the catalogue");
pub const FIXED_FILTERS: Text = Text::new("Filtri fissi", "Fixed filters");
pub const NO_FIXED_FILTER: Text = Text::new(
    "Nessun filtro fisso: chi visita il tuo sito vedrà tutte le pratiche e potrà filtrarle.",
    "No fixed filter: your visitors will see every practice and can filter them.",
);
pub const THESE_FILTERS_ALWAYS_STAY_ON: Text = Text::new(
    "Questi filtri restano sempre attivi nel catalogo incorporato: chi visita il tuo sito può aggiungerne altri, ma non toglierli.",
    "These filters always stay on in the embedded catalogue: your visitors can add others but not remove them.",
);
pub const CODE_TO_EMBED: Text = Text::new("Codice da incorporare", "Code to embed");
pub const COPY_THE_CODE: Text = Text::new("Copia il codice", "Copy the code");
pub const CODE_COPIED: Text = Text::new("Codice copiato.", "Code copied.");
pub const PREVIEW: Text = Text::new("Anteprima", "Preview");
pub const HOME: Text = Text::new("Home", "Home");
pub const THIS_IS_THE_OPEN: Text = Text::new(
    "Questa è la raccolta aperta di quelle pratiche, che continua a crescere: ogni amministrazione può descrivere la propria, la redazione la verifica e la pubblica, e chiunque può cercarla, filtrarla, citarla e scaricarla come dato aperto. Così le amministrazioni possono imparare l'una dall'altra e portare le soluzioni migliori nella programmazione ordinaria dei servizi.",
    "This is the open collection of those practices, and it keeps growing: every administration can describe its own, the editors check and publish it, and anyone can search, filter, cite and download it as open data. So administrations learn from each other and bring the best solutions into the ordinary planning of services.",
);
pub const BROWSE_THE_CATALOGUE: Text = Text::new("Consulta il catalogo", "Browse the catalogue");
pub const DESCRIBE_A_PRACTICE: Text = Text::new("Descrivi una pratica", "Describe a practice");
pub const OPEN_DATA: Text = Text::new("Dati aperti", "Open data");
pub const PUBLISHED_PRACTICES_ARE_RELEASED: Text = Text::new(
    "Le pratiche pubblicate sono rilasciate con licenza Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0): puoi riutilizzarle citando la fonte.",
    "Published practices are released under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may reuse them, citing the source.",
);
pub const FILES: Text = Text::new("File", "Files");
pub const EVERY_PUBLISHED_PRACTICE_CSV: Text =
    Text::new("Tutte le pratiche pubblicate (CSV, UTF-8)", "Every published practice (CSV, UTF-8)");
pub const EVERY_PUBLISHED_PRACTICE_JSON: Text =
    Text::new("Tutte le pratiche pubblicate (JSON)", "Every published practice (JSON)");
pub const ADOPTIONS_THE_BODIES_THAT: Text = Text::new(
    "Le adozioni: gli enti che hanno ripreso una pratica (CSV, UTF-8)",
    "Adoptions: the bodies that took up a practice (CSV, UTF-8)",
);
pub const WHO_TOOK_PART_BY: Text = Text::new(
    "Chi ha partecipato, per raccolta e regione (CSV, UTF-8)",
    "Who took part, by collection round and region (CSV, UTF-8)",
);
pub const ADOPTIONS_JSON: Text = Text::new("Le adozioni (JSON)", "Adoptions (JSON)");
pub const DATA_DICTIONARY_JSON: Text = Text::new("Dizionario dei dati (JSON)", "Data dictionary (JSON)");
pub const DCAT_AP_IT_METADATA: Text = Text::new("Metadati DCAT-AP_IT (Turtle)", "DCAT-AP_IT metadata (Turtle)");
pub const NEW_PRACTICES_AND_UPDATES: Text =
    Text::new("Nuove pratiche e aggiornamenti (feed Atom)", "New practices and updates (Atom feed)");
pub const PRACTICE_IDENTIFIERS_AND_ADDRESSES: Text = Text::new(
    "Identificativi e indirizzi delle pratiche (BP-AAAA-NNNN, /pratiche/BP-AAAA-NNNN) non cambiano mai. Dal catalogo puoi scaricare anche solo le pratiche che hai filtrato.",
    "Practice identifiers and addresses (BP-YYYY-NNNN, /pratiche/BP-YYYY-NNNN) never change. From the catalogue you can also download just the practices you filtered.",
);
pub const THE_LIST_OF_ITALIAN: Text = Text::new(
    "L'elenco dei comuni italiani usato dal questionario è di fonte ISTAT (licenza CC BY). Fonte: ISTAT.",
    "The list of Italian municipalities used by the questionnaire comes from ISTAT (CC BY licence). Source: ISTAT.",
);
pub const PAGE_NOT_FOUND: Text = Text::new("Pagina non trovata", "Page not found");
pub const COPYING_FAILED: Text = Text::new(
    "Copia non riuscita: seleziona il testo e copialo a mano.",
    "Copying failed: select the text and copy it by hand.",
);
pub const ERROR_PREFIX: Text = Text::new("Errore: ", "Error: ");
pub const PREVIEW_OF_THE_EMBEDDED_CATALOGUE: Text =
    Text::new("Anteprima del catalogo incorporato", "Preview of the embedded catalogue");
pub const EMBEDDED_CATALOGUE_TITLE: Text =
    Text::new("Buone pratiche dei servizi sociali", "Good practices of social services");
pub const COLLECTION_IS_CONTINUOUS: Text = Text::new(
    "La raccolta è continua: puoi descrivere una pratica in qualsiasi momento.",
    "The collection is continuous: you can describe a practice at any time.",
);
pub const CHOSEN_MUNICIPALITIES: Text = Text::new("Comuni scelti", "Chosen municipalities");
pub const CHOOSE_THE_REGION_FIRST: Text = Text::new("Scegli prima la regione", "Choose the region first");

/// The collection round in progress, `name`, and its last day, `closes_on`.
pub fn round_in_progress(lang: Lang, name: &str, closes_on: &str) -> String {
    match lang {
        Lang::It => format!("Raccolta in corso: {name}. Invia la pratica entro il {closes_on}."),
        Lang::En => format!("Collection round in progress: {name}. Submit by {closes_on}."),
    }
}

/// The label of the button that removes a chosen Comune.
pub fn remove_comune(lang: Lang, name: &str) -> String {
    match lang {
        Lang::It => format!("Rimuovi {name}"),
        Lang::En => format!("Remove {name}"),
    }
}

/// How many Comuni match what is typed (`typed`, trimmed).
pub fn comuni_found(lang: Lang, count: usize, typed: &str) -> String {
    match (count, lang) {
        (0, Lang::It) => format!("Nessun Comune trovato per «{typed}»."),
        (0, Lang::En) => format!("No municipality found for “{typed}”."),
        (1, Lang::It) => "1 comune trovato".to_owned(),
        (1, Lang::En) => "1 municipality found".to_owned(),
        (n, Lang::It) => format!("{n} comuni trovati"),
        (n, Lang::En) => format!("{n} municipalities found"),
    }
}

/// The source of the list of Comuni, dated `day`.
pub fn comuni_source(lang: Lang, day: &str) -> String {
    match lang {
        Lang::It => format!("Fonte: ISTAT, elenco dei comuni al {day}."),
        Lang::En => format!("Source: ISTAT, list of the Comuni as of {day}."),
    }
}
