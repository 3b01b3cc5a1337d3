// SPDX-License-Identifier: EUPL-1.2
//! Sign-in (`/api/session`): bad bodies, bad credentials, cross-site
//! requests, forged cookies.

use super::{Case, Entry, Expect, SQL, TEN_MB};
use serde_json::json;

pub(super) fn login_cases() -> Vec<Case> {
    use Expect::Error;
    let login = |name: &str, body: Vec<u8>, expect: Expect| {
        Case::new(Entry::Login, name, "POST", "/api/session", expect).json(body)
    };
    let credentials =
        |email: &str, password: &str| json!({"email": email, "password": password}).to_string().into_bytes();
    let bad = Error(401, "bad_credentials");
    let schema = Error(422, "schema_mismatch");
    let right = credentials("curatrice@example.org", "password lunga e sicura");
    vec![
        login("malformed JSON", b"{\"email\": ".to_vec(), Error(400, "malformed_json")),
        login("an empty body", Vec::new(), Error(400, "malformed_json")),
        login("the password missing", br#"{"email": "curatrice@example.org"}"#.to_vec(), schema),
        login("the e-mail missing", br#"{"password": "password lunga e sicura"}"#.to_vec(), schema),
        login("the e-mail a number", br#"{"email": 42, "password": "password lunga e sicura"}"#.to_vec(), schema),
        login("the password null", br#"{"email": "curatrice@example.org", "password": null}"#.to_vec(), schema),
        login(
            "a role asked for beside the credentials",
            json!({"email": "curatrice@example.org", "password": "password lunga e sicura", "role": "admin"})
                .to_string()
                .into(),
            schema,
        ),
        login("a wrong password", credentials("curatrice@example.org", "password sbagliata!"), bad),
        login("an unknown e-mail", credentials("nessuno@example.org", "password lunga e sicura"), bad),
        login("SQL in the e-mail", credentials("' OR '1'='1' --", "x"), bad),
        login("SQL after a real e-mail", credentials("curatrice@example.org' --", "x"), bad),
        login("SQL in the password", credentials("curatrice@example.org", "' OR '1'='1"), bad),
        login("a NUL in the e-mail", credentials("curatrice@example.org\u{0}", "password lunga e sicura"), bad),
        login(
            "a right-to-left override in the e-mail",
            credentials("\u{202E}curatrice@example.org", "password lunga e sicura"),
            bad,
        ),
        login(
            "a zero-width space in the password",
            credentials("curatrice@example.org", "password lunga\u{200B} e sicura"),
            bad,
        ),
        login("empty strings", credentials("", ""), bad),
        login("a password of 100 000 characters", credentials("curatrice@example.org", &"p".repeat(100_000)), bad),
        login(
            "a disabled account with its right password",
            credentials("disattivata@example.org", "password lunga e sicura"),
            bad,
        ),
        login(
            "a 10 MB body",
            credentials("curatrice@example.org", &"p".repeat(TEN_MB)),
            Error(413, "payload_too_large"),
        ),
        Case::new(Entry::Login, "no content type", "POST", "/api/session", Error(415, "unsupported_media_type"))
            .body(right.clone()),
        login("the right credentials from another site (Origin)", right.clone(), Error(403, "forbidden"))
            .header("origin", "https://evil.example"),
        login("the right credentials from another site (Sec-Fetch-Site)", right.clone(), Error(403, "forbidden"))
            .header("sec-fetch-site", "cross-site"),
        login("the right credentials with a malformed Origin", right, Error(403, "forbidden")).header("origin", "null"),
        Case::new(Entry::Login, "who am I with a forged cookie", "GET", "/api/session", Error(401, "unauthorized"))
            .header("cookie", format!("bp_session={}", "a".repeat(64))),
        Case::new(Entry::Login, "who am I with SQL in the cookie", "GET", "/api/session", Error(401, "unauthorized"))
            .header("cookie", format!("bp_session={SQL}")),
        Case::new(Entry::Login, "PUT on the session", "PUT", "/api/session", Error(405, "method_not_allowed"))
            .json(b"{}".to_vec()),
    ]
}
