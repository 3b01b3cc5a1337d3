// SPDX-License-Identifier: EUPL-1.2
//! Demo practices (`domain.md` §7): invented, plausible practices of the
//! period, loaded into an empty database when `BP_DEMO=1`. Each is flagged
//! `demo`, which curators see and the catalogue shows as "dimostrativo".
//! Contact persons are invented too, on the reserved `example.org` domain.

use crate::db::{self, Db, DbError, NewPractice};
use domain::Practice;
use domain::record::geo::{ComuneCode, Region};
use domain::record::practice::YearMonth;
use domain::record::vocabulary::*;
use seeds::SEEDS;

mod seeds;

use EntityType as E;

/// One invented practice, in the few facts that make it distinct.
pub(super) struct Seed {
    pub(super) title: &'static str,
    pub(super) summary: &'static str,
    pub(super) entity: (EntityType, &'static str, Region, &'static str),
    pub(super) service: ServiceType,
    pub(super) start: (u16, u8),
    pub(super) status: PracticeStatus,
    pub(super) continuation: Continuation,
    pub(super) areas: &'static [UserArea],
    pub(super) targets: &'static [TargetGroup],
    pub(super) interventions: &'static [InterventionArea],
    pub(super) tags: &'static [InnovationTag],
    pub(super) modes: &'static [DeliveryMode],
    pub(super) tools: &'static [Tool],
}

impl Seed {
    fn practice(&self, index: usize) -> Practice {
        let (entity_type, entity_name, region, comune) = self.entity;
        let scale = match entity_type {
            E::Comune => TerritorialScale::Comunale,
            E::Regione | E::ProvinciaAutonoma => TerritorialScale::Regionale,
            E::AziendaSanitaria | E::CittaMetropolitana => TerritorialScale::ProvincialeMetropolitana,
            _ => TerritorialScale::SovracomunaleAmbito,
        };
        Practice {
            entity_type,
            entity_type_other: None,
            entity_name: entity_name.into(),
            region_code: region,
            comune_codes: ComuneCode::parse(comune).into_iter().collect(),
            ats_name: (entity_type == E::AmbitoTerritorialeSociale).then(|| entity_name.into()),
            territorial_scale: scale,
            partners: vec![domain::record::practice::Partner {
                kind: PartnerType::Volontariato,
                name: "Associazioni di volontariato del territorio".into(),
            }],
            contact_name: format!("Referente dimostrativo {}", index + 1),
            contact_role: Some("Responsabile dei servizi sociali".into()),
            contact_email: format!("referente{}@example.org", index + 1),
            contact_phone: Some("+39 000 000 0000".into()),
            public_contact: Some("servizi.sociali@example.org".into()),
            no_contact_requests: false,
            title: self.title.into(),
            summary: self.summary.into(),
            description: format!(
                "{}\n\nPratica dimostrativa: il contenuto è inventato per mostrare come funziona la raccolta e non descrive un servizio reale.",
                self.summary
            ),
            need_addressed:
                "Durante il lockdown le persone più fragili non potevano raggiungere i servizi nei modi consueti."
                    .into(),
            service_type: self.service,
            start_date: YearMonth::new(self.start.0, self.start.1).expect("seed dates are valid"),
            end_date: (self.status == PracticeStatus::Conclusa).then(|| YearMonth::new(2020, 12).expect("valid")),
            status: self.status,
            user_areas: self.areas.to_vec(),
            target_groups: self.targets.to_vec(),
            intervention_areas: self.interventions.to_vec(),
            innovation_tags: self.tags.to_vec(),
            related_measures: vec![RelatedMeasure::Dl182020CuraItalia],
            delivery_modes: self.modes.to_vec(),
            communication_channels: vec![CommunicationChannel::SitoIstituzionale, CommunicationChannel::SocialMedia],
            communication_channels_other: None,
            tools: self.tools.to_vec(),
            tools_other: None,
            staff_profiles: vec![StaffProfile::AssistenteSociale],
            staff_count: Some(3 + (index as u32 % 7)),
            volunteers_count: Some(10 * (index as u32 % 5)),
            funding_sources: vec![FundingSource::FondiComunali],
            budget_eur: None,
            beneficiaries_count: Some(50 + 37 * index as u32),
            beneficiaries_unit: Some(BeneficiariesUnit::Persone),
            results: Some("Risultati dimostrativi: il servizio ha raggiunto le persone previste.".into()),
            feedback_staff: "Gli operatori hanno apprezzato la rapidità di attivazione.".into(),
            feedback_citizens: "I cittadini hanno segnalato un accesso più semplice.".into(),
            critical_issues: None,
            advice: Some("Coinvolgere da subito il terzo settore.".into()),
            continue_after_emergency: self.continuation,
            links: vec![],
            privacy_notice_read: true,
            publication_consent: true,
            no_beneficiary_data: true,
        }
    }
}

/// The demo practices, each valid by the questionnaire's own rules.
pub fn practices() -> Vec<Practice> {
    SEEDS.iter().enumerate().map(|(i, seed)| seed.practice(i)).collect()
}

/// Loads the demo practices, published and flagged as demo, when the database
/// holds no practice at all; returns how many were loaded.
pub async fn load_if_empty(db: &Db) -> Result<usize, DbError> {
    db.call(|conn| {
        if !db::is_empty(conn)? {
            return Ok(0);
        }
        let practices = practices();
        for answer in &practices {
            let new = NewPractice {
                answer: answer.clone(),
                status: ModerationStatus::Pubblicata,
                demo: true,
                round: CollectionRound::PrimaRaccolta2020.code().to_owned(),
                derived_from: None,
                submission: None,
            };
            db::insert_practice(conn, &new)?;
        }
        Ok(practices.len())
    })
    .await
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_demo_practice_passes_validation() {
        let practices = super::practices();
        assert!(practices.len() >= 20);
        for practice in practices {
            assert_eq!(practice.validate(Some(domain::record::comuni::shipped())), Ok(()), "{}", practice.title);
        }
    }
}
