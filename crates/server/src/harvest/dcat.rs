// SPDX-License-Identifier: EUPL-1.2
//! Reading a DCAT-AP catalogue for the distribution to harvest: in Turtle
//! (ours), RDF/XML (CKAN's, as dati.gov.it publishes) or JSON-LD, told
//! apart by their first characters. The JSON of a distribution that states
//! `dct:conformsTo` our format is taken; failing that, one whose address
//! ends in `/opendata/buone-pratiche.json`; failing that, a CSV stating our
//! format, read as a sheet with the mapping the import saved for its columns.

use domain::harvest::Failure;
use std::collections::HashMap;

/// The file a catalogue offers in our format.
#[derive(Debug, PartialEq, Eq)]
pub enum Distribution {
    /// Another instance's `buone-pratiche.json`.
    Json(String),
    /// A CSV, read as a sheet of responses.
    Sheet(String),
}

const DCT: &str = "http://purl.org/dc/terms/";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
/// The most remote JSON-LD contexts fetched for one catalogue.
const MAX_CONTEXTS: usize = 3;

/// A statement of the catalogue: subject, predicate, and the object as a
/// node (`_:` for a blank one) or as text.
struct Statement {
    subject: String,
    predicate: String,
    node: Option<String>,
    text: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Syntax {
    Turtle,
    RdfXml,
    JsonLd,
}

fn syntax(bytes: &[u8]) -> Syntax {
    let start = bytes.trim_ascii_start().strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes.trim_ascii_start());
    match start.first() {
        Some(b'{' | b'[') => Syntax::JsonLd,
        Some(b'<') if start.starts_with(b"<?xml") || start.starts_with(b"<rdf:RDF") => Syntax::RdfXml,
        _ => Syntax::Turtle,
    }
}

/// The remote contexts a JSON-LD catalogue names at its top, to fetch
/// (with the harvest's limits) before it is read. Empty for other syntaxes.
pub fn remote_contexts(bytes: &[u8]) -> Vec<String> {
    if syntax(bytes) != Syntax::JsonLd {
        return Vec::new();
    }
    let Ok(document) = serde_json::from_slice::<serde_json::Value>(bytes) else { return Vec::new() };
    let context = document.get("@context").cloned().unwrap_or_default();
    let named = match context {
        serde_json::Value::String(url) => vec![url],
        serde_json::Value::Array(items) => items.into_iter().filter_map(|i| i.as_str().map(str::to_owned)).collect(),
        _ => Vec::new(),
    };
    named.into_iter().filter(|url| domain::harvest::api::is_web_address(url)).take(MAX_CONTEXTS).collect()
}

fn invalid(syntax: &str, error: impl std::fmt::Display) -> Failure {
    Failure::Shape { detail: format!("{syntax} non valido: {error}") }
}

fn statements(bytes: &[u8], contexts: &HashMap<String, Vec<u8>>) -> Result<Vec<Statement>, Failure> {
    use oxrdf::{NamedOrBlankNode, Term};
    std::str::from_utf8(bytes).map_err(|_| Failure::NotUtf8)?;
    let subject = |s: &NamedOrBlankNode| match s {
        NamedOrBlankNode::NamedNode(node) => node.as_str().to_owned(),
        NamedOrBlankNode::BlankNode(node) => format!("_:{}", node.as_str()),
    };
    let statement = |s: &NamedOrBlankNode, p: &oxrdf::NamedNode, o: &Term| Statement {
        subject: subject(s),
        predicate: p.as_str().to_owned(),
        node: match o {
            Term::NamedNode(node) => Some(node.as_str().to_owned()),
            Term::BlankNode(node) => Some(format!("_:{}", node.as_str())),
            _ => None,
        },
        text: match o {
            Term::Literal(literal) => Some(literal.value().to_owned()),
            _ => None,
        },
    };
    let mut found = Vec::new();
    match syntax(bytes) {
        Syntax::Turtle => {
            for triple in oxttl::TurtleParser::new().for_slice(bytes) {
                let t = triple.map_err(|e| invalid("Turtle", e))?;
                found.push(statement(&t.subject, &t.predicate, &t.object));
            }
        }
        Syntax::RdfXml => {
            // Entities are expanded whole by the parser: a few lines of
            // nested ones ("billion laughs") would fill the memory. A DCAT
            // catalogue needs none.
            if bytes.windows(9).any(|w| w.eq_ignore_ascii_case(b"<!DOCTYPE"))
                || bytes.windows(8).any(|w| w == b"<!ENTITY")
            {
                return Err(Failure::Shape { detail: "RDF/XML con dichiarazioni DOCTYPE o ENTITY, non lette".into() });
            }
            for triple in oxrdfxml::RdfXmlParser::new().for_slice(bytes) {
                let t = triple.map_err(|e| invalid("RDF/XML", e))?;
                found.push(statement(&t.subject, &t.predicate, &t.object));
            }
        }
        Syntax::JsonLd => {
            let contexts = contexts.clone();
            let parser = oxjsonld::JsonLdParser::new().for_slice(bytes).with_load_document_callback(move |url, _| {
                let document = contexts.get(url).cloned().ok_or_else(|| format!("contesto {url} non letto"))?;
                Ok(oxjsonld::JsonLdRemoteDocument { document, document_url: url.to_owned() })
            });
            for quad in parser {
                let q = quad.map_err(|e| invalid("JSON-LD", e))?;
                found.push(statement(&q.subject, &q.predicate, &q.object));
            }
        }
    }
    Ok(found)
}

/// The distribution of the catalogue `bytes` to harvest; `contexts` holds
/// the remote JSON-LD contexts fetched for it, by address.
pub fn distribution(bytes: &[u8], contexts: &HashMap<String, Vec<u8>>) -> Result<Distribution, Failure> {
    let statements = statements(bytes, contexts)?;
    let with = |predicate: String| statements.iter().filter(move |s| s.predicate == predicate);
    let ours: Vec<&String> = with(format!("{DCT}identifier"))
        .filter(|s| s.text.as_deref() == Some(domain::harvest::FORMAT))
        .map(|s| &s.subject)
        .collect();
    let conforming: Vec<&String> = with(format!("{DCT}conformsTo"))
        .filter(|s| s.node.as_ref().is_some_and(|o| ours.contains(&o)))
        .map(|s| &s.subject)
        .collect();
    // A distribution is a CSV by its address, media type or format.
    let csv_kind = |distribution: &String| {
        [format!("{DCAT}mediaType"), format!("{DCT}format")].into_iter().any(|predicate| {
            with(predicate).any(|s| {
                &s.subject == distribution
                    && s.node.as_deref().or(s.text.as_deref()).is_some_and(|o| o.to_ascii_lowercase().contains("csv"))
            })
        })
    };
    let downloads: Vec<(&String, &String)> =
        with(format!("{DCAT}downloadURL")).filter_map(|s| Some((&s.subject, s.node.as_ref()?))).collect();
    let path = |url: &str| url.split(['?', '#']).next().unwrap_or(url).to_owned();
    let ours_as = |ending: &str| {
        downloads.iter().find(|(s, url)| conforming.contains(s) && path(url).ends_with(ending)).map(|(_, url)| url)
    };
    if let Some(url) = ours_as(".json").or_else(|| {
        downloads.iter().find(|(_, url)| path(url).ends_with("/opendata/buone-pratiche.json")).map(|(_, u)| u)
    }) {
        return Ok(Distribution::Json((*url).clone()));
    }
    let sheet =
        downloads.iter().find(|(s, url)| conforming.contains(s) && (path(url).ends_with(".csv") || csv_kind(s)));
    sheet.map(|(_, url)| Distribution::Sheet((*url).clone())).ok_or(Failure::NoDistribution)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Distribution, Failure> {
        distribution(text.as_bytes(), &HashMap::new())
    }

    #[test]
    fn our_own_dcat_names_the_practices_json() {
        let operator = domain::site::operator::Operator::example();
        let dcat = crate::opendata::render("dcat.ttl", "https://a.example", &operator, &[], &[]).unwrap();
        let json = Distribution::Json("https://a.example/opendata/buone-pratiche.json".into());
        assert_eq!(distribution(&dcat, &HashMap::new()), Ok(json));
    }

    const STANDARD: &str = r#"<https://r.example/formato> <http://purl.org/dc/terms/identifier> "buone-pratiche/1" ."#;

    #[test]
    fn a_catalogue_in_rdf_xml_or_json_ld_is_read_too_and_a_csv_is_a_sheet() {
        let xml = r#"<?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/">
              <dct:Standard rdf:about="https://r.example/formato"><dct:identifier>buone-pratiche/1</dct:identifier></dct:Standard>
              <dcat:Distribution rdf:about="https://r.example/d/1">
                <dct:conformsTo rdf:resource="https://r.example/formato"/>
                <dcat:downloadURL rdf:resource="https://r.example/dati/pratiche.json"/>
              </dcat:Distribution>
            </rdf:RDF>"#;
        assert_eq!(read(xml), Ok(Distribution::Json("https://r.example/dati/pratiche.json".into())));

        let json_ld = r#"{"@context": "https://r.example/contesto.jsonld", "@graph": [
            {"@id": "https://r.example/formato", "identifier": "buone-pratiche/1"},
            {"@id": "https://r.example/d/2", "conformsTo": {"@id": "https://r.example/formato"},
             "downloadURL": {"@id": "https://r.example/dati/risposte"}, "mediaType": "text/csv"}]}"#;
        assert_eq!(remote_contexts(json_ld.as_bytes()), vec!["https://r.example/contesto.jsonld".to_owned()]);
        let context = br#"{"@context": {"identifier": "http://purl.org/dc/terms/identifier",
            "conformsTo": "http://purl.org/dc/terms/conformsTo", "downloadURL": "http://www.w3.org/ns/dcat#downloadURL",
            "mediaType": "http://www.w3.org/ns/dcat#mediaType"}}"#;
        let contexts = HashMap::from([("https://r.example/contesto.jsonld".to_owned(), context.to_vec())]);
        let found = distribution(json_ld.as_bytes(), &contexts);
        assert_eq!(found, Ok(Distribution::Sheet("https://r.example/dati/risposte".into())), "a CSV by its media type");
        assert!(matches!(read(json_ld), Err(Failure::Shape { .. })), "a context not fetched is said");

        let turtle = format!(
            "{STANDARD}\n<https://r.example/d/3> <http://purl.org/dc/terms/conformsTo> <https://r.example/formato> ;\n\
             <http://www.w3.org/ns/dcat#downloadURL> <https://r.example/pratiche.csv> ."
        );
        assert_eq!(read(&turtle), Ok(Distribution::Sheet("https://r.example/pratiche.csv".into())));
    }

    #[test]
    fn a_catalogue_without_our_format_or_unreadable_is_refused() {
        assert_eq!(read("<http://a.it/x> <http://a.it/y> <http://a.it/z> ."), Err(Failure::NoDistribution));
        assert!(matches!(read("<a> <b>"), Err(Failure::Shape { .. })));
        assert!(matches!(read("<?xml version=\"1.0\"?><rdf:RDF"), Err(Failure::Shape { .. })));
        assert!(matches!(read("{\"@graph\": ["), Err(Failure::Shape { .. })));
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="https://r.example/x">
            <rdf:value>&c;</rdf:value></rdf:Description></rdf:RDF>"#;
        assert!(matches!(read(laughs), Err(Failure::Shape { detail }) if detail.contains("ENTITY")), "never expanded");
        assert_eq!(distribution(b"<a> <b> \"\xe8\" .", &HashMap::new()), Err(Failure::NotUtf8));
    }
}
