// SPDX-License-Identifier: EUPL-1.2
//! The sentences that ask for a missing answer.

use super::{Text, t};
use crate::record::fields::key;

/// What to say when a required answer is missing, for the questions where
/// a sentence of their own reads better than the generic one ("Compila il
/// campo «…»"), as GOV.UK's error messages do.
pub(super) const ASK: &[(&str, Text)] = &[
    (key::ENTITY_TYPE, t("Scegli il tipo di ente.", "Choose the type of body.")),
    (key::ENTITY_TYPE_OTHER, t("Scrivi di che tipo di ente si tratta.", "Say what type of body it is.")),
    (key::ENTITY_NAME, t("Scrivi la denominazione dell'ente.", "Enter the name of the body.")),
    (key::REGION_CODE, t("Scegli la regione o la provincia autonoma.", "Choose the region or autonomous province.")),
    (key::COMUNE_CODES, t("Scegli almeno un Comune dall'elenco.", "Choose at least one municipality from the list.")),
    (key::ATS_NAME, t("Scrivi il nome dell'ambito territoriale sociale.", "Enter the name of the social district.")),
    (key::TERRITORIAL_SCALE, t("Indica la scala territoriale.", "Choose the territorial scale.")),
    (key::CONTACT_NAME, t("Scrivi il nome del referente.", "Enter the contact person's name.")),
    (key::CONTACT_EMAIL, t("Scrivi l'e-mail del referente.", "Enter the contact person's e-mail.")),
    (key::TITLE, t("Scrivi il titolo della pratica.", "Enter the title of the practice.")),
    (key::SUMMARY, t("Scrivi la sintesi della pratica.", "Enter a summary of the practice.")),
    (key::DESCRIPTION, t("Descrivi il servizio attivato.", "Describe the service.")),
    (
        key::NEED_ADDRESSED,
        t("Scrivi quale bisogno o problema ha affrontato.", "Say which need or problem it addressed."),
    ),
    (key::SERVICE_TYPE, t("Indica la tipologia della pratica.", "Choose the type of the practice.")),
    (key::START_DATE, t("Indica mese e anno di avvio.", "Enter the month and year it started.")),
    (
        key::END_DATE,
        t(
            "La pratica è conclusa: indica mese e anno di conclusione.",
            "The practice has ended: enter the month and year it ended.",
        ),
    ),
    (key::STATUS, t("Indica lo stato della pratica.", "Choose the status of the practice.")),
    (key::USER_AREAS, t("Scegli almeno un'area di utenza.", "Choose at least one user area.")),
    (key::INTERVENTION_AREAS, t("Scegli almeno un'area di intervento.", "Choose at least one intervention area.")),
    (key::INNOVATION_TAGS, t("Scegli almeno un'innovazione introdotta.", "Choose at least one innovation.")),
    (key::DELIVERY_MODES, t("Scegli almeno una modalità di erogazione.", "Choose at least one delivery mode.")),
    (
        key::CONTINUE_AFTER_EMERGENCY,
        t(
            "Indica se la pratica proseguirà dopo l'emergenza.",
            "Say whether the practice will continue after the emergency.",
        ),
    ),
];
