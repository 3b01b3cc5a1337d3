// SPDX-License-Identifier: EUPL-1.2
//! The catalogue: search, facets, cards, downloads, following a search.

use super::Text;

pub const DEMO: Text = Text::new("dimostrativo", "demo");
pub const TYPE: Text = Text::new("Tipologia", "Type");
pub const ADOPTED_BY: Text = Text::new("Adottata da", "Adopted by");
pub const ACTIVE_FILTERS: Text = Text::new("Filtri attivi", "Active filters");
pub const CLEAR_ALL_FILTERS: Text = Text::new("Cancella tutti i filtri", "Clear all filters");
pub const DOWNLOAD_ALL_THE_DATA: Text = Text::new("Scarica tutti i dati:", "Download all the data:");
pub const DATA_DICTIONARY: Text = Text::new("dizionario dei dati", "data dictionary");
pub const DOWNLOAD_THESE_RESULTS: Text = Text::new("Scarica questi risultati:", "Download these results:");
pub const EMBED_THIS_VIEW: Text = Text::new("incorpora questa vista", "embed this view");
pub const GET_BY_E_MAIL: Text = Text::new(
    "Ricevi per e-mail, una volta a settimana e solo se ci sono novità, le pratiche nuove o aggiornate di questa ricerca:",
    "Get by e-mail, once a week and only when there is something new, the practices new or updated in this search:",
);
pub const NO_ACCOUNT_YOU_CONFIRM: Text = Text::new(
    " Nessun account: confermi con il link che ti mandiamo e annulli con un clic da ogni messaggio.",
    " No account: you confirm with the link we send you and cancel in one click from any message.",
);
pub const ATOM_FEED_OF_THIS: Text = Text::new("Feed Atom di questa ricerca", "Atom feed of this search");
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
pub const NO_PRACTICE_MATCHES_TRY: Text = Text::new(
    "Nessuna pratica corrisponde alla ricerca. Prova a togliere un filtro o a usare parole più brevi.",
    "No practice matches. Try removing a filter or using shorter words.",
);
