// SPDX-License-Identifier: EUPL-1.2
//! Harvesting another collection: why a run can fail (said in words), and
//! how a practice read there becomes one here. Only its public answers are
//! taken; the fields nobody publishes (the referent, the consents) come from
//! the source as the administrator entered it, never from the remote data.

pub mod api;

use crate::api::Answers;
use crate::questionnaire::{QUESTIONNAIRE, Visibility};
use crate::record::comuni::ComuneIndex;
use crate::record::fields::key;
use crate::{FieldErrors, Lang, Practice};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The format our open data is written in, as `collection.format` and
/// `dct:conformsTo` name it: what a harvester reads.
pub const FORMAT: &str = "buone-pratiche/1";

/// The licences under which a harvested practice may be republished here.
pub const LICENCES: [&str; 2] = ["CC-BY-4.0", "CC0-1.0"];

/// Why a run read nothing: the previous harvest stays as it was. In JSON,
/// `"html"` or `{"status": {"status": 404}}` (externally tagged: the
/// browser reads it without buffering the object, several KB less wasm).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    /// No connection (the name does not resolve, the port is closed).
    Unreachable { detail: String },
    /// No complete answer within the time allowed.
    Timeout { seconds: u64 },
    /// An HTTP status other than 2xx.
    Status { status: u16 },
    /// A web page where data was expected.
    Html,
    /// More bytes than a run reads.
    TooLarge { max_mib: usize },
    /// Not UTF-8 text.
    NotUtf8,
    /// Not our open data's shape.
    Shape { detail: String },
    /// A DCAT catalogue without a distribution in our format.
    NoDistribution,
    /// A sheet whose header row has no mapping saved by an import.
    NoMapping,
    /// Under a licence that does not allow republishing.
    Licence { found: String },
    /// An address we do not fetch (a scheme other than http(s), a private
    /// network, too many redirects).
    Refused { detail: String },
}

impl Failure {
    /// The failure in words, for the administrators' page.
    pub fn describe(&self, lang: Lang) -> String {
        let it = lang == Lang::It;
        let what = match self {
            Failure::Unreachable { detail } if it => format!("La fonte non risponde ({detail})"),
            Failure::Unreachable { detail } => format!("The source does not answer ({detail})"),
            Failure::Timeout { seconds } if it => format!("La fonte non ha risposto entro {seconds} secondi"),
            Failure::Timeout { seconds } => format!("The source did not answer within {seconds} seconds"),
            Failure::Status { status } if it => {
                format!("La fonte ha risposto {status} ({})", status_words(*status, it))
            }
            Failure::Status { status } => format!("The source answered {status} ({})", status_words(*status, it)),
            Failure::Html if it => "La fonte ha risposto con una pagina web, non con dati".to_owned(),
            Failure::Html => "The source answered with a web page, not data".to_owned(),
            Failure::TooLarge { max_mib } if it => format!("Il file della fonte supera {max_mib} MiB"),
            Failure::TooLarge { max_mib } => format!("The source's file is over {max_mib} MiB"),
            Failure::NotUtf8 if it => "Il file della fonte non è testo UTF-8".to_owned(),
            Failure::NotUtf8 => "The source's file is not UTF-8 text".to_owned(),
            Failure::Shape { detail } if it => format!("Il file della fonte non ha la forma attesa: {detail}"),
            Failure::Shape { detail } => format!("The source's file does not have the expected shape: {detail}"),
            Failure::NoDistribution if it => {
                format!("Il catalogo DCAT non ha una distribuzione nel formato {FORMAT} (dct:conformsTo)")
            }
            Failure::NoDistribution => {
                format!("The DCAT catalogue has no distribution in the format {FORMAT} (dct:conformsTo)")
            }
            Failure::NoMapping if it => "Le colonne di questo foglio non hanno ancora una corrispondenza salvata: \
                 caricalo una volta in «Importa risposte da un foglio», abbina colonne e valori e importalo"
                .to_owned(),
            Failure::NoMapping => "The columns of this sheet have no saved mapping yet: upload it once in \
                 «Import responses from a sheet», map its columns and values and import it"
                .to_owned(),
            Failure::Licence { found } if it => {
                format!("Le pratiche della fonte hanno la licenza «{found}», che non ne permette la ripubblicazione")
            }
            Failure::Licence { found } => {
                format!("The source's practices are under «{found}», which does not allow republishing")
            }
            Failure::Refused { detail } if it => format!("Indirizzo non consentito: {detail}"),
            Failure::Refused { detail } => format!("Address not allowed: {detail}"),
        };
        let kept = if it { "la raccolta precedente resta com'è." } else { "the previous harvest is kept." };
        format!("{what}: {kept}")
    }
}

fn status_words(status: u16, it: bool) -> &'static str {
    match (status, it) {
        (404, true) => "non trovato",
        (404, false) => "not found",
        (401 | 403, true) => "accesso negato",
        (401 | 403, false) => "access denied",
        (500..=599, true) => "errore della fonte",
        (500..=599, false) => "error at the source",
        (_, true) => "risposta inattesa",
        (_, false) => "unexpected answer",
    }
}

/// Where a harvested practice comes from, as its page, the catalogue and
/// the open data say it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeSource {
    /// The source's short name here (`?fonte=`).
    pub key: String,
    /// The collection's name.
    pub name: String,
    /// The address its practices are read from.
    pub url: String,
    /// The practice's identity at its origin, and its page there.
    pub uri: String,
    /// Its reference at the source.
    pub id: String,
    /// When it last changed there.
    pub modified: Option<String>,
}

impl PracticeSource {
    /// The practice's own page at its origin: its `uri`, unless that names
    /// a row of a file (a sheet's rows, `…/risposte.csv#riga-…`, have none).
    pub fn page(&self) -> Option<&str> {
        (!self.uri.contains('#')).then_some(self.uri.as_str())
    }
}

/// A practice of the source that was not taken, and why.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemProblem {
    /// Its id at the source (empty when it had none).
    pub remote_id: String,
    pub title: Option<String>,
    pub problems: Vec<String>,
}

/// The public answers of a remote practice, in the questionnaire's order:
/// what is taken from the source (and hashed to see whether it changed).
pub fn public_answers(remote: &Answers) -> Answers {
    QUESTIONNAIRE
        .fields()
        .filter(|field| field.visibility == Visibility::Public)
        .filter_map(|field| remote.get(field.key).map(|value| (field.key.to_owned(), value.clone())))
        .filter(|(_, value)| !value.is_null())
        .collect()
}

/// The practice a harvested item becomes: its public answers checked by the
/// questionnaire's rules, with the source's editors as its referent, the
/// consents given by the source's open licence, and no contact requests
/// relayed (the practice page links to the source instead).
pub fn accept(
    public: &Answers,
    source_name: &str,
    contact_email: &str,
    comuni: Option<&ComuneIndex>,
) -> Result<Practice, FieldErrors> {
    let mut answers = public.clone();
    let private = [
        (key::CONTACT_NAME, Value::String(format!("Redazione di {source_name}"))),
        (key::CONTACT_EMAIL, Value::String(contact_email.to_owned())),
        (key::PRIVACY_NOTICE_READ, Value::Bool(true)),
        (key::PUBLICATION_CONSENT, Value::Bool(true)),
        (key::NO_BENEFICIARY_DATA, Value::Bool(true)),
        (key::NO_CONTACT_REQUESTS, Value::Bool(true)),
    ];
    for (key, value) in private {
        answers.insert(key.to_owned(), value);
    }
    QUESTIONNAIRE.accept(answers, comuni)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remote() -> Answers {
        let practice = crate::record::validation::tests::valid();
        let Value::Object(mut answers) = serde_json::to_value(&practice).unwrap() else { unreachable!() };
        answers.insert("contact_email".into(), "someone@example.org".into());
        answers.insert("uri".into(), "https://a.example/pratiche/BP-2026-0001".into());
        answers
    }

    #[test]
    fn only_public_answers_are_taken_and_the_referent_is_the_source() {
        let public = public_answers(&remote());
        assert!(!public.contains_key("contact_email") && !public.contains_key("uri"));
        assert!(public.contains_key("title"));
        let practice = accept(&public, "Regione Umbria", "pratiche@regione.umbria.it", None).unwrap();
        assert_eq!(practice.contact_email, "pratiche@regione.umbria.it");
        assert_eq!(practice.contact_name, "Redazione di Regione Umbria");
        assert!(practice.no_contact_requests && practice.publication_consent);
    }

    #[test]
    fn an_invalid_answer_is_refused_by_the_questionnaires_rules() {
        let mut public = public_answers(&remote());
        public.insert("start_date".into(), "primavera 2020".into());
        let errors = accept(&public, "A", "redazione@comune.roma.it", None).unwrap_err();
        assert!(errors.fields().any(|key| key == "start_date"), "{errors:?}");
    }

    #[test]
    fn every_failure_says_the_previous_harvest_is_kept() {
        let failures = [
            Failure::Status { status: 404 },
            Failure::Html,
            Failure::Licence { found: "CC-BY-NC-4.0".into() },
            Failure::Timeout { seconds: 60 },
        ];
        for failure in failures {
            assert!(failure.describe(Lang::It).ends_with("la raccolta precedente resta com'è."));
            assert!(failure.describe(Lang::En).ends_with("the previous harvest is kept."));
        }
        assert!(Failure::Status { status: 404 }.describe(Lang::It).contains("404 (non trovato)"));
    }
}
