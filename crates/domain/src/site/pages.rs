// SPDX-License-Identifier: EUPL-1.2
//! The browser app's pages: every address it has a page for, which of its
//! entry points serves it, and what search engines may do with it. The app's
//! route tables, the server's answers (status, entry, head, `robots.txt`,
//! `sitemap.xml`) and the static publication's files all read this one table.

/// One entry point of the browser app: its own HTML page and wasm bundle,
/// holding the code of one audience's pages only. Moving between pages of
/// one entry stays in the page; moving to another entry loads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    /// Home, catalogue, practices, statistics, open data, the info pages.
    Public,
    /// The views partner websites frame, without the site's chrome.
    Embed,
    /// The questionnaire, its receipt and the update of a sent practice.
    Questionnaire,
    /// The curators' pages: sign-in, queue, review, corrections.
    Editors,
    /// The administrators' pages: accounts and settings, collection rounds
    /// and their invitations, the outbox (a few people; curators do not
    /// download them).
    Admin,
    /// The administrators' import of a spreadsheet of responses: a few
    /// uses a year, with a mapping table of its own, kept out of the
    /// administrators' entry that opens every day.
    Import,
    /// The administrators' harvest of other collections: its sources, their
    /// reads and the form to add one (a few visits a month).
    Harvest,
    /// The imported rows kept as drafts, and their completion with the
    /// questionnaire's steps (curators; after an import, not every day).
    Drafts,
}

impl Entry {
    pub const ALL: [Entry; 8] = [
        Entry::Public,
        Entry::Embed,
        Entry::Questionnaire,
        Entry::Editors,
        Entry::Admin,
        Entry::Import,
        Entry::Harvest,
        Entry::Drafts,
    ];

    /// Its name: the app's binary (`src/bin/{name}.rs`) and its HTML page
    /// in the build (`{name}.html`).
    pub fn name(self) -> &'static str {
        match self {
            Entry::Public => "public",
            Entry::Embed => "embed",
            Entry::Questionnaire => "questionnaire",
            Entry::Editors => "editors",
            Entry::Admin => "admin",
            Entry::Import => "import",
            Entry::Harvest => "harvest",
            Entry::Drafts => "drafts",
        }
    }

    /// The entry that serves `path`; addresses with no page get the public
    /// entry, whose "Pagina non trovata" links back to the site.
    pub fn of(path: &str) -> Entry {
        page_at(path).map_or(Entry::Public, |page| page.entry)
    }
}

/// What search engines may do with a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// In the sitemap and indexed, with what [`listing`] says of it.
    Listed,
    /// Readable but not indexed: embeds, and practices' pages (indexed one by
    /// one when the practice is published).
    Unlisted,
    /// Closed to crawlers (`robots.txt`): private or working pages.
    Private,
}

/// What a listed page says of itself: its short title (in `<title>`), a
/// description, its main heading and the paragraph under it, if any
/// (Italian, English), which the app shows and the server's HTML holds
/// before the app starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listing {
    pub title: &'static str,
    pub description: &'static str,
    pub heading: (&'static str, &'static str),
    pub lead: Option<(&'static str, &'static str)>,
}

/// One page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Its address; `*` stands for one path segment (a practice's id).
    pub path: &'static str,
    pub entry: Entry,
    pub visibility: Visibility,
    /// Written as a file of the static publication (which has no server:
    /// no editors' pages, no receipts). Pages with `*` get one file per
    /// published practice.
    pub in_static_copy: bool,
    /// The data the page reads as soon as it starts, which the HTML asks
    /// for beside the app's code (`<meta name="bp-start-read">`, preloaded by the loader in Trunk.toml).
    pub reads: Reads,
}

/// The public data a page reads when it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reads {
    Nothing,
    /// The catalogue document.
    Catalogue,
    /// The catalogue and the practice its address names.
    CatalogueAndPractice,
    /// The collection round in progress (from the API only: a static copy
    /// receives no answers).
    CurrentRound,
    /// Who runs the site (`domain::site::operator`).
    Operator,
    /// Who took part (`domain::community::participation`).
    Participation,
}

impl Page {
    /// The addresses of the data the page at `path` (this page's) reads at
    /// start, from `source`.
    pub fn data_urls(&self, path: &str, source: crate::api::DataSource) -> Vec<String> {
        let practice = || path.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
        match self.reads {
            Reads::Nothing => Vec::new(),
            Reads::Catalogue => vec![source.catalogue_url().to_owned()],
            Reads::CatalogueAndPractice => vec![source.practice_url(practice()), source.catalogue_url().to_owned()],
            Reads::CurrentRound if source == crate::api::DataSource::Api => {
                vec![crate::questionnaire::rounds::CURRENT_ROUND_URL.to_owned()]
            }
            Reads::CurrentRound => Vec::new(),
            Reads::Operator => vec![source.operator_url().to_owned()],
            Reads::Participation => vec![source.participation_url().to_owned()],
        }
    }
}

/// The description of the whole collection.
pub const COLLECTION: &str = "La raccolta aperta delle buone pratiche dei servizi sociali di Comuni, Ambiti \
                              territoriali sociali e Regioni.";

const fn page(path: &'static str, entry: Entry, visibility: Visibility, in_static_copy: bool) -> Page {
    let reads = match path.as_bytes() {
        b"/catalogo" | b"/statistiche" | b"/embed/catalogo" => Reads::Catalogue,
        b"/pratiche/*" | b"/embed/pratiche/*" => Reads::CatalogueAndPractice,
        b"/" | b"/questionario" => Reads::CurrentRound,
        b"/privacy" | b"/accessibilita" | b"/contatti" => Reads::Operator,
        b"/statistiche/partecipazione" => Reads::Participation,
        _ => Reads::Nothing,
    };
    Page { path, entry, visibility, in_static_copy, reads }
}

use Entry::{Admin, Drafts, Editors, Embed, Harvest, Import, Public, Questionnaire};
use Visibility::{Listed, Private, Unlisted};

/// Every page of the app.
pub const PAGES: [Page; 30] = [
    page("/", Public, Listed, true),
    page("/catalogo", Public, Listed, true),
    page("/pratiche/*", Public, Unlisted, true),
    page("/statistiche", Public, Listed, true),
    page("/statistiche/partecipazione", Public, Listed, true),
    page("/dati-aperti", Public, Listed, true),
    page("/incorpora", Public, Listed, true),
    page("/accessibilita", Public, Listed, true),
    page("/contatti", Public, Listed, true),
    page("/privacy", Public, Listed, true),
    page("/segui/conferma", Public, Private, false),
    page("/segui/annulla", Public, Private, false),
    page("/embed/catalogo", Embed, Unlisted, true),
    page("/embed/pratiche/*", Embed, Unlisted, true),
    page("/questionario", Questionnaire, Listed, true),
    page("/questionario/ricevuta", Questionnaire, Private, false),
    page("/questionario/modifica", Questionnaire, Private, false),
    page("/questionario/conferma", Questionnaire, Private, false),
    page("/questionario/stato", Questionnaire, Listed, false),
    page("/redazione", Editors, Private, false),
    page("/redazione/accesso", Editors, Private, false),
    page("/redazione/pratiche/*", Editors, Private, false),
    page("/redazione/correzione", Editors, Private, false),
    page("/redazione/bozze", Drafts, Private, false),
    page("/redazione/bozze/completa", Drafts, Private, false),
    page("/redazione/amministrazione", Admin, Private, false),
    page("/redazione/amministrazione/raccolte/*", Admin, Private, false),
    page("/redazione/amministrazione/importa", Import, Private, false),
    page("/redazione/amministrazione/fonti", Harvest, Private, false),
    page("/redazione/posta", Admin, Private, false),
];

/// What the listed page at `path` says of itself. Apart from [`PAGES`], which
/// every entry reads to route: only the code that shows these sentences (the
/// server's heads, the listed pages' headings) carries them, not the
/// signed-in pages' and the embeds' entries.
pub fn listing(path: &str) -> Option<Listing> {
    let listing = |title, description, heading| Listing { title, description, heading, lead: None };
    let with_lead = |listing: Listing, it, en| Listing { lead: Some((it, en)), ..listing };
    Some(match page_at(path)?.path {
        "/" => with_lead(
            listing(
                "Home",
                COLLECTION,
                ("Buone pratiche dei servizi sociali territoriali", "Good practices of local social services"),
            ),
            "Nel 2020 il Ministero del Lavoro e delle Politiche Sociali e l'ANCI, con il supporto della Banca Mondiale, \
             hanno chiesto a Comuni, Ambiti territoriali sociali e Regioni di raccontare le esperienze e le buone \
             pratiche introdotte o rafforzate durante l'emergenza Covid-19 per le famiglie più vulnerabili: procedure \
             semplificate, lavoro sociale a distanza, persone e famiglie isolate raggiunte, strumenti digitali.",
            "In 2020 the Ministry of Labour and Social Policies and ANCI, with the support of the World Bank, asked \
             Comuni, social districts (Ambiti territoriali sociali) and Regions to describe the practices they \
             introduced or strengthened during the Covid-19 emergency for the most vulnerable families: simplified \
             procedures, remote social work, isolated people and families reached, digital tools.",
        ),
        "/catalogo" => listing(
            "Catalogo",
            "Cerca e filtra le buone pratiche dei servizi sociali per regione, area di utenza, destinatari, \
             strumenti e modalità di erogazione.",
            ("Catalogo delle pratiche", "Catalogue of practices"),
        ),
        "/statistiche" => listing(
            "Statistiche",
            "Le pratiche raccolte per regione, tipo di ente, area di utenza e strumento, con mappa e tabelle.",
            ("La raccolta in cifre", "The collection in figures"),
        ),
        "/statistiche/partecipazione" => with_lead(
            listing(
                "Chi ha partecipato",
                "Per ogni regione, i Comuni, gli Ambiti territoriali sociali e le Regioni che hanno inviato pratiche \
                 e la quota dei Comuni e della popolazione coperti, per raccolta.",
                ("Chi ha partecipato", "Who took part"),
            ),
            "Per ogni regione: chi ha inviato le pratiche pubblicate e quanta parte dei Comuni e della popolazione \
             raccontano. Così la Direzione vede dove mandare i promemoria.",
            "For each region: who sent the published practices and what share of the Comuni and of the \
             population they speak for. So the Direction sees where to send reminders.",
        ),
        "/dati-aperti" => listing(
            "Dati aperti",
            "Le buone pratiche in CSV e JSON (CC BY 4.0), il dizionario dei dati, i metadati DCAT-AP_IT e il \
             feed Atom.",
            ("Dati aperti e licenza", "Open data and licence"),
        ),
        "/incorpora" => listing(
            "Incorpora",
            "Inserisci una vista del catalogo nel sito del tuo ente, con i filtri che scegli.",
            ("Incorpora il catalogo nel tuo sito", "Embed the catalogue in your website"),
        ),
        "/accessibilita" => listing(
            "Dichiarazione di accessibilità",
            "La dichiarazione di accessibilità del sito Buone pratiche e come segnalare un problema.",
            ("Dichiarazione di accessibilità", "Accessibility statement"),
        ),
        "/contatti" => listing(
            "Contatti",
            "Come contattare la redazione, il titolare del trattamento dei dati e il responsabile della protezione \
             dei dati del sito Buone pratiche.",
            ("Contatti", "Contacts"),
        ),
        "/privacy" => listing(
            "Informativa privacy",
            "Come sono trattati i dati raccolti con il questionario e dal sito.",
            ("Informativa sul trattamento dei dati personali", "Privacy notice"),
        ),
        "/questionario" => listing(
            "Questionario",
            "Descrivi una pratica introdotta o rafforzata dal tuo ente: un questionario guidato in sei passi.",
            ("Descrivi una buona pratica", "Describe a good practice"),
        ),
        "/questionario/stato" => with_lead(
            listing(
                "Verifica lo stato",
                "Con il riferimento e il link privato della ricevuta, vedi a che punto è la pratica che hai inviato.",
                ("Verifica lo stato di una pratica", "Check the status of a practice"),
            ),
            "Con il riferimento e il link privato che trovi nella ricevuta vedi a che punto è la pratica che hai \
             inviato e l'ultimo messaggio della redazione.",
            "With the reference and the private link you find on the receipt, see where the practice you sent \
             stands and the editors' latest message.",
        ),
        _ => return None,
    })
}

/// The page at `path` (a trailing slash is allowed), if the app has one.
pub fn page_at(path: &str) -> Option<&'static Page> {
    let path = if path.len() > 1 { path.trim_end_matches('/') } else { path };
    PAGES.iter().find(|page| {
        let (mut have, mut want) = (path.split('/'), page.path.split('/'));
        loop {
            match (have.next(), want.next()) {
                (None, None) => return true,
                (Some(segment), Some("*")) if !segment.is_empty() => {}
                (Some(segment), Some(expected)) if segment == expected => {}
                _ => return false,
            }
        }
    })
}

/// The paragraph under the main heading (Italian, English) of the listed
/// page at `path`, if it has one.
pub fn lead(path: &str) -> Option<(&'static str, &'static str)> {
    listing(path)?.lead
}

/// The main heading (Italian, English) of the listed page at `path`.
pub fn heading(path: &str) -> Option<(&'static str, &'static str)> {
    Some(listing(path)?.heading)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_find_their_page_and_entry() {
        assert_eq!(page_at("/").map(|p| p.entry), Some(Public));
        assert_eq!(page_at("/catalogo/").map(|p| p.path), Some("/catalogo"));
        assert_eq!(Entry::of("/pratiche/BP-2020-0001"), Public);
        assert_eq!(Entry::of("/embed/pratiche/BP-2020-0001"), Embed);
        assert_eq!(Entry::of("/questionario/ricevuta"), Questionnaire);
        assert_eq!(Entry::of("/redazione/pratiche/BP-2020-0001"), Editors);
        assert_eq!(Entry::of("/redazione/amministrazione/raccolte/prima_raccolta_2020"), Admin);
        assert_eq!(Entry::of("/redazione/posta"), Admin);
        assert_eq!(Entry::of("/redazione/amministrazione/importa"), Import);
        assert_eq!(Entry::of("/redazione/amministrazione/fonti"), Harvest);
        assert_eq!(Entry::of("/redazione/bozze/completa"), Drafts);
        for unknown in ["/pratiche", "/pratiche/", "/pratiche/a/b", "/catalogo/x", "/redazionex", ""] {
            assert_eq!(page_at(unknown), None, "{unknown:?}");
        }
        assert_eq!(Entry::of("/nowhere"), Public);
    }

    #[test]
    fn every_entry_has_pages_and_private_pages_stay_out_of_the_static_copy() {
        for entry in Entry::ALL {
            assert!(PAGES.iter().any(|p| p.entry == entry), "{entry:?}");
        }
        let paths: std::collections::HashSet<_> = PAGES.iter().map(|p| p.path).collect();
        assert_eq!(paths.len(), PAGES.len(), "each address once");
        assert!(PAGES.iter().all(|p| p.visibility != Private || !p.in_static_copy));
        assert!(
            PAGES
                .iter()
                .filter(|p| matches!(p.entry, Editors | Admin | Import | Harvest | Drafts))
                .all(|p| p.visibility == Private)
        );
    }

    #[test]
    fn listed_pages_and_only_they_say_what_they_are() {
        for page in PAGES {
            let path = page.path.replace('*', "BP-2020-0001");
            assert_eq!(listing(&path).is_some(), page.visibility == Listed, "{}", page.path);
        }
    }
}
