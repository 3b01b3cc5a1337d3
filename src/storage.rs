// SPDX-License-Identifier: EUPL-1.2
//! The browser's local storage, which may be missing or refused (private
//! windows, partitioned iframes): every use copes with `None`. Session
//! storage (this tab only, gone when it closes) keeps what an editor types
//! while they sign in again.

/// `window.localStorage`, when the browser lets us have it.
pub fn local() -> Option<web_sys::Storage> {
    // The server draws pages with nothing stored: no browser, no device.
    if cfg!(feature = "ssr") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads and parses a JSON value.
pub fn read<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let text = local()?.get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

/// Writes a JSON value; false when the browser refused.
pub fn write<T: serde::Serialize>(key: &str, value: &T) -> bool {
    let Some(storage) = local() else { return false };
    serde_json::to_string(value).is_ok_and(|text| storage.set_item(key, &text).is_ok())
}

/// Removes a value.
pub fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// `window.sessionStorage`, when the browser lets us have it.
pub fn session() -> Option<web_sys::Storage> {
    if cfg!(feature = "ssr") {
        return None;
    }
    web_sys::window()?.session_storage().ok().flatten()
}

/// A text kept in session storage.
pub fn session_text(key: &str) -> Option<String> {
    session()?.get_item(key).ok()?
}

/// Keeps a text in session storage; an empty one is removed.
pub fn keep_session_text(key: &str, text: &str) {
    let Some(storage) = session() else { return };
    let _ = if text.is_empty() { storage.remove_item(key) } else { storage.set_item(key, text) };
}

/// `n` random bytes from the browser's CSPRNG, as URL-safe base64.
pub fn random_token(bytes: usize) -> String {
    use base64::Engine;
    // A page the server draws sends nothing: the browser makes its own.
    if cfg!(feature = "ssr") {
        return String::new();
    }
    let mut buffer = vec![0u8; bytes];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).expect("the browser has Web Crypto");
    crypto.get_random_values_with_u8_array(&mut buffer).expect("random values");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buffer)
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    #[cfg(feature = "ssr")]
    return std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_millis() as f64);
    #[cfg(not(feature = "ssr"))]
    js_sys::Date::now()
}

/// The current year (UTC on the server, local time in the browser).
pub fn this_year() -> u32 {
    #[cfg(feature = "ssr")]
    return u32::from(domain::dates::Day::EPOCH.plus_days((now_ms() / 86_400_000.0) as i64).year());
    #[cfg(not(feature = "ssr"))]
    js_sys::Date::new_0().get_full_year()
}

/// "HH:MM" of a time in milliseconds since the epoch, in local time.
pub fn clock(ms: f64) -> String {
    if cfg!(feature = "ssr") {
        return String::new();
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}
