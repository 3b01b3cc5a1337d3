// SPDX-License-Identifier: EUPL-1.2
//! What each address says before any script runs: its `<title>`, meta
//! description, canonical link, robots directive, Open Graph and Twitter card
//! tags, and on a practice's page its schema.org JSON-LD. One function writes
//! them into the app's `index.html` for the server's answers and for the
//! static publication's files, so a practice pasted into a chat shows its
//! title and summary, and search engines read every page without running it.
//! Also `robots.txt` and `sitemap.xml`, from the same list of public pages.

use domain::PublicPractice;
use domain::api::DataSource;
use domain::site::pages::{COLLECTION, Listing, PAGES, Visibility};

/// What trunk writes into the `nonce` attributes of the script tags it
/// generates (`create_nonce` in Trunk.toml); the server replaces it on every
/// response, the static publication removes it.
pub const NONCE_PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";

/// The site's name, after each page's own in titles (as the app writes them).
pub const SITE: &str = "Buone pratiche";

/// The title of the pages that have none of their own.
const COLLECTION_TITLE: &str = "Buone pratiche dei servizi sociali territoriali";

/// The head of one page.
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    /// The full title, "Catalogo · Buone pratiche".
    pub title: String,
    pub description: String,
    /// The canonical address's path (`/pratiche/BP-2026-0001`).
    pub path: String,
    /// The canonical address when it is elsewhere: a harvested practice's
    /// page at its origin, so that search engines send people there.
    pub canonical_elsewhere: Option<String>,
    /// Listed by search engines.
    pub index: bool,
    /// `website`, or `article` for a practice.
    pub kind: &'static str,
    /// A practice's JSON-LD.
    pub json_ld: Option<serde_json::Value>,
    /// The data the page reads at start, asked for beside the app's code
    /// (the loader in Trunk.toml preloads each when the app starts).
    pub preload: Vec<String>,
}

/// The head of the page at `path`; `practice` is the published practice a
/// `/pratiche/{id}` address names, when there is one; `source`, where the
/// page reads its data.
pub fn head_of(path: &str, practice: Option<&PublicPractice>, public_url: &str, source: DataSource) -> Head {
    let path = if path.len() > 1 { path.trim_end_matches('/') } else { path };
    let page = domain::site::pages::page_at(path);
    // A practice's embed stays unlisted, with the collection's head.
    let practice = practice.filter(|_| domain::site::pages::Entry::of(path) == domain::site::pages::Entry::Public);
    let preload = page.map(|page| page.data_urls(path, source)).unwrap_or_default();
    if let Some(practice) = practice {
        let canonical = format!("/pratiche/{}", practice.id);
        return Head {
            title: format!("{} · {SITE}", practice.title),
            description: practice.summary.clone(),
            json_ld: Some(practice.json_ld(&format!("{public_url}{canonical}"))),
            path: canonical,
            canonical_elsewhere: practice.source.as_ref().and_then(|source| source.page()).map(str::to_owned),
            index: true,
            kind: "article",
            preload,
        };
    }
    match domain::site::pages::listing(path) {
        Some(Listing { title, description, .. }) => Head {
            title: format!("{title} · {SITE}"),
            description: description.to_owned(),
            path: path.to_owned(),
            canonical_elsewhere: None,
            index: true,
            kind: "website",
            json_ld: None,
            preload: preload.clone(),
        },
        _ => Head {
            title: COLLECTION_TITLE.to_owned(),
            description: COLLECTION.to_owned(),
            path: path.to_owned(),
            canonical_elsewhere: None,
            index: false,
            kind: "website",
            json_ld: None,
            preload,
        },
    }
}

/// Text safe in an HTML attribute or element.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// `template` (the app's `index.html`) with this head: its title and
/// description replaced, the other tags added before `</head>`. The JSON-LD
/// script carries the nonce placeholder, filled in (or removed) with the others.
pub fn render(template: &str, head: &Head, public_url: &str) -> String {
    let (title, description) = (escape(&head.title), escape(&head.description));
    let url = escape(&format!("{public_url}{}", head.path));
    let mut html = replace_between(template, "<title>", "</title>", &title);
    html = replace_between(&html, r#"<meta name="description" content=""#, r#"""#, &description);
    let mut tags = vec![
        format!(
            r#"<link rel="canonical" href="{}" />"#,
            head.canonical_elsewhere.as_deref().map_or(url.clone(), escape)
        ),
        format!(r#"<meta property="og:type" content="{}" />"#, head.kind),
        format!(r#"<meta property="og:site_name" content="{SITE}" />"#),
        r#"<meta property="og:locale" content="it_IT" />"#.to_owned(),
        format!(r#"<meta property="og:title" content="{title}" />"#),
        format!(r#"<meta property="og:description" content="{description}" />"#),
        format!(r#"<meta property="og:url" content="{url}" />"#),
        format!(r#"<meta property="og:image" content="{}/icon-512.png" />"#, escape(public_url)),
        r#"<meta name="twitter:card" content="summary" />"#.to_owned(),
        format!(r#"<meta name="twitter:title" content="{title}" />"#),
        format!(r#"<meta name="twitter:description" content="{description}" />"#),
    ];
    for url in &head.preload {
        tags.push(format!(r#"<meta name="bp-start-read" content="{}" />"#, escape(url)));
    }
    if !head.index {
        tags.push(r#"<meta name="robots" content="noindex" />"#.to_owned());
    }
    if let Some(json_ld) = &head.json_ld {
        let data = json_ld.to_string().replace("</", "<\\/");
        let nonce = NONCE_PLACEHOLDER;
        tags.push(format!(r#"<script type="application/ld+json" nonce="{nonce}">{data}</script>"#));
    }
    let block = tags.iter().map(|t| format!("    {t}\n")).collect::<String>();
    match html.find("</head>") {
        Some(at) => format!("{}{block}  {}", &html[..at], &html[at..]),
        None => html,
    }
}

/// `text` with what stands between the first `start` and the next `end` replaced.
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> String {
    let Some(from) = text.find(start).map(|i| i + start.len()) else { return text.to_owned() };
    let Some(length) = text[from..].find(end) else { return text.to_owned() };
    format!("{}{with}{}", &text[..from], &text[from + length..])
}

/// `robots.txt`: everything public may be read, the private pages and the
/// API are not for crawlers, and where the sitemap is.
pub fn robots_txt(public_url: &str) -> String {
    let mut text = String::from("User-agent: *\nDisallow: /api/\n");
    let private: Vec<&str> = PAGES
        .iter()
        .filter(|page| page.visibility == Visibility::Private)
        .map(|page| page.path.trim_end_matches("/*"))
        .collect();
    // One line for a page and the pages under it ("/redazione" covers "/redazione/accesso").
    for prefix in private.iter().filter(|path| !private.iter().any(|other| other != *path && path.starts_with(other))) {
        text.push_str(&format!("Disallow: {prefix}\n"));
    }
    text.push_str(&format!("\nSitemap: {public_url}/sitemap.xml\n"));
    text
}

/// `sitemap.xml`: every public page (last modified when the catalogue last
/// changed) and every published practice (when it last changed), but for a
/// harvested one with a page at its origin: that collection lists it.
pub fn sitemap_xml(public_url: &str, practices: &[PublicPractice]) -> String {
    let day = |timestamp: &str| domain::dates::day_of(timestamp).to_owned();
    let latest = (!practices.is_empty()).then(|| day(crate::opendata::modified(practices)));
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut entry = |path: &str, lastmod: Option<String>| {
        xml.push_str(&format!("  <url><loc>{}</loc>", escape(&format!("{public_url}{path}"))));
        if let Some(lastmod) = lastmod {
            xml.push_str(&format!("<lastmod>{lastmod}</lastmod>"));
        }
        xml.push_str("</url>\n");
    };
    for page in PAGES.iter().filter(|page| page.visibility == Visibility::Listed) {
        entry(page.path, latest.clone());
    }
    for practice in practices.iter().filter(|p| p.source.as_ref().and_then(|s| s.page()).is_none()) {
        entry(&format!("/pratiche/{}", practice.id), Some(day(&practice.updated_at)));
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<html><head>\n    <title>Buone pratiche dei servizi sociali territoriali</title>\n    <meta name=\"description\" content=\"old\" />\n  </head><body></body></html>";

    #[test]
    fn a_page_gets_its_own_title_description_and_tags_escaped() {
        let head = Head {
            title: "<b>A & B</b> · Buone pratiche".into(),
            description: "\"Quoted\" 'text'".into(),
            path: "/catalogo".into(),
            canonical_elsewhere: None,
            index: false,
            kind: "website",
            json_ld: Some(serde_json::json!({"name": "</script><script>alert(1)</script>"})),
            preload: vec!["/api/catalogue".into()],
        };
        let html = render(TEMPLATE, &head, "https://bp.example.it");
        assert!(html.contains("<title>&lt;b&gt;A &amp; B&lt;/b&gt; · Buone pratiche</title>"), "{html}");
        assert!(html.contains(r#"<meta name="description" content="&quot;Quoted&quot; &#39;text&#39;" />"#));
        assert!(html.contains(r#"<link rel="canonical" href="https://bp.example.it/catalogo" />"#));
        assert!(html.contains(r#"<meta name="robots" content="noindex" />"#));
        assert!(!html.contains("</script><script>"), "the JSON-LD cannot close its script");
        assert_eq!(html.matches("<title>").count(), 1);
    }

    #[test]
    fn private_pages_are_not_indexed_and_public_ones_are() {
        let url = "http://localhost";
        assert!(head_of("/catalogo/", None, url, DataSource::Api).index);
        assert_eq!(head_of("/catalogo", None, url, DataSource::Api).title, "Catalogo · Buone pratiche");
        for private in ["/redazione", "/redazione/pratiche/BP-2026-0001", "/questionario/ricevuta", "/embed/catalogo"] {
            assert!(!head_of(private, None, url, DataSource::Api).index, "{private}");
        }
        assert!(!head_of("/pratiche/BP-2026-9999", None, url, DataSource::Api).index, "an unknown practice");
    }
}
