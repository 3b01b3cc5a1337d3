// SPDX-License-Identifier: EUPL-1.2
//! What search engines and link previews read without running the app: each
//! page's head in the HTML the server sends, `robots.txt` and `sitemap.xml`.

use crate::common::*;
use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::Value;

/// The content of `<meta {attribute}="{name}" content="…">`.
fn meta<'a>(html: &'a str, attribute: &str, name: &str) -> Option<&'a str> {
    let start = format!(r#"<meta {attribute}="{name}" content=""#);
    let from = html.find(&start)? + start.len();
    html[from..].split('"').next()
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

#[tokio::test]
async fn a_practice_page_names_itself_before_any_script_runs() {
    let dist = app_template();
    let server = TestServer::start(Some(dist.path())).await;
    let practice = valid_answer();
    let id = server.seed(practice.clone(), ModerationStatus::Pubblicata).await;
    let html = server.client.get(server.url(&format!("/pratiche/{id}"))).send().await.unwrap().text().await.unwrap();

    let title = format!("<title>{} · Buone pratiche</title>", escaped(&practice.title));
    assert!(html.contains(&title), "the title is the practice's: {html}");
    assert_eq!(html.matches("<title>").count(), 1);
    assert_eq!(meta(&html, "name", "description"), Some(escaped(&practice.summary).as_str()), "the summary");
    assert_eq!(
        meta(&html, "property", "og:title"),
        Some(escaped(&format!("{} · Buone pratiche", practice.title)).as_str())
    );
    assert_eq!(meta(&html, "property", "og:description"), Some(escaped(&practice.summary).as_str()));
    assert_eq!(meta(&html, "name", "twitter:card"), Some("summary"));
    assert!(html.contains(&format!(r#"<link rel="canonical" href="http://localhost/pratiche/{id}" />"#)), "{html}");
    assert!(meta(&html, "name", "robots").is_none(), "a published practice is listed");
    let script = html.split(r#"<script type="application/ld+json" nonce=""#).nth(1).expect("a JSON-LD script");
    let json = script.split_once('>').unwrap().1.split("</script>").next().unwrap();
    let json_ld: Value = serde_json::from_str(json).unwrap();
    assert_eq!(json_ld["@type"], "WebPage", "dates and licence belong to the page");
    assert!(json_ld["datePublished"].is_string() && json_ld["dateModified"].is_string(), "{json_ld}");
    assert_eq!(json_ld["license"], "https://creativecommons.org/licenses/by/4.0/");
    let service = &json_ld["mainEntity"];
    assert_eq!(service["@type"], "GovernmentService");
    assert_eq!(service["name"], practice.title.as_str());
    assert_eq!(service["identifier"], id.as_str());
    assert!(service.get("datePublished").is_none(), "not a property of a service");
    assert!(!script.contains("{{__TRUNK NONCE__}}"), "the JSON-LD carries the page's nonce");
    assert_eq!(meta(&html, "property", "og:image"), Some("http://localhost/icon-512.png"));

    // The page itself before the app, drawn by the app's components: its
    // frame, title and summary, and the data the app reads when it starts.
    let drawn = html.split(r#"<div class="server-page" data-frame="">"#).nth(1).expect("the page drawn");
    assert!(drawn.contains(r#"<header class="site-header">"#) && drawn.contains(r#"<footer class="site-footer">"#));
    assert!(drawn.contains(&format!(">{}</h1>", escaped(&practice.title))), "the title: {drawn}");
    assert!(drawn.contains(&escaped(&practice.summary)), "the summary");
    for data in [format!("/api/practices/{id}"), "/api/catalogue".to_owned()] {
        let read = format!(r#"<meta name="bp-start-read" content="{data}" />"#);
        assert!(html.contains(&read), "{data} is named for the app's start: {html}");
    }

    // Other pages: their own title; private and unknown ones are not listed.
    let catalogue = server.client.get(server.url("/catalogo")).send().await.unwrap().text().await.unwrap();
    assert!(catalogue.contains("<title>Catalogo · Buone pratiche</title>"));
    assert!(catalogue.contains("<h1>Catalogo delle pratiche</h1>"));
    assert!(catalogue.contains(r#"<a href="/catalogo" aria-current="page">Catalogo</a>"#));
    assert!(catalogue.contains(r#"<meta name="bp-start-read" content="/api/catalogue" />"#));
    assert!(meta(&catalogue, "name", "robots").is_none());
    for private in ["/redazione", "/questionario/ricevuta", "/pratiche/BP-2020-9999"] {
        let page = server.client.get(server.url(private)).send().await.unwrap().text().await.unwrap();
        assert_eq!(meta(&page, "name", "robots"), Some("noindex"), "{private}");
    }
}

#[tokio::test]
async fn robots_and_sitemap_list_what_crawlers_may_read() {
    let dist = app_template();
    let server = TestServer::start(Some(dist.path())).await;
    let published = server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
    let unpublished = server.seed(valid_answer(), ModerationStatus::InRevisione).await;

    let robots = server.client.get(server.url("/robots.txt")).send().await.unwrap();
    assert_eq!(robots.status(), StatusCode::OK);
    assert_eq!(robots.headers()["content-type"], "text/plain; charset=utf-8");
    let robots = robots.text().await.unwrap();
    assert!(robots.contains("Disallow: /redazione") && robots.contains("Disallow: /api/"), "{robots}");
    assert!(robots.contains("Sitemap: http://localhost/sitemap.xml"), "{robots}");

    let sitemap = server.client.get(server.url("/sitemap.xml")).send().await.unwrap();
    assert_eq!(sitemap.status(), StatusCode::OK);
    assert!(sitemap.headers()["content-type"].to_str().unwrap().starts_with("application/xml"));
    let xml = sitemap.text().await.unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut locs, mut lastmods, mut inside) = (Vec::new(), Vec::new(), None);
    loop {
        match reader.read_event().expect("the sitemap is well-formed XML") {
            quick_xml::events::Event::Start(tag) => inside = Some(tag.name().as_ref().to_owned()),
            quick_xml::events::Event::Text(text) => match inside.as_deref() {
                Some("loc") => locs.push(text.xml10_content().into_owned()),
                Some("lastmod") => lastmods.push(text.xml10_content().into_owned()),
                _ => {}
            },
            quick_xml::events::Event::End(_) => inside = None,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert!(locs.contains(&format!("http://localhost/pratiche/{published}")), "{locs:?}");
    assert!(!locs.iter().any(|l| l.ends_with(&unpublished)), "an unpublished practice is not listed");
    for page in ["http://localhost/", "http://localhost/catalogo", "http://localhost/dati-aperti"] {
        assert!(locs.iter().any(|l| l == page), "{page} in {locs:?}");
    }
    assert_eq!(lastmods.len(), locs.len(), "every address says when it last changed");
    assert!(lastmods.iter().all(|d| domain::dates::Day::parse(d).is_some()), "{lastmods:?}");
}
