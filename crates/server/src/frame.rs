// SPDX-License-Identifier: EUPL-1.2
//! The page frame in the HTML the server (and the static publication) sends:
//! skip link, header with navigation, footer, and the start of the page's
//! main area (its heading, and on a practice's page the breadcrumb and
//! title), exactly as the app renders them. A phone paints the page at once,
//! before the app's code has arrived; when the app starts it replaces this
//! frame with its own, identical one, so nothing on screen moves
//! (`crates/e2e/tests/first_load.rs` compares the two). Without scripts the
//! frame's links still work.
//!
//! The markup mirrors `src/components/layout.rs`; no whitespace between
//! elements, as the app writes none.

use crate::head::escape;
use domain::PublicPractice;
use domain::operator::Operator;
use domain::pages::Entry;

/// The main navigation: address, label; `exact` marks only that address current.
const NAV: [(&str, &str, bool); 4] = [
    ("/", "Home", true),
    ("/questionario", "Questionario", false),
    ("/catalogo", "Catalogo", false),
    ("/statistiche", "Statistiche", false),
];

/// The footer's links.
const FOOTER_LINKS: [(&str, &str); 4] = [
    ("/contatti", "Contatti"),
    ("/accessibilita", "Dichiarazione di accessibilità"),
    ("/privacy", "Informativa privacy"),
    ("/dati-aperti", "Dati aperti e licenza CC BY 4.0"),
];

/// `html` (an entry page) with `frame` at the start of its body, and the
/// operator's logo named in its head for the app's header to show (as the
/// frame's does).
pub fn into_body(html: &str, frame: &str, operator: &Operator) -> String {
    let html = match logo_meta(operator) {
        Some(meta) => html.replacen("</head>", &format!("  {meta}\n  </head>"), 1),
        None => html.to_owned(),
    };
    match html.find("<body>") {
        Some(at) => format!("{}{frame}{}", &html[..at + "<body>".len()], &html[at + "<body>".len()..]),
        None => html,
    }
}

/// `<meta name="bp-operator-logo">`: the logo's address, and the
/// administration's name as its text alternative.
fn logo_meta(operator: &Operator) -> Option<String> {
    let address = operator.logo.as_deref()?;
    Some(format!(
        r#"<meta name="bp-operator-logo" content="{}" data-name="{}" />"#,
        escape(address),
        escape(operator.controller.name.as_deref().unwrap_or_default())
    ))
}

/// The body's frame for the page at `path` (with its `query`, for the skip
/// link); `practice` is the published practice a `/pratiche/{id}` page shows.
pub fn body(path: &str, query: Option<&str>, practice: Option<&PublicPractice>, operator: &Operator) -> String {
    if Entry::of(path) == Entry::Embed {
        // As `src/pages/embed.rs` wraps the page it frames.
        let start = main_start(path, practice);
        return format!(r#"<main id="contenuto" tabindex="-1" data-frame=""><div class="embed">{start}</div></main>"#);
    }
    let main = format!(r#"<main id="contenuto" tabindex="-1" data-frame="">{}</main>"#, main_start(path, practice));
    let here = match query {
        Some(query) if !query.is_empty() => format!("{path}?{query}"),
        _ => path.to_owned(),
    };
    let skip = format!(
        r##"<a class="skip-link" href="{}#contenuto" rel="external" data-frame="">Vai al contenuto principale</a>"##,
        escape(&here)
    );
    format!("{skip}{}{main}{}", header(path, operator), footer())
}

fn header(path: &str, operator: &Operator) -> String {
    let nav: String = NAV
        .iter()
        .map(|(href, label, exact)| {
            let current = if *exact { path == *href } else { path == *href || path.starts_with(&format!("{href}/")) };
            let aria = if current { r#" aria-current="page""# } else { "" };
            format!(r#"<li><a href="{href}"{aria}>{label}</a></li>"#)
        })
        .collect();
    let language = |tag: &str, label: &str, name: &str, pressed: bool| {
        format!(
            r#"<button type="button" class="lang-button" lang="{tag}" aria-pressed="{pressed}">{label}<span class="visually-hidden"> {name}</span></button>"#
        )
    };
    format!(
        concat!(
            r#"<header class="site-header" data-frame="">"#,
            r#"<div class="slim-header"><div class="container slim-header-row">"#,
            r#"<span>Ministero del Lavoro e delle Politiche Sociali · ANCI</span>"#,
            r#"<div class="lang-switch" role="group" aria-label="Lingua / Language">{it}{en}</div></div></div>"#,
            r#"<div class="center-header"><div class="container"><a href="/" class="brand">{logo}"#,
            r#"<span class="brand-title">Buone pratiche</span>"#,
            r#"<span class="brand-tagline">dei servizi sociali territoriali</span></a></div></div>"#,
            r#"<nav class="main-nav" aria-label="Navigazione principale"><div class="container"><ul>{nav}</ul></div></nav>"#,
            r#"</header>"#
        ),
        it = language("it", "IT", "Italiano", true),
        en = language("en", "EN", "English", false),
        nav = nav,
        logo = operator.logo.as_deref().map_or_else(String::new, |address| format!(
            r#"<img class="operator-logo" src="{}" alt="{}" width="48" height="48" />"#,
            escape(address),
            escape(operator.controller.name.as_deref().unwrap_or_default())
        )),
    )
}

fn footer() -> String {
    let links: String =
        FOOTER_LINKS.iter().map(|(href, label)| format!(r#"<li><a href="{href}">{label}</a></li>"#)).collect();
    format!(
        concat!(
            r#"<footer class="site-footer" data-frame=""><div class="container">"#,
            r#"<p class="footer-title">Buone pratiche dei servizi sociali territoriali</p>"#,
            r#"<ul class="footer-links">{links}</ul>"#,
            r#"<p class="footer-note">I contenuti pubblicati sono rilasciati con licenza Creative Commons "#,
            r#"Attribuzione 4.0 (CC BY 4.0).</p></div></footer>"#
        ),
        links = links
    )
}

/// What the page's main area starts with: a listed page's heading, a
/// practice's breadcrumb and title.
fn main_start(path: &str, practice: Option<&PublicPractice>) -> String {
    if let Some(practice) = practice {
        return format!(
            concat!(
                r#"<div class="container page practice-page"><p class="breadcrumb"><a href="/catalogo">Catalogo</a> / "#,
                r#"{id}</p><h1 lang="it">{title}</h1><p class="lead" lang="it">{summary}</p></div>"#
            ),
            id = escape(practice.id.as_str()),
            title = escape(&practice.title),
            summary = escape(&practice.summary)
        );
    }
    // An embed shows the public page it frames.
    let path = path.strip_prefix("/embed").unwrap_or(path);
    let Some((heading, _)) = domain::pages::heading(path) else { return String::new() };
    let lead = domain::pages::lead(path).map(|(lead, _)| format!(r#"<p class="lead">{}</p>"#, escape(lead)));
    format!(r#"<div class="container page"><h1>{}</h1>{}</div>"#, escape(heading), lead.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_page_is_marked_and_embeds_have_no_chrome() {
        let none = Operator::default();
        let catalogue = body("/catalogo", Some("q=a&regione=16"), None, &none);
        assert!(catalogue.contains(r#"<a href="/catalogo" aria-current="page">Catalogo</a>"#));
        assert!(!catalogue.contains(r#"<a href="/" aria-current"#), "Home is current on the home page only");
        assert!(catalogue.contains(r##"href="/catalogo?q=a&amp;regione=16#contenuto""##), "{catalogue}");
        assert!(catalogue.contains("<h1>Catalogo delle pratiche</h1>"));
        assert!(body("/", None, None, &none).contains(r#"<a href="/" aria-current="page">Home</a>"#));
        let embed = body("/embed/catalogo", None, None, &none);
        assert!(embed.starts_with("<main") && !embed.contains("<header") && !embed.contains("<footer"));
        assert!(!catalogue.contains("<img"), "no logo unless one is configured");
    }

    #[test]
    fn a_configured_logo_is_in_the_header_and_named_in_the_head() {
        let mut operator = Operator::example();
        operator.logo = Some("/logo-ente.svg".into());
        operator.controller.name = Some("Comune di \"Esempio\"".into());
        let header = body("/", None, None, &operator);
        let img = r#"<img class="operator-logo" src="/logo-ente.svg" alt="Comune di &quot;Esempio&quot;" width="48" height="48" />"#;
        assert!(header.contains(&format!(r#"<a href="/" class="brand">{img}"#)), "{header}");
        let page = into_body("<html><head>\n  </head><body></body></html>", &header, &operator);
        assert!(
            page.contains(
                r#"<meta name="bp-operator-logo" content="/logo-ente.svg" data-name="Comune di &quot;Esempio&quot;" />"#
            ),
            "{page}"
        );
        assert!(!body("/embed/catalogo", None, None, &operator).contains("<img"), "embeds have no chrome");
    }
}
