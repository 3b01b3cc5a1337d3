// SPDX-License-Identifier: EUPL-1.2
//! Submissions as the browser client sends them: a distinct practice each,
//! an `Idempotency-Key` header and a private link token of its own.

use domain::Practice;
use std::time::Duration;

/// One respondent's submission, and what identifies it afterwards.
#[derive(Clone, Debug)]
pub struct Submission {
    pub idempotency_key: String,
    pub answers: Practice,
    pub body: serde_json::Value,
}

/// The answer the server gave to a submission.
pub struct Answer {
    pub status: reqwest::StatusCode,
    pub body: String,
}

/// A start token, as the questionnaire gets one when it opens. The server
/// keeps its signing key in the database, so a token stays valid across
/// restarts (and crashes).
pub async fn start_token(client: &reqwest::Client, base_url: &str) -> Result<String, String> {
    let response = client
        .post(format!("{base_url}/api/submissions/start"))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|e| format!("asking for a start token: {e}"))?;
    let body: serde_json::Value = response.json().await.map_err(|e| format!("reading the start token: {e}"))?;
    body.get("started").and_then(serde_json::Value::as_str).map(str::to_owned).ok_or("no start token".into())
}

impl Submission {
    /// The `number`-th submission of `respondent` in the run `run`, built from
    /// a valid practice; the title makes it distinct, so exactly-once can be
    /// checked on the stored rows.
    /// `started` is the start token the server issued (see [`start_token`]).
    pub fn distinct(template: &Practice, run: &str, respondent: usize, number: u64, started: &str) -> Self {
        let mut answers = template.clone();
        answers.title = format!("Prova {run} rispondente {respondent} invio {number}");
        let answers_json = serde_json::to_value(&answers).expect("a practice serializes");
        let edit_token = format!("edit-{run}-{respondent:04}-{number:012}");
        Self {
            idempotency_key: format!("key-{run}-{respondent:04}-{number:012}"),
            body: serde_json::json!({
                "answers": answers_json,
                "edit_token": edit_token,
                "website": "",
                "started": started,
            }),
            answers,
        }
    }

    /// Sends the submission once.
    pub async fn post(&self, client: &reqwest::Client, base_url: &str) -> Result<Answer, reqwest::Error> {
        let response = client
            .post(format!("{base_url}/api/submissions"))
            .header("idempotency-key", &self.idempotency_key)
            .json(&self.body)
            .send()
            .await?;
        let status = response.status();
        Ok(Answer { status, body: response.text().await? })
    }

    /// Sends the submission, and after a connection error sends the same key
    /// and body again until the server answers, as the browser does: a retry
    /// after a crash must find the first copy instead of storing a second.
    /// Returns the answer and how many retries it took.
    pub async fn post_until_answered(&self, client: &reqwest::Client, base_url: &str) -> (Answer, u64) {
        let mut retries = 0;
        loop {
            match self.post(client, base_url).await {
                Ok(answer) => return (answer, retries),
                Err(_) => {
                    retries += 1;
                    tokio::time::sleep(Duration::from_millis(5 + fastrand::u64(..20))).await;
                }
            }
        }
    }
}

/// A random name for one run, so that keys and titles never meet another run's.
pub fn run_id() -> String {
    format!("{:012x}", fastrand::u64(..1 << 48))
}

/// The citable reference in a 201 answer's receipt (`{"id": "BP-2026-0042"}`).
pub fn receipt_reference(body: &str) -> Option<String> {
    let receipt: serde_json::Value = serde_json::from_str(body).ok()?;
    receipt.get("id")?.as_str().map(str::to_owned)
}
