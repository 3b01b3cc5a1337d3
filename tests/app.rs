//! Browser tests of the app's parts, run by wasm-bindgen-test in headless
//! Chromium (`cargo xtask test`, or `cargo test --target wasm32-unknown-unknown`
//! with CHROMEDRIVER set).

use buone_pratiche::api::DataSource;
use buone_pratiche::components::practice_list::PracticeList;
use domain::geo::Region;
use domain::practice::YearMonth;
use domain::vocabulary::{
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
        terms: String::new(),
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
