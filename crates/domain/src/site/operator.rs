// SPDX-License-Identifier: EUPL-1.2
//! The administration that runs a site of the collection, as its pages and
//! open data name it: the data controller and the DPO of the privacy notice,
//! the editors' contact, the publisher of the DCAT metadata, how long
//! personal data are kept, the accessibility statement on AgID's site. The
//! server reads it from its configuration (`BP_*` variables) and serves it at
//! `/api/operator`; a static publication carries it as `operator.json`
//! (`DataSource::operator_url`).

use serde::{Deserialize, Serialize};

/// Who runs the site and how to reach them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Operator {
    /// The values are the demo's examples, not an administration's: every
    /// page that shows them says so.
    pub example: bool,
    /// The data controller (titolare del trattamento).
    pub controller: Controller,
    /// The data protection officer's e-mail (responsabile della protezione
    /// dei dati).
    pub dpo_email: Option<String>,
    /// The editors' e-mail (redazione): questions on the collection.
    pub editors_email: Option<String>,
    /// Where to report a vulnerability (as in `security.txt`).
    pub security_contact: Option<String>,
    /// The publisher of the open data (DCAT `dct:publisher`).
    pub publisher_name: String,
    /// The publisher's code in the Indice delle Pubbliche Amministrazioni.
    pub publisher_ipa: String,
    pub retention: Retention,
    /// The accessibility statement published on form.agid.gov.it, when the
    /// operator has filed one.
    pub accessibility_statement_url: Option<String>,
    /// Where the site serves the administration's emblem or logo, which the
    /// header shows beside the site's name (`/logo-ente.svg`), if any.
    #[serde(default)]
    pub logo: Option<String>,
}

/// The data controller: an administration, with its official addresses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Controller {
    pub name: Option<String>,
    /// Postal address of its offices.
    pub address: Option<String>,
    /// Posta elettronica certificata.
    pub pec: Option<String>,
    pub email: Option<String>,
}

/// How long each kind of personal data is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Retention {
    /// The referent's name, e-mail and phone, after the practice was
    /// published or rejected.
    pub contact_months: u16,
    /// A curator's account, after it was closed.
    pub account_months: u16,
    /// The server's logs (addresses and requests).
    pub log_days: u16,
    /// Reports sent with the accessibility feedback form.
    pub feedback_months: u16,
    /// E-mails the site sent (receipts, notices, relayed messages), after
    /// they were sent: the outbox deletes them then.
    pub mail_days: u16,
}

impl Default for Retention {
    fn default() -> Self {
        Self { contact_months: 24, account_months: 12, log_days: 90, feedback_months: 12, mail_days: 30 }
    }
}

/// The publisher named when the operator names none: the body that ran the
/// 2020 collection.
pub const DEFAULT_PUBLISHER_NAME: &str = "Ministero del Lavoro e delle Politiche Sociali";
/// Its IPA code, to be confirmed by the data owner before a portal harvests
/// the catalogue.
pub const DEFAULT_PUBLISHER_IPA: &str = "m_lps";

impl Default for Operator {
    fn default() -> Self {
        Self {
            example: false,
            controller: Controller::default(),
            dpo_email: None,
            editors_email: None,
            security_contact: None,
            publisher_name: DEFAULT_PUBLISHER_NAME.into(),
            publisher_ipa: DEFAULT_PUBLISHER_IPA.into(),
            retention: Retention::default(),
            accessibility_statement_url: None,
            logo: None,
        }
    }
}

impl Operator {
    /// The demo's operator: every value an example, on the reserved
    /// `example.org` domain, and marked as such.
    pub fn example() -> Self {
        Self {
            example: true,
            controller: Controller {
                name: Some("Comune di Esempio (valore di esempio)".into()),
                address: Some("Piazza del Municipio 1, 00000 Esempio (valore di esempio)".into()),
                pec: Some("protocollo@pec.example.org".into()),
                email: Some("titolare@example.org".into()),
            },
            dpo_email: Some("rpd@example.org".into()),
            editors_email: Some("redazione@example.org".into()),
            security_contact: Some("mailto:sicurezza@example.org".into()),
            ..Self::default()
        }
    }

    /// What a privacy notice needs and the configuration does not give, by
    /// the name of its variable.
    pub fn missing(&self) -> Vec<&'static str> {
        let values = [
            ("BP_CONTROLLER_NAME", &self.controller.name),
            ("BP_CONTROLLER_ADDRESS", &self.controller.address),
            ("BP_CONTROLLER_PEC", &self.controller.pec),
            ("BP_CONTROLLER_EMAIL", &self.controller.email),
            ("BP_DPO_EMAIL", &self.dpo_email),
            ("BP_EDITORS_EMAIL", &self.editors_email),
        ];
        values.into_iter().filter(|(_, value)| value.is_none()).map(|(name, _)| name).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_says_it_is_one_and_lacks_nothing() {
        let example = Operator::example();
        assert!(example.example);
        assert!(example.missing().is_empty());
        assert!(example.controller.name.as_deref().unwrap().contains("esempio"));
    }

    #[test]
    fn an_unconfigured_operator_names_what_is_missing() {
        let missing = Operator::default().missing();
        assert_eq!(missing.len(), 6);
        assert!(missing.contains(&"BP_CONTROLLER_PEC"));
    }
}
