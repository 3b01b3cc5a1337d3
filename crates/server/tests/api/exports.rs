// SPDX-License-Identifier: EUPL-1.2
//! Public exports and open data: CSV and JSON exports, the open-data files,
//! their DCAT-AP_IT metadata and the Atom feed.

use crate::common::*;
use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn exports_hold_the_filtered_public_rows_only() {
    let server = TestServer::start(None).await;
    server::demo::load_if_empty(&server.db).await.unwrap();
    let mut private = valid_answer();
    private.contact_email = PRIVATE_CANARIES[2].into();
    private.title = "Pratica con referente canarino".into();
    server.seed(private, ModerationStatus::Pubblicata).await;

    let csv = server
        .client
        .get(server.url("/api/export.csv?regione=09&innovazione=raggiungere_persone_isolate"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv; charset=utf-8"));
    let text = csv.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    assert_eq!(
        (at("region_name"), at("comuni_names")),
        (at("region_code") + 1, at("comune_codes") + 1),
        "names beside codes"
    );
    let title_at = headers.iter().position(|h| h == "title").unwrap();
    let mut titles: Vec<String> = reader.records().map(|r| r.unwrap()[title_at].to_owned()).collect();
    titles.sort();
    assert_eq!(
        titles,
        ["Mediazione culturale telefonica per famiglie straniere", "Telefonate proattive agli anziani che vivono soli"]
    );
    assert!(text.contains("\r\n"), "RFC 4180 line ends");

    let all = server.client.get(server.url("/api/export.csv")).send().await.unwrap().text().await.unwrap();
    assert_eq!(csv::Reader::from_reader(all.as_bytes()).records().count(), 26, "every published practice");
    assert!(all.contains("Pratica con referente canarino"));
    let json = server.client.get(server.url("/api/export.json")).send().await.unwrap().text().await.unwrap();
    for body in [&all, &json] {
        for canary in PRIVATE_CANARIES {
            assert!(!body.contains(canary), "exports never carry private fields: {canary}");
        }
    }
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["licence"], "CC-BY-4.0");
    assert_eq!(json["practices"].as_array().unwrap().len(), 26);
    let lucca = json["practices"].as_array().unwrap().iter().find(|p| p["comune_codes"] == json!(["046017"])).unwrap();
    assert_eq!((&lucca["region_name"], &lucca["comuni_names"]), (&json!("Toscana"), &json!(["Lucca (LU)"])));
    // What a harvester needs: each practice's permanent address, the
    // licence's text, the collection it comes from and the format.
    // (The test servers' public address is the default, http://localhost.)
    let base = "http://localhost";
    assert_eq!(lucca["uri"], format!("{base}/pratiche/{}", lucca["id"].as_str().unwrap()));
    assert_eq!(json["licence_url"], "https://creativecommons.org/licenses/by/4.0/");
    let collection = &json["collection"];
    assert_eq!((&collection["url"], &collection["format"]), (&json!(base), &json!("buone-pratiche/1")));
    assert_eq!(collection["data_dictionary"], format!("{base}/opendata/dizionario-dati.json"));
    assert_eq!(collection["dataset"], format!("{base}/opendata/#buone-pratiche"));
    assert!(collection["publisher"].as_str().is_some_and(|p| !p.is_empty()), "{collection}");
    // The CSV's columns only grow at the end: the address and the source
    // (empty for practices sent here) after the licence.
    let columns: Vec<String> =
        csv::Reader::from_reader(all.as_bytes()).headers().unwrap().iter().map(Into::into).collect();
    assert_eq!(columns[columns.len() - 4..], ["licence", "uri", "source_name", "source_url"]);
    assert_eq!(lucca["source"], Value::Null, "a practice sent here has no source");
}

/// `?q=` of the downloads runs the catalogue's search: places chosen in the
/// Comune picker by name, the labels in the page's language (`lang`),
/// relevance order.
#[tokio::test]
async fn searched_downloads_find_places_and_labels_in_the_language_of_the_page() {
    let server = TestServer::start(None).await;
    server::demo::load_if_empty(&server.db).await.unwrap();
    let mut kit = valid_answer();
    kit.title = "Kit per i ragazzi delle medie".into();
    kit.region_code = domain::record::geo::Region::Umbria;
    kit.comune_codes = vec![domain::record::geo::ComuneCode::parse("054012").unwrap()];
    kit.innovation_tags = vec![domain::record::vocabulary::InnovationTag::DidatticaDistanzaMinori];
    server.seed(kit, ModerationStatus::Pubblicata).await;
    let titles = |url: String| {
        let client = server.client.clone();
        async move {
            let json: Value = client.get(url).send().await.unwrap().json().await.unwrap();
            json["practices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["title"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    let kit = "Kit per i ragazzi delle medie".to_owned();
    for q in ["citta%20della%20pieve", "Citt%C3%A0%20della%20Pieve", "perugia", "didattica"] {
        assert!(titles(server.url(&format!("/api/export.json?q={q}"))).await.contains(&kit), "{q}");
    }
    assert!(
        titles(server.url("/api/export.json?q=distance%20learning")).await.is_empty(),
        "English labels, Italian page"
    );
    let english = titles(server.url("/api/export.json?q=distance%20learning&lang=en")).await;
    assert!(english.contains(&kit) && english.len() < 5, "{english:?}");
    assert!(
        titles(server.url("/api/export.json?q=distance%20learning&lang=xx")).await.is_empty(),
        "an unknown language is Italian"
    );
    // Relevance: the practices with "anziani" in their title come first.
    let ranked = titles(server.url("/api/export.json?q=anziani")).await;
    assert!(ranked.len() > 3 && ranked[0].to_lowercase().contains("anziani"), "{ranked:?}");
    let last = ranked.last().unwrap().to_lowercase();
    assert!(!last.contains("anziani"), "{ranked:?}");
}

#[tokio::test]
async fn open_data_is_public_only_and_its_metadata_parses() {
    let server = TestServer::start(None).await;
    server::demo::load_if_empty(&server.db).await.unwrap();
    let mut canary = valid_answer();
    canary.contact_name = PRIVATE_CANARIES[0].into();
    canary.contact_email = PRIVATE_CANARIES[2].into();
    canary.contact_phone = Some(PRIVATE_CANARIES[3].into());
    server.seed(canary, ModerationStatus::Pubblicata).await;
    let get = |name: &str| server.client.get(server.url(&format!("/opendata/{name}"))).send();

    for (name, media, _) in server::opendata::FILES {
        let response = get(name).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        assert_eq!(response.headers()["content-type"], media, "{name}");
        let body = response.text().await.unwrap();
        for canary in PRIVATE_CANARIES {
            assert!(!body.contains(canary), "{name} leaks {canary}");
        }
    }
    assert_eq!(get("../Cargo.toml").await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(get("nope.csv").await.unwrap().status(), StatusCode::NOT_FOUND);

    // DCAT-AP_IT parses as RDF (an independent Turtle parser) and names every distribution.
    let turtle = get("dcat.ttl").await.unwrap().text().await.unwrap();
    let mut triples: Vec<(String, String, String)> = Vec::new();
    let mut parser = rio_turtle::TurtleParser::new(turtle.as_bytes(), None);
    rio_api::parser::TriplesParser::parse_all(&mut parser, &mut |t: rio_api::model::Triple<'_>| {
        triples.push((t.subject.to_string(), t.predicate.to_string(), t.object.to_string()));
        Ok::<_, rio_turtle::TurtleError>(())
    })
    .expect("valid Turtle");
    let objects = |predicate: &str| -> Vec<String> {
        triples.iter().filter(|(_, p, _)| p.contains(predicate)).map(|(_, _, o)| o.clone()).collect()
    };
    let distributions = objects("http://www.w3.org/ns/dcat#distribution");
    let downloads = objects("http://www.w3.org/ns/dcat#downloadURL");
    let listed: Vec<&str> = server::opendata::FILES.iter().filter(|f| f.2.is_some()).map(|f| f.0).collect();
    assert_eq!(distributions.len(), listed.len(), "one distribution per data file");
    for name in listed {
        assert!(downloads.iter().any(|url| url.ends_with(&format!("/opendata/{name}>"))), "{name} has a download URL");
    }
    assert!(triples.iter().any(|(_, p, o)| p.contains("rdf-syntax-ns#type") && o.contains("dcatapit#Dataset")));
    for distribution in &distributions {
        assert!(
            triples.iter().any(|(s, p, _)| s == distribution && p.contains("http://purl.org/dc/terms/license")),
            "{distribution} has a licence"
        );
    }
    // The practices' CSV and JSON declare the format harvesters read.
    let conforming: Vec<&String> =
        triples.iter().filter(|(_, p, _)| p.contains("purl.org/dc/terms/conformsTo")).map(|(s, _, _)| s).collect();
    assert_eq!(conforming.len(), 2, "{conforming:?}");
    assert!(conforming.iter().all(|s| s.contains("#buone-pratiche.csv") || s.contains("#buone-pratiche.json")));
    assert!(triples.iter().any(|(_, p, o)| p.contains("dc/terms/identifier") && o == "\"buone-pratiche/1\""));

    // The Atom feed parses with a feed parser and lists the published practices.
    let atom = get("feed.atom").await.unwrap().bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&atom[..]).expect("a valid feed");
    assert_eq!(feed.entries.len(), 26);
    assert!(feed.entries.iter().all(|e| e.links.iter().any(|l| l.href.contains("/pratiche/BP-"))));
}
