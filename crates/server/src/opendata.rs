// SPDX-License-Identifier: EUPL-1.2
//! The open-data files, served under `/opendata/` and written by the static
//! publication: the dataset as CSV and JSON (public fields only), its data
//! dictionary, DCAT-AP_IT metadata (Turtle) naming every distribution, and an
//! Atom feed of newly published and updated practices, and who took part
//! (`partecipazione.csv`, per round and region). One function makes each
//! file, so the server and the static site publish the same bytes.

use crate::export;
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person};
use domain::PublicPractice;
use domain::site::operator::Operator;
use oxrdf::{Literal, NamedNode, Term, Triple};

/// Each file: name, media type, title of the DCAT distribution (if any).
pub const FILES: [(&str, &str, Option<&str>); 8] = [
    ("buone-pratiche.csv", "text/csv; charset=utf-8", Some("Buone pratiche (CSV)")),
    ("partecipazione.csv", "text/csv; charset=utf-8", Some("Chi ha partecipato, per raccolta e regione (CSV)")),
    ("buone-pratiche.json", "application/json", Some("Buone pratiche (JSON)")),
    ("adozioni.csv", "text/csv; charset=utf-8", Some("Adozioni da parte di altri enti (CSV)")),
    ("adozioni.json", "application/json", Some("Adozioni da parte di altri enti (JSON)")),
    ("dizionario-dati.json", "application/json", Some("Dizionario dei dati (JSON)")),
    ("dcat.ttl", "text/turtle; charset=utf-8", None),
    ("feed.atom", "application/atom+xml", None),
];

pub const LICENCE_URI: &str = "https://creativecommons.org/licenses/by/4.0/";

/// The dataset's IRI in the DCAT metadata of the site at `base`, which the
/// JSON downloads name too (`collection.dataset`).
pub fn dataset_iri(base: &str) -> String {
    format!("{}/opendata/#buone-pratiche", base.trim_end_matches('/'))
}

/// The latest change among the practices (RFC 3339), or the epoch.
pub fn modified(practices: &[PublicPractice]) -> &str {
    practices.iter().map(|p| p.updated_at.as_str()).max().unwrap_or("1970-01-01T00:00:00Z")
}

/// Makes the file `name` for a site whose public address is `base`, from
/// the published practices and the collection rounds (`db::rounds::all`).
pub fn render(
    name: &str,
    base: &str,
    operator: &Operator,
    practices: &[PublicPractice],
    rounds: &[domain::questionnaire::rounds::Round],
) -> Option<Vec<u8>> {
    let base = base.trim_end_matches('/');
    Some(match name {
        "buone-pratiche.csv" => export::to_csv(practices, base),
        crate::participation::CSV_FILE => crate::participation::to_csv(&crate::participation::of(practices, rounds)),
        "buone-pratiche.json" => serde_json::to_vec(&export::PracticesDocument::new(practices, base, operator)).ok()?,
        "adozioni.csv" => export::adoptions_csv(practices),
        "adozioni.json" => serde_json::to_vec(&serde_json::json!({
            "licence": domain::record::practice::LICENCE,
            "adoptions": export::adoption_rows(practices),
        }))
        .ok()?,
        "dizionario-dati.json" => serde_json::to_vec(&domain::questionnaire::QUESTIONNAIRE.dictionary()).ok()?,
        "dcat.ttl" => dcat(base, operator, practices),
        "feed.atom" => view_feed(base, "", practices),
        _ => return None,
    })
}

/// The media type of a file.
pub fn media_type(name: &str) -> Option<&'static str> {
    FILES.iter().find(|(n, _, _)| *n == name).map(|(_, t, _)| *t)
}

/// Where the dataset's practices come from: the collections some were
/// harvested from, each a `dct:source` dataset (named, described, its data
/// linked), and a provenance statement that says how they entered.
fn provenance(dataset: &NamedNode, practices: &[PublicPractice]) -> Vec<Triple> {
    const DCT: &str = "http://purl.org/dc/terms/";
    const DCAT: &str = "http://www.w3.org/ns/dcat#";
    const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
    let text = |t: &str| Term::from(Literal::new_language_tagged_literal_unchecked(t, "it"));
    let sources: std::collections::BTreeMap<&str, &str> =
        practices.iter().filter_map(|p| p.source.as_ref()).map(|s| (s.url.as_str(), s.name.as_str())).collect();
    let mut triples = Vec::new();
    let mut add = |s: &NamedNode, p: &str, o: Term| triples.push(Triple::new(s.clone(), iri(p), o));
    let statement = iri(&format!("{}#provenienza", dataset.as_str().split('#').next().unwrap_or_default()));
    let mut said = "Pratiche inviate con il questionario della raccolta e verificate dalla redazione".to_owned();
    if !sources.is_empty() {
        let names: Vec<&str> = sources.values().copied().collect();
        said.push_str(&format!(
            "; alcune raccolte da altre raccolte pubblicate con licenza aperta: {}",
            names.join(", ")
        ));
    }
    add(dataset, &format!("{DCT}provenance"), statement.clone().into());
    add(&statement, RDF_TYPE, iri(&format!("{DCT}ProvenanceStatement")).into());
    add(&statement, RDFS_LABEL, text(&format!("{said}.")));
    for (url, name) in sources {
        let Ok(source) = NamedNode::new(format!("{url}#raccolta")) else { continue };
        add(dataset, &format!("{DCT}source"), source.clone().into());
        add(&source, RDF_TYPE, iri(&format!("{DCAT}Dataset")).into());
        add(&source, &format!("{DCT}title"), text(name));
        add(
            &source,
            &format!("{DCT}description"),
            text(&format!("Le buone pratiche pubblicate dalla raccolta «{name}».")),
        );
        add(&source, &format!("{DCT}identifier"), Term::from(Literal::new_simple_literal(url)));
    }
    triples
}

fn iri(text: &str) -> NamedNode {
    NamedNode::new_unchecked(text)
}

/// DCAT-AP_IT 2.0 metadata of the catalogue, the dataset and its
/// distributions, valid under the SEMIC DCAT-AP 2.1.1 shapes too (checked by
/// `cargo xtask test` with pyshacl): every node has the DCAT-AP class beside
/// the DCAT-AP_IT one, and every vocabulary term it points to is typed, as
/// the shapes read classes from the data.
fn dcat(base: &str, operator: &Operator, practices: &[PublicPractice]) -> Vec<u8> {
    const DCAT: &str = "http://www.w3.org/ns/dcat#";
    const DCT: &str = "http://purl.org/dc/terms/";
    const DCATAPIT: &str = "http://dati.gov.it/onto/dcatapit#";
    const FOAF: &str = "http://xmlns.com/foaf/0.1/";
    const VCARD: &str = "http://www.w3.org/2006/vcard/ns#";
    const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
    const DCATAP: &str = "http://data.europa.eu/r5r/";
    const EU: &str = "http://publications.europa.eu/resource/authority/";
    const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
    let modified = domain::dates::day_of(modified(practices));
    let issued = practices.iter().map(|p| domain::dates::day_of(&p.published_at)).min().unwrap_or(modified);
    let catalog = iri(&format!("{base}/opendata/dcat.ttl#catalogo"));
    let dataset = iri(&dataset_iri(base));
    let publisher = iri(&format!("{base}/opendata/#titolare"));
    let contact = iri(&format!("{base}/opendata/#contatto"));
    let licence = iri(LICENCE_URI);
    let period = iri(&format!("{base}/opendata/#periodo"));
    let italy = iri(&format!("{EU}country/ITA"));
    let italian = iri(&format!("{EU}language/ITA"));
    let themes = iri(&format!("{EU}data-theme"));
    let mut triples: Vec<Triple> = Vec::new();
    let mut add = |s: &NamedNode, p: String, o: Term| triples.push(Triple::new(s.clone(), iri(&p), o));
    let text = |t: &str| Term::from(Literal::new_language_tagged_literal_unchecked(t, "it"));
    let plain = |t: &str| Term::from(Literal::new_simple_literal(t));
    let date = |d: &str| Term::from(Literal::new_typed_literal(d, iri(XSD_DATE)));
    add(&catalog, RDF_TYPE.into(), iri(&format!("{DCATAPIT}Catalog")).into());
    add(&catalog, RDF_TYPE.into(), iri(&format!("{DCAT}Catalog")).into());
    add(&catalog, format!("{DCT}title"), text("Buone pratiche dei servizi sociali territoriali"));
    add(&catalog, format!("{DCT}description"), text("Catalogo dei dati aperti della raccolta delle buone pratiche."));
    add(&catalog, format!("{DCT}publisher"), publisher.clone().into());
    add(&catalog, format!("{DCT}issued"), date(issued));
    add(&catalog, format!("{DCT}modified"), date(modified));
    add(&catalog, format!("{DCT}language"), italian.clone().into());
    add(&catalog, format!("{DCT}license"), licence.clone().into());
    add(&catalog, format!("{DCT}spatial"), italy.clone().into());
    add(&catalog, format!("{DCAT}themeTaxonomy"), themes.clone().into());
    let homepage = iri(&format!("{base}/"));
    add(&catalog, format!("{FOAF}homepage"), homepage.clone().into());
    add(&homepage, RDF_TYPE.into(), iri(&format!("{FOAF}Document")).into());
    add(&catalog, format!("{DCAT}dataset"), dataset.clone().into());
    add(&dataset, RDF_TYPE.into(), iri(&format!("{DCATAPIT}Dataset")).into());
    add(&dataset, RDF_TYPE.into(), iri(&format!("{DCAT}Dataset")).into());
    add(&dataset, format!("{DCT}identifier"), plain(&format!("{}:buone-pratiche", operator.publisher_ipa)));
    add(&dataset, format!("{DCT}title"), text("Buone pratiche dei servizi sociali territoriali"));
    add(
        &dataset,
        format!("{DCT}description"),
        text(
            "Pratiche introdotte o rafforzate da Comuni, Ambiti territoriali sociali e Regioni durante l'emergenza Covid-19 e dopo: raccolta aperta, verificata da una redazione. Non è un campione statistico.",
        ),
    );
    let social = iri(&format!("{EU}data-theme/SOCI"));
    add(&dataset, format!("{DCAT}theme"), social.clone().into());
    let english = |t: &str| Term::from(Literal::new_language_tagged_literal_unchecked(t, "en"));
    add(&social, RDF_TYPE.into(), iri(&format!("{SKOS}Concept")).into());
    add(&social, format!("{SKOS}prefLabel"), english("Population and society"));
    add(&social, format!("{SKOS}inScheme"), themes.clone().into());
    add(&themes, RDF_TYPE.into(), iri(&format!("{SKOS}ConceptScheme")).into());
    add(&themes, format!("{DCT}title"), english("Data theme"));
    add(&dataset, format!("{DCT}language"), italian.clone().into());
    add(&italian, RDF_TYPE.into(), iri(&format!("{DCT}LinguisticSystem")).into());
    add(&dataset, format!("{DCT}spatial"), italy.clone().into());
    add(&italy, RDF_TYPE.into(), iri(&format!("{DCT}Location")).into());
    let wkt =
        |t: &str| Term::from(Literal::new_typed_literal(t, iri("http://www.opengis.net/ont/geosparql#wktLiteral")));
    add(&italy, format!("{DCAT}bbox"), wkt("POLYGON((6.6 35.4,18.6 35.4,18.6 47.1,6.6 47.1,6.6 35.4))"));
    add(&italy, format!("{DCAT}centroid"), wkt("POINT(12.6 42.5)"));
    // The collection began with the Covid-19 emergency, in 2020.
    add(&dataset, format!("{DCT}temporal"), period.clone().into());
    add(&period, RDF_TYPE.into(), iri(&format!("{DCT}PeriodOfTime")).into());
    add(&period, format!("{DCAT}startDate"), date("2020-01-01"));
    for keyword in ["servizi sociali", "buone pratiche", "Covid-19", "welfare locale"] {
        add(&dataset, format!("{DCAT}keyword"), text(keyword));
    }
    add(&dataset, format!("{DCT}issued"), date(issued));
    add(&dataset, format!("{DCT}modified"), date(modified));
    add(&dataset, format!("{DCT}publisher"), publisher.clone().into());
    add(&dataset, format!("{DCT}rightsHolder"), publisher.clone().into());
    let continuous = iri(&format!("{EU}frequency/CONT"));
    add(&dataset, format!("{DCT}accrualPeriodicity"), continuous.clone().into());
    add(&continuous, RDF_TYPE.into(), iri(&format!("{DCT}Frequency")).into());
    add(&dataset, format!("{DCAT}contactPoint"), contact.clone().into());
    add(&publisher, RDF_TYPE.into(), iri(&format!("{DCATAPIT}Agent")).into());
    add(&publisher, RDF_TYPE.into(), iri(&format!("{FOAF}Agent")).into());
    let authority = iri("http://purl.org/adms/publishertype/NationalAuthority");
    add(&publisher, format!("{DCT}type"), authority.clone().into());
    add(&authority, RDF_TYPE.into(), iri(&format!("{SKOS}Concept")).into());
    add(&authority, format!("{SKOS}prefLabel"), english("National authority"));
    add(&publisher, format!("{FOAF}name"), text(&operator.publisher_name));
    add(&publisher, format!("{DCT}identifier"), plain(&operator.publisher_ipa));
    add(&contact, RDF_TYPE.into(), iri(&format!("{DCATAPIT}Organization")).into());
    add(&contact, RDF_TYPE.into(), iri(&format!("{VCARD}Kind")).into());
    add(&contact, format!("{VCARD}fn"), text("Redazione delle buone pratiche"));
    if let Some(email) = operator.editors_email.as_ref().or(operator.controller.email.as_ref()) {
        add(&contact, format!("{VCARD}hasEmail"), iri(&format!("mailto:{email}")).into());
    }
    add(&contact, format!("{VCARD}hasURL"), iri(&format!("{base}/contatti")).into());
    add(&licence, RDF_TYPE.into(), iri(&format!("{DCATAPIT}LicenseDocument")).into());
    add(&licence, RDF_TYPE.into(), iri(&format!("{DCT}LicenseDocument")).into());
    let attribution = iri("http://purl.org/adms/licencetype/Attribution");
    add(&licence, format!("{DCT}type"), attribution.clone().into());
    add(&attribution, RDF_TYPE.into(), iri(&format!("{SKOS}Concept")).into());
    add(&attribution, format!("{SKOS}prefLabel"), english("Attribution"));
    add(&licence, format!("{FOAF}name"), plain("CC BY 4.0"));
    // The format a harvester recognises in the practices' CSV and JSON
    // (`export::FORMAT`): another site running this product reads them as
    // its own.
    let practices_format = iri(&format!("{base}/opendata/#formato"));
    add(&practices_format, RDF_TYPE.into(), iri(&format!("{DCT}Standard")).into());
    add(&practices_format, format!("{DCT}identifier"), plain(export::FORMAT));
    add(&practices_format, format!("{DCT}title"), text("Formato delle buone pratiche, versione 1"));
    add(
        &practices_format,
        format!("{DCT}description"),
        text(
            "Una pratica per riga o per oggetto, con i campi del dizionario dei dati, l'indirizzo permanente (uri) e \
             la licenza; nel JSON, la raccolta da cui vengono (collection).",
        ),
    );
    for (name, media, title) in FILES {
        let Some(title) = title else { continue };
        let url = iri(&format!("{base}/opendata/{name}"));
        let distribution = iri(&format!("{base}/opendata/#{name}"));
        let (format, description) = match name {
            "buone-pratiche.csv" => {
                ("CSV", "Tutte le pratiche pubblicate, una per riga, con i campi pubblici (UTF-8).")
            }
            "buone-pratiche.json" => {
                ("JSON", "Tutte le pratiche pubblicate, con i campi pubblici e i nomi delle voci.")
            }
            "adozioni.csv" => (
                "CSV",
                "Gli enti che hanno dichiarato di aver adottato o adattato una pratica, con il suo identificativo (UTF-8).",
            ),
            "adozioni.json" => (
                "JSON",
                "Gli enti che hanno dichiarato di aver adottato o adattato una pratica, con il suo identificativo.",
            ),
            "partecipazione.csv" => (
                "CSV",
                "Per ogni raccolta e regione: Comuni, Ambiti e Regioni che hanno inviato pratiche, pratiche, Comuni \
                 coperti e quota dei Comuni e della popolazione (censimento ISTAT 2011), con il totale nazionale.",
            ),
            _ => ("JSON", "Ogni campo del questionario: chiave, etichette, tipo, valori ammessi, se è pubblico."),
        };
        add(&dataset, format!("{DCAT}distribution"), distribution.clone().into());
        add(&distribution, RDF_TYPE.into(), iri(&format!("{DCATAPIT}Distribution")).into());
        add(&distribution, RDF_TYPE.into(), iri(&format!("{DCAT}Distribution")).into());
        add(&distribution, format!("{DCT}title"), text(title));
        add(&distribution, format!("{DCT}description"), text(description));
        add(&distribution, format!("{DCAT}accessURL"), url.clone().into());
        add(&distribution, format!("{DCAT}downloadURL"), url.into());
        let media =
            iri(&format!("https://www.iana.org/assignments/media-types/{}", media.split(';').next().unwrap_or(media)));
        add(&distribution, format!("{DCAT}mediaType"), media.clone().into());
        add(&media, RDF_TYPE.into(), iri(&format!("{DCT}MediaType")).into());
        let file_type = iri(&format!("{EU}file-type/{format}"));
        add(&distribution, format!("{DCT}format"), file_type.clone().into());
        add(&file_type, RDF_TYPE.into(), iri(&format!("{DCT}MediaTypeOrExtent")).into());
        let stable = iri(&format!("{EU}planned-availability/STABLE"));
        add(&distribution, format!("{DCATAP}availability"), stable.clone().into());
        add(&stable, RDF_TYPE.into(), iri(&format!("{SKOS}Concept")).into());
        add(&stable, format!("{SKOS}prefLabel"), english("Stable"));
        add(&distribution, format!("{DCT}license"), licence.clone().into());
        add(&distribution, format!("{DCT}modified"), date(modified));
        if matches!(name, "buone-pratiche.csv" | "buone-pratiche.json") {
            add(&distribution, format!("{DCT}conformsTo"), practices_format.clone().into());
        }
    }
    triples.extend(provenance(&dataset, practices));
    let serializer = oxttl::TurtleSerializer::new()
        .with_prefix("dcat", DCAT)
        .and_then(|s| s.with_prefix("dct", DCT))
        .and_then(|s| s.with_prefix("dcatapit", DCATAPIT))
        .and_then(|s| s.with_prefix("foaf", FOAF))
        .and_then(|s| s.with_prefix("vcard", VCARD))
        .and_then(|s| s.with_prefix("skos", SKOS))
        .and_then(|s| s.with_prefix("dcatap", DCATAP))
        .expect("the prefixes are valid IRIs");
    let mut writer = serializer.for_writer(Vec::new());
    // A term two distributions share is typed once.
    let mut written = std::collections::HashSet::new();
    for triple in triples.iter().filter(|t| written.insert(*t)) {
        writer.serialize_triple(triple).expect("writing to memory");
    }
    writer.finish().expect("writing to memory")
}

/// The Atom feed of a catalogue view (`view`: its address's query,
/// canonical; empty for the whole catalogue) and the practices it selects,
/// most recently updated first.
pub fn view_feed(base: &str, view: &str, practices: &[PublicPractice]) -> Vec<u8> {
    let base = base.trim_end_matches('/');
    let query = if view.is_empty() { String::new() } else { format!("?{view}") };
    let title = if view.is_empty() {
        "Buone pratiche dei servizi sociali: nuove e aggiornate".to_owned()
    } else {
        let described = crate::catalogue_view::query_of(view).describe(domain::Lang::It);
        format!("Buone pratiche dei servizi sociali: {described}")
    };
    let parse = |time: &str| time.parse::<FixedDateTime>().unwrap_or_default();
    let mut sorted: Vec<&PublicPractice> = practices.iter().collect();
    sorted.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
    let entries = sorted
        .into_iter()
        .take(100)
        .map(|p| {
            let url = format!("{base}/pratiche/{}", p.id);
            Entry {
                id: url.clone(),
                title: p.title.as_str().into(),
                updated: parse(&p.updated_at),
                published: Some(parse(&p.published_at)),
                authors: vec![Person { name: p.entity_name.clone(), ..Default::default() }],
                links: vec![Link {
                    href: url,
                    rel: "alternate".into(),
                    mime_type: Some("text/html".into()),
                    ..Default::default()
                }],
                summary: Some(p.summary.as_str().into()),
                rights: Some("CC BY 4.0".into()),
                ..Default::default()
            }
        })
        .collect();
    let feed = Feed {
        id: format!("{base}/opendata/feed.atom{query}"),
        title: title.into(),
        updated: parse(modified(practices)),
        links: vec![
            Link { href: format!("{base}/opendata/feed.atom{query}"), rel: "self".into(), ..Default::default() },
            Link { href: format!("{base}/catalogo{query}"), rel: "alternate".into(), ..Default::default() },
        ],
        rights: Some("CC BY 4.0".into()),
        lang: Some("it".into()),
        entries,
        ..Default::default()
    };
    feed.write_to(Vec::new()).expect("writing to memory")
}
