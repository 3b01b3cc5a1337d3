// SPDX-License-Identifier: EUPL-1.2
//! What the tests ask of Chromium through chromedriver's DevTools bridge
//! (`goog/cdp/execute`): scripts off, the network off or slow, full-page
//! screenshots.

use crate::Browser;
use std::path::Path;
use std::time::Duration;

/// A raw WebDriver command: chromedriver's extensions have no fantoccini method.
#[derive(Debug)]
pub(crate) struct RawCommand {
    pub(crate) path: &'static str,
    pub(crate) body: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for RawCommand {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/{}", session_id.unwrap_or_default(), self.path))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

impl Browser {
    /// Sends one DevTools command and returns its answer.
    async fn devtools(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        let body = serde_json::json!({ "cmd": cmd, "params": params });
        self.client
            .issue_cmd(RawCommand { path: "goog/cdp/execute", body })
            .await
            .unwrap_or_else(|e| panic!("DevTools {cmd}: {e}"))
    }

    /// Turns JavaScript off in this browser's page, as a visitor with
    /// scripts disabled (or whose scripts have not arrived) has it.
    pub async fn disable_scripts(&self) {
        self.devtools("Emulation.setScriptExecutionDisabled", serde_json::json!({ "value": true })).await;
    }

    /// Turns the browser's network off or on (Chrome's network emulation,
    /// which also fires the page's `offline` and `online` events).
    pub async fn set_offline(&self, offline: bool) {
        self.emulate_network(offline, -1.0).await;
    }

    /// Slows the browser's downloads to `bytes_per_second` (`None`: back to
    /// full speed), as a slow mobile line does: a page's HTML arrives long
    /// before its code.
    pub async fn throttle_downloads(&self, bytes_per_second: Option<u32>) {
        self.emulate_network(false, bytes_per_second.map_or(-1.0, f64::from)).await;
    }

    /// Chrome's network emulation: off, or downloads at `throughput` bytes
    /// per second (-1: unlimited).
    async fn emulate_network(&self, offline: bool, throughput: f64) {
        self.devtools("Network.enable", serde_json::json!({})).await;
        let conditions = serde_json::json!({ "offline": offline, "latency": 0, "downloadThroughput": throughput, "uploadThroughput": -1 });
        self.devtools("Network.emulateNetworkConditions", conditions).await;
    }

    /// Saves the whole page, at the window's width, as
    /// `target/screenshots/NAME.png`, for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let metrics = self.devtools("Page.getLayoutMetrics", serde_json::json!({})).await;
        let size = &metrics["cssContentSize"];
        let (width, height) = (size["width"].as_f64().unwrap_or(1280.0), size["height"].as_f64().unwrap_or(900.0));
        let clip = serde_json::json!({ "x": 0, "y": 0, "width": width, "height": height.min(8000.0), "scale": 1 });
        let capture = serde_json::json!({ "captureBeyondViewport": true, "clip": clip });
        let shot = self.devtools("Page.captureScreenshot", capture).await;
        use base64::Engine;
        let png = base64::engine::general_purpose::STANDARD.decode(shot["data"].as_str().unwrap_or_default()).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Screenshots at a desktop width (1280 px) and a phone's (375 px), as
    /// `NAME-desktop.png` and `NAME-375.png`; the window is left at 1280 px.
    pub async fn screenshots(&self, name: &str) {
        for (width, height, suffix) in [(1280, 900, "desktop"), (375, 812, "375")] {
            self.client.set_window_size(width, height).await.unwrap();
            tokio::time::sleep(Duration::from_millis(300)).await;
            self.screenshot(&format!("{name}-{suffix}")).await;
        }
        self.client.set_window_size(1280, 900).await.unwrap();
    }
}
