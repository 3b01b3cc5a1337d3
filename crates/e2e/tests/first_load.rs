// SPDX-License-Identifier: EUPL-1.2
//! The first load as a phone sees it: the HTML the server sends already
//! shows the whole page (drawn by the app's own components on the server)
//! exactly as the app then draws it, in Italian and in English, nothing on
//! screen moves while the app starts, and each audience's pages load their
//! own entry point only.

use e2e::*;
use fantoccini::Locator;
use std::time::Duration;

/// The pages checked, with what shows once the app has drawn them.
const PAGES: [(&str, &str); 6] = [
    ("/", "main h1"),
    ("/catalogo", "main article h2"),
    ("/pratiche/{id}", "main dl"),
    ("/questionario", "main .questionnaire .notice"),
    ("/statistiche", "main table"),
    ("/embed/catalogo", "main article h2"),
];

/// Every element of the page whose place and text are compared: the frame
/// and the whole main area (scripts, whose text the app fills in, aside;
/// an SVG by its box and text: the app builds its inside differently, see
/// the note in the README's "First load").
const DRAWN: &str = "header, header *, main, main *:not(script, noscript, noscript *, svg *), footer, footer *";

/// Each drawn element's tag, text, and box rounded to the pixel. The footer
/// starts below the fold and moves down as the page's content arrives, so
/// its parts are placed relative to the footer, and the footer by its size.
async fn frame_boxes(browser: &Browser) -> Vec<String> {
    let script = format!(
        "const footer = document.querySelector('footer'); const top = footer ? footer.getBoundingClientRect().y : 0; \
         return [...document.querySelectorAll('{DRAWN}')].map(e => {{ const r = e.getBoundingClientRect(); \
         const y = e === footer ? 'footer' : footer && footer.contains(e) ? Math.round(r.y - top) : Math.round(r.y); \
         return `${{e.tagName.toUpperCase()}} ${{(e.innerText ?? e.textContent).trim().slice(0, 40)}} ${{Math.round(r.x)}},${{y}} \
         ${{Math.round(r.width)}}x${{Math.round(r.height)}}`; }});"
    );
    let value = browser.client.execute(&script, vec![]).await.unwrap();
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
}

/// How far below the bottom of the window the footer starts, in pixels
/// (embeds have none: infinitely far).
async fn footer_below_fold(browser: &Browser) -> f64 {
    let script = "const footer = document.querySelector('footer'); \
                  return footer ? footer.getBoundingClientRect().y - innerHeight : 1e9;";
    browser.client.execute(script, vec![]).await.unwrap().as_f64().unwrap()
}

/// The layout shift the page has had since it started loading (the sum of
/// the `layout-shift` entries without recent input, which is what CLS adds).
async fn layout_shift(browser: &Browser) -> f64 {
    let script = "const done = arguments[arguments.length - 1]; let total = 0; \
                  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; }) \
                  .observe({type: 'layout-shift', buffered: true}); setTimeout(() => done(total), 300);";
    browser.client.execute_async(script, vec![]).await.unwrap().as_f64().unwrap()
}

/// A copy of the build whose entry pages start no app: what a phone shows
/// before the code has arrived.
fn build_without_scripts(dist: &std::path::Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    let status =
        std::process::Command::new("cp").arg("-r").arg(format!("{}/.", dist.display())).arg(copy.path()).status();
    assert!(status.unwrap().success());
    for entry in domain::site::pages::Entry::ALL {
        let page = copy.path().join(format!("{}.html", entry.name()));
        let html = std::fs::read_to_string(&page).unwrap();
        let start = html.find("<script type=\"module\"").unwrap();
        let end = start + html[start..].find("</script>").unwrap() + "</script>".len();
        std::fs::write(&page, format!("{}{}", &html[..start], &html[end..])).unwrap();
    }
    copy
}

#[tokio::test(flavor = "multi_thread")]
async fn the_server_html_shows_the_frame_where_the_app_draws_it_and_nothing_moves() {
    let dist = dist_dir();
    let server = TestServer::start_with_demo(&dist).await;
    let still = build_without_scripts(&dist);
    let before_app = TestServer::start_with_demo(still.path()).await;
    let published = server.db.read(server::db::published_practices).await.unwrap();
    let id = published.first().unwrap().id.clone();
    let browser = Browser::start().await;
    let c = &browser.client;
    for (width, height) in [(375, 812), (1280, 900)] {
        c.set_window_size(width, height).await.unwrap();
        for lang in ["", "?lang=en"] {
            for (page, ready) in PAGES {
                let path = format!("{}{lang}", page.replace("{id}", id.as_str()));
                c.goto(&format!("{}{path}", before_app.base)).await.unwrap();
                browser.wait_for_drawn(Locator::Css(ready)).await;
                tokio::time::sleep(Duration::from_millis(300)).await;
                let drawn = frame_boxes(&browser).await;
                let below = footer_below_fold(&browser).await;
                assert!(below >= 0.0, "{path} at {width} px: the footer starts below the fold ({below} px)");
                c.goto(&format!("{}{path}", server.base)).await.unwrap();
                browser.wait_for(Locator::Css(ready)).await;
                tokio::time::sleep(Duration::from_millis(300)).await;
                let by_app = frame_boxes(&browser).await;
                let differences: Vec<_> = drawn
                    .iter()
                    .zip(&by_app)
                    .filter(|(server, app)| server != app)
                    .map(|(server, app)| format!("server: {server}\n   app: {app}"))
                    .collect();
                assert!(
                    differences.is_empty() && drawn.len() == by_app.len(),
                    "{path} at {width} px: the app draws the whole page the server's HTML held \
                     ({} and {} elements):\n{}",
                    drawn.len(),
                    by_app.len(),
                    differences.join("\n")
                );
                let shift = layout_shift(&browser).await;
                assert!(shift <= 0.05, "{path} at {width} px: layout shift {shift} while loading");
            }
        }
    }
    // An English visitor reads English from the first paint, before any script.
    c.goto(&format!("{}/catalogo?lang=en", before_app.base)).await.unwrap();
    let heading = browser.wait_for_drawn(Locator::Css("main h1")).await.text().await.unwrap();
    assert_eq!(heading, "Catalogue of practices");
    let nav = browser.wait_for_drawn(Locator::Css("nav")).await.text().await.unwrap();
    assert!(nav.contains("Statistics"), "{nav}");
    // For a person to look at: each page before and after the app.
    for (page, ready) in PAGES {
        let path = page.replace("{id}", id.as_str());
        let slug = page.trim_matches('/').replace("/{id}", "").replace('/', "-");
        let slug = if slug.is_empty() { "home".to_owned() } else { slug };
        c.goto(&format!("{}{path}", before_app.base)).await.unwrap();
        browser.wait_for_drawn(Locator::Css("main h1")).await;
        browser.screenshots(&format!("first-load-{slug}-before-app")).await;
        c.goto(&format!("{}{path}", server.base)).await.unwrap();
        browser.wait_for(Locator::Css(ready)).await;
        browser.screenshots(&format!("first-load-{slug}")).await;
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn each_audience_loads_its_own_entry_and_links_between_them_work() {
    let dist = dist_dir();
    let server = TestServer::start_with_demo(&dist).await;
    let browser = Browser::start().await;
    let c = &browser.client;
    let wasm_loaded = || async {
        let script = "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.wasm')) \
                      .map(n => n.split('/').pop().split('-')[0]);";
        let names = c.execute(script, vec![]).await.unwrap();
        names.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect::<Vec<_>>()
    };
    c.goto(&format!("{}/catalogo", server.base)).await.unwrap();
    browser.wait_for(Locator::Css("main article h2")).await;
    assert_eq!(wasm_loaded().await, ["public"], "the catalogue loads the public pages' code only");
    // The app's icons, as a phone's home screen reads them from the manifest.
    let icons = c
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json()).then(m => Promise.all( \
             m.icons.map(i => new Promise(ok => { const im = new Image(); \
             im.onload = () => ok(`${im.naturalWidth}x${im.naturalHeight}`); im.onerror = () => ok(`broken ${i.src}`); \
             im.src = i.src; })))).then(done);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(icons, serde_json::json!(["192x192", "512x512"]));
    // Within the public pages the app stays in the page.
    c.find(Locator::XPath(&link_named("//nav", "Statistiche"))).await.unwrap().click().await.unwrap();
    browser.wait_for(Locator::Css("main table")).await;
    assert_eq!(wasm_loaded().await, ["public"], "no new load within one audience");
    // To the questionnaire: its own entry, loaded from the server.
    c.find(Locator::XPath(&link_named("//nav", "Questionario"))).await.unwrap().click().await.unwrap();
    browser.wait_for(Locator::Css("main .questionnaire .notice")).await;
    assert_eq!(wasm_loaded().await, ["questionnaire"]);
    // And back, by the browser's Back button too.
    c.back().await.unwrap();
    browser.wait_for(Locator::Css("main table")).await;
    assert_eq!(wasm_loaded().await, ["public"]);
    c.goto(&format!("{}/redazione/accesso", server.base)).await.unwrap();
    browser.wait_for(Locator::Css("main form")).await;
    assert_eq!(wasm_loaded().await, ["editors"]);
    c.goto(&format!("{}/embed/catalogo", server.base)).await.unwrap();
    browser.wait_for(Locator::Css("main article h2")).await;
    assert_eq!(wasm_loaded().await, ["embed"]);
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn what_a_visitor_types_before_the_app_starts_is_kept() {
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let browser = Browser::start().await;
    let c = &browser.client;
    // A slow line: the page arrives in a moment, its code in seconds.
    browser.throttle_downloads(Some(40_000)).await;
    c.goto(&format!("{}/catalogo", server.base)).await.unwrap();
    let label = browser.wait_for_drawn(Locator::XPath("//label[normalize-space(.)='Cerca nelle pratiche']")).await;
    let search = c.find(Locator::Id(&label.attr("for").await.unwrap().unwrap())).await.unwrap();
    let count = browser.wait_for_drawn(Locator::Css("[data-testid='result-count']")).await.text().await.unwrap();
    search.click().await.unwrap();
    search.send_keys("telefono").await.unwrap();
    let on_server_page = "the box typed into is the server's: the app has not started";
    assert!(c.find(Locator::Css("body > [data-frame] #cerca")).await.is_ok(), "{on_server_page}");
    browser.throttle_downloads(None).await;

    // The app's page replaced the server's: the text is in its box, with
    // the focus, and the app searched for it as if it had been typed there.
    browser.wait_for_app().await;
    let search = browser.labelled("Cerca nelle pratiche").await;
    assert_eq!(search.prop("value").await.unwrap().as_deref(), Some("telefono"));
    let focused = c.active_element().await.unwrap().attr("id").await.unwrap();
    assert_eq!(focused.as_deref(), Some("cerca"), "the focus stays in the search box");
    let count_now = browser.wait_for(Locator::Css("[data-testid='result-count']")).await;
    let (mut address, mut searched) = (String::new(), String::new());
    for _ in 0..50 {
        address = c.current_url().await.unwrap().to_string();
        searched = count_now.text().await.unwrap();
        if address.contains("q=telefono") && searched != count {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(address.contains("q=telefono"), "the address holds the search: {address}");
    assert_ne!(searched, count, "the results are the search's");
    browser.assert_no_console_errors().await;
    browser.close().await;
}
