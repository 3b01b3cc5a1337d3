// SPDX-License-Identifier: EUPL-1.2
//! Reading a source's file: another instance's `buone-pratiche.json` becomes
//! a list of remote items, each with its identity at the origin. A file of
//! the wrong shape or licence is a [`Failure`] (nothing is taken); an item
//! without an id is an [`ItemProblem`] (the others are taken).

use domain::api::Answers;
use domain::harvest::{Failure, ItemProblem, LICENCES};
use serde_json::Value;

/// One practice as the source publishes it.
#[derive(Clone, Debug, PartialEq)]
pub struct RemoteItem {
    /// Its reference at the source.
    pub remote_id: String,
    /// Its identity at its origin (the source's own permalink, or the one
    /// the source carried from where it harvested it).
    pub uri: String,
    /// When it last changed at the source.
    pub modified: Option<String>,
    pub demo: bool,
    /// Where the source harvested it from, if it did.
    pub via: Option<String>,
    /// Every key the source published.
    pub answers: Answers,
}

/// What a file holds.
pub struct Read {
    pub items: Vec<RemoteItem>,
    pub problems: Vec<ItemProblem>,
}

/// The items of another instance's `buone-pratiche.json`, read from `url`;
/// more than `max_items` is refused whole.
pub fn instance_json(bytes: &[u8], url: &str, max_items: usize) -> Result<Read, Failure> {
    let text = std::str::from_utf8(bytes).map_err(|_| Failure::NotUtf8)?;
    let text = text.trim_start_matches('\u{feff}');
    let document: Value = serde_json::from_str(text).map_err(|e| Failure::Shape {
        detail: format!("JSON non valido (riga {}, colonna {})", e.line(), e.column()),
    })?;
    let Value::Object(document) = document else {
        return Err(Failure::Shape { detail: "manca l'oggetto con l'elenco «practices»".into() });
    };
    let Some(Value::Array(practices)) = document.get("practices") else {
        return Err(Failure::Shape { detail: "manca l'elenco «practices»".into() });
    };
    if let Some(licence) = document.get("licence") {
        let licence = licence.as_str().unwrap_or_default();
        if !LICENCES.contains(&licence) {
            return Err(Failure::Licence { found: licence.chars().take(80).collect() });
        }
    }
    if practices.len() > max_items {
        return Err(Failure::Shape {
            detail: format!("{} pratiche, più delle {max_items} lette in una volta", practices.len()),
        });
    }
    let collection = document.get("collection").and_then(|c| c.get("url")).and_then(Value::as_str);
    let base = collection.map_or_else(|| base_of(url), |url| url.trim_end_matches('/').to_owned());
    let mut read = Read { items: Vec::with_capacity(practices.len()), problems: Vec::new() };
    for practice in practices {
        match item(practice, &base) {
            Ok(item) => read.items.push(item),
            Err(problem) => read.problems.push(problem),
        }
    }
    Ok(read)
}

/// The collection's address from its file's: `…/opendata/buone-pratiche.json`
/// less its last two segments.
fn base_of(url: &str) -> String {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    url.strip_suffix("/opendata/buone-pratiche.json").unwrap_or(url).trim_end_matches('/').to_owned()
}

fn item(practice: &Value, base: &str) -> Result<RemoteItem, ItemProblem> {
    let title = practice.get("title").and_then(Value::as_str).map(|t| t.chars().take(200).collect());
    let problem = |remote_id: &str, what: &str| ItemProblem {
        remote_id: remote_id.chars().take(80).collect(),
        title: title.clone(),
        problems: vec![what.to_owned()],
    };
    let Value::Object(answers) = practice else { return Err(problem("", "non è un oggetto JSON")) };
    let remote_id = answers.get("id").and_then(Value::as_str).map(str::trim).unwrap_or_default();
    if remote_id.is_empty() || remote_id.chars().count() > 80 || remote_id.chars().any(char::is_control) {
        return Err(problem(remote_id, "manca un «id» valido"));
    }
    if let Some(licence) = answers.get("licence").and_then(Value::as_str)
        && !LICENCES.contains(&licence)
    {
        return Err(problem(remote_id, &format!("la licenza «{licence}» non ne permette la ripubblicazione")));
    }
    let text = |key: &str| answers.get(key).and_then(Value::as_str).map(str::to_owned);
    let uri = text("uri").unwrap_or_else(|| format!("{base}/pratiche/{remote_id}"));
    if !domain::harvest::api::is_web_address(&uri) || uri.len() > 2000 {
        return Err(problem(remote_id, "il suo «uri» non è un indirizzo web"));
    }
    let via = answers.get("source").and_then(|s| s.get("url")).and_then(Value::as_str).map(str::to_owned);
    Ok(RemoteItem {
        remote_id: remote_id.to_owned(),
        uri,
        modified: text("updated_at"),
        demo: answers.get("demo").and_then(Value::as_bool).unwrap_or(false),
        via,
        answers: answers.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://a.example/opendata/buone-pratiche.json";

    fn read(json: &str) -> Result<Read, Failure> {
        instance_json(json.as_bytes(), URL, 10)
    }

    #[test]
    fn items_keep_their_identity_at_the_origin() {
        let json = r#"{"licence": "CC-BY-4.0", "practices": [
            {"id": "BP-2026-0001", "title": "Uno", "updated_at": "2026-01-02T00:00:00Z"},
            {"id": "BP-2026-0002", "uri": "https://b.example/pratiche/BP-2025-0009",
             "source": {"url": "https://b.example/opendata/buone-pratiche.json"}, "demo": true},
            {"title": "Senza id"}]}"#;
        let read = read(json).unwrap();
        assert_eq!(read.items[0].uri, "https://a.example/pratiche/BP-2026-0001");
        assert_eq!(read.items[0].modified.as_deref(), Some("2026-01-02T00:00:00Z"));
        assert_eq!(read.items[1].uri, "https://b.example/pratiche/BP-2025-0009");
        assert_eq!(read.items[1].via.as_deref(), Some("https://b.example/opendata/buone-pratiche.json"));
        assert!(read.items[1].demo);
        assert_eq!(read.problems.len(), 1);
        assert_eq!(read.problems[0].title.as_deref(), Some("Senza id"));
    }

    #[test]
    fn a_file_of_another_shape_or_licence_is_refused_whole() {
        let cases = [
            ("[]", "Shape"),
            ("{\"licence\": \"CC-BY-4.0\"}", "Shape"),
            ("{\"practices\": {}}", "Shape"),
            ("{\"practices\": [", "Shape"),
            ("{\"licence\": \"CC-BY-NC-4.0\", \"practices\": []}", "Licence"),
        ];
        for (json, kind) in cases {
            let failure = read(json).err().unwrap_or_else(|| panic!("{json} was read"));
            assert!(format!("{failure:?}").starts_with(kind), "{json}: {failure:?}");
        }
        assert_eq!(instance_json(b"{\"practices\": [\"\xe8\"]}", URL, 10).err(), Some(Failure::NotUtf8));
        let eleven = format!("{{\"practices\": [{}]}}", ["{}"; 11].join(","));
        assert!(matches!(read(&eleven), Err(Failure::Shape { .. })));
    }
}
