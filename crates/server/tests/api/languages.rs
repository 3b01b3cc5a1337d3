// SPDX-License-Identifier: EUPL-1.2
//! The language of the API's errors: the one the request's `Accept-Language`
//! prefers, English or Italian (Italian when the header is missing or names
//! neither), for every kind of error (a fallback's 404, an extractor's
//! rejection, a handler's conflict, the rate limit, the timeout layer's 408)
//! and for the fields' messages of a 422.

use crate::common::{TestServer, fresh_key, sign_in, valid_answer, valid_envelope};
use domain::Lang;
use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

/// What an English browser sends.
const ENGLISH: &str = "en-GB,en;q=0.9";

/// Languages the site speaks ("it", "en"), as browsers ask for them; `None`:
/// no `Accept-Language` at all.
const ITALIAN_ONES: [Option<&str>; 4] = [None, Some("it-IT,it;q=0.9,en;q=0.8"), Some("fr-FR, de;q=0.5"), Some("*")];

/// A request in `language` (`None`: without `Accept-Language`).
fn with_language(request: reqwest::RequestBuilder, language: Option<&str>) -> reqwest::RequestBuilder {
    match language {
        Some(language) => request.header("accept-language", language),
        None => request,
    }
}

/// Sends `request` and reads its JSON error: status, code, message, and the whole body.
async fn error_of(request: reqwest::RequestBuilder) -> (StatusCode, String, String, Value) {
    let response = request.send().await.expect("answer");
    let status = response.status();
    let vary = response.headers().get_all("vary").iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>();
    assert!(
        vary.iter().any(|v| v.to_ascii_lowercase().contains("accept-language")),
        "Vary names the language: {vary:?}"
    );
    let body: Value = response.json().await.expect("a JSON error");
    let code = body["error"]["code"].as_str().expect("a code").to_owned();
    let message = body["error"]["message"].as_str().expect("a message").to_owned();
    (status, code, message, body)
}

/// The errors of every kind a client meets, asked for in `language`: one
/// (status, code, message) per case, and the 422's field messages.
async fn errors_in(
    server: &TestServer,
    curator: &str,
    language: Option<&str>,
) -> (Vec<(StatusCode, String, String)>, Value) {
    let client = &server.client;
    let mut found = Vec::new();
    let mut keep =
        |(status, code, message, _): (StatusCode, String, String, Value)| found.push((status, code, message));

    // The fallback's 404, and a known path with the wrong method.
    keep(error_of(with_language(client.get(server.url("/api/nothing-here")), language)).await);
    keep(error_of(with_language(client.delete(server.url("/api/catalogue")), language)).await);
    // The JSON extractor's rejection.
    let malformed = client
        .post(server.url("/api/submissions"))
        .header("idempotency-key", fresh_key())
        .header("content-type", "application/json")
        .body("{\"answers\": ");
    keep(error_of(with_language(malformed, language)).await);
    // A sentence of a handler's: the missing idempotency key.
    keep(error_of(with_language(client.post(server.url("/api/submissions")).json(&valid_envelope()), language)).await);
    // The idempotency key used again for another practice.
    let key = fresh_key();
    let mut first = valid_envelope();
    first["edit_token"] = json!(format!("first-private-link-token-{}", fresh_key()));
    assert_eq!(server.submit(&key, &first).await.status(), StatusCode::CREATED);
    let mut other = valid_envelope();
    other["answers"]["title"] = json!("Un'altra pratica");
    other["edit_token"] = json!(format!("another-private-link-token-{}", fresh_key()));
    keep(
        error_of(with_language(
            client.post(server.url("/api/submissions")).header("idempotency-key", key).json(&other),
            language,
        ))
        .await,
    );
    // A curator's stale decision, and one the practice's state does not allow.
    let id = server.seed(valid_answer(), ModerationStatus::Inviata).await;
    for (action, version) in [("take_in_review", 7), ("publish", 1)] {
        let decision = client
            .post(server.url(&format!("/api/moderation/submissions/{id}/actions")))
            .header("cookie", curator)
            .json(&json!({"action": action, "expected_version": version, "message": null}));
        keep(error_of(with_language(decision, language)).await);
    }
    // Wrong credentials.
    let login = client
        .post(server.url("/api/session"))
        .json(&json!({"email": "nessuno@example.org", "password": "password sbagliata"}));
    keep(error_of(with_language(login, language)).await);
    // An invalid submission: the message and every field's.
    let mut invalid = valid_envelope();
    invalid["answers"]["title"] = json!("");
    let request = client.post(server.url("/api/submissions")).header("idempotency-key", fresh_key()).json(&invalid);
    let (status, code, message, body) = error_of(with_language(request, language)).await;
    keep((status, code, message, Value::Null));
    (found, body["error"]["fields"].clone())
}

fn expected(lang: Lang) -> Vec<(StatusCode, &'static str, String)> {
    let [not_found, method, malformed, missing_key, key_reused, stale, not_allowed, credentials, invalid] = match lang {
        Lang::It => [
            "Risorsa non trovata.".to_owned(),
            "Questo indirizzo non accetta questo metodo HTTP.".to_owned(),
            "Il corpo della richiesta non è JSON valido (".to_owned(),
            "Richiesta non valida: manca l'intestazione Idempotency-Key (16-128 caratteri A-Z, a-z, 0-9, - e _)."
                .to_owned(),
            "Questa chiave di invio è già stata usata per un'altra pratica: ricarica la pagina e invia di nuovo."
                .to_owned(),
            "Un'altra persona ha appena modificato questa pratica (versione 1): ricarica la pagina e decidi di nuovo."
                .to_owned(),
            format!(
                "Questa azione non è possibile per una pratica nello stato «{}».",
                ModerationStatus::Inviata.label(Lang::It)
            ),
            "E-mail o password non corrette.".to_owned(),
            "Alcuni campi non sono validi: correggili e invia di nuovo.".to_owned(),
        ],
        Lang::En => [
            "Resource not found.".to_owned(),
            "This address does not accept this HTTP method.".to_owned(),
            "The request body is not valid JSON (".to_owned(),
            "Invalid request: the Idempotency-Key header is missing (16-128 characters A-Z, a-z, 0-9, - and _)."
                .to_owned(),
            "This submission key was already used for another practice: reload the page and submit again.".to_owned(),
            "Someone else has just changed this practice (version 1): reload the page and decide again.".to_owned(),
            format!(
                "This action is not possible for a practice in the state “{}”.",
                ModerationStatus::Inviata.label(Lang::En)
            ),
            "Wrong e-mail or password.".to_owned(),
            "Some fields are not valid: correct them and submit again.".to_owned(),
        ],
    };
    vec![
        (StatusCode::NOT_FOUND, "not_found", not_found),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", method),
        (StatusCode::BAD_REQUEST, "malformed_json", malformed),
        (StatusCode::BAD_REQUEST, "bad_request", missing_key),
        (StatusCode::CONFLICT, "idempotency_key_reused", key_reused),
        (StatusCode::CONFLICT, "conflict", stale),
        (StatusCode::CONFLICT, "conflict", not_allowed),
        (StatusCode::UNAUTHORIZED, "bad_credentials", credentials),
        (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", invalid),
    ]
}

fn assert_errors(found: &[(StatusCode, String, String)], lang: Lang, asked: Option<&str>) {
    let expected = expected(lang);
    assert_eq!(found.len(), expected.len());
    for ((status, code, message), (want_status, want_code, want)) in found.iter().zip(expected) {
        assert_eq!((*status, code.as_str()), (want_status, want_code), "Accept-Language {asked:?}: {message}");
        // The parser's own detail follows the malformed body's sentence.
        if want.ends_with('(') {
            assert!(message.starts_with(&want), "Accept-Language {asked:?}: {message:?}, wanted {want:?}…");
        } else {
            assert_eq!(message, &want, "Accept-Language {asked:?}");
        }
    }
}

#[tokio::test]
async fn an_english_request_gets_every_error_in_english() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", server::auth::Role::Curator).await;
    let (found, fields) = errors_in(&server, &curator, Some(ENGLISH)).await;
    assert_errors(&found, Lang::En, Some(ENGLISH));
    assert_eq!(fields, json!({"title": ["Enter the title of the practice."]}), "the fields' messages are English too");
}

#[tokio::test]
async fn a_request_without_english_gets_every_error_in_italian() {
    let server = TestServer::start(None).await;
    let curator = sign_in(&server, "curatrice@example.org", server::auth::Role::Curator).await;
    for asked in ITALIAN_ONES {
        let (found, fields) = errors_in(&server, &curator, asked).await;
        assert_errors(&found, Lang::It, asked);
        assert_eq!(fields, json!({"title": ["Scrivi il titolo della pratica."]}), "Accept-Language {asked:?}");
    }
}

#[tokio::test]
async fn the_rate_limit_speaks_the_requests_language() {
    let server = TestServer::start_with(None, |state| state.guard = server::guard::AbuseGuard::new(0, 1)).await;
    assert_eq!(server.submit(&fresh_key(), &valid_envelope()).await.status(), StatusCode::CREATED);
    for (asked, start) in [
        (Some(ENGLISH), "Too many requests in a short time: try again in "),
        (None, "Troppe richieste in poco tempo: riprova tra "),
    ] {
        let request = server
            .client
            .post(server.url("/api/submissions"))
            .header("idempotency-key", fresh_key())
            .json(&valid_envelope());
        let (status, code, message, _) = error_of(with_language(request, asked)).await;
        assert_eq!((status, code.as_str()), (StatusCode::TOO_MANY_REQUESTS, "too_many_requests"));
        assert!(message.starts_with(start), "Accept-Language {asked:?}: {message}");
    }
}

#[tokio::test]
async fn a_handlers_conflict_speaks_the_requests_language() {
    let server = TestServer::start(None).await;
    let key = fresh_key();
    let mut declining = valid_answer();
    declining.no_contact_requests = true;
    let id = server.seed(declining, ModerationStatus::Pubblicata).await;
    let message = json!({
        "name": "Anna Bianchi",
        "email": "anna.bianchi@comune.example.it",
        "entity": "Comune di Esempio",
        "message": "Vorremmo sapere come avete organizzato la spesa a domicilio con i volontari.",
        "consent": true,
    });
    for (asked, want) in [
        (
            Some(ENGLISH),
            "The contact person of this practice does not receive messages from the site: use the office's public contact, if there is one.",
        ),
        (
            Some("it"),
            "Il referente di questa pratica non riceve messaggi dal sito: usa il contatto pubblico dell'ufficio, se c'è.",
        ),
    ] {
        let request = server
            .client
            .post(server.url(&domain::community::contact_url(&domain::PracticeId::parse(&id).unwrap())))
            .header("idempotency-key", &key)
            .json(&message);
        let (status, code, got, body) = error_of(with_language(request, asked)).await;
        assert_eq!((status, code.as_str()), (StatusCode::CONFLICT, "conflict"), "{body}");
        assert_eq!(got, want);
    }
}

#[tokio::test]
async fn the_timeout_layers_408_speaks_the_requests_language() {
    let server = TestServer::start_with(None, |state| state.request_timeout = Duration::from_secs(1)).await;
    for (language, want) in [
        ("en-US", "The request took too long and was stopped: try again."),
        ("it", "La richiesta è durata troppo a lungo ed è stata interrotta: riprova."),
    ] {
        let asked = format!("Accept-Language: {language}\r\n");
        let text = crate::common::trickled_request(server.authority(), &asked).await.expect("the server answers");
        assert!(text.starts_with("HTTP/1.1 408"), "{text}");
        assert!(text.contains(want), "Accept-Language {language}: {text}");
    }
}
