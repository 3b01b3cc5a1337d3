// SPDX-License-Identifier: EUPL-1.2
//! Browser tests of the app's parts, run by wasm-bindgen-test in headless
//! Chromium (`cargo xtask test`, or `cargo test --target wasm32-unknown-unknown`
//! with CHROMEDRIVER set).

use buone_pratiche::api::DataSource;
use buone_pratiche::components::practice_list::PracticeList;
use domain::record::geo::Region;
use domain::record::practice::YearMonth;
use domain::record::vocabulary::{
    Continuation, DeliveryMode, EntityType, InnovationTag, InterventionArea, PracticeStatus, ServiceType, TargetGroup,
    Tool, UserArea,
};
use domain::{CatalogueEntry, PracticeId};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn entry(sequence: u32, title: &str, region: Region, demo: bool) -> CatalogueEntry {
    CatalogueEntry {
        id: PracticeId::new(2020, sequence),
        demo,
        title: title.into(),
        summary: format!("Sintesi di {title}"),
        entity_type: EntityType::Comune,
        entity_name: "Comune di Bari".into(),
        region_code: region,
        service_type: ServiceType::Rafforzato,
        status: PracticeStatus::Attiva,
        start_date: YearMonth::new(2020, 3).unwrap(),
        user_areas: vec![UserArea::Anziani],
        target_groups: vec![TargetGroup::AnzianiSoli],
        intervention_areas: vec![InterventionArea::Domiciliarita],
        innovation_tags: vec![InnovationTag::StrumentiDigitali],
        tools: vec![Tool::Telefono],
        delivery_modes: vec![DeliveryMode::Telefonica],
        continue_after_emergency: Continuation::Si,
        published_at: "2020-05-15T10:00:00Z".into(),
        places: String::new(),
        terms: String::new(),
        adopted_in: vec![],
        stale: false,
        source: None,
    }
}

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

#[wasm_bindgen_test]
fn the_data_source_is_chosen_by_the_page() {
    assert_eq!(DataSource::from_meta(Some("static")), DataSource::Static);
    assert_eq!(DataSource::from_meta(Some(" static ")), DataSource::Static);
    assert_eq!(DataSource::from_meta(Some("api")), DataSource::Api);
    assert_eq!(DataSource::from_meta(None), DataSource::Api, "no meta: the API");
    assert_eq!(DataSource::Api.catalogue_url(), "/api/catalogue");
    assert_eq!(DataSource::Static.catalogue_url(), "catalogue.json", "relative to the page's base URL");
}

#[wasm_bindgen_test]
fn practice_cards_show_labels_not_codes_and_mark_demo_content() {
    let root = container();
    let practices = vec![
        entry(1, "Buoni spesa online", Region::Puglia, true),
        entry(2, "Telefonate agli anziani", Region::Bolzano, false),
    ];
    let _mounted =
        leptos::mount::mount_to(root.clone(), move || view! { <PracticeList practices=practices.clone() /> });

    let cards = root.query_selector_all("li.practice-card").unwrap();
    assert_eq!(cards.length(), 2);
    let text = root.text_content().unwrap();
    assert!(text.contains("Buoni spesa online") && text.contains("Telefonate agli anziani"));
    assert!(text.contains("Puglia"), "the region's name, not its code: {text}");
    assert!(text.contains("Provincia autonoma di Bolzano/Bozen"));
    assert!(text.contains("Servizio esistente, rafforzato o rimodulato"));
    assert!(text.contains("BP-2020-0001"), "the citable reference is shown");
    assert_eq!(root.query_selector_all(".badge-demo").unwrap().length(), 1, "only the demo practice has the badge");
    let heading = root.query_selector("h2#titolo-BP-2020-0001").unwrap().expect("each card is labelled by its heading");
    assert_eq!(heading.text_content().unwrap(), "Buoni spesa online");
    let link = root.query_selector("h2#titolo-BP-2020-0001 a").unwrap().expect("the title links to the practice page");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/pratiche/BP-2020-0001"));
}

#[wasm_bindgen_test]
fn practice_cards_mark_the_words_a_search_matched() {
    use domain::catalogue::{CatalogueIndex, Query};
    let root = container();
    let practices = vec![entry(1, "Telefonate agli anziani", Region::Puglia, false)];
    let index = CatalogueIndex::new(practices.clone(), domain::Lang::It);
    let query = Query { text: "anziano telef".into(), page: 1, ..Query::default() };
    let highlight = index.query(&query).highlight;
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <PracticeList practices=practices.clone() highlight=highlight.clone() /> }
    });
    let marks = root.query_selector_all("h2 mark").unwrap();
    let marked: Vec<String> = (0..marks.length()).map(|i| marks.item(i).unwrap().text_content().unwrap()).collect();
    assert_eq!(marked, ["Telefonate", "anziani"], "the prefix typed and the word by its stem");
    let heading = root.query_selector("h2#titolo-BP-2020-0001").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "Telefonate agli anziani", "the title reads whole");
    assert_eq!(
        root.query_selector_all(".practice-summary mark").unwrap().length(),
        2,
        "Sintesi di Telefonate agli anziani"
    );
}

#[wasm_bindgen_test]
fn sign_in_returns_only_to_the_editors_own_pages() {
    use buone_pratiche::session::{return_path, sign_in_href};
    let cases = [
        (Some("/redazione/pratiche/BP-2026-0001"), "/redazione/pratiche/BP-2026-0001", "a review"),
        (
            Some("/redazione/correzione?pratica=BP-2026-0001&passo=riepilogo"),
            "/redazione/correzione?pratica=BP-2026-0001&passo=riepilogo",
            "a correction, with its step",
        ),
        (Some("/redazione?stato=tutte"), "/redazione?stato=tutte", "a tab of the queue"),
        (None, "/redazione", "no way back: the queue"),
        (Some("https://example.org/redazione"), "/redazione", "another site"),
        (Some("//example.org/redazione"), "/redazione", "another site without a scheme"),
        (Some("/redazione/accesso?da=/redazione"), "/redazione", "the sign-in page itself"),
        (Some("/catalogo"), "/redazione", "a public page"),
        (Some("/redazionex"), "/redazione", "a path that only starts like the editors' pages"),
    ];
    for (da, expected, what) in cases {
        assert_eq!(return_path(da), expected, "{what}");
    }
    assert_eq!(
        sign_in_href("/redazione/correzione?pratica=BP-2026-0001&passo=2"),
        "/redazione/accesso?da=%2Fredazione%2Fcorrezione%3Fpratica%3DBP-2026-0001%26passo%3D2",
        "the way back is one parameter, its own query encoded"
    );
}

#[wasm_bindgen_test]
fn the_queue_filter_becomes_its_query_string() {
    use buone_pratiche::api::moderation::queue_query;
    use domain::curation::api::QueueFilter;
    assert_eq!(queue_query(&QueueFilter::default()), "", "everything");
    let filter = QueueFilter {
        stato: Some("da_curare".into()),
        aggiornamenti: None,
        da_aggiornare: None,
        q: Some("città & anziani".into()),
    };
    assert_eq!(queue_query(&filter), "stato=da_curare&q=citt%C3%A0%20%26%20anziani");
    let updates = QueueFilter { aggiornamenti: Some(true), ..QueueFilter::default() };
    assert_eq!(queue_query(&updates), "aggiornamenti=true");
}

#[wasm_bindgen_test]
fn an_api_error_says_what_happened_in_italian() {
    use buone_pratiche::api::ApiError;
    let refused = |message: &str| ApiError::Refused { status: 409, code: "conflict".into(), message: message.into() };
    assert_eq!(
        refused("Un'altra persona ha appena modificato questa pratica.").message(),
        "Un'altra persona ha appena modificato questa pratica."
    );
    assert_eq!(
        refused("").message(),
        "Il server ha risposto con un errore (409). Riprova tra poco.",
        "no message of ours"
    );
    assert!(ApiError::Offline.message().starts_with("Il server non risponde"));
    let mut errors = domain::FieldErrors::default();
    errors.add("message", domain::FieldError::Required);
    assert!(!ApiError::Invalid(errors).message().is_empty(), "field errors in words");
    assert!(ApiError::Refused { status: 404, code: String::new(), message: String::new() }.is_not_found());
}

#[wasm_bindgen_test]
fn the_address_names_the_language_before_the_cookie() {
    use buone_pratiche::start::lang_of_request;
    use domain::Lang;
    assert_eq!(lang_of_request(Some("lang=en"), None), Lang::En);
    assert_eq!(lang_of_request(Some("q=x&lang=it"), Some("bp-lang=en")), Lang::It);
    assert_eq!(lang_of_request(None, Some("a=b; bp-lang=en")), Lang::En);
    assert_eq!(lang_of_request(Some("lang=fr"), Some("bp-lang=xx")), Lang::It);
    assert_eq!(lang_of_request(None, None), Lang::It);
}
