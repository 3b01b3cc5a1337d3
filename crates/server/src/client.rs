// SPDX-License-Identifier: EUPL-1.2
//! Who is asking: the client's address, for the per-address limits. Behind a
//! reverse proxy (how institutional sites deploy) every connection comes from
//! the proxy, so the address is taken from `Forwarded` or `X-Forwarded-For`,
//! but only when the connection comes from a proxy the operator trusts
//! (`BP_TRUSTED_PROXIES`), and then the right-most hop that is not itself a
//! trusted proxy: the left part of the header is whatever the client wrote.

use crate::AppState;
use crate::error::ApiError;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

/// The proxies whose forwarding headers are believed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Addresses and CIDR ranges separated by commas or spaces:
    /// `127.0.0.1, 10.0.0.0/8, ::1`. Empty: no proxy is trusted.
    pub fn parse(list: &str) -> Result<Self, String> {
        parse_nets("BP_TRUSTED_PROXIES", list).map(Self)
    }

    fn trusts(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client's address for a connection from `peer` with these headers.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return canonical(peer);
        }
        let hops = forwarded_hops(headers);
        let mut client = canonical(peer);
        for hop in hops.iter().rev() {
            // A hop that does not parse ends the walk: nothing left of it can be believed.
            let Some(address) = hop else { break };
            client = *address;
            if !self.trusts(*address) {
                break;
            }
        }
        client
    }
}

/// An IPv4 address written as IPv6 (`::ffff:1.2.3.4`) is the IPv4 address.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

/// The addresses a request passed through, client first: from `Forwarded`
/// (RFC 7239, its `for=` parameters) when present, else `X-Forwarded-For`.
/// `None` for a hop that is not an address (`unknown`, an obfuscated name).
fn forwarded_hops(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name: &str| -> Vec<String> {
        headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).map(str::to_owned).collect()
    };
    let forwarded = values("forwarded");
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .flat_map(|v| v.split(','))
            .map(|element| {
                element.split(';').find_map(|pair| {
                    let (name, value) = pair.trim().split_once('=')?;
                    name.trim().eq_ignore_ascii_case("for").then(|| parse_hop(value))?
                })
            })
            .collect();
    }
    values("x-forwarded-for").iter().flat_map(|v| v.split(',')).map(parse_hop).collect()
}

/// `203.0.113.7`, `203.0.113.7:4711`, `"[2001:db8::1]:4711"`, `2001:db8::1`.
fn parse_hop(text: &str) -> Option<IpAddr> {
    let text = text.trim().trim_matches('"');
    if let Ok(address) = text.parse::<IpAddr>() {
        return Some(canonical(address));
    }
    if let Some(rest) = text.strip_prefix('[') {
        return rest.split_once(']').and_then(|(inside, _)| inside.parse().ok()).map(canonical);
    }
    text.parse::<SocketAddr>().ok().map(|s| canonical(s.ip()))
}

/// Addresses and CIDR ranges separated by commas or spaces, as the setting
/// `variable` gives them.
pub fn parse_nets(variable: &str, list: &str) -> Result<Vec<IpNet>, String> {
    list.split([',', ' '])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<IpNet>()
                .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| format!("{variable}: not an address or CIDR range: {item}"))
        })
        .collect()
}

/// The client's address, as the per-address limits count it.
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| peer.ip())
            .ok_or_else(|| ApiError::BadRequest(crate::messages::CONNECTION_ADDRESS_UNKNOWN.into()))?;
        Ok(Self(state.trusted_proxies.client(peer, &parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (k.parse().unwrap(), v.parse().unwrap())).collect()
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn only_a_trusted_proxy_is_believed_and_then_its_right_most_untrusted_hop() {
        let trusted = TrustedProxies::parse("10.0.0.0/8, 127.0.0.1").unwrap();
        let cases = [
            (
                "203.0.113.9",
                vec![("x-forwarded-for", "198.51.100.1")],
                "203.0.113.9",
                "an untrusted peer's header is ignored",
            ),
            ("10.0.0.2", vec![("x-forwarded-for", "198.51.100.1")], "198.51.100.1", "a trusted proxy names the client"),
            (
                "10.0.0.2",
                vec![("x-forwarded-for", "6.6.6.6, 198.51.100.1, 10.0.0.5")],
                "198.51.100.1",
                "a spoofed left part is skipped: the right-most untrusted hop counts",
            ),
            ("10.0.0.2", vec![], "10.0.0.2", "no header: the proxy itself"),
            (
                "127.0.0.1",
                vec![("forwarded", "for=6.6.6.6, for=\"[2001:db8::7]:4711\";proto=https")],
                "2001:db8::7",
                "RFC 7239 Forwarded, IPv6 with a port",
            ),
            (
                "10.0.0.2",
                vec![("x-forwarded-for", "garbage, 198.51.100.1")],
                "198.51.100.1",
                "garbage left of the client",
            ),
            ("10.0.0.2", vec![("x-forwarded-for", "198.51.100.1, garbage")], "10.0.0.2", "garbage from the proxy side"),
            ("::ffff:10.0.0.2", vec![("x-forwarded-for", "198.51.100.1")], "198.51.100.1", "an IPv4-mapped peer"),
        ];
        for (peer, pairs, expected, what) in cases {
            assert_eq!(trusted.client(ip(peer), &headers(&pairs)), ip(expected), "{what}");
        }
        let nobody = TrustedProxies::default();
        assert_eq!(nobody.client(ip("10.0.0.2"), &headers(&[("x-forwarded-for", "1.2.3.4")])), ip("10.0.0.2"));
    }

    #[test]
    fn the_list_is_addresses_or_ranges() {
        assert_eq!(TrustedProxies::parse("").unwrap(), TrustedProxies::default());
        assert!(TrustedProxies::parse("10.0.0.1 ::1,192.168.0.0/16").is_ok());
        assert!(TrustedProxies::parse("10.0.0.0/33").unwrap_err().contains("10.0.0.0/33"));
        assert!(TrustedProxies::parse("proxy.example.org").is_err());
    }
}
