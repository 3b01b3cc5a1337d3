// SPDX-License-Identifier: EUPL-1.2
//! The private link (`/api/submissions/mine`): bad tokens, bad updates,
//! bad requests for the receipt copy.

use super::{Case, Entry, Expect, SQL, TEN_MB, answers, answers_with};
use crate::common::*;
use serde_json::json;

pub(super) fn private_link_cases() -> Vec<Case> {
    use Expect::Error;
    let invalid_link = Error(401, "invalid_link");
    let read = |name: &str, authorization: Option<&[u8]>| {
        let case = Case::new(Entry::PrivateLink, name, "GET", "/api/submissions/mine", invalid_link);
        match authorization {
            Some(value) => case.header("authorization", value),
            None => case,
        }
    };
    let bearer = format!("Bearer {TOKEN}");
    let update = |name: &str, authorization: &str, body: Vec<u8>, expect: Expect| {
        Case::new(Entry::PrivateLink, name, "PUT", "/api/submissions/mine", expect)
            .header("authorization", authorization)
            .json(body)
    };
    let copy = |name: &str, authorization: Option<&str>, body: &[u8], expect: Expect| {
        let case = Case::new(Entry::PrivateLink, name, "POST", domain::community::RECEIPT_COPY_URL, expect)
            .json(body.to_vec());
        match authorization {
            Some(value) => case.header("authorization", value),
            None => case,
        }
    };
    let valid_update = json!({ "answers": answers() }).to_string().into_bytes();
    let mut huge = json!({ "answers": answers() });
    huge["answers"]["description"] = json!("x".repeat(TEN_MB));
    let schema = Error(422, "schema_mismatch");
    let invalid = Error(422, "validation_failed");
    vec![
        read("no Authorization header", None),
        read("an empty Authorization header", Some(b"")),
        read("Bearer with nothing after it", Some(b"Bearer ")),
        read("a short token", Some(b"Bearer short")),
        read("Basic instead of Bearer", Some(b"Basic dXNlcjpwYXNz")),
        read("the token without the Bearer scheme", Some(TOKEN.as_bytes())),
        read("a lower-case scheme", Some(format!("bearer {TOKEN}").as_bytes())),
        read("a wrong token of the right shape", Some(b"Bearer wrong-token-wrong-token-wrong-token-00")),
        read("SQL in the token", Some(format!("Bearer {SQL} OR 1=1 {}", "a".repeat(32)).as_bytes())),
        read("a token of 129 characters", Some(format!("Bearer {}", "a".repeat(129)).as_bytes())),
        read("a token of 10 000 characters", Some(format!("Bearer {}", "a".repeat(10_000)).as_bytes())),
        read("non-ASCII bytes in the token", Some(b"Bearer private-link-token-0123456789abcdefghij\xff")),
        read("the right token with a right-to-left override", Some(format!("Bearer {TOKEN}\u{202E}").as_bytes())),
        read("the right token and a NUL", Some(format!("Bearer {TOKEN}%00").as_bytes())),
        update(
            "an update with a wrong token",
            "Bearer wrong-token-wrong-token-wrong-token-00",
            valid_update.clone(),
            invalid_link,
        ),
        update("an update with SQL as the token", &format!("Bearer {SQL}"), valid_update.clone(), invalid_link),
        update("an update with no scheme", TOKEN, valid_update.clone(), invalid_link),
        update("malformed JSON", &bearer, b"{\"answers\": {".to_vec(), Error(400, "malformed_json")),
        update("answers an array", &bearer, br#"{"answers": []}"#.to_vec(), schema),
        update("answers missing", &bearer, b"{}".to_vec(), schema),
        update(
            "an extra key beside the answers",
            &bearer,
            json!({"answers": answers(), "moderation_status": "pubblicata"}).to_string().into(),
            schema,
        ),
        update(
            "the edit token smuggled into the update",
            &bearer,
            json!({"answers": answers(), "edit_token": "x"}).to_string().into(),
            schema,
        ),
        update("empty answers", &bearer, br#"{"answers": {}}"#.to_vec(), invalid),
        update(
            "a blank title",
            &bearer,
            json!({"answers": answers_with("title", json!(" "))}).to_string().into(),
            invalid,
        ),
        update(
            "a right-to-left override in the title",
            &bearer,
            json!({"answers": answers_with("title", json!("\u{202E}olotiT"))}).to_string().into(),
            invalid,
        ),
        update(
            "an unknown vocabulary code",
            &bearer,
            json!({"answers": answers_with("delivery_modes", json!(["telepatia"]))}).to_string().into(),
            invalid,
        ),
        update("a 10 MB update", &bearer, huge.to_string().into(), Error(413, "payload_too_large")),
        Case::new(
            Entry::PrivateLink,
            "an update without a content type",
            "PUT",
            "/api/submissions/mine",
            Error(415, "unsupported_media_type"),
        )
        .header("authorization", &bearer)
        .body(valid_update),
        Case::new(
            Entry::PrivateLink,
            "DELETE on the private link",
            "DELETE",
            "/api/submissions/mine",
            Error(405, "method_not_allowed"),
        )
        .header("authorization", &bearer),
        // The receipt copy: the private link is its credential.
        copy("a receipt copy without the link", None, br#"{"link_is_secret_understood": true}"#, invalid_link),
        copy(
            "a receipt copy with a wrong link",
            Some("Bearer wrong-token-wrong-token-wrong-token-00"),
            br#"{"link_is_secret_understood": true}"#,
            invalid_link,
        ),
        copy("a receipt copy not confirmed", Some(&bearer), br#"{"link_is_secret_understood": false}"#, invalid),
        copy(
            "a receipt copy confirmed with a string",
            Some(&bearer),
            br#"{"link_is_secret_understood": "yes"}"#,
            schema,
        ),
        copy(
            "a receipt copy to another address",
            Some(&bearer),
            br#"{"link_is_secret_understood": true, "recipient": "attacker@example.org"}"#,
            schema,
        ),
        copy("a receipt copy, malformed JSON", Some(&bearer), b"{\"link", Error(400, "malformed_json")),
        copy(
            "a receipt copy of 10 MB",
            Some(&bearer),
            format!("{{\"x\": \"{}\"}}", "a".repeat(TEN_MB)).as_bytes(),
            Error(413, "payload_too_large"),
        ),
    ]
}
