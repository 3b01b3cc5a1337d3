// SPDX-License-Identifier: EUPL-1.2
//! The app's page for an address, drawn here: the server (and the static
//! publication) hands the app's own components (`buone_pratiche::render`)
//! what only it knows — the language of the request, the site's address,
//! the operator's logo and the data the page reads at start — and puts the
//! drawing into the entry's HTML page. The browser's app starts from the
//! same facts and replaces the drawing with its own, identical one
//! (`crates/e2e/tests/first_load.rs` compares the two).

use crate::head::escape;
use buone_pratiche::start::StartData;
use domain::PublicPractice;
use domain::site::operator::Operator;
use domain::site::pages::Reads;
use domain::{
    api::DataSource,
    questionnaire::rounds::{CurrentRound, Round},
};
use std::sync::Arc;

/// What the server knows that a page may read at start.
pub struct Known<'a> {
    /// The published practices.
    pub practices: &'a [PublicPractice],
    /// Every collection round.
    pub rounds: &'a [Round],
    /// The round in progress (only the live server takes answers).
    pub current_round: Option<&'a Round>,
    pub operator: &'a Operator,
}

/// What the page at `path` reads at start, as `source` would answer it: the
/// JSON of each read by its address, `None` for one that does not exist.
pub fn start_reads(path: &str, source: DataSource, known: &Known) -> Vec<(String, Option<String>)> {
    let Some(page) = domain::site::pages::page_at(path) else { return Vec::new() };
    let urls = page.data_urls(path, source);
    let answers: Vec<Option<String>> = match page.reads {
        Reads::Nothing => Vec::new(),
        Reads::Catalogue => vec![json(&crate::api::catalogue_of(known.practices))],
        Reads::CatalogueAndPractice => {
            let id = path.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
            let practice = known.practices.iter().find(|p| p.id.as_str() == id);
            vec![practice.and_then(json), json(&crate::api::catalogue_of(known.practices))]
        }
        Reads::CurrentRound => vec![json(&CurrentRound { round: known.current_round.cloned() })],
        Reads::Operator => vec![json(known.operator)],
        Reads::Participation => vec![json(&crate::participation::of(known.practices, known.rounds))],
    };
    urls.into_iter().zip(answers).collect()
}

/// What a page reads, as JSON text.
fn json(value: &impl serde::Serialize) -> Option<String> {
    Some(serde_json::to_string(value).expect("API documents serialize"))
}

/// The start of a page at `url` (path and query), for a request that sent
/// `cookies`.
pub fn start_data(
    url: &str,
    cookies: Option<&str>,
    source: DataSource,
    public_url: &str,
    operator: &Operator,
    reads: Vec<(String, Option<String>)>,
) -> StartData {
    let query = url.split_once('?').map(|(_, q)| q);
    StartData {
        lang: buone_pratiche::start::lang_of_request(query, cookies),
        source,
        origin: public_url.to_owned(),
        logo: operator.logo.clone().map(|address| (address, operator.controller.name.clone().unwrap_or_default())),
        comuni: Some(shipped_comuni()),
        questionnaire_url: None,
        reads: Arc::new(reads),
    }
}

/// The shipped list of Comuni, shared by every page drawn.
fn shipped_comuni() -> Arc<domain::record::comuni::ComuneIndex> {
    static LIST: std::sync::OnceLock<Arc<domain::record::comuni::ComuneIndex>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| Arc::new(domain::record::comuni::shipped().clone())).clone()
}

/// The page's body as the app draws it; empty if drawing failed (the app
/// then draws it in the browser), which is logged.
pub fn draw(url: &str, start: StartData) -> String {
    let url = url.to_owned();
    match std::panic::catch_unwind(move || buone_pratiche::render::page_body(&url, start)) {
        Ok(body) => body,
        Err(_) => {
            tracing::error!("drawing a page failed; the browser will draw it");
            String::new()
        }
    }
}

/// `html` (an entry page) in the language `lang`, with the app's drawing
/// `body` at the start of its body, and the operator's logo named in its
/// head for the app's header to show.
pub fn into_body(html: &str, body: &str, lang: domain::Lang, operator: &Operator) -> String {
    let html = match logo_meta(operator) {
        Some(meta) => html.replacen("</head>", &format!("  {meta}\n  </head>"), 1),
        None => html.to_owned(),
    };
    let html = html.replacen(r#"<html lang="it">"#, &format!(r#"<html lang="{}">"#, lang.tag()), 1);
    let frame = format!(r#"<div class="server-page" data-frame="">{body}</div>"#);
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
