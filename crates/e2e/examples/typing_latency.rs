// SPDX-License-Identifier: EUPL-1.2
//! Benchmark: the time from a keystroke to the updated screen on a
//! questionnaire step, in headless Chromium against the release build.
//! Prints figures; asserts nothing about them. Run with `cargo xtask bench`.
//!
//! In the page, a capturing `keydown` listener notes the time; a bubbling
//! `input` listener notes when the app's own handler has run (the answer is
//! stored and the character counter re-rendered); a `requestAnimationFrame`
//! followed by a zero timeout notes when the next frame has been produced.
//! Each keystroke is also recorded as a User Timing measure named
//! `questionnaire:keystroke`.

use e2e::{Browser, TestServer, dist_dir, key};
use fantoccini::Locator;
use fantoccini::key::Key;

const INSTRUMENT: &str = r#"
    window.__latency = { input: [], frame: [] };
    document.addEventListener('keydown', () => {
        const start = performance.now();
        document.addEventListener('input', () => window.__latency.input.push(performance.now() - start), { once: true });
        requestAnimationFrame(() => setTimeout(() => {
            window.__latency.frame.push(performance.now() - start);
            performance.measure('questionnaire:keystroke', { start, end: performance.now() });
        }, 0));
    }, true);
"#;

fn summary(name: &str, mut samples: Vec<f64>) {
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<34} n={:<4} median {:>6.2} ms  p95 {:>6.2} ms  max {:>6.2} ms",
        samples.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}

#[tokio::main]
async fn main() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let b = Browser::start().await;
    b.client.goto(&format!("{}/questionario?passo=2", server.base)).await.unwrap();
    b.wait_for_heading("La pratica").await;
    b.client.execute(INSTRUMENT, vec![]).await.unwrap();
    let summary_field = b.labelled("Sintesi").await;
    let text = "Ogni settimana gli operatori chiamano gli anziani soli per sapere come stanno e attivare aiuti. ";
    let mut typed = 0;
    while typed < 300 {
        for c in text.chars().take(300 - typed) {
            summary_field.send_keys(&c.to_string()).await.unwrap();
            typed += 1;
        }
    }
    summary_field.send_keys(&key(Key::Tab)).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let result = b.client.execute("return window.__latency", vec![]).await.unwrap();
    let samples = |kind: &str| -> Vec<f64> { serde_json::from_value(result[kind].clone()).unwrap() };
    let counter = b.client.find(Locator::Id("conteggio-summary")).await.unwrap().text().await.unwrap();
    println!("Typing 300 characters into \"Sintesi\" (step 2, live character counter): {counter}");
    summary("keystroke -> app handled input", samples("input"));
    summary("keystroke -> next frame on screen", samples("frame"));
    b.close().await;
}
