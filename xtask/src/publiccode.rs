// SPDX-License-Identifier: EUPL-1.2
//! `publiccode.yml` checked against the rules of the publiccode.yml standard
//! (core, version 0): the required keys, their types, the values the
//! standard enumerates, the lengths of the descriptions, and what this
//! project promises (EUPL-1.2, Italian and English).

use std::path::Path;
use yaml_rust2::{Yaml, YamlLoader};

const DEVELOPMENT_STATUSES: [&str; 5] = ["concept", "development", "beta", "stable", "obsolete"];
const SOFTWARE_TYPES: [&str; 9] = [
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
];
const MAINTENANCE_TYPES: [&str; 4] = ["internal", "contract", "community", "none"];
/// The standard's list of categories (the part of it a catalogue of social
/// services' practices may use; an unknown one is refused).
const CATEGORIES: [&str; 20] = [
    "collaboration",
    "communications",
    "content-management",
    "data-analytics",
    "data-collection",
    "data-visualization",
    "digital-citizenship",
    "document-management",
    "feedback-and-reviews-management",
    "geographic-information-systems",
    "knowledge-management",
    "online-community",
    "project-collaboration",
    "social-media-management",
    "survey",
    "translation",
    "web-collaboration",
    "website-builder",
    "workflow-management",
    "service-desk-software",
];

/// Checks the text of a `publiccode.yml`; every problem is named.
pub fn problems(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let docs = match YamlLoader::load_from_str(text) {
        Ok(docs) => docs,
        Err(e) => return vec![format!("not YAML: {e}")],
    };
    let Some(doc) = docs.first() else { return vec!["empty".into()] };
    let mut need = |ok: bool, problem: &str| {
        if !ok {
            found.push(problem.to_owned());
        }
    };
    let text_of = |y: &Yaml| y.as_str().filter(|s| !s.trim().is_empty()).map(str::to_owned);
    let list_of = |y: &Yaml| -> Option<Vec<String>> {
        let items = y.as_vec()?;
        let texts: Option<Vec<String>> = items.iter().map(text_of).collect();
        texts.filter(|t| !t.is_empty())
    };
    need(
        doc["publiccodeYmlVersion"].as_str().is_some_and(|v| v == "0" || v.starts_with("0.")),
        "publiccodeYmlVersion: a string, \"0\"",
    );
    need(text_of(&doc["name"]).is_some(), "name: required");
    need(text_of(&doc["url"]).is_some_and(|u| u.starts_with("https://")), "url: the repository's https URL");
    need(list_of(&doc["platforms"]).is_some(), "platforms: a list");
    match list_of(&doc["categories"]) {
        Some(categories) => {
            for c in categories.iter().filter(|c| !CATEGORIES.contains(&c.as_str())) {
                need(false, &format!("categories: {c} is not in the standard's list"));
            }
        }
        None => need(false, "categories: a list"),
    }
    need(
        doc["developmentStatus"].as_str().is_some_and(|s| DEVELOPMENT_STATUSES.contains(&s)),
        "developmentStatus: one of concept, development, beta, stable, obsolete",
    );
    need(
        doc["softwareType"].as_str().is_some_and(|s| SOFTWARE_TYPES.contains(&s)),
        "softwareType: a type of the standard",
    );
    need(doc["softwareType"].as_str() == Some("standalone/web"), "softwareType: standalone/web for this project");
    if let Some(date) = doc["releaseDate"].as_str() {
        let parts: Vec<&str> = date.split('-').collect();
        let valid = parts.len() == 3
            && parts[0].len() == 4
            && parts[1].parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
            && parts[2].parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
        need(valid, "releaseDate: YYYY-MM-DD");
    } else {
        need(false, "releaseDate: required once the software is released");
    }
    match doc["description"].as_hash() {
        Some(languages) => {
            for lang in ["it", "en"] {
                need(languages.contains_key(&Yaml::String(lang.into())), &format!("description: {lang} required here"));
            }
            for (lang, d) in languages {
                let lang = lang.as_str().unwrap_or("?");
                let short = text_of(&d["shortDescription"]).map_or(0, |s| s.chars().count());
                need(
                    (1..=150).contains(&short),
                    &format!("description.{lang}.shortDescription: 1 to 150 characters, not {short}"),
                );
                let long = text_of(&d["longDescription"]).map_or(0, |s| s.chars().count());
                need(
                    (150..=10_000).contains(&long),
                    &format!("description.{lang}.longDescription: 150 to 10000 characters, not {long}"),
                );
                let features = list_of(&d["features"]);
                need(features.is_some(), &format!("description.{lang}.features: a list"));
                for f in features.into_iter().flatten().filter(|f| f.chars().count() > 100) {
                    need(false, &format!("description.{lang}.features: over 100 characters: {f}"));
                }
            }
        }
        None => need(false, "description: required, by language"),
    }
    need(doc["legal"]["license"].as_str() == Some("EUPL-1.2"), "legal.license: EUPL-1.2");
    let maintenance = doc["maintenance"]["type"].as_str();
    need(
        maintenance.is_some_and(|t| MAINTENANCE_TYPES.contains(&t)),
        "maintenance.type: internal, contract, community or none",
    );
    if matches!(maintenance, Some("internal" | "community")) {
        let named = doc["maintenance"]["contacts"]
            .as_vec()
            .is_some_and(|c| !c.is_empty() && c.iter().all(|c| text_of(&c["name"]).is_some()));
        need(named, "maintenance.contacts: a list of contacts with a name");
    }
    if maintenance == Some("contract") {
        need(
            doc["maintenance"]["contractors"].as_vec().is_some_and(|c| !c.is_empty()),
            "maintenance.contractors: required for a contract",
        );
    }
    need(doc["localisation"]["localisationReady"].as_bool().is_some(), "localisation.localisationReady: true or false");
    let languages = list_of(&doc["localisation"]["availableLanguages"]).unwrap_or_default();
    need(
        languages.contains(&"it".to_owned()) && languages.contains(&"en".to_owned()),
        "localisation.availableLanguages: it and en",
    );
    found
}

/// Checks the repository's `publiccode.yml`.
pub fn check(root: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(root.join("publiccode.yml")).map_err(|e| format!("publiccode.yml: {e}"))?;
    let problems = problems(&text);
    if problems.is_empty() {
        println!("publiccode.yml follows the standard's rules");
        Ok(())
    } else {
        Err(format!("publiccode.yml: {}", problems.join("; ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repository_card_passes_and_broken_ones_are_named() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let text = std::fs::read_to_string(root.join("publiccode.yml")).unwrap();
        assert_eq!(problems(&text), Vec::<String>::new());
        let cases = [
            ("developmentStatus: beta", "developmentStatus: beta-ish", "developmentStatus"),
            ("license: EUPL-1.2", "license: MIT", "legal.license"),
            ("  - survey\n", "  - surveys\n", "surveys is not in"),
            ("type: internal", "type: whenever", "maintenance.type"),
            ("releaseDate: \"2026-12-02\"", "releaseDate: \"2026-13-02\"", "releaseDate"),
            ("    - en\n", "    - fr\n", "availableLanguages"),
            ("publiccodeYmlVersion: \"0\"", "publiccodeYmlVersion: 0", "publiccodeYmlVersion"),
        ];
        for (from, to, expected) in cases {
            assert!(text.contains(from), "{from}");
            let broken = problems(&text.replacen(from, to, 1));
            assert!(broken.iter().any(|p| p.contains(expected)), "{to}: {broken:?}");
        }
        let short = text.replacen("The open collection of good practices", &"x".repeat(150), 1);
        assert!(problems(&short).iter().any(|p| p.contains("en.shortDescription")));
        assert_eq!(problems("name: [").len(), 1, "not YAML");
    }
}
