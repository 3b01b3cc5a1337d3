// SPDX-License-Identifier: EUPL-1.2
//! The language of a request's answers: the first of Italian and English its
//! `Accept-Language` header prefers (Italian when it names neither). A layer
//! over the whole router ([`scope`]) reads the header and runs the rest of the
//! request with the language at hand, so that every error, whichever handler,
//! extractor or fallback raised it, is written in it ([`current`]) without
//! each handler passing the language along.

use axum::extract::Request;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::middleware::Next;
use axum::response::Response;
use domain::Lang;

tokio::task_local! {
    /// The language of the request being answered.
    static LANG: Lang;
}

/// The language of the request being answered; Italian outside a request.
pub fn current() -> Lang {
    LANG.try_with(|lang| *lang).unwrap_or_default()
}

/// Runs `future` as a request in `lang` would be: what [`current`] says inside it.
pub async fn within<F: Future>(lang: Lang, future: F) -> F::Output {
    LANG.scope(lang, future).await
}

/// The middleware: answers the request in the language its `Accept-Language` prefers.
pub async fn scope(request: Request, next: Next) -> Response {
    let lang = request
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map_or_else(Lang::default, preferred);
    within(lang, next.run(request)).await
}

/// The language an `Accept-Language` value prefers among those the product
/// speaks: the highest weight wins, the earlier on a tie; a regional tag
/// counts as its language (`en-GB` is English). Nothing supported, `*`, an
/// empty or unreadable value: Italian.
pub fn preferred(header: &str) -> Lang {
    let mut best: Option<(Lang, f32)> = None;
    for range in header.split(',') {
        let mut parts = range.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let primary = tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
        let Some(lang) = Lang::from_tag(&primary) else { continue };
        let mut weight = 1.0_f32;
        for parameter in parts {
            if let Some((name, value)) = parameter.split_once('=')
                && name.trim().eq_ignore_ascii_case("q")
            {
                // An unreadable weight makes the range worthless rather than preferred.
                weight = value.trim().parse::<f32>().ok().filter(|q| (0.0..=1.0).contains(q)).unwrap_or(0.0);
            }
        }
        if weight > 0.0 && best.is_none_or(|(_, top)| weight > top) {
            best = Some((lang, weight));
        }
    }
    best.map_or_else(Lang::default, |(lang, _)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preferred_supported_language_is_chosen() {
        let cases = [
            ("en", Lang::En),
            ("en-US", Lang::En),
            ("en-GB,en;q=0.9", Lang::En),
            ("EN-gb", Lang::En),
            ("it", Lang::It),
            ("it-IT,it;q=0.9,en;q=0.8", Lang::It),
            ("fr, en;q=0.5", Lang::En),
            ("fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7,it;q=0.6", Lang::En),
            ("en;q=0.5, it", Lang::It),
            ("en;q=0.8, it;q=0.8", Lang::En),
            ("it;q=0, en;q=0.1", Lang::En),
            ("en;q=0", Lang::It),
            ("en;q=abc", Lang::It),
            ("de, fr", Lang::It),
            ("*", Lang::It),
            ("*, en;q=0.5", Lang::En),
            ("", Lang::It),
            ("   ", Lang::It),
            (";;;,,,==", Lang::It),
            ("english please", Lang::It),
        ];
        for (header, expected) in cases {
            assert_eq!(preferred(header), expected, "Accept-Language: {header:?}");
        }
    }

    #[tokio::test]
    async fn the_language_holds_within_a_request_only() {
        assert_eq!(current(), Lang::It, "Italian outside a request");
        assert_eq!(within(Lang::En, async { current() }).await, Lang::En);
        assert_eq!(current(), Lang::It);
    }
}
