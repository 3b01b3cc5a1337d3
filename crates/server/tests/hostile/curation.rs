// SPDX-License-Identifier: EUPL-1.2
//! Curation (`/api/moderation/...`): decisions, corrections, collection
//! rounds, accounts, the queue.

use super::{Case, Entry, Expect, SQL, TEN_MB, answers, answers_with};
use serde_json::{Value, json};

/// What the curation cases act on.
pub(super) struct Sessions {
    pub(super) curator: String,
    pub(super) admin: String,
    /// A submission, `inviata` at version 1.
    pub(super) id: String,
    /// Two more, for cases that change a submission while their bug lasts.
    pub(super) spare: [String; 2],
}

/// A curator's decision, with the version it was taken on.
fn decision(action: &str, version: Value) -> Value {
    json!({"action": action, "expected_version": version})
}

/// A decision with a message (a request for changes, a rejection's reason).
fn decision_saying(action: &str, message: &str) -> Value {
    json!({"action": action, "expected_version": 1, "message": message})
}

/// A correction: answers and the version they were made on.
fn correction(answers: Value, version: Value) -> Value {
    json!({"answers": answers, "expected_version": version})
}

/// A collection round; `raccolta_test` is replaced by a fresh code.
pub(super) fn round_of(code: &str, name: &str, opens_on: Value, closes_on: Value) -> Value {
    json!({"code": code, "name": name, "opens_on": opens_on, "closes_on": closes_on})
}

fn dated(opens_on: &str, closes_on: &str) -> Value {
    round_of("raccolta_test", "Raccolta di prova", json!(opens_on), json!(closes_on))
}

fn named(code: &str, name: &str) -> Value {
    round_of(code, name, json!("2026-01-01"), json!("2026-02-01"))
}

fn account(email: &str, role: &str, password: &str) -> Value {
    json!({"email": email, "role": role, "password": password})
}

pub(super) fn curation_cases(s: &Sessions) -> Vec<Case> {
    use Expect::Error;
    let actions = format!("/api/moderation/submissions/{}/actions", s.id);
    let edit = format!("/api/moderation/submissions/{}/edit", s.id);
    let post = |name: &str, path: &str, cookie: &str, body: Value, expect: Expect| {
        let case = Case::new(Entry::Curation, name, "POST", path, expect).json(body.to_string());
        if cookie.is_empty() { case } else { case.header("cookie", cookie) }
    };
    let act = |name: &str, body: Value, expect: Expect| post(name, &actions, &s.curator, body, expect);
    let fix = |name: &str, body: Value, expect: Expect| post(name, &edit, &s.curator, body, expect);
    // Each round its own code, so that a round wrongly created by one case
    // cannot turn the next case into a conflict.
    let codes = std::cell::Cell::new(0);
    let round = |name: &str, mut body: Value, expect: Expect| {
        if body["code"] == "raccolta_test" {
            codes.set(codes.get() + 1);
            body["code"] = json!(format!("raccolta_test_{}", codes.get()));
        }
        post(name, "/api/moderation/rounds", &s.admin, body, expect)
    };
    let user = |name: &str, body: Value, expect: Expect| post(name, "/api/moderation/users", &s.admin, body, expect);
    let disable = |name: &str, email: &str, expect: Expect| {
        Case::new(Entry::Curation, name, "POST", format!("/api/moderation/users/{email}/disable"), expect)
            .header("cookie", &s.admin)
    };
    let queue = |name: &str, query: &str, expect: Expect| {
        Case::new(Entry::Curation, name, "GET", format!("/api/moderation/submissions?{query}"), expect)
            .header("cookie", &s.curator)
    };
    let schema = Error(422, "schema_mismatch");
    let invalid = Error(422, "validation_failed");
    let conflict = Error(409, "conflict");
    let not_found = Error(404, "not_found");
    let forbidden = Error(403, "forbidden");
    let take = || decision("take_in_review", json!(1));
    let mut huge = decision("reject", json!(1));
    huge["message"] = json!("x".repeat(TEN_MB));
    let password = "password lunga e sicura";
    let rtl_title = answers_with("title", json!("\u{202E}olotiT"));
    let html_code = answers_with("service_type", json!("<b>x</b>"));
    let mut extra_decision = take();
    extra_decision["actor"] = json!("someone-else");
    let mut extra_correction = correction(answers(), json!(1));
    extra_correction["moderation_status"] = json!("pubblicata");
    let mut extra_round = named("raccolta_test", "R");
    extra_round["published"] = json!(true);
    let mut extra_account = account("nuova@example.org", "curator", password);
    extra_account["disabled"] = json!(false);
    let spare = |i: usize| format!("/api/moderation/submissions/{}/actions", s.spare[i]);
    let missing = "/api/moderation/submissions/BP-2020-9999";
    let sql_id = "/api/moderation/submissions/BP-2020-0001'%20OR%20'1'='1/actions";
    vec![
        // Decisions.
        act("an unknown action", decision("delete", json!(1)), schema),
        // serde_json reports a number where an enum's name is expected as a syntax error.
        act("the action a number", json!({"action": 3, "expected_version": 1}), Error(400, "malformed_json")),
        act("the action missing", json!({"expected_version": 1}), schema),
        act("expected_version missing", json!({"action": "take_in_review"}), schema),
        act("expected_version -1", decision("take_in_review", json!(-1)), conflict),
        act("expected_version as text", decision("take_in_review", json!("1")), schema),
        act("a fractional expected_version", decision("take_in_review", json!(1.5)), schema),
        act("an expected_version over i64", decision("take_in_review", json!(9_223_372_036_854_775_808_u64)), schema),
        act("a stale expected_version", decision("take_in_review", json!(99)), conflict),
        act("an extra key", extra_decision, schema),
        act("a curator resubmitting for the respondent", decision("resubmit", json!(1)), forbidden),
        act("a transition the state does not allow", decision("publish", json!(1)), conflict),
        act("a rejection without a reason", decision("reject", json!(1)), invalid),
        act("a rejection whose reason is blank", decision_saying("reject", " \n\t "), invalid),
        act("a reason of 2001 characters", decision_saying("reject", &"a".repeat(2001)), invalid),
        // Each on a practice of its own: while the bug lasts, the decision is taken.
        post(
            "a reason with a right-to-left override",
            &spare(0),
            &s.curator,
            decision_saying("reject", "Non \u{202E}etnenitrep"),
            invalid,
        ),
        post("a reason with a NUL", &spare(1), &s.curator, decision_saying("reject", "Non pertinente\u{0}"), invalid),
        act("a 10 MB decision", huge, Error(413, "payload_too_large")),
        Case::new(Entry::Curation, "malformed JSON", "POST", &actions, Error(400, "malformed_json"))
            .header("cookie", &s.curator)
            .json(b"{\"action\": ".to_vec()),
        Case::new(
            Entry::Curation,
            "a decision without a content type",
            "POST",
            &actions,
            Error(415, "unsupported_media_type"),
        )
        .header("cookie", &s.curator)
        .body(take().to_string()),
        post("a decision without a session", &actions, "", take(), Error(401, "unauthorized")),
        post(
            "a decision with a forged session",
            &actions,
            &format!("bp_session={}", "0".repeat(64)),
            take(),
            Error(401, "unauthorized"),
        ),
        act("a decision from another site", take(), forbidden).header("origin", "https://evil.example"),
        act("a decision from a cross-site fetch", take(), forbidden).header("sec-fetch-site", "cross-site"),
        post(
            "a decision on a practice that does not exist",
            &format!("{missing}/actions"),
            &s.curator,
            take(),
            not_found,
        ),
        post("SQL as the practice id", sql_id, &s.curator, take(), not_found),
        post(
            "a practice id that is not UTF-8",
            "/api/moderation/submissions/BP-%FF/actions",
            &s.curator,
            take(),
            Expect::ClientError,
        ),
        // Corrections.
        fix("a correction with empty answers", correction(json!({}), json!(1)), invalid),
        fix("a correction with a right-to-left override", correction(rtl_title, json!(1)), invalid),
        fix("a correction with HTML where a code goes", correction(html_code, json!(1)), invalid),
        fix("a correction on a stale version", correction(answers(), json!(99)), conflict),
        fix("a correction with expected_version -1", correction(answers(), json!(-1)), conflict),
        fix("a correction without expected_version", json!({"answers": answers()}), schema),
        fix("a correction with an extra key", extra_correction, schema),
        post(
            "a correction of a practice that does not exist",
            &format!("{missing}/edit"),
            &s.curator,
            correction(answers(), json!(1)),
            not_found,
        ),
        // Rounds.
        round("a round that closes before it opens", dated("2026-12-31", "2026-01-01"), invalid),
        round("30 February", dated("2026-02-30", "2026-03-31"), invalid),
        round("an Italian date format", dated("31/12/2026", "2027-01-01"), invalid),
        round("a date with a time", dated("2026-01-01T00:00:00Z", "2026-02-01"), invalid),
        round("a negative year", dated("-2026-01-01", "2026-02-01"), invalid),
        round("a year with a plus sign", dated("+2026-01-01", "2026-02-01"), invalid),
        round("a five-digit year", dated("2026-01-01", "12026-02-01"), invalid),
        round("dates as numbers", round_of("raccolta_test", "R", json!(20260101), json!(20260201)), schema),
        round("a date missing", json!({"code": "raccolta_test", "name": "R", "opens_on": "2026-01-01"}), schema),
        round("a code with spaces and capitals", named("Bad Code", "R"), invalid),
        round("SQL as the code", named(SQL, "R"), invalid),
        round("a code of 61 characters", named(&"a".repeat(61), "R"), invalid),
        round("the continuous collection's code", named("raccolta_continua", "R"), invalid),
        round("an existing code", named("raccolta_esistente", "R"), conflict),
        round("a blank name", named("raccolta_test", "   "), invalid),
        round("a name of 121 characters", named("raccolta_test", &"n".repeat(121)), invalid),
        round("a name with a right-to-left override", named("raccolta_test", "Raccolta \u{202E}0202"), invalid),
        round("an unknown key", extra_round, schema),
        post(
            "a round defined by a curator",
            "/api/moderation/rounds",
            &s.curator,
            named("raccolta_test", "R"),
            forbidden,
        ),
        // Accounts.
        user("an account without an e-mail address", account("non-una-mail", "curator", password), invalid),
        user("SQL in the new account's e-mail", account(&format!("x@example.org{SQL}"), "curator", password), invalid),
        user("a NUL in the new account's e-mail", account("x\u{0}@example.org", "curator", password), invalid),
        user(
            "a right-to-left override in the new account's e-mail",
            account("x\u{202E}@example.org", "curator", password),
            invalid,
        ),
        user("a short password", account("nuova@example.org", "curator", "corta"), invalid),
        user("an unknown role", account("nuova@example.org", "superadmin", password), schema),
        user("an extra key", extra_account, schema),
        user("an existing account", account("curatrice@example.org", "admin", password), conflict),
        post(
            "an account added by a curator",
            "/api/moderation/users",
            &s.curator,
            account("nuova@example.org", "admin", password),
            forbidden,
        ),
        disable("disabling an unknown account", "nessuno@example.org", not_found),
        disable("disabling oneself", "admin@example.org", conflict),
        disable("disabling with SQL as the e-mail", "x'%20OR%20'1'='1", not_found),
        disable("disabling with a NUL in the e-mail", "curatrice@example.org%00", not_found),
        disable("disabling a path that climbs out", "..%2F..%2Fadmin@example.org", not_found),
        // The queue.
        queue("an unknown state in the queue filter", "stato=cancellata", Error(400, "bad_request")),
        queue("the queue filter given twice", "stato=inviata&stato=respinta", Expect::ClientError),
        queue(
            "a queue search of 2 000 misspelt words",
            &format!("q={}", "assitenzaa+".repeat(2_000)),
            Expect::Lenient("application/json"),
        ),
        queue(
            "a queue search with a NUL and a right-to-left override",
            "q=%00%E2%80%AEinverso",
            Expect::Lenient("application/json"),
        ),
    ]
}
