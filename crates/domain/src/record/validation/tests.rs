// SPDX-License-Identifier: EUPL-1.2

use super::*;
use crate::record::geo::{ComuneCode, Region};

pub(crate) fn index() -> &'static ComuneIndex {
    crate::record::comuni::shipped()
}
use crate::record::practice::Partner;
use crate::record::vocabulary::*;

/// A complete, valid practice that each case below changes in one way.
pub(crate) fn valid() -> Practice {
    Practice {
        entity_type: EntityType::Comune,
        entity_type_other: None,
        entity_name: "Comune di Lucca".into(),
        region_code: Region::Toscana,
        comune_codes: vec![ComuneCode::parse("046017").unwrap()],
        ats_name: None,
        territorial_scale: TerritorialScale::Comunale,
        partners: vec![Partner { kind: PartnerType::Volontariato, name: "Misericordia".into() }],
        contact_name: "Maria Rossi".into(),
        contact_role: Some("Assistente sociale".into()),
        contact_email: "m.rossi@comune.lucca.it".into(),
        contact_phone: None,
        public_contact: Some("sociale@comune.lucca.it".into()),
        no_contact_requests: false,
        title: "Telefonate agli anziani soli".into(),
        summary: "Chiamate settimanali agli anziani che vivono soli.".into(),
        description: "Gli operatori chiamano ogni settimana.\n\nSecondo paragrafo.".into(),
        need_addressed: "Isolamento durante il lockdown.".into(),
        service_type: ServiceType::Nuovo,
        start_date: YearMonth::new(2020, 3).unwrap(),
        end_date: None,
        status: PracticeStatus::Attiva,
        user_areas: vec![UserArea::Anziani],
        target_groups: vec![TargetGroup::AnzianiSoli],
        intervention_areas: vec![InterventionArea::SupportoPersonaFamiglia],
        innovation_tags: vec![InnovationTag::RaggiungerePersoneIsolate],
        related_measures: vec![],
        delivery_modes: vec![DeliveryMode::Telefonica],
        communication_channels: vec![CommunicationChannel::SitoIstituzionale],
        communication_channels_other: None,
        tools: vec![Tool::Telefono],
        tools_other: None,
        staff_profiles: vec![],
        staff_count: Some(4),
        volunteers_count: None,
        funding_sources: vec![],
        budget_eur: None,
        beneficiaries_count: Some(120),
        beneficiaries_unit: Some(BeneficiariesUnit::Persone),
        results: None,
        feedback_staff: "Positivi.".into(),
        feedback_citizens: "Molto apprezzato.".into(),
        critical_issues: None,
        advice: None,
        continue_after_emergency: Continuation::Si,
        links: vec!["https://www.comune.lucca.it/anziani".into()],
        privacy_notice_read: true,
        publication_consent: true,
        no_beneficiary_data: true,
    }
}

#[test]
fn the_reference_practice_is_valid() {
    assert_eq!(valid().validate(Some(index())), Ok(()));
}

type Case = (&'static str, fn(&mut Practice), &'static str, Option<FieldError>);

/// Each case changes the valid practice in one way and names the single
/// field error it must cause (`None`: the change must be accepted).
fn cases() -> Vec<Case> {
    vec![
        ("blank title", |p| p.title = "   ".into(), "title", Some(FieldError::Required)),
        ("title of 120 characters", |p| p.title = "a".repeat(120), "title", None),
        ("title of 121 characters", |p| p.title = "a".repeat(121), "title", Some(FieldError::TooLong { max: 120 })),
        ("limits count characters, not bytes", |p| p.title = "è".repeat(120), "title", None),
        ("summary over 500", |p| p.summary = "x".repeat(501), "summary", Some(FieldError::TooLong { max: 500 })),
        ("description of 5000", |p| p.description = "x".repeat(5000), "description", None),
        (
            "description over 5000",
            |p| p.description = "x".repeat(5001),
            "description",
            Some(FieldError::TooLong { max: 5000 }),
        ),
        ("paragraphs are welcome", |p| p.description = "Uno.\n\nDue.\r\n\tTre.".into(), "description", None),
        ("HTML is kept as text, not refused", |p| p.summary = "<script>alert(1)</script>".into(), "summary", None),
        ("a NUL byte", |p| p.title = "Titolo\u{0}".into(), "title", Some(FieldError::ForbiddenCharacters)),
        ("a zero-width space", |p| p.title = "Tito\u{200B}lo".into(), "title", Some(FieldError::ForbiddenCharacters)),
        (
            "a right-to-left override",
            |p| p.entity_name = "Comune \u{202E}acculL".into(),
            "entity_name",
            Some(FieldError::ForbiddenCharacters),
        ),
        ("missing contact e-mail", |p| p.contact_email = "".into(), "contact_email", Some(FieldError::Required)),
        (
            "e-mail without @",
            |p| p.contact_email = "m.rossi.comune.it".into(),
            "contact_email",
            Some(FieldError::InvalidEmail),
        ),
        (
            "e-mail without a dotted domain",
            |p| p.contact_email = "m@localhost".into(),
            "contact_email",
            Some(FieldError::InvalidEmail),
        ),
        (
            "e-mail whose domain cannot exist",
            |p| p.contact_email = "g.ferraro@comune.sassari".into(),
            "contact_email",
            Some(FieldError::InvalidEmail),
        ),
        ("e-mail at a second-level suffix", |p| p.contact_email = "a@comune.bari.gov.it".into(), "contact_email", None),
        ("e-mail at a new generic suffix", |p| p.contact_email = "a@ambito.social".into(), "contact_email", None),
        ("e-mail with a domain in capitals", |p| p.contact_email = "A@COMUNE.BARI.IT".into(), "contact_email", None),
        (
            "e-mail with a space",
            |p| p.contact_email = "m rossi@comune.it".into(),
            "contact_email",
            Some(FieldError::InvalidEmail),
        ),
        (
            "e-mail with two @",
            |p| p.contact_email = "a@b@comune.it".into(),
            "contact_email",
            Some(FieldError::InvalidEmail),
        ),
        ("a Comune without its code", |p| p.comune_codes.clear(), "comune_codes", Some(FieldError::Required)),
        (
            "a Regione needs no Comune",
            |p| {
                p.entity_type = EntityType::Regione;
                p.comune_codes.clear()
            },
            "comune_codes",
            None,
        ),
        (
            "an Ambito needs its name",
            |p| p.entity_type = EntityType::AmbitoTerritorialeSociale,
            "ats_name",
            Some(FieldError::Required),
        ),
        (
            "an Ambito with its name",
            |p| {
                p.entity_type = EntityType::AmbitoTerritorialeSociale;
                p.ats_name = Some("Ambito TA/2".into())
            },
            "ats_name",
            None,
        ),
        (
            "body type altro without text",
            |p| p.entity_type = EntityType::Altro,
            "entity_type_other",
            Some(FieldError::OtherTextRequired),
        ),
        (
            "body type altro with text",
            |p| {
                p.entity_type = EntityType::Altro;
                p.entity_type_other = Some("Società della salute".into())
            },
            "entity_type_other",
            None,
        ),
        (
            "a partner without a name",
            |p| p.partners[0].name = " ".into(),
            "partners.0.name",
            Some(FieldError::Required),
        ),
        (
            "start before 2020",
            |p| p.start_date = YearMonth::new(2019, 12).unwrap(),
            "start_date",
            Some(FieldError::TooEarly { min: "2020-01".into() }),
        ),
        ("start in January 2020", |p| p.start_date = YearMonth::new(2020, 1).unwrap(), "start_date", None),
        ("end before start", |p| p.end_date = YearMonth::new(2020, 2), "end_date", Some(FieldError::EndBeforeStart)),
        ("end in the start month", |p| p.end_date = YearMonth::new(2020, 3), "end_date", None),
        ("no user area", |p| p.user_areas.clear(), "user_areas", Some(FieldError::ChooseAtLeastOne)),
        ("no innovation tag", |p| p.innovation_tags.clear(), "innovation_tags", Some(FieldError::ChooseAtLeastOne)),
        ("no tool", |p| p.tools.clear(), "tools", Some(FieldError::ChooseAtLeastOne)),
        ("tool altro without text", |p| p.tools.push(Tool::Altro), "tools_other", Some(FieldError::OtherTextRequired)),
        (
            "channel altro without text",
            |p| p.communication_channels.push(CommunicationChannel::Altro),
            "communication_channels_other",
            Some(FieldError::OtherTextRequired),
        ),
        ("other text without altro is ignored", |p| p.tools_other = Some("fax".into()), "tools_other", None),
        ("a count without its unit", |p| p.beneficiaries_unit = None, "beneficiaries_unit", Some(FieldError::Required)),
        (
            "a Comune of another region",
            |p| p.comune_codes = vec![ComuneCode::parse("058091").unwrap()],
            "comune_codes",
            Some(FieldError::ComuneOutsideRegion),
        ),
        (
            "a code missing from the ISTAT list",
            |p| p.comune_codes = vec![ComuneCode::parse("999999").unwrap()],
            "comune_codes",
            Some(FieldError::InvalidComune),
        ),
        (
            "Comuni of the chosen region",
            |p| p.comune_codes.push(ComuneCode::parse("048017").unwrap()),
            "comune_codes",
            None,
        ),
        (
            "no count, no unit",
            |p| {
                p.beneficiaries_count = None;
                p.beneficiaries_unit = None
            },
            "beneficiaries_unit",
            None,
        ),
        (
            "feedback from citizens missing",
            |p| p.feedback_citizens = "".into(),
            "feedback_citizens",
            Some(FieldError::Required),
        ),
        ("eleven links", |p| p.links = vec!["https://a.it".into(); 11], "links", Some(FieldError::TooMany { max: 10 })),
        (
            "a javascript: link",
            |p| p.links = vec!["javascript:alert(1)".into()],
            "links.0",
            Some(FieldError::InvalidUrl),
        ),
        (
            "a link without host",
            |p| p.links = vec!["https:///delibera".into()],
            "links.0",
            Some(FieldError::InvalidUrl),
        ),
        ("a plain http link", |p| p.links = vec!["http://albo.comune.it/delibera?id=4".into()], "links.0", None),
        (
            "privacy notice not read",
            |p| p.privacy_notice_read = false,
            "privacy_notice_read",
            Some(FieldError::MustAccept),
        ),
        (
            "no publication consent",
            |p| p.publication_consent = false,
            "publication_consent",
            Some(FieldError::MustAccept),
        ),
        (
            "beneficiary data not excluded",
            |p| p.no_beneficiary_data = false,
            "no_beneficiary_data",
            Some(FieldError::MustAccept),
        ),
    ]
}

#[test]
fn each_rule_accepts_and_refuses_what_it_should() {
    for (why, change, field, expected) in cases() {
        let mut practice = valid();
        change(&mut practice);
        let errors = practice.validate(Some(index())).err().unwrap_or_default();
        match expected {
            Some(error) => {
                assert_eq!(errors.get(field), [error], "{why}: errors on {field}");
                assert_eq!(errors.fields().count(), 1, "{why}: only {field} is wrong, got {errors:?}");
            }
            None => assert!(errors.is_empty(), "{why}: must be accepted, got {errors:?}"),
        }
    }
}

#[test]
fn the_422_shape_maps_fields_to_messages() {
    let mut p = valid();
    p.title.clear();
    p.contact_email = "nope".into();
    let messages = p.validate(None).unwrap_err().messages(Lang::It);
    assert_eq!(messages["title"], ["Compila questo campo."]);
    assert_eq!(messages["contact_email"], ["Scrivi un indirizzo e-mail nella forma nome@ente.it."]);
}
