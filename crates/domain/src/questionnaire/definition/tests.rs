// SPDX-License-Identifier: EUPL-1.2

use super::*;
use crate::questionnaire::Visibility;
use crate::questionnaire::tests::valid_answers;
use std::collections::BTreeSet;

#[test]
fn the_definition_covers_exactly_the_practice_record() {
    let practice_keys: BTreeSet<String> = valid_answers().keys().cloned().collect();
    let definition_keys: BTreeSet<String> = QUESTIONNAIRE.fields().map(|f| f.key.to_owned()).collect();
    let (unstored, unasked) = (&definition_keys - &practice_keys, &practice_keys - &definition_keys);
    assert_eq!(
        definition_keys, practice_keys,
        "every stored key is asked, every asked key is stored: Practice lacks {unstored:?}, the definition {unasked:?}"
    );
    assert_eq!(QUESTIONNAIRE.steps.len(), 6, "six steps as in domain.md");
    let mut seen = BTreeSet::new();
    assert!(QUESTIONNAIRE.fields().all(|f| seen.insert(f.key)), "keys are unique");
}

#[test]
fn private_fields_are_those_of_the_domain_brief() {
    let private: BTreeSet<&str> =
        QUESTIONNAIRE.fields().filter(|f| f.visibility == Visibility::Private).map(|f| f.key).collect();
    let expected = [
        "contact_name",
        "contact_role",
        "contact_email",
        "contact_phone",
        "privacy_notice_read",
        "publication_consent",
        "no_beneficiary_data",
    ];
    assert_eq!(private, expected.into_iter().collect());
}
