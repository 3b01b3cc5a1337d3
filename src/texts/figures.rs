// SPDX-License-Identifier: EUPL-1.2
//! Statistics and participation.

use super::Text;

pub const WHO_TOOK_PART: Text = Text::new("Chi ha partecipato", "Who took part");
pub const BACK_TO_THE_COLLECTION: Text = Text::new("Torna alla raccolta in cifre", "Back to the collection in figures");
pub const COLLECTION_ROUND: Text = Text::new("Raccolta", "Collection round");
pub const DOWNLOAD_THE_DATA_OF: Text =
    Text::new("Scarica i dati di ogni raccolta e regione (CSV)", "Download the data of every round and region (CSV)");
pub const THE_COLLECTION_IS_SELF: Text = Text::new(
    "La raccolta è autoselezionata: descrive le pratiche che le amministrazioni hanno scelto di raccontare e non è un campione statistico dei servizi sociali italiani.",
    "The collection is self-selected: it describes the practices administrations chose to share and is not a statistical sample of Italian social services.",
);
pub const COMUNI_AMBITI_AND_REGIONS: Text = Text::new(
    "Comuni, Ambiti e Regioni per regione, con la quota dei Comuni e della popolazione coperti",
    "Comuni, Ambiti and Regions by region, with the share of Comuni and population covered",
);
pub const PRACTICES_AND_ADOPTIONS_BY: Text =
    Text::new("Pratiche e adozioni per regione", "Practices and adoptions by region");
pub const ON_THE_MAP: Text = Text::new("Sulla mappa", "On the map");
pub const ADOPTIONS_THE_DECLARATIONS_CHECKED: Text = Text::new(
    "Adozioni: le dichiarazioni di altri enti che hanno adottato o adattato le pratiche considerate, controllate dalla redazione.",
    "Adoptions: the declarations, checked by the editors, of other bodies that adopted or adapted the practices counted.",
);
pub const SEE_THE_PRACTICES_WITH: Text =
    Text::new("vedi le pratiche con questi filtri", "see the practices with these filters");
pub const TYPE_OF_SERVICE: Text = Text::new("Tipologia del servizio", "Type of service");
pub const INNOVATIONS_INTRODUCED: Text = Text::new("Innovazioni introdotte", "Innovations introduced");
pub const USER_AREAS: Text = Text::new("Aree di utenza", "User areas");
pub const STARTS_BY_MONTH: Text = Text::new("Avvii per mese", "Starts by month");
pub const MAP_OF_PRACTICES: Text = Text::new(
    "Mappa schematica delle regioni: i numeri sono le pratiche; i dati sono anche nella tabella accanto",
    "Schematic map of the regions: numbers are practices; the data is also in the table beside it",
);
pub const PRACTICES_PER_REGION: Text = Text::new("Pratiche per regione:", "Practices per region:");
pub const MAP_OF_ADOPTIONS: Text = Text::new(
    "Mappa schematica delle regioni: i numeri sono le adozioni dichiarate da enti della regione; i dati sono anche nella tabella accanto",
    "Schematic map of the regions: numbers are the adoptions declared by bodies of the region; the data is also in the table beside it",
);
pub const ADOPTIONS_PER_REGION: Text = Text::new("Adozioni per regione:", "Adoptions per region:");
pub const PRACTICES_IN_THE_REGION: Text = Text::new(
    "Pratiche, nella regione dell'ente che le descrive",
    "Practices, in the region of the body that describes them",
);
pub const ADOPTIONS_IN_THE_REGION: Text = Text::new(
    "Adozioni, nella regione dell'ente che le ha riprese",
    "Adoptions, in the region of the body that took them up",
);
