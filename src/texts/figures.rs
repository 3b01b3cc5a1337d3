// SPDX-License-Identifier: EUPL-1.2
//! Statistics and participation.

use super::Text;
use domain::Lang;
use domain::community::participation::Figures;
use domain::numbers::{count, format_count, format_share};

pub const WHO_TOOK_PART: Text = Text::new("Chi ha partecipato", "Who took part");
pub const BACK_TO_THE_FIGURES: Text = Text::new("Torna alla raccolta in cifre", "Back to the collection in figures");
pub const COLLECTION_ROUND: Text = Text::new("Raccolta", "Collection round");
pub const DOWNLOAD_PARTICIPATION_CSV: Text =
    Text::new("Scarica i dati di ogni raccolta e regione (CSV)", "Download the data of every round and region (CSV)");
pub const SELF_SELECTED: Text = Text::new(
    "La raccolta è autoselezionata: descrive le pratiche che le amministrazioni hanno scelto di raccontare e non è un campione statistico dei servizi sociali italiani.",
    "The collection is self-selected: it describes the practices administrations chose to share and is not a statistical sample of Italian social services.",
);
pub const WHO_TOOK_PART_HINT: Text = Text::new(
    "Comuni, Ambiti e Regioni per regione, con la quota dei Comuni e della popolazione coperti",
    "Comuni, Ambiti and Regions by region, with the share of Comuni and population covered",
);
pub const PRACTICES_AND_ADOPTIONS_BY_REGION: Text =
    Text::new("Pratiche e adozioni per regione", "Practices and adoptions by region");
pub const ON_THE_MAP: Text = Text::new("Sulla mappa", "On the map");
pub const ADOPTIONS_EXPLAINED: Text = Text::new(
    "Adozioni: le dichiarazioni di altri enti che hanno adottato o adattato le pratiche considerate, controllate dalla redazione.",
    "Adoptions: the declarations, checked by the editors, of other bodies that adopted or adapted the practices counted.",
);
pub const SEE_THE_PRACTICES: Text =
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
pub const PRACTICES: Text = Text::new("Pratiche", "Practices");
pub const ADOPTIONS: Text = Text::new("Adozioni", "Adoptions");
pub const EVERY_ROUND: Text = Text::new(domain::community::participation::ALL_ROUNDS, "Every collection round");
pub const PARTICIPATION_BY_REGION: Text = Text::new("Partecipazione per regione", "Participation by region");
pub const MAP_OF_PARTICIPATION: Text = Text::new(
    "Mappa schematica delle regioni: i numeri sono la quota dei Comuni coperti dalle pratiche; i dati sono anche nella tabella",
    "Schematic map of the regions: numbers are the share of Comuni the practices cover; the data is also in the table",
);
pub const SHARE_OF_COMUNI_COVERED: Text = Text::new("Quota dei Comuni coperti:", "Share of Comuni covered:");
pub const COMUNI_TAKING_PART: Text = Text::new("Comuni partecipanti", "Comuni taking part");
pub const AMBITI_TAKING_PART: Text = Text::new("Ambiti partecipanti", "Ambiti taking part");
pub const REGION_TAKING_PART: Text = Text::new("Regione partecipante", "Region taking part");
pub const COMUNI_COVERED_OF_TOTAL: Text = Text::new("Comuni coperti / totale", "Comuni covered / total");
pub const PERCENT_COMUNI: Text = Text::new("% Comuni", "% Comuni");
pub const PERCENT_POPULATION: Text = Text::new("% popolazione", "% population");
pub const YES: Text = Text::new("sì", "yes");
pub const NO: Text = Text::new("no", "no");
pub const ITALY: Text = Text::new("Italia", "Italy");

/// "12 pratiche considerate": how many practices the figures count.
pub fn practices_counted(lang: Lang, total: usize) -> String {
    match lang {
        Lang::It => format!("{total} pratiche considerate"),
        Lang::En => format!("{total} practices counted"),
    }
}

/// What one shade of the participation map stands for: "da 0% a 2,5%".
pub fn share_range(lang: Lang, low: &str, high: &str) -> String {
    match lang {
        Lang::It => format!("da {low} a {high}"),
        Lang::En => format!("{low} to {high}"),
    }
}

/// The note under the participation figures: what they count and their sources.
pub fn participation_note(lang: Lang, list_date: &str, source: &str) -> String {
    match lang {
        Lang::It => format!(
            "Comuni, Ambiti e Regioni partecipanti: gli enti di quel tipo che hanno inviato pratiche (la Regione o Provincia autonoma stessa, per le Regioni). Comuni coperti: i Comuni indicati nelle pratiche, ciascuno una volta. Totali: elenco ISTAT dei Comuni del {list_date}; popolazione: {source}. Fonte: ISTAT."
        ),
        Lang::En => format!(
            "Comuni, Ambiti and Regions taking part: the bodies of that type that sent practices (the Region or autonomous province itself, for Regions). Comuni covered: the Comuni the practices name, each once. Totals: ISTAT list of Comuni of {list_date}; population: {source} (2011 census). Source: ISTAT."
        ),
    }
}

/// The line above the participation map: a round's figures for the nation.
pub fn participation_summary(lang: Lang, round: &str, n: &Figures) -> String {
    let counted = |n: u32, one, many| count(n.into(), one, many, lang);
    let (comuni_total, comuni_share, population_share) = (
        format_count(n.comuni_total.into(), lang),
        format_share(n.comuni_share(), lang),
        format_share(n.population_share(), lang),
    );
    match lang {
        Lang::It => format!(
            "{round}: {} da {}, {} e {}; {} su {comuni_total} ({comuni_share} dei Comuni, {population_share} della popolazione)",
            counted(n.practices, "pratica", "pratiche"),
            counted(n.comuni, "Comune", "Comuni"),
            counted(n.ambiti, "Ambito", "Ambiti"),
            counted(n.regioni, "Regione", "Regioni"),
            counted(n.comuni_covered, "Comune coperto", "Comuni coperti"),
        ),
        Lang::En => format!(
            "{round}: {} from {}, {} and {}; {} out of {comuni_total} ({comuni_share} of the Comuni, {population_share} of the population)",
            counted(n.practices, "practice", "practices"),
            counted(n.comuni, "Comune", "Comuni"),
            counted(n.ambiti, "Ambito", "Ambiti"),
            counted(n.regioni, "Region", "Regions"),
            counted(n.comuni_covered, "Comune covered", "Comuni covered"),
        ),
    }
}
