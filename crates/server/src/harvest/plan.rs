// SPDX-License-Identifier: EUPL-1.2
//! What a run will do, decided before anything is written: for each remote
//! item, skip it (ours, held from another source, a demonstration, not
//! meeting the questionnaire's rules), create it, update it (it changed
//! there) or leave it; and which practices held from the source are no
//! longer in its file. Pure: no I/O, no clock.

use super::read::{Read, RemoteItem};
use domain::api::Answers;
use domain::harvest::api::Counts;
use domain::harvest::{self, ItemProblem};
use domain::{Lang, Practice};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

/// A practice held from the source.
#[derive(Clone, Debug)]
pub struct Held {
    pub row_id: i64,
    pub hash: String,
    pub gone: bool,
}

/// What the database holds that a plan needs.
#[derive(Debug, Default)]
pub struct Existing {
    /// The source's practices held here, by their id there.
    pub by_remote: HashMap<String, Held>,
    /// The URIs held from other sources.
    pub elsewhere: HashSet<String>,
}

/// Who the source is, for its practices' referent.
pub struct SourceFacts<'a> {
    pub name: &'a str,
    pub contact_email: &'a str,
}

/// A remote item ready to store.
#[derive(Debug)]
pub struct Ready {
    pub remote_id: String,
    pub uri: String,
    pub modified: Option<String>,
    pub practice: Practice,
    /// Of its public answers.
    pub hash: String,
}

#[derive(Debug)]
pub enum Step {
    Create(Ready),
    Update { row_id: i64, ready: Ready },
    Unchanged { row_id: i64, modified: Option<String> },
}

#[derive(Debug, Default)]
pub struct Plan {
    pub steps: Vec<Step>,
    /// Held rows no longer in the file (not flagged before).
    pub gone: Vec<i64>,
    pub counts: Counts,
    pub problems: Vec<ItemProblem>,
}

/// The SHA-256 of a practice's public answers, in the questionnaire's order.
pub fn content_hash(public: &Answers) -> String {
    let canonical = serde_json::to_string(public).expect("a JSON map serialises");
    format!("{:x}", Sha256::digest(canonical.as_bytes()))
}

/// The plan of a run over what was read, against what is held; `our_base`
/// is our public address, so that our own practices are never taken back.
pub fn plan(read: Read, existing: &Existing, source: &SourceFacts<'_>, our_base: &str) -> Plan {
    let comuni = domain::record::comuni::shipped();
    let ours = format!("{}/", our_base.trim_end_matches('/'));
    let our_practices = format!("{ours}pratiche/");
    let mut plan = Plan { problems: read.problems, ..Plan::default() };
    plan.counts.read = read.items.len() + plan.problems.len();
    plan.counts.invalid = plan.problems.len();
    let mut seen = HashSet::new();
    for item in read.items {
        let RemoteItem { remote_id, uri, modified, demo, via, answers } = item;
        if demo {
            plan.counts.demo += 1;
            continue;
        }
        if uri.starts_with(&our_practices) || via.as_deref().is_some_and(|via| via.starts_with(&ours)) {
            plan.counts.own += 1;
            continue;
        }
        if existing.elsewhere.contains(&uri) {
            plan.counts.elsewhere += 1;
            continue;
        }
        let title = answers.get("title").and_then(|t| t.as_str()).map(|t| t.chars().take(200).collect());
        if !seen.insert(remote_id.clone()) {
            plan.counts.invalid += 1;
            let problems = vec!["compare più di una volta nel file: è presa la prima".to_owned()];
            plan.problems.push(ItemProblem { remote_id, title, problems });
            continue;
        }
        let public = harvest::public_answers(&answers);
        let practice = match harvest::accept(&public, source.name, source.contact_email, Some(comuni)) {
            Ok(practice) => practice,
            Err(errors) => {
                plan.counts.invalid += 1;
                let problems = errors
                    .fields()
                    .flat_map(|key| {
                        errors
                            .get(key)
                            .iter()
                            .map(move |e| domain::questionnaire::QUESTIONNAIRE.message(key, e, Lang::It))
                    })
                    .collect();
                plan.problems.push(ItemProblem { remote_id, title, problems });
                continue;
            }
        };
        let hash = content_hash(&public);
        let step = match existing.by_remote.get(&remote_id) {
            Some(held) if held.hash == hash => Step::Unchanged { row_id: held.row_id, modified },
            Some(held) => {
                Step::Update { row_id: held.row_id, ready: Ready { remote_id, uri, modified, practice, hash } }
            }
            None => Step::Create(Ready { remote_id, uri, modified, practice, hash }),
        };
        match &step {
            Step::Create(_) => plan.counts.created += 1,
            Step::Update { .. } => plan.counts.updated += 1,
            Step::Unchanged { .. } => plan.counts.unchanged += 1,
        }
        plan.steps.push(step);
    }
    plan.gone = existing
        .by_remote
        .iter()
        .filter(|(remote_id, held)| !held.gone && !seen.contains(*remote_id))
        .map(|(_, held)| held.row_id)
        .collect();
    plan.gone.sort_unstable();
    plan.counts.gone = plan.gone.len();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    const OURS: &str = "https://b.example";
    const SOURCE: SourceFacts<'static> =
        SourceFacts { name: "Collezione A", contact_email: "redazione@comune.roma.it" };

    fn remote(id: &str, title: &str) -> RemoteItem {
        let Value::Object(mut answers) = serde_json::to_value(crate::demo::practices().remove(0)).unwrap() else {
            unreachable!()
        };
        answers.insert("title".into(), json!(title));
        answers.insert("id".into(), json!(id));
        RemoteItem {
            remote_id: id.into(),
            uri: format!("https://a.example/pratiche/{id}"),
            modified: None,
            demo: false,
            via: None,
            answers,
        }
    }

    fn run(items: Vec<RemoteItem>, existing: &Existing) -> Plan {
        plan(Read { items, problems: Vec::new() }, existing, &SOURCE, OURS)
    }

    #[test]
    fn new_changed_and_unchanged_items() {
        let first =
            run(vec![remote("A-1", "Sportello a distanza"), remote("A-2", "Spesa a domicilio")], &Existing::default());
        assert_eq!((first.counts.created, first.counts.updated), (2, 0));
        let Step::Create(ready) = &first.steps[0] else { panic!("not a creation") };
        assert_eq!(ready.practice.contact_email, SOURCE.contact_email);
        let mut existing = Existing::default();
        existing.by_remote.insert("A-1".into(), Held { row_id: 1, hash: ready.hash.clone(), gone: false });
        existing.by_remote.insert("A-2".into(), Held { row_id: 2, hash: "old".into(), gone: false });
        existing.by_remote.insert("A-3".into(), Held { row_id: 3, hash: "x".into(), gone: false });
        let second =
            run(vec![remote("A-1", "Sportello a distanza"), remote("A-2", "Spesa e farmaci a domicilio")], &existing);
        assert_eq!((second.counts.unchanged, second.counts.updated, second.counts.created), (1, 1, 0));
        assert_eq!(second.gone, vec![3], "the one missing from the file is flagged, not removed");
    }

    #[test]
    fn ours_held_elsewhere_and_demo_items_are_skipped() {
        let mut ours = remote("BP-1", "Nostra");
        ours.uri = format!("{OURS}/pratiche/BP-1");
        let mut from_us = remote("A-9", "Presa da noi");
        from_us.via = Some(format!("{OURS}/opendata/buone-pratiche.json"));
        let mut demo = remote("A-8", "Dimostrativa");
        demo.demo = true;
        let held = remote("A-7", "Già raccolta");
        let mut existing = Existing::default();
        existing.elsewhere.insert(held.uri.clone());
        let plan = run(vec![ours, from_us, demo, held], &existing);
        assert!(plan.steps.is_empty());
        assert_eq!((plan.counts.own, plan.counts.demo, plan.counts.elsewhere), (2, 1, 1));
    }

    #[test]
    fn an_invalid_or_repeated_item_is_listed_and_the_others_taken() {
        let mut invalid = remote("A-1", "Senza data");
        invalid.answers.insert("start_date".into(), json!("primavera 2020"));
        let plan = run(vec![invalid, remote("A-2", "Buona"), remote("A-2", "Di nuovo")], &Existing::default());
        assert_eq!((plan.counts.created, plan.counts.invalid), (1, 2));
        assert!(
            plan.problems[0].problems.iter().any(|p| p.contains("mese") || p.contains("data")),
            "{:?}",
            plan.problems
        );
        assert_eq!(plan.problems[1].remote_id, "A-2");
    }

    #[test]
    fn private_fields_in_the_remote_data_are_never_taken() {
        let mut item = remote("A-1", "Con contatti");
        item.answers.insert("contact_email".into(), json!("privato@comune.roma.it"));
        item.answers.insert("contact_phone".into(), json!("+39 06 1234567"));
        let plan = run(vec![item], &Existing::default());
        let Step::Create(ready) = &plan.steps[0] else { panic!("not a creation") };
        assert_eq!(ready.practice.contact_email, SOURCE.contact_email);
        assert_eq!(ready.practice.contact_phone, None);
    }
}
