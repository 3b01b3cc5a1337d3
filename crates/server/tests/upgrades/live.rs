// SPDX-License-Identifier: EUPL-1.2
//! Today's server binary on an upgraded database, and what a respondent, a
//! curator and an admin of the earlier release find in it over HTTP.

use crate::rows::{Snapshot, integer, text};
use reqwest::StatusCode;
use rusqlite::types::Value;
use serde_json::{Value as Json, json};
use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Stdio};

/// The real server binary, serving the database until [`Live::stop`].
pub struct Live {
    child: Child,
    pub base: String,
    client: reqwest::Client,
}

/// Months the retention job keeps everything for here: it would otherwise
/// blank or delete, at the dates the privacy notice states, personal data
/// the fixtures keep on purpose (its own tests move the clock).
const KEEP_MONTHS: &str = "1200";

impl Live {
    /// Starts the server on a free port over `database`, its log in `log`.
    pub fn start(database: &Path, log: &Path) -> Self {
        let mut command = crate::server_command();
        for months in ["CONTACT_MONTHS", "ACCOUNT_MONTHS", "FEEDBACK_MONTHS"] {
            command.env(format!("BP_RETENTION_{months}"), KEEP_MONTHS);
        }
        let mut child = command
            .env("BP_DATABASE", database)
            .env("BP_LISTEN", "127.0.0.1:0")
            .env("BP_RETENTION_MAIL_DAYS", "36500")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(log).unwrap())
            .spawn()
            .unwrap();
        // "Buone pratiche is running at http://127.0.0.1:PORT/"; the rest of
        // its standard output is read too, so that writing it never fails.
        let stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        let (address, running) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in stdout.lines().map_while(Result::ok) {
                if let Some((_, url)) = line.split_once(" running at ") {
                    let _ = address.send(url.trim_end_matches('/').to_owned());
                }
            }
        });
        let Ok(base) = running.recv_timeout(std::time::Duration::from_secs(60)) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the server did not start:\n{}", std::fs::read_to_string(log).unwrap_or_default());
        };
        Self { child, base, client: reqwest::Client::new() }
    }

    /// SIGTERM, as a service manager stops it; it ends cleanly.
    pub fn stop(mut self) {
        let pid = i32::try_from(self.child.id()).unwrap();
        assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
        assert!(self.child.wait().unwrap().success(), "the server ends cleanly");
    }

    async fn get(&self, path: &str, auth: Option<(&str, &str)>) -> (StatusCode, Json) {
        let mut request = self.client.get(format!("{}{path}", self.base));
        if let Some((name, value)) = auth {
            request = request.header(name, value);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(Json::Null))
    }

    /// Signs in with the fixture's password: the session cookie, or the refusal's status.
    pub async fn sign_in(&self, email: &str) -> Result<String, StatusCode> {
        let body = json!({"email": email, "password": crate::PASSWORD});
        let response = self.client.post(format!("{}/api/session", self.base)).json(&body).send().await.unwrap();
        if response.status() != StatusCode::OK {
            return Err(response.status());
        }
        let cookie = response.headers()["set-cookie"].to_str().unwrap();
        Ok(cookie.split(';').next().unwrap().to_owned())
    }
}

impl Drop for Live {
    /// A failed test leaves no server behind.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A text value's text; `None` for NULL.
fn optional_text(value: &Value) -> Option<&str> {
    match value {
        Value::Null => None,
        other => Some(text(other)),
    }
}

/// A practice as the old release stored it.
struct Practice {
    reference: String,
    status: String,
    /// The `practices` row's version (bumped by each decision).
    version: i64,
    /// The public answer's title (the published one, for a published practice).
    title: String,
    /// The latest version's title (what the respondent and curators see).
    latest_title: String,
    versions: usize,
    curator_message: Option<String>,
    edit_token_hash: Option<String>,
}

fn practices(before: &Snapshot) -> Vec<Practice> {
    let title = |answer: &Value| {
        let answer: Json = serde_json::from_str(text(answer)).unwrap();
        answer["title"].as_str().unwrap().to_owned()
    };
    let versions = &before["practice_versions"];
    before["practices"]
        .records()
        .map(|p| {
            let mut own: Vec<_> = versions.records().filter(|v| v["practice_id"] == p["id"]).collect();
            own.sort_by_key(|v| integer(v["version"]));
            Practice {
                reference: text(p["reference"]).to_owned(),
                status: text(p["moderation_status"]).to_owned(),
                version: integer(p["version"]),
                title: title(p["answer"]),
                latest_title: title(own.last().expect("a version")["answer"]),
                versions: own.len(),
                curator_message: optional_text(p["curator_message"]).map(str::to_owned),
                edit_token_hash: optional_text(p["edit_token_hash"]).map(str::to_owned),
            }
        })
        .collect()
}

/// What the people of the earlier release find through the API.
pub async fn check(live: &Live, before: &Snapshot, schema: i64) {
    let practices = practices(before);

    // The public catalogue: every published practice, with its public title; nothing else.
    let (status, catalogue) = live.get("/api/catalogue", None).await;
    assert_eq!(status, StatusCode::OK, "{catalogue}");
    let listed: Vec<(&str, &str)> = catalogue["practices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["title"].as_str().unwrap()))
        .collect();
    let published: Vec<&Practice> = practices.iter().filter(|p| p.status == "pubblicata").collect();
    assert!(!published.is_empty(), "the fixture has published practices");
    for p in &published {
        assert!(listed.contains(&(p.reference.as_str(), p.title.as_str())), "{} in {listed:?}", p.reference);
        let (status, page) = live.get(&format!("/api/practices/{}", p.reference), None).await;
        assert_eq!((status, page["title"].as_str()), (StatusCode::OK, Some(p.title.as_str())), "{page}");
    }
    assert_eq!(listed.len(), published.len(), "only published practices are public: {listed:?}");
    // Published declarations of adoption, on their practice's page.
    for adoption in before.get("adoptions").iter().flat_map(|t| t.records()) {
        let reference = before["practices"].records().find(|p| p["id"] == adoption["practice_id"]).unwrap();
        let (_, page) = live.get(&format!("/api/practices/{}", text(reference["reference"])), None).await;
        let shown = page["follow_up"]["adopted_by"].as_array().into_iter().flatten().any(|a| {
            a["entity_name"] == text(adoption["entity_name"])
                && a["comune_code"].as_str() == adoption.get("comune_code").and_then(|c| optional_text(c))
        });
        let published = text(adoption["moderation_status"]) == "pubblicata";
        assert_eq!(shown, published, "adoption {:?} on its practice's page: {}", adoption["id"], page["follow_up"]);
    }

    // The private links the respondents kept still open their submissions.
    let mut opened = 0;
    for n in 1..=crate::LINKS {
        let token = crate::token(schema, n);
        let hash = server::sha256_hex(token.as_bytes());
        let Some(p) = practices.iter().find(|p| p.edit_token_hash.as_deref() == Some(hash.as_str())) else { continue };
        let bearer = format!("Bearer {token}");
        let (status, own) = live.get("/api/submissions/mine", Some(("authorization", &bearer))).await;
        assert_eq!(status, StatusCode::OK, "private link {n} of {}: {own}", p.reference);
        assert_eq!(own["id"], p.reference.as_str());
        assert_eq!(own["moderation_status"], p.status.as_str(), "{}", p.reference);
        assert_eq!(own["versions"], p.versions, "{}", p.reference);
        assert_eq!(own["answers"]["title"], p.latest_title.as_str(), "{}", p.reference);
        assert_eq!(own["curator_message"].as_str(), p.curator_message.as_deref(), "{}", p.reference);
        opened += 1;
    }
    let linked = practices.iter().filter(|p| p.edit_token_hash.is_some()).count();
    assert_eq!(opened, linked, "every private link of the fixture opens its submission");

    // Every account of the release: the active ones sign in with their password, the closed one cannot.
    let mut admin = None;
    let mut curator = None;
    for user in before["users"].records() {
        let email = text(user["email"]);
        let signed_in = live.sign_in(email).await;
        if integer(user["disabled"]) == 1 {
            assert_eq!(signed_in.err(), Some(StatusCode::UNAUTHORIZED), "{email} was closed");
            continue;
        }
        let cookie = signed_in.unwrap_or_else(|status| panic!("{email} signs in: {status}"));
        let (status, me) = live.get("/api/session", Some(("cookie", &cookie))).await;
        assert_eq!(
            (status, me["email"].as_str(), me["role"].as_str()),
            (StatusCode::OK, Some(email), Some(text(user["role"])))
        );
        match text(user["role"]) {
            "admin" => admin = Some(cookie),
            _ => curator = Some(cookie),
        }
    }
    let admin = admin.expect("an admin account in the fixture");
    let curator = curator.expect("a curator account in the fixture");
    let as_admin = Some(("cookie", admin.as_str()));
    let as_curator = Some(("cookie", curator.as_str()));

    // Accounts as admins list them.
    let (status, accounts) = live.get("/api/moderation/users", as_admin).await;
    assert_eq!(status, StatusCode::OK, "{accounts}");
    for user in before["users"].records() {
        let found = accounts.as_array().unwrap().iter().find(|a| a["email"] == text(user["email"]));
        let found = found.unwrap_or_else(|| panic!("{:?} listed in {accounts}", user["email"]));
        assert_eq!(found["disabled"], integer(user["disabled"]) == 1, "{found}");
    }

    // Every submission opens for review, in its state and version.
    for p in &practices {
        let (status, review) = live.get(&format!("/api/moderation/submissions/{}", p.reference), as_curator).await;
        assert_eq!(status, StatusCode::OK, "review of {}: {review}", p.reference);
        assert_eq!(
            (review["moderation_status"].as_str(), review["version"].as_i64()),
            (Some(p.status.as_str()), Some(p.version))
        );
        assert_eq!(review["answers"]["title"], p.latest_title.as_str(), "{}", p.reference);
    }

    // The audit trail, every entry of the release, read by an admin.
    let (status, audit) = live.get("/api/moderation/audit", as_admin).await;
    assert_eq!(status, StatusCode::OK, "{audit}");
    let audit = audit.as_array().unwrap();
    let reference_of =
        |id: &Value| before["practices"].records().find(|p| p["id"] == id).map(|p| text(p["reference"]).to_owned());
    for row in before["audit_log"].records() {
        let optional = |v: &Value| optional_text(v).map_or(Json::Null, Json::from);
        let expected = json!({
            "at": text(row["at"]), "actor": text(row["actor"]), "action": text(row["action"]),
            "practice": reference_of(row["practice_id"]), "before": optional(row["before"]),
            "after": optional(row["after"]), "message": optional(row["message"]),
        });
        assert!(audit.contains(&expected), "audit entry {expected} in {audit:#?}");
    }

    // What later releases also keep opens for the editors.
    let mut pages = vec![("/api/moderation/rounds", as_curator)];
    let has = |table: &str| before.get(table).is_some_and(|t| !t.rows.is_empty());
    if has("accessibility_reports") {
        pages.push(("/api/moderation/accessibility-reports", as_curator));
    }
    if has("service_ratings") {
        pages.push(("/api/moderation/service-ratings", as_admin));
    }
    if has("outbox") {
        pages.push(("/api/moderation/outbox", as_admin));
    }
    if has("adoptions") {
        pages.push(("/api/moderation/adoptions", as_curator));
    }
    let mut invited: Vec<String> = match before.get("round_invitees") {
        Some(t) => {
            t.column("round_code").map(|(_, c)| format!("/api/moderation/rounds/{}/invitees", text(c))).collect()
        }
        None => Vec::new(),
    };
    invited.dedup();
    pages.extend(invited.iter().map(|path| (path.as_str(), as_admin)));
    for (path, auth) in pages {
        let (status, page) = live.get(path, auth).await;
        assert_eq!(status, StatusCode::OK, "{path}: {page}");
        let counted = match path {
            "/api/moderation/rounds" => Some((page.as_array().unwrap().len(), "rounds")),
            "/api/moderation/accessibility-reports" => Some((page.as_array().unwrap().len(), "accessibility_reports")),
            "/api/moderation/adoptions" => Some((page.as_array().unwrap().len(), "adoptions")),
            "/api/moderation/service-ratings" => {
                let stars = page["by_stars"].as_array().unwrap().iter().map(|n| n.as_u64().unwrap() as usize);
                Some((stars.sum(), "service_ratings"))
            }
            _ => None,
        };
        if let Some((count, table)) = counted {
            assert_eq!(count, before[table].rows.len(), "{path} lists every row of {table}: {page}");
        }
    }
}
