// SPDX-License-Identifier: EUPL-1.2
//! Privacy canaries in the rendered pages (issue 7, item 5): practices whose
//! private fields hold unique strings, published and in every other state
//! (those with canaries in their public fields too, since nothing of them is
//! public), plus one taken through the editorial workflow (a curator's
//! message, a private link, an update waiting for review) and one rejected
//! with a reason. Then headless Chromium visits every public page — home,
//! catalogue (filtered, searched, paginated), every published practice,
//! statistics, open data, the embed views, unpublished practices' addresses,
//! the editors' pages without an account — lets each render, and asserts that
//! no canary appears in the live DOM nor in the visible text. Public markers
//! on the published practices must be found on their pages: the crawl reads
//! real rendered data, not the app's empty shell.
//!
//! Canaries are single lowercase words (`qzname…`) so that they survive the
//! folding and tokenising of search; pages are compared lowercased. The
//! server-side crawl of the same outputs as bytes is in
//! `crates/server/tests/privacy.rs`.

use domain::questionnaire::{QUESTIONNAIRE, Visibility};
use domain::record::vocabulary::ModerationStatus;
use e2e::{Browser, TestServer, dist_dir};
use fantoccini::Locator;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// On the two seeded published practices (the title of one, the summary of
/// the other): found on their pages, it proves the page shows their data.
const MARKER: &str = "qzpublicmarker";
/// The public title of the practice taken through the workflow.
const FLOW_MARKER: &str = "qzpublicflow";
/// The private link of the practice taken through the workflow.
const FLOW_TOKEN: &str = "flow-private-link-token-qztokenflow000000";

/// Keys of private data, which no public page has any reason to carry: the
/// questionnaire's private fields (from its definition) and curation data.
fn private_keys() -> impl Iterator<Item = &'static str> {
    use domain::questionnaire::{QUESTIONNAIRE, Visibility};
    let private = QUESTIONNAIRE.fields().filter(|f| f.visibility == Visibility::Private).map(|f| f.key);
    private.chain(["curator_message", "edit_token"])
}

/// A valid practice (the first demo one) whose four private text fields hold
/// canaries made from `tag`.
fn with_private_canaries(tag: &str, canaries: &mut Vec<String>) -> domain::Practice {
    let mut practice = server::demo::practices().remove(0);
    practice.contact_name = format!("Referente qzname{tag}");
    practice.contact_role = Some(format!("Ruolo qzrole{tag}"));
    practice.contact_email = format!("qzmail{tag}@example.org");
    // A phone number holds only digits and separators: its canary is a
    // number of its own per tag.
    let digits = tag.bytes().fold(2_166_136_261_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(16_777_619)) % 100_000_000;
    let phone = format!("+39 0555 {digits:08}");
    practice.contact_phone = Some(phone.clone());
    canaries.extend(["name", "role", "mail"].map(|field| format!("qz{field}{tag}")));
    canaries.push(phone);
    canaries.push(format!("qzmail{tag}@example.org"));
    practice
}

/// For a practice that is not published: every public text field holds a
/// canary too, since none of it may be shown.
fn with_public_canaries(mut practice: domain::Practice, tag: &str, canaries: &mut Vec<String>) -> domain::Practice {
    let mut canary = |field: &str| {
        canaries.push(format!("qz{field}{tag}"));
        format!("Testo qz{field}{tag}")
    };
    practice.title = canary("title");
    practice.summary = canary("summary");
    practice.description = canary("description");
    practice.need_addressed = canary("need");
    practice.entity_name = canary("entity");
    practice.ats_name = Some(canary("ats"));
    practice.results = Some(canary("results"));
    practice.advice = Some(canary("advice"));
    practice.critical_issues = Some(canary("critical"));
    practice.feedback_staff = canary("feedbackstaff");
    practice.feedback_citizens = canary("feedbackcitizens");
    if let Some(partner) = practice.partners.first_mut() {
        partner.name = canary("partner");
    }
    practice.public_contact = Some(format!("https://qzpubliccontact{tag}.example.org"));
    practice.links = vec![format!("https://qzlink{tag}.example.org/pagina")];
    canaries.extend([format!("qzpubliccontact{tag}"), format!("qzlink{tag}")]);
    practice
}

/// A curator's account, signed in over the API: the session cookie.
async fn sign_in(server: &TestServer, http: &reqwest::Client, email: &str) -> String {
    let owned = email.to_owned();
    server
        .db
        .call(move |conn| {
            server::auth::create_user(conn, &owned, server::auth::Role::Curator, "password lunga e sicura")
        })
        .await
        .unwrap();
    let response = http
        .post(format!("{}/api/session", server.base))
        .json(&json!({"email": email, "password": "password lunga e sicura"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    cookie.split(';').next().unwrap().to_owned()
}

/// A curator's decision on `id` (at `version`).
async fn act(server: &TestServer, http: &reqwest::Client, cookie: &str, id: &str, action: &str, version: i64) {
    act_saying(server, http, cookie, id, action, version, None).await;
}

/// A curator's decision with a message (changes requested, a rejection's reason).
async fn act_saying(
    server: &TestServer,
    http: &reqwest::Client,
    cookie: &str,
    id: &str,
    action: &str,
    version: i64,
    message: Option<&str>,
) {
    let response = http
        .post(format!("{}/api/moderation/submissions/{id}/actions", server.base))
        .header("cookie", cookie)
        .json(&json!({"action": action, "expected_version": version, "message": message}))
        .send()
        .await
        .unwrap();
    let status = response.status();
    assert_eq!(status, StatusCode::OK, "{action} on {id}: {}", response.text().await.unwrap_or_default());
}

/// A respondent's update through the private link.
async fn update(server: &TestServer, http: &reqwest::Client, answers: &domain::Practice) {
    let response = http
        .put(format!("{}/api/submissions/mine", server.base))
        .header("authorization", format!("Bearer {FLOW_TOKEN}"))
        .json(&json!({ "answers": answers }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "the update through the private link");
}

/// XPath string literal (the texts here have no double quote).
fn lit(text: &str) -> String {
    assert!(!text.contains('"'));
    format!("\"{text}\"")
}

/// Ready when the catalogue's result count reads `count`.
fn count_reads(count: &str) -> String {
    format!("//p[@data-testid='result-count'][normalize-space(.)={}]", lit(count))
}

/// Ready when the page's `<h1>` reads `heading`.
fn heading(heading: &str) -> String {
    format!("//main//h1[normalize-space(.)={}]", lit(heading))
}

/// Ready when a practice page shows `id` and its related practices (the
/// second request of the page) have been listed.
fn practice_shown(id: &str) -> String {
    format!("//main[.//dd[@data-testid='reference'][normalize-space(.)={}]]//ul[@class='related-list']", lit(id))
}

fn practices_found(n: usize) -> String {
    match n {
        0 => "Nessuna pratica trovata.".into(),
        1 => "1 pratica trovata".into(),
        n => format!("{n} pratiche trovate"),
    }
}

/// What the crawl has read, and what it found.
struct Crawl<'a> {
    browser: &'a Browser,
    base: String,
    canaries: Vec<String>,
    /// Labels of the private fields, which no practice page may list.
    private_labels: Vec<String>,
    pages: usize,
    bytes: usize,
    kinds: BTreeMap<&'static str, usize>,
    leaks: Vec<String>,
}

impl Crawl<'_> {
    /// Opens `path`, waits until the app has taken the page over and `ready`
    /// is in it, then checks the live DOM and the visible text; returns both,
    /// lowercased. (The server's drawing, read before, is the same page; its
    /// elements would go stale under the reading when the app replaces them.)
    async fn visit(&mut self, kind: &'static str, path: &str, ready: &str) -> String {
        let b = self.browser;
        b.client.goto(&format!("{}{path}", self.base)).await.unwrap();
        b.wait_for_app().await;
        let waited = b.client.wait().at_most(Duration::from_secs(20)).for_element(Locator::XPath(ready)).await;
        if let Err(error) = waited {
            let shown = match b.client.find(Locator::Css("body")).await {
                Ok(body) => body.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            panic!("{path} did not render {ready} ({error}); the page shows:\n{shown}");
        }
        let source = b.client.source().await.unwrap();
        let text = b.client.find(Locator::Css("body")).await.unwrap().text().await.unwrap();
        self.pages += 1;
        self.bytes += source.len() + text.len();
        *self.kinds.entry(kind).or_default() += 1;
        let (source, text) = (source.to_lowercase(), text.to_lowercase());
        // The page's own address may be echoed (a search box, a link to the
        // current view): a canary in the address is not checked on that page.
        let address = path.to_lowercase();
        for canary in self.canaries.iter().filter(|c| !address.contains(c.as_str())) {
            for (what, content) in [("DOM", &source), ("visible text", &text)] {
                if content.contains(canary.as_str()) {
                    let at = content.find(canary.as_str()).unwrap();
                    let around = &content[floor(content, at.saturating_sub(80))..ceil(content, at + canary.len() + 80)];
                    self.leaks.push(format!("{path}: the {what} shows {canary:?}: …{around}…"));
                }
            }
        }
        for key in private_keys() {
            if source.contains(key) {
                self.leaks.push(format!("{path}: the DOM carries the private key {key}"));
            }
        }
        if kind.contains("practice page") {
            let terms = b.client.find_all(Locator::Css("main dl.summary-list dt")).await.unwrap();
            assert!(terms.len() > 10, "control: {path} lists the practice's public fields");
            for term in terms {
                let term = term.text().await.unwrap().trim().to_lowercase();
                if self.private_labels.contains(&term) {
                    self.leaks.push(format!("{path}: lists the private field {term:?}"));
                }
            }
        }
        format!("{source}\n{text}")
    }
}

/// The char boundary at or before `i` (for quoting around a leak).
fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after `i`, within `s`.
fn ceil(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[tokio::test(flavor = "multi_thread")]
async fn no_private_field_reaches_any_rendered_page() {
    let started = Instant::now();
    let server = TestServer::start_with_demo(&dist_dir()).await;
    let http = reqwest::Client::new();
    let demo = server::demo::practices();
    let mut canaries: Vec<String> = Vec::new();
    // The demo practices' invented contacts are private too.
    for (i, practice) in demo.iter().enumerate() {
        canaries.push(practice.contact_name.to_lowercase());
        canaries.push(practice.contact_email.to_lowercase());
        assert_eq!(practice.contact_email, format!("referente{}@example.org", i + 1));
    }
    canaries.push("+39 000 000 0000".into());

    // Published: two practices with private canaries and the public marker.
    let mut published = Vec::new();
    let mut first = with_private_canaries("pubone", &mut canaries);
    first.title = format!("Pratica pubblicata {MARKER}");
    published.push(server.seed(first, ModerationStatus::Pubblicata).await.to_string());
    let mut second = with_private_canaries("pubtwo", &mut canaries);
    second.title = "Seconda pratica pubblicata con canarini".into();
    second.summary = format!("Sintesi pubblica {MARKER}");
    published.push(server.seed(second, ModerationStatus::Pubblicata).await.to_string());

    // One practice in each other state: nothing of it is public.
    let mut hidden = Vec::new();
    let mut hidden_states = Vec::new();
    for status in ModerationStatus::ALL.iter().copied().filter(|s| *s != ModerationStatus::Pubblicata) {
        let tag = status.code().replace('_', "");
        let practice = with_private_canaries(&tag, &mut canaries);
        let practice = with_public_canaries(practice, &tag, &mut canaries);
        hidden.push(server.seed(practice, status).await.to_string());
        hidden_states.push(status.code());
    }

    // Through the editorial workflow: changes requested (a curator's
    // message), updated through the private link, published; then an update
    // waiting for review, whose new title must not replace the public one.
    let curator = sign_in(&server, &http, "qzcurator@example.org").await;
    canaries.extend(["qzcurator".to_owned(), FLOW_TOKEN.to_owned()]);
    canaries.push(curator.split_once('=').unwrap().1.to_lowercase());
    let mut flow = with_private_canaries("flow", &mut canaries);
    flow.title = format!("Pratica in due versioni {FLOW_MARKER}");
    let start: Value =
        http.post(format!("{}/api/submissions/start", server.base)).send().await.unwrap().json().await.unwrap();
    let envelope = json!({ "answers": flow, "edit_token": FLOW_TOKEN, "website": "", "started": start["started"] });
    let receipt = http
        .post(format!("{}/api/submissions", server.base))
        .header("idempotency-key", "privacy-e2e-flow-0001")
        .json(&envelope)
        .send()
        .await
        .unwrap();
    assert_eq!(receipt.status(), StatusCode::CREATED);
    let flow_id = receipt.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    act(&server, &http, &curator, &flow_id, "take_in_review", 1).await;
    canaries.push("qzmessageflow".into());
    act_saying(&server, &http, &curator, &flow_id, "request_changes", 2, Some("Integrare qzmessageflow")).await;
    update(&server, &http, &flow).await;
    act(&server, &http, &curator, &flow_id, "take_in_review", 4).await;
    act(&server, &http, &curator, &flow_id, "publish", 5).await;
    published.push(flow_id.clone());
    let mut pending = with_private_canaries("pending", &mut canaries);
    pending.title = "Titolo qztitlepending".into();
    pending.summary = "Sintesi qzsummarypending".into();
    canaries.extend(["qztitlepending".to_owned(), "qzsummarypending".to_owned()]);
    update(&server, &http, &pending).await;
    // Rejected with a reason.
    let to_reject = with_private_canaries("rejected", &mut canaries);
    let to_reject = with_public_canaries(to_reject, "rejected", &mut canaries);
    let rejected = server.seed(to_reject, ModerationStatus::Inviata).await.to_string();
    canaries.push("qzreasonrejected".into());
    act_saying(&server, &http, &curator, &rejected, "reject", 1, Some("Motivo qzreasonrejected")).await;
    hidden.push(rejected);
    hidden_states.push("respinta (with a reason)");
    // The addresses of unpublished practices are not public either.
    canaries.extend(hidden.iter().map(|id| id.to_lowercase()));
    for canary in &canaries {
        assert!(!canary.contains(MARKER) && !MARKER.contains(canary.as_str()), "{canary} and the marker differ");
    }
    let seeded_canaries = canaries.iter().filter(|c| c.starts_with("qz") || c.starts_with("+39 0555")).count();

    let total = demo.len() + published.len();
    let pages = total.div_ceil(domain::catalogue::PAGE_SIZE);
    let region = demo[0].region_code;
    let in_region = demo.iter().filter(|p| p.region_code == region).count() + published.len();
    let private_labels = QUESTIONNAIRE
        .fields()
        .filter(|f| f.visibility == Visibility::Private)
        .flat_map(|f| [f.label.it.to_lowercase(), f.label.en.to_lowercase()])
        .collect();
    let browser = Browser::start().await;
    let mut crawl = Crawl {
        browser: &browser,
        base: server.base.clone(),
        canaries,
        private_labels,
        pages: 0,
        bytes: 0,
        kinds: BTreeMap::new(),
        leaks: Vec::new(),
    };

    // The home page, once the current round has loaded.
    crawl.visit("home", "/", "//main//p[@data-testid='current-round']").await;

    // The catalogue: whole, every page, sorted, filtered, searched.
    let everything = count_reads(&practices_found(total));
    let first_page = crawl.visit("catalogue", "/catalogo", &everything).await;
    assert!(first_page.contains(&format!("pagina 1 di {pages}")), "the catalogue has {pages} pages");
    let mut listed = String::new();
    for page in 1..=pages {
        let ready = format!("{everything}/following::nav//span[normalize-space(.)='Pagina {page} di {pages}']");
        listed += &crawl.visit("catalogue", &format!("/catalogo?pagina={page}"), &ready).await;
        listed += &crawl.visit("catalogue", &format!("/catalogo?ordina=recenti&pagina={page}"), &ready).await;
        listed += &crawl.visit("catalogue", &format!("/catalogo?ordina=titolo&pagina={page}"), &ready).await;
    }
    for id in &published {
        assert!(listed.contains(&id.to_lowercase()), "control: the catalogue's pages list {id}");
    }
    assert!(listed.contains(MARKER), "control: the catalogue shows the public marker");
    let filtered = format!("/catalogo?regione={}", region.code());
    crawl.visit("catalogue", &filtered, &count_reads(&practices_found(in_region))).await;
    let found = crawl.visit("catalogue", &format!("/catalogo?q={MARKER}"), &count_reads("2 pratiche trovate")).await;
    assert!(found.contains(&published[0].to_lowercase()) && found.contains(&published[1].to_lowercase()));
    let flow_found =
        crawl.visit("catalogue", &format!("/catalogo?q={FLOW_MARKER}"), &count_reads("1 pratica trovata")).await;
    assert!(flow_found.contains(&flow_id.to_lowercase()), "control: the published version is searchable");
    // Words of the hidden practices' public fields and of every private
    // field (prefixes of the canaries) find nothing.
    let nothing = count_reads("Nessuna pratica trovata.");
    for word in ["qztitle", "qzsummary", "qzentity", "qzdescription", "qzname", "qzrole", "qzmail", "0555", "qzmessage"]
    {
        crawl.visit("catalogue search", &format!("/catalogo?q={word}"), &nothing).await;
    }
    crawl.visit("catalogue search", "/catalogo?q=referente", &nothing).await;

    // Every published practice's page, and its embed view for the seeded ones.
    let catalogue: Value =
        http.get(format!("{}/api/catalogue", server.base)).send().await.unwrap().json().await.unwrap();
    let ids: Vec<String> =
        catalogue["practices"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids.len(), total, "the API lists the demo practices and the published ones");
    for id in &ids {
        let page = crawl.visit("practice page", &format!("/pratiche/{id}"), &practice_shown(id)).await;
        if published[..2].contains(id) {
            assert!(page.contains(MARKER), "control: the page of {id} shows the public marker");
        }
        if *id == flow_id {
            assert!(page.contains(FLOW_MARKER), "control: the page of {id} shows its published version");
        }
    }
    for id in &published {
        let page = crawl.visit("embed practice page", &format!("/embed/pratiche/{id}"), &practice_shown(id)).await;
        assert!(page.contains(MARKER) || page.contains(FLOW_MARKER), "control: the embed view of {id} shows it");
    }

    // Unpublished practices' addresses: the not-found view, nothing of them.
    let not_found = heading("Pratica non trovata");
    for id in &hidden {
        crawl.visit("unpublished practice", &format!("/pratiche/{id}"), &not_found).await;
        crawl.visit("unpublished practice", &format!("/embed/pratiche/{id}"), &not_found).await;
    }
    // Their addresses answer 404, which the browser logs.
    browser.expect_console_errors("/pratiche/").await;

    // Statistics, open data and the other public pages.
    let counted =
        |n: usize| format!("//p[@role='status'][starts-with(normalize-space(.), '{n} pratiche considerate')]");
    crawl.visit("statistics", "/statistiche", &counted(total)).await;
    crawl.visit("statistics", &format!("/statistiche?regione={}", region.code()), &counted(in_region)).await;
    crawl.visit("open data", "/dati-aperti", &heading("Dati aperti e licenza")).await;
    crawl.visit("information", "/privacy", &heading("Informativa sul trattamento dei dati personali")).await;
    crawl.visit("information", "/accessibilita", &heading("Dichiarazione di accessibilità")).await;
    crawl.visit("embed builder", "/incorpora", &heading("Incorpora il catalogo nel tuo sito")).await;

    // The embedded catalogue.
    for page in 1..=pages {
        let ready = format!("{everything}/following::nav//span[normalize-space(.)='Pagina {page} di {pages}']");
        crawl.visit("embed catalogue", &format!("/embed/catalogo?pagina={page}"), &ready).await;
    }
    crawl.visit("embed catalogue", &format!("/embed/catalogo?q={MARKER}"), &count_reads("2 pratiche trovate")).await;
    crawl.visit("embed catalogue", "/embed/catalogo?q=qztitle", &nothing).await;

    // The editors' pages, opened without an account: the sign-in page only.
    let sign_in_page = heading("Accesso alla redazione");
    crawl.visit("editors' page, signed out", "/redazione", &sign_in_page).await;
    crawl.visit("editors' page, signed out", "/redazione?stato=inviata", &sign_in_page).await;
    for id in [&hidden[0], &flow_id] {
        crawl.visit("editors' page, signed out", &format!("/redazione/pratiche/{id}"), &sign_in_page).await;
    }

    // In English (last: the language chosen with `?lang=` is remembered).
    crawl.visit("embed catalogue", "/embed/catalogo?lang=en", &count_reads(&format!("{total} practices found"))).await;
    for id in &published {
        crawl.visit("embed practice page", &format!("/embed/pratiche/{id}?lang=en"), &practice_shown(id)).await;
    }
    let english_not_found = heading("Practice not found");
    crawl.visit("unpublished practice", &format!("/embed/pratiche/{}?lang=en", hidden[0]), &english_not_found).await;
    browser.expect_console_errors("/embed/pratiche/").await;

    let (pages_checked, bytes, kinds, leaks) = (crawl.pages, crawl.bytes, crawl.kinds, crawl.leaks);
    let canary_count = crawl.canaries.len();
    browser.close().await;
    println!(
        "rendered privacy crawl: {pages_checked} pages, {bytes} bytes (live DOM and visible text), \
         {canary_count} canaries ({seeded_canaries} seeded, the rest demo contacts and hidden references), {:.1} s",
        started.elapsed().as_secs_f64()
    );
    println!("  pages by kind: {kinds:?}");
    println!("  hidden practices: {hidden_states:?}; published seeded: {}", published.len());
    assert!(leaks.is_empty(), "{} leaks:\n{}", leaks.len(), leaks.join("\n"));
}
