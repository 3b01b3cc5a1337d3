// SPDX-License-Identifier: EUPL-1.2
//! The catalogue: search, facets, cards, downloads, following a search.

use super::Text;
use domain::Lang;

pub const DEMO: Text = Text::new("dimostrativo", "demo");
pub const TYPE: Text = Text::new("Tipologia", "Type");
pub const ADOPTED_BY: Text = Text::new("Adottata da", "Adopted by");
pub const SOURCE: Text = Text::new("Provenienza", "Source");
pub const ACTIVE_FILTERS: Text = Text::new("Filtri attivi", "Active filters");
pub const CLEAR_ALL_FILTERS: Text = Text::new("Cancella tutti i filtri", "Clear all filters");
pub const DOWNLOAD_ALL_THE_DATA: Text = Text::new("Scarica tutti i dati:", "Download all the data:");
pub const DATA_DICTIONARY: Text = Text::new("dizionario dei dati", "data dictionary");
pub const DOWNLOAD_THESE_RESULTS: Text = Text::new("Scarica questi risultati:", "Download these results:");
pub const EMBED_THIS_VIEW: Text = Text::new("incorpora questa vista", "embed this view");
pub const FOLLOW_BY_E_MAIL: Text = Text::new(
    "Ricevi per e-mail, una volta a settimana e solo se ci sono novità, le pratiche nuove o aggiornate di questa ricerca:",
    "Get by e-mail, once a week and only when there is something new, the practices new or updated in this search:",
);
pub const NO_ACCOUNT_NEEDED: Text = Text::new(
    " Nessun account: confermi con il link che ti mandiamo e annulli con un clic da ogni messaggio.",
    " No account: you confirm with the link we send you and cancel in one click from any message.",
);
pub const ATOM_FEED_OF_THIS_SEARCH: Text = Text::new("Feed Atom di questa ricerca", "Atom feed of this search");
pub const HOW_WE_PROCESS_THE: Text = Text::new("Come trattiamo l'indirizzo", "How we process the address");
pub const LOADING_THE_PRACTICES: Text = Text::new("Caricamento delle pratiche…", "Loading the practices…");
pub const TRY_AGAIN: Text = Text::new("Riprova", "Try again");
pub const RESULT_PAGES: Text = Text::new("Pagine dei risultati", "Result pages");
pub const SEARCH_THE_PRACTICES: Text = Text::new("Cerca nelle pratiche", "Search the practices");
pub const SORT_BY: Text = Text::new("Ordina per", "Sort by");
pub const FILTERS: Text = Text::new("Filtri", "Filters");
pub const FILTER: Text = Text::new("Filtra", "Filter");
pub const APPLY_THE_FILTERS: Text = Text::new("Applica i filtri", "Apply the filters");
pub const RESULTS: Text = Text::new("Risultati", "Results");
pub const RESULTS_ALSO_FOR: Text = Text::new("Risultati anche per:", "Results also for:");
pub const DID_YOU_MEAN: Text = Text::new("Forse cercavi", "Did you mean");
pub const NO_PRACTICE_MATCHES: Text = Text::new(
    "Nessuna pratica corrisponde alla ricerca. Prova a togliere un filtro o a usare parole più brevi.",
    "No practice matches. Try removing a filter or using shorter words.",
);
pub const FIXED: Text = Text::new(" (fisso)", " (fixed)");
pub const SHOW: Text = Text::new("Mostra", "Show");
pub const PREVIOUS_PAGE: Text = Text::new("Pagina precedente", "Previous page");
pub const NEXT_PAGE: Text = Text::new("Pagina successiva", "Next page");

/// How many practices the view finds.
pub fn practices_found(lang: Lang, total: usize) -> String {
    match (total, lang) {
        (0, Lang::It) => "Nessuna pratica trovata.".into(),
        (1, Lang::It) => "1 pratica trovata".into(),
        (n, Lang::It) => format!("{n} pratiche trovate"),
        (0, Lang::En) => "No practice found.".into(),
        (1, Lang::En) => "1 practice found".into(),
        (n, Lang::En) => format!("{n} practices found"),
    }
}

/// How many other bodies took up a practice.
pub fn other_bodies(lang: Lang, count: usize) -> String {
    match (count, lang) {
        (1, Lang::It) => "1 altro ente".to_owned(),
        (1, Lang::En) => "1 other body".to_owned(),
        (n, Lang::It) => format!("{n} altri enti"),
        (n, Lang::En) => format!("{n} other bodies"),
    }
}

/// The label of the button that removes an active filter.
pub fn remove_the_filter(lang: Lang, label: &str) -> String {
    match lang {
        Lang::It => format!("Rimuovi il filtro {label}"),
        Lang::En => format!("Remove the filter {label}"),
    }
}

/// Where the result pages are: page `page` of `pages`.
pub fn page_of(lang: Lang, page: usize, pages: usize) -> String {
    match lang {
        Lang::It => format!("Pagina {page} di {pages}"),
        Lang::En => format!("Page {page} of {pages}"),
    }
}

/// Following a search: the confirmation mailed to `address`.
pub fn check_your_mail(lang: Lang, address: &str) -> String {
    match lang {
        Lang::It => {
            format!("Controlla la posta: abbiamo scritto a {address}. Apri il link del messaggio per confermare.")
        }
        Lang::En => format!("Check your mail: we wrote to {address}. Open the link in the message to confirm."),
    }
}
