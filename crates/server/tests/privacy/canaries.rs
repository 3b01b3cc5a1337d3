// SPDX-License-Identifier: EUPL-1.2
//! The canaries: practices whose private fields hold unique words, and
//! the crawl's helpers.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// The questionnaire's private fields, from its definition.
pub fn private_fields() -> impl Iterator<Item = &'static str> {
    use domain::questionnaire::{QUESTIONNAIRE, Visibility};
    QUESTIONNAIRE.fields().filter(|f| f.visibility == Visibility::Private).map(|f| f.key)
}

/// Keys that only private documents may carry: the private fields, and
/// curation and submission data.
pub fn private_keys() -> impl Iterator<Item = &'static str> {
    private_fields().chain(["curator_message", "moderation_status", "edit_token", "idempotency"])
}

/// A practice whose four private text fields hold canaries made from `tag`.
pub fn with_private_canaries(tag: &str, canaries: &mut Vec<String>) -> domain::Practice {
    let mut practice = valid_answer();
    practice.contact_name = format!("Referente qzname{tag}");
    practice.contact_role = Some(format!("Ruolo qzrole{tag}"));
    practice.contact_email = format!("qzmail{tag}@example.org");
    // A phone number holds only digits and separators: its canary is a
    // number of its own per tag.
    let digits = tag.bytes().fold(2_166_136_261_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(16_777_619)) % 100_000_000;
    let phone = format!("+39 0555 {digits:08}");
    practice.contact_phone = Some(phone.clone());
    canaries.extend(["name", "role", "mail"].map(|field| format!("qz{field}{tag}")));
    canaries.push(phone);
    practice
}

/// For a practice that is not published: every public text field holds a
/// canary too, since none of it may be shown.
pub fn with_public_canaries(mut practice: domain::Practice, tag: &str, canaries: &mut Vec<String>) -> domain::Practice {
    let mut canary = |field: &str| {
        canaries.push(format!("qz{field}{tag}"));
        format!("Testo qz{field}{tag}")
    };
    practice.title = canary("title");
    practice.summary = canary("summary");
    practice.description = canary("description");
    practice.need_addressed = canary("need");
    practice.entity_name = canary("entity");
    practice.results = Some(canary("results"));
    practice.advice = Some(canary("advice"));
    practice.feedback_staff = canary("feedbackstaff");
    practice.public_contact = Some(format!("https://qzpubliccontact{tag}.example.org"));
    canaries.push(format!("qzpubliccontact{tag}"));
    practice
}

/// What the crawl has read, and what it found.
#[derive(Default)]
pub struct Crawl {
    pub canaries: Vec<String>,
    /// Shown on the published practices: found in an output, it proves the
    /// output carries their data.
    pub marker: String,
    pub outputs: usize,
    pub bytes: usize,
    pub with_marker: Vec<String>,
    pub leaks: Vec<String>,
}

impl Crawl {
    /// Checks one output (its headers, then its body).
    pub fn check(&mut self, what: &str, headers: &str, body: &[u8]) {
        self.outputs += 1;
        self.bytes += headers.len() + body.len();
        let text = format!("{headers}\n{}", String::from_utf8_lossy(body)).to_lowercase();
        for canary in &self.canaries {
            if text.contains(canary.as_str()) {
                self.leaks.push(format!("{what} shows the private {canary:?}"));
            }
        }
        if text.contains(&self.marker) {
            self.with_marker.push(what.to_owned());
        }
        let dictionary = what.contains("dizionario-dati") || what.contains("data-dictionary");
        if dictionary {
            self.check_dictionary(what, body);
        } else {
            for key in private_keys() {
                if text.contains(key) {
                    self.leaks.push(format!("{what} carries the private key {key}"));
                }
            }
        }
    }

    /// The data dictionary names every field, private ones included: it must
    /// mark those as not public (it describes columns, it holds no data).
    pub fn check_dictionary(&mut self, what: &str, body: &[u8]) {
        let Ok(document) = serde_json::from_slice::<Value>(body) else {
            self.leaks.push(format!("{what} is not JSON"));
            return;
        };
        let columns = document.get("columns").unwrap_or(&document).as_array().cloned().unwrap_or_default();
        for key in private_fields() {
            let entry = columns.iter().find(|c| c["key"] == key);
            if entry.is_none_or(|e| e["public"] != json!(false)) {
                self.leaks.push(format!("{what} does not mark {key} as private"));
            }
        }
    }

    pub async fn get(&mut self, server: &TestServer, path: &str) -> (StatusCode, Vec<u8>) {
        let response = server.client.get(server.url(path)).send().await.unwrap();
        let status = response.status();
        let headers: String = response
            .headers()
            .iter()
            .map(|(n, v)| format!("{n}: {}\n", String::from_utf8_lossy(v.as_bytes())))
            .collect();
        let body = response.bytes().await.unwrap().to_vec();
        self.check(&format!("GET {path}"), &headers, &body);
        (status, body)
    }

    /// Every file under `dir`, recursively.
    pub fn files(&mut self, label: &str, dir: &Path) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut pending = vec![dir.to_path_buf()];
        while let Some(next) = pending.pop() {
            for entry in std::fs::read_dir(&next).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else {
                    let body = std::fs::read(&path).unwrap();
                    let name = path.strip_prefix(dir).unwrap().display().to_string();
                    // The file's name is an output too (ids in `pratiche/`).
                    self.check(&format!("{label}/{name}"), &name, &body);
                    found.push(path);
                }
            }
        }
        found
    }
}

/// The app's built folder, as trunk writes it (enough of it for the shell).
pub fn built_app(dir: &Path) {
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><html lang=\"it\"><head><meta name=\"bp-data-source\" content=\"api\" />\
         <script type=\"module\" nonce=\"{{__TRUNK NONCE__}}\">import '/app.js'</script></head><body></body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("app.js"), "console.log('app')").unwrap();
    std::fs::write(dir.join("assets/style.css"), "body{margin:0}").unwrap();
}
