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

/// A stored submission's receipt.
#[derive(Clone, Debug, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct Receipt {
    pub id: String,
    #[serde(default)]
    pub version: Option<u32>,
}

/// Why a submission did not go through.
#[derive(Clone, Debug, PartialEq)]
pub enum SubmitError {
    /// No answer from the server: kept, and retried when the network is back.
    Offline,
    /// The server found fields to fix.
    Invalid(domain::FieldErrors),
    /// Refused for another reason, with the server's message.
    Refused(String),
    /// Not signed in (curators' pages).
    Unauthorized,
}

#[derive(serde::Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(serde::Deserialize)]
struct ErrorDetail {
    message: String,
    #[serde(default)]
    field_errors: Option<domain::FieldErrors>,
}

async fn send_json<T: DeserializeOwned>(
    request: gloo_net::http::RequestBuilder,
    body: &serde_json::Value,
) -> Result<T, SubmitError> {
    let request = request.json(body).map_err(|e| SubmitError::Refused(e.to_string()))?;
    let response = request.send().await.map_err(|_| SubmitError::Offline)?;
    if response.ok() {
        return response.json().await.map_err(|e| SubmitError::Refused(e.to_string()));
    }
    match response.json::<ErrorBody>().await {
        Ok(ErrorBody { error: ErrorDetail { field_errors: Some(errors), .. } }) => Err(SubmitError::Invalid(errors)),
        Ok(ErrorBody { error }) => Err(SubmitError::Refused(error.message)),
        // 5xx from a proxy, or a gateway page: treat like a network failure and retry.
        Err(_) if response.status() >= 500 => Err(SubmitError::Offline),
        Err(e) => Err(SubmitError::Refused(e.to_string())),
    }
}

/// Sends a new practice. The same `idempotency_key` on a retry stores it once.
pub async fn submit_practice(idempotency_key: &str, envelope: &serde_json::Value) -> Result<Receipt, SubmitError> {
    let request = gloo_net::http::Request::post("/api/submissions").header("Idempotency-Key", idempotency_key);
    send_json(request, envelope).await
}

/// Sends an update through the private link.
pub async fn update_practice(token: &str, answers: &serde_json::Value) -> Result<Receipt, SubmitError> {
    let request =
        gloo_net::http::Request::put("/api/submissions/mine").header("Authorization", &format!("Bearer {token}"));
    send_json(request, &serde_json::json!({ "answers": answers })).await
}

/// A respondent's own submission, opened with the private link.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct OwnSubmission {
    pub id: String,
    pub moderation_status: String,
    pub versions: u32,
    /// When the state last changed or an update arrived (RFC 3339).
    #[serde(default)]
    pub updated_at: String,
    /// The editors' latest message (changes requested, or a rejection's reason).
    #[serde(default)]
    pub curator_message: Option<String>,
    pub answers: serde_json::Map<String, serde_json::Value>,
}

/// Opens a submission with its private link's token.
pub async fn fetch_own(token: &str) -> Result<OwnSubmission, ApiError> {
    let response = gloo_net::http::Request::get("/api/submissions/mine")
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(ApiError::Status(response.status()));
    }
    response.json().await.map_err(|e| ApiError::Decode(e.to_string()))
}

impl DataSource {
    /// Where one published practice is.
    pub fn practice_url(self, id: &str) -> String {
        match self {
            Self::Api => format!("/api/practices/{id}"),
            Self::Static => format!("pratiche/{id}.json"),
        }
    }
}

/// One published practice, as a JSON object of its public fields.
pub async fn fetch_practice(id: &str) -> Result<serde_json::Map<String, serde_json::Value>, ApiError> {
    get_json(&DataSource::of_document().practice_url(id)).await
}

/// Sends a JSON body with a method and reads a JSON answer; errors as `SubmitError`.
async fn call_json<T: DeserializeOwned>(
    method: &str,
    url: &str,
    body: Option<&serde_json::Value>,
) -> Result<T, SubmitError> {
    let builder = match method {
        "POST" => gloo_net::http::Request::post(url),
        "DELETE" => gloo_net::http::Request::delete(url),
        _ => gloo_net::http::Request::get(url),
    };
    match body {
        Some(body) => send_json(builder, body).await,
        None => {
            let response = builder.send().await.map_err(|_| SubmitError::Offline)?;
            if response.status() == 401 {
                return Err(SubmitError::Unauthorized);
            }
            if !response.ok() {
                let message = response.json::<ErrorBody>().await.map(|b| b.error.message).unwrap_or_default();
                return Err(SubmitError::Refused(message));
            }
            if response.status() == 204 {
                return serde_json::from_value(serde_json::Value::Null)
                    .map_err(|e| SubmitError::Refused(e.to_string()));
            }
            response.json().await.map_err(|e| SubmitError::Refused(e.to_string()))
        }
    }
}

/// The curators' API (`/api/session`, `/api/moderation/...`).
pub mod moderation {
    use super::{SubmitError, call_json};
    use serde_json::{Value, json};

    /// Signs in; the session lives in an HttpOnly cookie.
    pub async fn sign_in(email: &str, password: &str) -> Result<Value, SubmitError> {
        call_json("POST", "/api/session", Some(&json!({ "email": email, "password": password }))).await
    }

    /// Who is signed in (`{email, role}`).
    pub async fn whoami() -> Result<Value, SubmitError> {
        call_json("GET", "/api/session", None).await
    }

    /// Signs out.
    pub async fn sign_out() -> Result<(), SubmitError> {
        call_json::<Option<Value>>("DELETE", "/api/session", None).await.map(|_| ())
    }

    /// The queue, optionally of one state; `Unauthorized` when not signed in.
    /// The queue; `filter` is the page's own query string (`stato=…` or
    /// `aggiornamenti=true`), passed on as is.
    pub async fn queue(filter: &str) -> Result<Value, SubmitError> {
        call_json("GET", &format!("/api/moderation/submissions?{filter}"), None).await
    }

    /// One submission with every field.
    pub async fn review(id: &str) -> Result<Value, SubmitError> {
        call_json("GET", &format!("/api/moderation/submissions/{id}"), None).await
    }

    /// An admin's list: `rounds`, `users` or `audit`.
    pub async fn list(what: &str) -> Result<Value, SubmitError> {
        call_json("GET", &format!("/api/moderation/{what}"), None).await
    }

    /// Adds a round or an account (`what`: `rounds` or `users`).
    pub async fn add(what: &str, body: &Value) -> Result<Value, SubmitError> {
        call_json("POST", &format!("/api/moderation/{what}"), Some(body)).await
    }

    /// Disables an account and ends its sessions.
    pub async fn disable_user(email: &str) -> Result<(), SubmitError> {
        let email = js_sys::encode_uri_component(email);
        call_json::<Option<Value>>("POST", &format!("/api/moderation/users/{email}/disable"), None).await.map(|_| ())
    }

    /// Enables a disabled account again.
    pub async fn enable_user(email: &str) -> Result<(), SubmitError> {
        let email = js_sys::encode_uri_component(email);
        call_json::<Option<Value>>("POST", &format!("/api/moderation/users/{email}/enable"), None).await.map(|_| ())
    }

    /// A curator's correction, stored as a new version.
    pub async fn correct(id: &str, answers: &Value, version: i64) -> Result<Value, SubmitError> {
        let body = json!({ "answers": answers, "expected_version": version });
        call_json("POST", &format!("/api/moderation/submissions/{id}/edit"), Some(&body)).await
    }

    /// A decision.
    pub async fn act(id: &str, action: &str, message: Option<String>, version: i64) -> Result<Value, SubmitError> {
        let body = json!({ "action": action, "message": message, "expected_version": version });
        call_json("POST", &format!("/api/moderation/submissions/{id}/actions"), Some(&body)).await
    }
}

/// The collection round open today (`None`: the continuous collection).
pub async fn current_round() -> Result<Option<serde_json::Value>, ApiError> {
    let body: serde_json::Value = get_json("/api/rounds/current").await?;
    Ok(Some(body["round"].clone()).filter(|r| !r.is_null()))
}
