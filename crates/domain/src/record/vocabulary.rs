// SPDX-License-Identifier: EUPL-1.2
//! The controlled vocabularies of `domain.md` §3-4. Each vocabulary is an enum
//! whose serialized form is its stable code (the key stored, exported and used
//! in URLs) and whose labels are what people read, in Italian and English.
//! Unknown codes are rejected by deserialization itself.

/// One option of a choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The stable code: stored, exported and used in URLs.
    pub code: &'static str,
    /// What people read.
    pub label: crate::lang::Text,
}

/// Defines a vocabulary: an enum of `Variant = "code": "Italian" / "English"`
/// entries, with `ALL`, `code`, `label` and `from_code`.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal : $it:literal / $en:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        pub enum $name {
            $(#[doc = $it] #[serde(rename = $code)] $variant),+
        }

        /// In the OpenAPI document: a string, one of the codes.
        #[cfg(feature = "openapi")]
        impl ::utoipa::PartialSchema for $name {
            fn schema() -> ::utoipa::openapi::RefOr<::utoipa::openapi::schema::Schema> {
                ::utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(::utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($code),+]))
                    .description(Some(concat!($("`", $code, "` ", $it, "; "),+)))
                    .into()
            }
        }
        #[cfg(feature = "openapi")]
        impl ::utoipa::ToSchema for $name {
            fn name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($name))
            }
        }

        impl $name {
            /// Every entry, in the order the questionnaire shows them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The entries as the questionnaire's options: code and labels.
            pub const CHOICES: &'static [$crate::record::vocabulary::Choice] = &[
                $($crate::record::vocabulary::Choice { code: $code, label: $crate::lang::Text { it: $it, en: $en } }),+
            ];

            /// The stable code: stored, exported and used in URLs.
            pub const fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            /// What people read.
            pub const fn label(self, lang: $crate::Lang) -> &'static str {
                match (self, lang) {
                    $((Self::$variant, $crate::Lang::It) => $it, (Self::$variant, $crate::Lang::En) => $en),+
                }
            }

            /// The entry with this code, if any.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|entry| entry.code() == code)
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// Tipo di ente: the kind of body that runs the practice.
    EntityType {
        Comune = "comune": "Comune" / "Municipality",
        UnioneComuni = "unione_comuni": "Unione di comuni" / "Union of municipalities",
        AmbitoTerritorialeSociale = "ambito_territoriale_sociale": "Ambito territoriale sociale" / "Social district",
        ConsorzioAziendaSpeciale = "consorzio_azienda_speciale": "Consorzio o azienda speciale" / "Consortium or special agency",
        Asp = "asp": "Azienda pubblica di servizi alla persona (ASP)" / "Public personal-services agency (ASP)",
        CittaMetropolitana = "citta_metropolitana": "Città metropolitana" / "Metropolitan city",
        Regione = "regione": "Regione" / "Region",
        ProvinciaAutonoma = "provincia_autonoma": "Provincia autonoma" / "Autonomous province",
        AziendaSanitaria = "azienda_sanitaria": "Azienda sanitaria" / "Health authority",
        Altro = "altro": "Altro" / "Other",
    }
}

vocabulary! {
    /// Scala territoriale.
    TerritorialScale {
        Comunale = "comunale": "Comunale" / "Municipal",
        SovracomunaleAmbito = "sovracomunale_ambito": "Sovracomunale o di ambito" / "Inter-municipal or district",
        ProvincialeMetropolitana = "provinciale_metropolitana": "Provinciale o metropolitana" / "Provincial or metropolitan",
        Regionale = "regionale": "Regionale" / "Regional",
    }
}

vocabulary! {
    /// Tipo di soggetto coinvolto (partner).
    PartnerType {
        TerzoSettore = "terzo_settore": "Terzo settore" / "Third sector",
        Volontariato = "volontariato": "Volontariato" / "Volunteering",
        ProtezioneCivile = "protezione_civile": "Protezione civile" / "Civil protection",
        AziendaSanitaria = "azienda_sanitaria": "Azienda sanitaria" / "Health authority",
        Scuole = "scuole": "Scuole" / "Schools",
        ParrocchieCaritas = "parrocchie_caritas": "Parrocchie e Caritas" / "Parishes and Caritas",
        Imprese = "imprese": "Imprese" / "Businesses",
        Fondazioni = "fondazioni": "Fondazioni" / "Foundations",
        Altro = "altro": "Altro" / "Other",
    }
}

vocabulary! {
    /// Tipologia: new, strengthened or mixed service (the 2020 report's three types).
    ServiceType {
        Nuovo = "nuovo": "Servizio completamente nuovo" / "Completely new service",
        Rafforzato = "rafforzato": "Servizio esistente, rafforzato o rimodulato" / "Existing service, strengthened or reshaped",
        Misto = "misto": "Misto" / "Mixed",
    }
}

vocabulary! {
    /// Stato della pratica.
    PracticeStatus {
        Attiva = "attiva": "Attiva" / "Running",
        Conclusa = "conclusa": "Conclusa" / "Ended",
        Sospesa = "sospesa": "Sospesa" / "Suspended",
        ResaStrutturale = "resa_strutturale": "Resa strutturale" / "Made permanent",
    }
}

vocabulary! {
    /// Aree di utenza ISTAT (§4.1).
    UserArea {
        FamigliaMinori = "famiglia_minori": "Famiglia e minori" / "Family and children",
        Disabili = "disabili": "Persone con disabilità" / "People with disabilities",
        Dipendenze = "dipendenze": "Dipendenze" / "Addictions",
        Anziani = "anziani": "Anziani (65 anni e più)" / "Older people (65 and over)",
        ImmigratiRom = "immigrati_rom": "Immigrati, Rom, Sinti e Caminanti" / "Immigrants, Roma, Sinti and Caminanti",
        PovertaDisagioAdulti = "poverta_disagio_adulti": "Povertà, disagio adulti e senza dimora" / "Poverty, adult hardship and homelessness",
        Multiutenza = "multiutenza": "Multiutenza" / "Multiple user groups",
    }
}

vocabulary! {
    /// Destinatari specifici (§4.2).
    TargetGroup {
        AnzianiSoli = "anziani_soli": "Anziani soli" / "Older people living alone",
        AnzianiNonAutosufficienti = "anziani_non_autosufficienti": "Anziani non autosufficienti" / "Dependent older people",
        PersoneConDisabilita = "persone_con_disabilita": "Persone con disabilità" / "People with disabilities",
        Caregiver = "caregiver": "Caregiver familiari" / "Family carers",
        FamiglieConMinori = "famiglie_con_minori": "Famiglie con minori" / "Families with children",
        MinoriInCarico = "minori_in_carico": "Minori in carico ai servizi" / "Children in care of the services",
        StudentiSenzaDispositivi = "studenti_senza_dispositivi": "Studenti senza dispositivi" / "Pupils without devices",
        NucleiInPoverta = "nuclei_in_poverta": "Nuclei in povertà" / "Households in poverty",
        BeneficiariRedditoCittadinanza = "beneficiari_reddito_cittadinanza": "Beneficiari del Reddito di cittadinanza" / "Citizenship income recipients",
        NuoviPoveri = "nuovi_poveri": "Nuovi poveri" / "Newly poor",
        PersoneSenzaDimora = "persone_senza_dimora": "Persone senza dimora" / "Homeless people",
        PersoneInQuarantena = "persone_in_quarantena": "Persone in quarantena" / "People in quarantine",
        Migranti = "migranti": "Migranti" / "Migrants",
        RomSintiCaminanti = "rom_sinti_caminanti": "Rom, Sinti e Caminanti" / "Roma, Sinti and Caminanti",
        VittimeDiViolenza = "vittime_di_violenza": "Vittime di violenza" / "Victims of violence",
        PersoneConDipendenze = "persone_con_dipendenze": "Persone con dipendenze" / "People with addictions",
        OperatoriSociali = "operatori_sociali": "Operatori sociali" / "Social workers",
        Cittadinanza = "cittadinanza": "Cittadinanza" / "All citizens",
    }
}

vocabulary! {
    /// Area di intervento (§4.3, after the interregional nomenclature).
    InterventionArea {
        SegretariatoSociale = "segretariato_sociale": "Segretariato sociale e accesso" / "Social information and access",
        Prevenzione = "prevenzione": "Prevenzione e sensibilizzazione" / "Prevention and awareness",
        ProntoIntervento = "pronto_intervento": "Pronto intervento sociale" / "Social emergency response",
        SupportoPersonaFamiglia = "supporto_persona_famiglia": "Supporto alla persona e alla famiglia" / "Support to individuals and families",
        IntegrazioneSociale = "integrazione_sociale": "Integrazione sociale" / "Social integration",
        EducativoInserimentoLavorativo = "educativo_inserimento_lavorativo": "Interventi educativi e inserimento lavorativo" / "Education and job placement",
        Domiciliarita = "domiciliarita": "Interventi domiciliari" / "Home care",
        ServiziSupporto = "servizi_supporto": "Servizi di supporto (mensa, trasporto, beni di prima necessità)" / "Support services (meals, transport, basic goods)",
        Semiresidenziale = "semiresidenziale": "Strutture semiresidenziali" / "Day facilities",
        Residenziale = "residenziale": "Strutture residenziali" / "Residential facilities",
        ContributiEconomici = "contributi_economici": "Contributi economici (buoni spesa, sostegno al reddito)" / "Financial aid (food vouchers, income support)",
    }
}

vocabulary! {
    /// Innovazioni introdotte (§4.4): the catalogue's primary facet.
    InnovationTag {
        SemplificazioneProcedure = "semplificazione_procedure": "Semplificazione di procedure e accesso" / "Simpler procedures and access",
        LavoroSocialeADistanza = "lavoro_sociale_a_distanza": "Lavoro sociale a distanza" / "Remote social work",
        RaggiungerePersoneIsolate = "raggiungere_persone_isolate": "Raggiungere persone e famiglie isolate" / "Reaching isolated people and families",
        StrumentiDigitali = "strumenti_digitali": "Strumenti digitali" / "Digital tools",
        FlessibilitaOrganizzativa = "flessibilita_organizzativa": "Flessibilità organizzativa" / "Organisational flexibility",
        SostegnoAlimentareEconomico = "sostegno_alimentare_economico": "Sostegno alimentare ed economico" / "Food and financial support",
        ConsegneDomicilio = "consegne_domicilio": "Consegne a domicilio" / "Home deliveries",
        SupportoPsicologicoAscolto = "supporto_psicologico_ascolto": "Supporto psicologico e ascolto" / "Psychological support and listening",
        RetiTerzoSettore = "reti_terzo_settore": "Reti con terzo settore e volontariato" / "Networks with third sector and volunteers",
        CoordinamentoProtezioneCivile = "coordinamento_protezione_civile": "Coordinamento con la protezione civile" / "Coordination with civil protection",
        DidatticaDistanzaMinori = "didattica_distanza_minori": "Didattica a distanza e minori" / "Distance learning and children",
        AccoglienzaSenzaDimora = "accoglienza_senza_dimora": "Accoglienza persone senza dimora" / "Shelter for homeless people",
        ContrastoViolenza = "contrasto_violenza": "Contrasto alla violenza domestica" / "Fighting domestic violence",
        InformazioneCittadini = "informazione_cittadini": "Informazione ai cittadini" / "Information to citizens",
        FormazioneOperatori = "formazione_operatori": "Formazione e supervisione degli operatori" / "Staff training and supervision",
    }
}

vocabulary! {
    /// Misure nazionali collegate.
    RelatedMeasure {
        Ocdpc6582020BuoniSpesa = "ocdpc_658_2020_buoni_spesa": "OCDPC 658/2020 (buoni spesa)" / "OCDPC 658/2020 (food vouchers)",
        Dl182020CuraItalia = "dl_18_2020_cura_italia": "DL 18/2020 (Cura Italia)" / "Decree-law 18/2020 (Cura Italia)",
        CircolareMlps12020 = "circolare_mlps_1_2020": "Circolare MLPS 1/2020" / "Ministry of Labour circular 1/2020",
        RedditoCittadinanza = "reddito_cittadinanza": "Reddito di cittadinanza" / "Citizenship income",
        RedditoEmergenza = "reddito_emergenza": "Reddito di emergenza" / "Emergency income",
        Altro = "altro": "Altro" / "Other",
    }
}

vocabulary! {
    /// Modalità di erogazione.
    DeliveryMode {
        InPresenza = "in_presenza": "In presenza" / "In person",
        Domiciliare = "domiciliare": "Domiciliare" / "At home",
        Telefonica = "telefonica": "Telefonica" / "By phone",
        Videochiamata = "videochiamata": "Videochiamata" / "Video call",
        OnlinePiattaforma = "online_piattaforma": "Online o su piattaforma" / "Online or on a platform",
        ConsegnaADomicilio = "consegna_a_domicilio": "Consegna a domicilio" / "Home delivery",
    }
}

vocabulary! {
    /// Come è stata comunicata ai cittadini.
    CommunicationChannel {
        SitoIstituzionale = "sito_istituzionale": "Sito istituzionale" / "Institutional website",
        SocialMedia = "social_media": "Social media" / "Social media",
        NumeroDedicato = "numero_dedicato": "Numero dedicato" / "Dedicated phone number",
        Sms = "sms": "SMS" / "Text messages",
        Messaggistica = "messaggistica": "Messaggistica (WhatsApp, Telegram)" / "Messaging apps (WhatsApp, Telegram)",
        App = "app": "App" / "App",
        MediaLocali = "media_locali": "Media locali" / "Local media",
        VolantiniAffissioni = "volantini_affissioni": "Volantini e affissioni" / "Leaflets and posters",
        FarmacieMedici = "farmacie_medici": "Farmacie e medici" / "Pharmacies and doctors",
        ReteTerzoSettoreParrocchie = "rete_terzo_settore_parrocchie": "Rete del terzo settore e parrocchie" / "Third-sector and parish network",
        Passaparola = "passaparola": "Passaparola" / "Word of mouth",
        Altro = "altro": "Altro" / "Other",
    }
}

vocabulary! {
    /// Strumenti utilizzati.
    Tool {
        Telefono = "telefono": "Telefono" / "Telephone",
        Messaggistica = "messaggistica": "Messaggistica" / "Messaging",
        Videoconferenza = "videoconferenza": "Videoconferenza" / "Video conferencing",
        ModuloOnline = "modulo_online": "Modulo online" / "Online form",
        SpidCie = "spid_cie": "SPID o CIE" / "SPID or CIE digital identity",
        PecEmail = "pec_email": "PEC o e-mail" / "Certified e-mail or e-mail",
        AppDedicata = "app_dedicata": "App dedicata" / "Dedicated app",
        PiattaformaBuoniSpesa = "piattaforma_buoni_spesa": "Piattaforma per buoni spesa" / "Food-voucher platform",
        CartaPrepagata = "carta_prepagata": "Carta prepagata" / "Prepaid card",
        TesseraSanitaria = "tessera_sanitaria": "Tessera sanitaria" / "Health card",
        DispositiviTabletPcRouter = "dispositivi_tablet_pc_router": "Dispositivi (tablet, PC, router)" / "Devices (tablets, PCs, routers)",
        Telesoccorso = "telesoccorso": "Telesoccorso" / "Telecare alarm",
        CartellaSocialeInformatizzata = "cartella_sociale_informatizzata": "Cartella sociale informatizzata" / "Electronic social record",
        Altro = "altro": "Altro" / "Other",
    }
}

vocabulary! {
    /// Figure professionali coinvolte.
    StaffProfile {
        AssistenteSociale = "assistente_sociale": "Assistente sociale" / "Social worker",
        Educatore = "educatore": "Educatore" / "Educator",
        Oss = "oss": "Operatore socio-sanitario (OSS)" / "Social-care worker",
        Psicologo = "psicologo": "Psicologo" / "Psychologist",
        MediatoreCulturale = "mediatore_culturale": "Mediatore culturale" / "Cultural mediator",
        Amministrativo = "amministrativo": "Personale amministrativo" / "Administrative staff",
        Volontario = "volontario": "Volontario" / "Volunteer",
        ProtezioneCivile = "protezione_civile": "Protezione civile" / "Civil protection",
        PoliziaLocale = "polizia_locale": "Polizia locale" / "Local police",
    }
}

vocabulary! {
    /// Fonti di finanziamento.
    FundingSource {
        FondiComunali = "fondi_comunali": "Fondi comunali" / "Municipal funds",
        Fnps = "fnps": "Fondo nazionale politiche sociali" / "National social policy fund",
        FondoPoverta = "fondo_poverta": "Fondo povertà" / "Poverty fund",
        PonInclusione = "pon_inclusione": "PON Inclusione" / "PON Inclusion programme",
        Ocdpc658 = "ocdpc_658": "OCDPC 658/2020" / "OCDPC 658/2020",
        FondiRegionali = "fondi_regionali": "Fondi regionali" / "Regional funds",
        Donazioni = "donazioni": "Donazioni" / "Donations",
        Fondazioni = "fondazioni": "Fondazioni" / "Foundations",
        Altro = "altro": "Altro" / "Other",
    }
}

vocabulary! {
    /// Unità di misura dei destinatari raggiunti.
    BeneficiariesUnit {
        Persone = "persone": "Persone" / "People",
        NucleiFamiliari = "nuclei_familiari": "Nuclei familiari" / "Households",
        Contatti = "contatti": "Contatti" / "Contacts",
        Domande = "domande": "Domande" / "Applications",
    }
}

vocabulary! {
    /// Proseguirà dopo l'emergenza?
    Continuation {
        Si = "si": "Sì" / "Yes",
        No = "no": "No" / "No",
        InValutazione = "in_valutazione": "In valutazione" / "Under consideration",
        GiaStrutturale = "gia_strutturale": "Già strutturale" / "Already permanent",
    }
}

vocabulary! {
    /// Curation state of a submission; only `Pubblicata` is public.
    ModerationStatus {
        Inviata = "inviata": "Inviata" / "Submitted",
        InRevisione = "in_revisione": "In revisione" / "In review",
        IntegrazioniRichieste = "integrazioni_richieste": "Integrazioni richieste" / "Changes requested",
        Pubblicata = "pubblicata": "Pubblicata" / "Published",
        Respinta = "respinta": "Respinta" / "Rejected",
        Archiviata = "archiviata": "Archiviata" / "Archived",
    }
}

vocabulary! {
    /// Raccolta: the collection round a submission belongs to.
    CollectionRound {
        PrimaRaccolta2020 = "prima_raccolta_2020": "Prima raccolta 2020 (entro il 15 maggio 2020)" / "First collection 2020 (by 15 May 2020)",
        RaccoltaContinua = "raccolta_continua": "Raccolta continua" / "Continuous collection",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use serde::{Deserialize, Serialize};

    /// Codes are the stable identity of an entry: they must be unique within a
    /// vocabulary and round-trip through serde and `from_code`.
    fn assert_codes_round_trip<T>(all: &[T], code: fn(T) -> &'static str, from: fn(&str) -> Option<T>)
    where
        T: Copy + PartialEq + std::fmt::Debug + Serialize + for<'de> Deserialize<'de>,
    {
        let mut seen = std::collections::BTreeSet::new();
        for &entry in all {
            let c = code(entry);
            assert!(seen.insert(c), "duplicate code {c}");
            assert_eq!(from(c), Some(entry), "from_code({c})");
            assert_eq!(serde_json::to_string(&entry).unwrap(), format!("\"{c}\""));
            assert_eq!(serde_json::from_str::<T>(&format!("\"{c}\"")).unwrap(), entry);
        }
    }

    #[test]
    fn every_vocabulary_round_trips_its_codes() {
        assert_codes_round_trip(EntityType::ALL, EntityType::code, EntityType::from_code);
        assert_codes_round_trip(UserArea::ALL, UserArea::code, UserArea::from_code);
        assert_codes_round_trip(TargetGroup::ALL, TargetGroup::code, TargetGroup::from_code);
        assert_codes_round_trip(InterventionArea::ALL, InterventionArea::code, InterventionArea::from_code);
        assert_codes_round_trip(InnovationTag::ALL, InnovationTag::code, InnovationTag::from_code);
        assert_codes_round_trip(Tool::ALL, Tool::code, Tool::from_code);
        assert_codes_round_trip(CommunicationChannel::ALL, CommunicationChannel::code, CommunicationChannel::from_code);
        assert_codes_round_trip(ModerationStatus::ALL, ModerationStatus::code, ModerationStatus::from_code);
    }

    #[test]
    fn vocabulary_sizes_match_the_domain_brief() {
        assert_eq!(EntityType::ALL.len(), 10);
        assert_eq!(UserArea::ALL.len(), 7);
        assert_eq!(TargetGroup::ALL.len(), 18);
        assert_eq!(InterventionArea::ALL.len(), 11);
        assert_eq!(InnovationTag::ALL.len(), 15);
        assert_eq!(Tool::ALL.len(), 14);
        assert_eq!(CommunicationChannel::ALL.len(), 12);
    }

    #[test]
    fn unknown_codes_are_rejected() {
        assert_eq!(ServiceType::from_code("nuovissimo"), None);
        let err = serde_json::from_str::<ServiceType>("\"nuovissimo\"").unwrap_err();
        assert!(err.to_string().contains("unknown variant"), "{err}");
    }

    #[test]
    fn labels_are_italian_first() {
        assert_eq!(UserArea::Anziani.label(Lang::It), "Anziani (65 anni e più)");
        assert_eq!(UserArea::Anziani.label(Lang::En), "Older people (65 and over)");
    }
}
