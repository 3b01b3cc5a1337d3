// SPDX-License-Identifier: EUPL-1.2
//! Fetching a source's file with limits: http(s) only, at most 5 redirects,
//! a time limit, a size limit counted as the bytes arrive (no compressed
//! transfer is asked for, so nothing inflates), and no address on a private
//! network unless the operator allows it (a source is typed by an
//! administrator; the server must not become a way into its own network).

use domain::harvest::Failure;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// The limits of a fetch.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Sources on loopback or private networks are allowed (tests, an
    /// intranet); off by default.
    pub allow_private: bool,
    pub timeout: Duration,
    pub max_bytes: usize,
}

/// The most bytes a source's file may have: 5,000 practices
/// (`super::MAX_ITEMS`) of some 2-5 KB each, with room.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

impl Default for Settings {
    fn default() -> Self {
        Self { allow_private: false, timeout: Duration::from_secs(60), max_bytes: MAX_BYTES }
    }
}

/// Whether an address is on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || (a == 100 && (64..128).contains(&b))
                || a == 0)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

const PRIVATE: &str = "un indirizzo di una rete privata";

/// Resolves names, keeping only public addresses (unless allowed).
struct PublicOnly {
    allow_private: bool,
}

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            let kept: Vec<SocketAddr> = found.into_iter().filter(|a| allow_private || is_public(a.ip())).collect();
            if kept.is_empty() {
                return Err(PRIVATE.into());
            }
            Ok(Box::new(kept.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Why an address is not fetched, if it is not.
fn refusal(url: &reqwest::Url, allow_private: bool) -> Option<String> {
    if !matches!(url.scheme(), "http" | "https") {
        return Some(format!("lo schema «{}» (solo http e https)", url.scheme()));
    }
    let literal = match url.host() {
        Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
        Some(url::Host::Domain(_)) => None,
        None => return Some("un indirizzo senza host".into()),
    };
    literal.filter(|ip| !allow_private && !is_public(*ip)).map(|_| PRIVATE.into())
}

/// The HTTP client of the harvest.
pub fn client(settings: &Settings, public_url: &str) -> reqwest::Client {
    let allow_private = settings.allow_private;
    let redirects = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= 5 {
            attempt.error("più di 5 reindirizzamenti")
        } else if let Some(why) = refusal(attempt.url(), allow_private) {
            attempt.error(why)
        } else {
            attempt.follow()
        }
    });
    reqwest::Client::builder()
        .user_agent(format!("buone-pratiche-harvester/{} (+{public_url})", env!("CARGO_PKG_VERSION")))
        .connect_timeout(Duration::from_secs(10).min(settings.timeout))
        .timeout(settings.timeout)
        .redirect(redirects)
        .dns_resolver(Arc::new(PublicOnly { allow_private }))
        .build()
        .expect("the harvest's HTTP client builds")
}

/// The body at `url`, or why there is none.
pub async fn get(client: &reqwest::Client, settings: &Settings, url: &str) -> Result<Vec<u8>, Failure> {
    let parsed = reqwest::Url::parse(url).map_err(|e| Failure::Refused { detail: e.to_string() })?;
    if let Some(detail) = refusal(&parsed, settings.allow_private) {
        return Err(Failure::Refused { detail });
    }
    let too_large = Failure::TooLarge { max_mib: settings.max_bytes / (1024 * 1024) };
    let mut response =
        client.get(parsed).header("accept", "application/json").send().await.map_err(|e| failure(&e, settings))?;
    if !response.status().is_success() {
        return Err(Failure::Status { status: response.status().as_u16() });
    }
    if response.content_length().is_some_and(|length| length > settings.max_bytes as u64) {
        return Err(too_large);
    }
    let html = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("text/html"));
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| failure(&e, settings))? {
        if body.len() + chunk.len() > settings.max_bytes {
            return Err(too_large);
        }
        body.extend_from_slice(&chunk);
    }
    let start = String::from_utf8_lossy(&body[..body.len().min(512)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    if html || start.starts_with("<!doctype html") || start.starts_with("<html") {
        return Err(Failure::Html);
    }
    Ok(body)
}

fn failure(error: &reqwest::Error, settings: &Settings) -> Failure {
    let mut chain = String::new();
    let mut source: Option<&dyn std::error::Error> = Some(error);
    while let Some(cause) = source {
        chain.push_str(&cause.to_string());
        chain.push(' ');
        source = cause.source();
    }
    if error.is_timeout() {
        Failure::Timeout { seconds: settings.timeout.as_secs() }
    } else if error.is_redirect() || chain.contains(PRIVATE) {
        let detail = if chain.contains(PRIVATE) {
            PRIVATE.to_owned()
        } else {
            "troppi reindirizzamenti, o verso un indirizzo non consentito".into()
        };
        Failure::Refused { detail }
    } else {
        let detail =
            if error.is_connect() { "connessione rifiutata o nome sconosciuto" } else { "risposta interrotta" };
        Failure::Unreachable { detail: detail.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_special_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.1.1",
            "172.16.0.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fc00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["93.184.215.14", "2a00:1450:4002::65"] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn only_web_addresses_on_public_hosts_are_fetched() {
        let refused = |url: &str| refusal(&reqwest::Url::parse(url).unwrap(), false);
        assert!(refused("file:///etc/passwd").is_some());
        assert!(refused("http://169.254.169.254/latest/meta-data").is_some());
        assert!(refused("http://[::1]:8080/").is_some());
        assert!(refused("https://pratiche.regione.umbria.it/opendata/buone-pratiche.json").is_none());
        assert!(refusal(&reqwest::Url::parse("http://127.0.0.1:8080/").unwrap(), true).is_none());
    }
}
