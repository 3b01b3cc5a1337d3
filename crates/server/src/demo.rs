//! Demo practices (`domain.md` §7): invented, plausible practices of the
//! period, loaded into an empty database when `BP_DEMO=1`. Each is flagged
//! `demo`, which curators see and the catalogue shows as "dimostrativo".
//! Contact persons are invented too, on the reserved `example.org` domain.

use crate::db::{self, Db, DbError, NewPractice};
use domain::geo::{ComuneCode, Region};
use domain::practice::YearMonth;
use domain::vocabulary::*;
use domain::Practice;

/// One invented practice, in the few facts that make it distinct.
struct Seed {
    title: &'static str,
    summary: &'static str,
    entity: (EntityType, &'static str, Region, &'static str),
    service: ServiceType,
    start: (u16, u8),
    status: PracticeStatus,
    continuation: Continuation,
    areas: &'static [UserArea],
    targets: &'static [TargetGroup],
    interventions: &'static [InterventionArea],
    tags: &'static [InnovationTag],
    modes: &'static [DeliveryMode],
    tools: &'static [Tool],
}

use DeliveryMode as D;
use EntityType as E;
use InnovationTag as I;
use InterventionArea as A;
use Region as R;
use TargetGroup as T;
use Tool as To;
use UserArea as U;

const SEEDS: &[Seed] = &[
    Seed { title: "Buoni spesa online con SPID ed esito in 48 ore", summary: "Domanda di buoni spesa interamente online con SPID, istruttoria semplificata ed esito comunicato entro 48 ore.", entity: (E::Comune, "Comune di Bari", R::Puglia, "072006"), service: ServiceType::Nuovo, start: (2020, 3), status: PracticeStatus::Conclusa, continuation: Continuation::No, areas: &[U::PovertaDisagioAdulti], targets: &[T::NucleiInPoverta, T::NuoviPoveri], interventions: &[A::ContributiEconomici], tags: &[I::SemplificazioneProcedure, I::StrumentiDigitali, I::SostegnoAlimentareEconomico], modes: &[D::OnlinePiattaforma], tools: &[To::ModuloOnline, To::SpidCie, To::PiattaformaBuoniSpesa] },
    Seed { title: "Colloqui di servizio sociale in videochiamata", summary: "I colloqui con le famiglie in carico proseguono in videochiamata, con appuntamenti fissati per telefono.", entity: (E::Comune, "Comune di Torino", R::Piemonte, "001272"), service: ServiceType::Rafforzato, start: (2020, 3), status: PracticeStatus::ResaStrutturale, continuation: Continuation::GiaStrutturale, areas: &[U::FamigliaMinori], targets: &[T::FamiglieConMinori], interventions: &[A::SupportoPersonaFamiglia], tags: &[I::LavoroSocialeADistanza, I::StrumentiDigitali], modes: &[D::Videochiamata, D::Telefonica], tools: &[To::Videoconferenza, To::Telefono] },
    Seed { title: "Équipe multidisciplinari online per i patti di inclusione", summary: "Le équipe per i patti di inclusione del Reddito di cittadinanza si riuniscono online con i beneficiari.", entity: (E::AmbitoTerritorialeSociale, "Ambito territoriale sociale di Lecce", R::Puglia, "075035"), service: ServiceType::Rafforzato, start: (2020, 4), status: PracticeStatus::Attiva, continuation: Continuation::Si, areas: &[U::PovertaDisagioAdulti], targets: &[T::BeneficiariRedditoCittadinanza], interventions: &[A::IntegrazioneSociale], tags: &[I::LavoroSocialeADistanza, I::FlessibilitaOrganizzativa], modes: &[D::Videochiamata], tools: &[To::Videoconferenza, To::CartellaSocialeInformatizzata] },
    Seed { title: "Telefonate proattive agli anziani che vivono soli", summary: "Operatori e volontari chiamano ogni settimana gli anziani soli per chiedere come stanno e attivare aiuti.", entity: (E::Comune, "Comune di Lucca", R::Toscana, "046017"), service: ServiceType::Nuovo, start: (2020, 3), status: PracticeStatus::Attiva, continuation: Continuation::Si, areas: &[U::Anziani], targets: &[T::AnzianiSoli], interventions: &[A::Prevenzione, A::SupportoPersonaFamiglia], tags: &[I::RaggiungerePersoneIsolate, I::RetiTerzoSettore], modes: &[D::Telefonica], tools: &[To::Telefono] },
    Seed { title: "Pasti caldi a domicilio dalla cucina della mensa scolastica", summary: "Con le scuole chiuse, la cucina della mensa prepara pasti caldi consegnati a domicilio a chi non può uscire.", entity: (E::Comune, "Comune di Bologna", R::EmiliaRomagna, "037006"), service: ServiceType::Nuovo, start: (2020, 3), status: PracticeStatus::Conclusa, continuation: Continuation::InValutazione, areas: &[U::Anziani, U::Disabili], targets: &[T::AnzianiNonAutosufficienti, T::PersoneInQuarantena], interventions: &[A::ServiziSupporto], tags: &[I::ConsegneDomicilio, I::FlessibilitaOrganizzativa], modes: &[D::ConsegnaADomicilio], tools: &[To::Telefono] },
    Seed { title: "Farmaci e ricette consegnati con le farmacie comunali", summary: "Le farmacie comunali ricevono le ricette dematerializzate e i volontari consegnano i farmaci a casa.", entity: (E::Comune, "Comune di Brescia", R::Lombardia, "017029"), service: ServiceType::Nuovo, start: (2020, 3), status: PracticeStatus::Conclusa, continuation: Continuation::No, areas: &[U::Anziani], targets: &[T::AnzianiSoli, T::PersoneInQuarantena], interventions: &[A::ServiziSupporto], tags: &[I::ConsegneDomicilio, I::RetiTerzoSettore], modes: &[D::ConsegnaADomicilio], tools: &[To::Telefono, To::TesseraSanitaria] },
    Seed { title: "Sportello sociale su app di messaggistica", summary: "Un numero di messaggistica risponde a domande su aiuti e servizi, con operatori dedicati in orario d'ufficio.", entity: (E::Comune, "Comune di Napoli", R::Campania, "063049"), service: ServiceType::Nuovo, start: (2020, 4), status: PracticeStatus::Attiva, continuation: Continuation::Si, areas: &[U::Multiutenza], targets: &[T::Cittadinanza], interventions: &[A::SegretariatoSociale], tags: &[I::StrumentiDigitali, I::InformazioneCittadini, I::SemplificazioneProcedure], modes: &[D::OnlinePiattaforma], tools: &[To::Messaggistica] },
    Seed { title: "Educativa domiciliare a distanza per minori in carico", summary: "Gli educatori seguono i minori in carico con incontri in video e attività condivise con le famiglie.", entity: (E::UnioneComuni, "Unione dei comuni della Bassa Romagna", R::EmiliaRomagna, ""), service: ServiceType::Rafforzato, start: (2020, 3), status: PracticeStatus::Attiva, continuation: Continuation::Si, areas: &[U::FamigliaMinori], targets: &[T::MinoriInCarico], interventions: &[A::EducativoInserimentoLavorativo], tags: &[I::LavoroSocialeADistanza, I::DidatticaDistanzaMinori], modes: &[D::Videochiamata], tools: &[To::Videoconferenza] },
    Seed { title: "Tablet e SIM dati in comodato agli studenti senza dispositivi", summary: "Tablet e SIM con traffico dati prestati agli studenti che non potevano seguire la didattica a distanza.", entity: (E::Comune, "Comune di Palermo", R::Sicilia, "082053"), service: ServiceType::Nuovo, start: (2020, 4), status: PracticeStatus::Conclusa, continuation: Continuation::No, areas: &[U::FamigliaMinori], targets: &[T::StudentiSenzaDispositivi], interventions: &[A::EducativoInserimentoLavorativo], tags: &[I::DidatticaDistanzaMinori, I::StrumentiDigitali], modes: &[D::ConsegnaADomicilio], tools: &[To::DispositiviTabletPcRouter] },
    Seed { title: "Incontri protetti genitori-figli in videochiamata", summary: "Gli incontri protetti tra genitori e figli allontanati proseguono in video, con l'educatore collegato.", entity: (E::ConsorzioAziendaSpeciale, "Consorzio socio-assistenziale del Cuneese", R::Piemonte, ""), service: ServiceType::Rafforzato, start: (2020, 3), status: PracticeStatus::Attiva, continuation: Continuation::InValutazione, areas: &[U::FamigliaMinori], targets: &[T::MinoriInCarico, T::FamiglieConMinori], interventions: &[A::SupportoPersonaFamiglia], tags: &[I::LavoroSocialeADistanza], modes: &[D::Videochiamata], tools: &[To::Videoconferenza] },
    Seed { title: "Supporto psicologico online per gli operatori sociali", summary: "Psicologi offrono colloqui online e gruppi di supervisione agli operatori sociali sotto pressione.", entity: (E::Regione, "Regione Marche", R::Marche, ""), service: ServiceType::Nuovo, start: (2020, 4), status: PracticeStatus::Conclusa, continuation: Continuation::InValutazione, areas: &[U::Multiutenza], targets: &[T::OperatoriSociali], interventions: &[A::Prevenzione], tags: &[I::SupportoPsicologicoAscolto, I::FormazioneOperatori], modes: &[D::Videochiamata], tools: &[To::Videoconferenza] },
    Seed { title: "Linea antiviolenza collegata al numero nazionale 1522", summary: "Una linea comunale per le donne vittime di violenza, raccordata con il 1522 e con i centri antiviolenza.", entity: (E::Comune, "Comune di Firenze", R::Toscana, "048017"), service: ServiceType::Rafforzato, start: (2020, 3), status: PracticeStatus::ResaStrutturale, continuation: Continuation::GiaStrutturale, areas: &[U::FamigliaMinori], targets: &[T::VittimeDiViolenza], interventions: &[A::ProntoIntervento], tags: &[I::ContrastoViolenza, I::SupportoPsicologicoAscolto], modes: &[D::Telefonica], tools: &[To::Telefono] },
    Seed { title: "Unità di strada notturne con kit igienici", summary: "Unità di strada notturne distribuiscono kit igienici, mascherine e informazioni alle persone senza dimora.", entity: (E::Comune, "Comune di Milano", R::Lombardia, "015146"), service: ServiceType::Rafforzato, start: (2020, 3), status: PracticeStatus::Attiva, continuation: Continuation::Si, areas: &[U::PovertaDisagioAdulti], targets: &[T::PersoneSenzaDimora], interventions: &[A::ProntoIntervento], tags: &[I::AccoglienzaSenzaDimora, I::RetiTerzoSettore], modes: &[D::InPresenza], tools: &[To::Telefono] },
    Seed { title: "Centri diurni per persone con disabilità online e visite a casa", summary: "Le attività dei centri diurni continuano online, affiancate da visite domiciliari programmate.", entity: (E::Asp, "ASP del Distretto di Perugia", R::Umbria, ""), service: ServiceType::Misto, start: (2020, 3), status: PracticeStatus::Conclusa, continuation: Continuation::InValutazione, areas: &[U::Disabili], targets: &[T::PersoneConDisabilita, T::Caregiver], interventions: &[A::Semiresidenziale, A::Domiciliarita], tags: &[I::LavoroSocialeADistanza, I::FlessibilitaOrganizzativa], modes: &[D::Videochiamata, D::Domiciliare], tools: &[To::Videoconferenza] },
    Seed { title: "Mediazione culturale telefonica per famiglie straniere", summary: "Mediatori culturali al telefono aiutano le famiglie straniere a capire le regole e ad accedere agli aiuti.", entity: (E::Comune, "Comune di Prato", R::Toscana, "100005"), service: ServiceType::Nuovo, start: (2020, 4), status: PracticeStatus::Attiva, continuation: Continuation::Si, areas: &[U::ImmigratiRom], targets: &[T::Migranti], interventions: &[A::IntegrazioneSociale], tags: &[I::InformazioneCittadini, I::RaggiungerePersoneIsolate], modes: &[D::Telefonica], tools: &[To::Telefono] },
    Seed { title: "Piattaforma per l'incontro tra volontari e richieste di aiuto", summary: "Una piattaforma online abbina le richieste di aiuto dei cittadini ai volontari disponibili nel quartiere.", entity: (E::Comune, "Comune di Padova", R::Veneto, "028060"), service: ServiceType::Nuovo, start: (2020, 3), status: PracticeStatus::Attiva, continuation: Continuation::Si, areas: &[U::Multiutenza], targets: &[T::AnzianiSoli, T::Cittadinanza], interventions: &[A::ServiziSupporto], tags: &[I::RetiTerzoSettore, I::StrumentiDigitali], modes: &[D::OnlinePiattaforma], tools: &[To::ModuloOnline, To::AppDedicata] },
    Seed { title: "Residenza fittizia e fermo posta prenotabili online", summary: "Le persone senza dimora prenotano online o per telefono la residenza fittizia e il servizio di fermo posta.", entity: (E::Comune, "Comune di Genova", R::Liguria, "010025"), service: ServiceType::Rafforzato, start: (2020, 5), status: PracticeStatus::ResaStrutturale, continuation: Continuation::GiaStrutturale, areas: &[U::PovertaDisagioAdulti], targets: &[T::PersoneSenzaDimora], interventions: &[A::SegretariatoSociale], tags: &[I::SemplificazioneProcedure, I::AccoglienzaSenzaDimora], modes: &[D::OnlinePiattaforma, D::Telefonica], tools: &[To::ModuloOnline] },
    Seed { title: "Contributo affitto d'emergenza con domanda online", summary: "Un contributo straordinario per l'affitto, richiesto con un modulo online e pagato entro trenta giorni.", entity: (E::Comune, "Comune di Trieste", R::FriuliVeneziaGiulia, "032006"), service: ServiceType::Nuovo, start: (2020, 5), status: PracticeStatus::Conclusa, continuation: Continuation::No, areas: &[U::PovertaDisagioAdulti], targets: &[T::NuoviPoveri, T::NucleiInPoverta], interventions: &[A::ContributiEconomici], tags: &[I::SemplificazioneProcedure, I::SostegnoAlimentareEconomico], modes: &[D::OnlinePiattaforma], tools: &[To::ModuloOnline, To::PecEmail] },
    Seed { title: "Progetti utili alla collettività convertiti in consegne", summary: "I beneficiari del Reddito di cittadinanza impegnati nei PUC consegnano spesa e farmaci alle persone fragili.", entity: (E::Comune, "Comune di Taranto", R::Puglia, "073027"), service: ServiceType::Misto, start: (2020, 6), status: PracticeStatus::Sospesa, continuation: Continuation::InValutazione, areas: &[U::PovertaDisagioAdulti, U::Anziani], targets: &[T::BeneficiariRedditoCittadinanza, T::AnzianiSoli], interventions: &[A::ServiziSupporto, A::IntegrazioneSociale], tags: &[I::ConsegneDomicilio, I::FlessibilitaOrganizzativa], modes: &[D::ConsegnaADomicilio], tools: &[To::Telefono] },
    Seed { title: "Newsletter multicanale sui servizi attivi", summary: "Ogni settimana una newsletter su sito, social, SMS e messaggistica dice quali servizi sono aperti e come.", entity: (E::Comune, "Comune di Ancona", R::Marche, "042002"), service: ServiceType::Nuovo, start: (2020, 3), status: PracticeStatus::Attiva, continuation: Continuation::Si, areas: &[U::Multiutenza], targets: &[T::Cittadinanza], interventions: &[A::SegretariatoSociale], tags: &[I::InformazioneCittadini], modes: &[D::OnlinePiattaforma], tools: &[To::Messaggistica, To::PecEmail] },
    Seed { title: "Dimissioni ospedaliere protette rafforzate con l'azienda sanitaria", summary: "Servizi sociali e azienda sanitaria pianificano insieme il rientro a casa degli anziani dimessi.", entity: (E::AziendaSanitaria, "Azienda sanitaria dell'Alto Adige", R::Bolzano, "021008"), service: ServiceType::Rafforzato, start: (2020, 4), status: PracticeStatus::ResaStrutturale, continuation: Continuation::GiaStrutturale, areas: &[U::Anziani], targets: &[T::AnzianiNonAutosufficienti, T::Caregiver], interventions: &[A::Domiciliarita], tags: &[I::FlessibilitaOrganizzativa, I::CoordinamentoProtezioneCivile], modes: &[D::Domiciliare], tools: &[To::CartellaSocialeInformatizzata, To::Telefono] },
    Seed { title: "Spesa sospesa nei negozi di quartiere", summary: "I clienti dei negozi di quartiere lasciano prodotti pagati che i servizi sociali distribuiscono a chi ne ha bisogno.", entity: (E::Comune, "Comune di Cagliari", R::Sardegna, "092009"), service: ServiceType::Nuovo, start: (2020, 4), status: PracticeStatus::Conclusa, continuation: Continuation::No, areas: &[U::PovertaDisagioAdulti], targets: &[T::NuoviPoveri], interventions: &[A::ServiziSupporto], tags: &[I::SostegnoAlimentareEconomico, I::RetiTerzoSettore], modes: &[D::InPresenza, D::ConsegnaADomicilio], tools: &[To::Telefono] },
    Seed { title: "Telesoccorso esteso a nuovi utenti", summary: "Il servizio di telesoccorso è stato esteso agli anziani soli segnalati durante il lockdown.", entity: (E::Comune, "Comune di Trento", R::Trento, "022205"), service: ServiceType::Rafforzato, start: (2020, 4), status: PracticeStatus::Attiva, continuation: Continuation::Si, areas: &[U::Anziani], targets: &[T::AnzianiSoli], interventions: &[A::Domiciliarita], tags: &[I::RaggiungerePersoneIsolate, I::StrumentiDigitali], modes: &[D::Domiciliare], tools: &[To::Telesoccorso] },
    Seed { title: "Formazione online degli operatori su lavoro a distanza e privacy", summary: "Un percorso online forma gli operatori sociali su colloqui a distanza, strumenti digitali e protezione dei dati.", entity: (E::Regione, "Regione Abruzzo", R::Abruzzo, ""), service: ServiceType::Nuovo, start: (2020, 5), status: PracticeStatus::Conclusa, continuation: Continuation::Si, areas: &[U::Multiutenza], targets: &[T::OperatoriSociali], interventions: &[A::Prevenzione], tags: &[I::FormazioneOperatori, I::LavoroSocialeADistanza], modes: &[D::OnlinePiattaforma], tools: &[To::Videoconferenza] },
    Seed { title: "Sportello telefonico per i caregiver familiari", summary: "Un numero dedicato offre ascolto, informazioni e sollievo ai caregiver di persone non autosufficienti.", entity: (E::AmbitoTerritorialeSociale, "Ambito territoriale sociale di Potenza", R::Basilicata, "076063"), service: ServiceType::Nuovo, start: (2020, 4), status: PracticeStatus::Attiva, continuation: Continuation::Si, areas: &[U::Disabili, U::Anziani], targets: &[T::Caregiver], interventions: &[A::SupportoPersonaFamiglia], tags: &[I::SupportoPsicologicoAscolto, I::RaggiungerePersoneIsolate], modes: &[D::Telefonica], tools: &[To::Telefono] },
];

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
            partners: vec![domain::practice::Partner { kind: PartnerType::Volontariato, name: "Associazioni di volontariato del territorio".into() }],
            contact_name: format!("Referente dimostrativo {}", index + 1),
            contact_role: Some("Responsabile dei servizi sociali".into()),
            contact_email: format!("referente{}@example.org", index + 1),
            contact_phone: Some("+39 000 000 0000".into()),
            public_contact: Some("servizi.sociali@example.org".into()),
            title: self.title.into(),
            summary: self.summary.into(),
            description: format!(
                "{}\n\nPratica dimostrativa: il contenuto è inventato per mostrare come funziona la raccolta e non descrive un servizio reale.",
                self.summary
            ),
            need_addressed: "Durante il lockdown le persone più fragili non potevano raggiungere i servizi nei modi consueti.".into(),
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
            let new = NewPractice { answer: answer.clone(), status: ModerationStatus::Pubblicata, demo: true, round: CollectionRound::PrimaRaccolta2020 };
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
            assert_eq!(practice.validate(), Ok(()), "{}", practice.title);
        }
    }
}
