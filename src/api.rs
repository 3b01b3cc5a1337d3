//! Where the app's data comes from: the JSON API of our server, or static JSON
//! files published beside the app ("a lightweight JSON API or static data
//! files"). The page chooses with `<meta name="bp-data-source">`.

use domain::practice::Catalogue;
use serde::de::DeserializeOwned;

/// The source of the app's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataSource {
    /// Our server's JSON API, under `/api`.
    Api,
    /// Static files next to the app (`catalogue.json`), for hosts that serve
    /// only files. Paths are relative to the page's base URL.
    Static,
}

impl DataSource {
    /// Reads the choice from `content` of `<meta name="bp-data-source">`;
    /// anything but `static` means the API.
    pub fn from_meta(content: Option<&str>) -> Self {
        match content.map(str::trim) {
            Some("static") => Self::Static,
            _ => Self::Api,
        }
    }

    /// The choice made by the current page.
    pub fn of_document() -> Self {
        let content = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("meta[name='bp-data-source']").ok().flatten())
            .and_then(|meta| meta.get_attribute("content"));
        Self::from_meta(content.as_deref())
    }

    /// Where the catalogue document is.
    pub fn catalogue_url(self) -> &'static str {
        match self {
            Self::Api => "/api/catalogue",
            Self::Static => "catalogue.json",
        }
    }
}

/// Why data could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, or the server is down.
    Network(String),
    /// An answer with an error status.
    Status(u16),
    /// An answer that is not the expected JSON.
    Decode(String),
}

impl ApiError {
    /// What to tell people, in Italian.
    pub fn message(&self) -> String {
        match self {
            Self::Network(_) => "Il server non risponde: controlla la connessione e riprova.".into(),
            Self::Status(status) => format!("Il server ha risposto con un errore ({status}). Riprova tra poco."),
            Self::Decode(_) => "I dati ricevuti non sono leggibili. Riprova tra poco.".into(),
        }
    }
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    let response = gloo_net::http::Request::get(url).send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(ApiError::Status(response.status()));
    }
    response.json().await.map_err(|e| ApiError::Decode(e.to_string()))
}

/// The published practices, from the page's data source.
pub async fn fetch_catalogue() -> Result<Catalogue, ApiError> {
    get_json(DataSource::of_document().catalogue_url()).await
}
