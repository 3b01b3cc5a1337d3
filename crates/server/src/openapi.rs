// SPDX-License-Identifier: EUPL-1.2
//! The OpenAPI 3.1 document of the JSON API, served at `/api/openapi.json`.
//! It is assembled from the handlers' `#[utoipa::path]` attributes and the
//! types they exchange (`ToSchema`), and every documented route is registered
//! through `utoipa_axum::routes!`, so the document cannot drift from the code.

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Buone pratiche API",
        description = "The open collection of good practices of Italian local social services: the public catalogue \
                       and open data, respondents' submissions and their private link, and the curators' workflow. \
                       Every error is JSON: `{\"error\": {\"status\", \"code\", \"message\", \"fields\"?, \"field_errors\"?}}`.",
        license(name = "EUPL-1.2", identifier = "EUPL-1.2")
    ),
    modifiers(&Security),
    tags(
        (name = "catalogue", description = "Published practices and open data (public)"),
        (name = "respondents", description = "Submitting a practice and updating it through its private link"),
        (name = "curators", description = "Sign-in, the queue and decisions (a curator's session)"),
        (name = "admins", description = "Accounts, rounds and the audit log (an admin's session)")
    )
)]
pub struct ApiDoc;

/// The two ways to be recognised: a curator's session cookie, and the private
/// link's secret as a bearer token.
struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "Set by POST /api/session; HttpOnly, SameSite=Strict.",
            ))),
        );
        components.add_security_scheme(
            "private_link",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("The secret of the respondent's private link (the part after #)."))
                    .build(),
            ),
        );
    }
}

/// Carries the questionnaire's own limits into the schemas of the answers
/// (`Practice`, `PublicPractice`): each field's label as its description,
/// text lengths, list sizes, required texts and choices. Applied once the
/// routes have added their schemas, so the document states the rules the
/// server enforces, from the one definition both use.
pub fn add_questionnaire_rules(openapi: &mut utoipa::openapi::OpenApi) {
    use domain::questionnaire::{Kind, QUESTIONNAIRE, Required};
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::Schema;
    let Some(components) = openapi.components.as_mut() else { return };
    for name in ["Practice", "PublicPractice"] {
        let Some(RefOr::T(Schema::Object(object))) = components.schemas.get_mut(name) else { continue };
        for field in QUESTIONNAIRE.fields() {
            let Some(property) = object.properties.get_mut(field.key) else { continue };
            let required = name == "Practice" && field.required == Required::Always;
            match property {
                RefOr::T(Schema::Object(text)) => {
                    text.description = Some(field.label.it.to_owned());
                    if let Kind::Text { max, .. } = field.kind {
                        text.max_length = Some(max);
                        text.min_length = required.then_some(1);
                    }
                }
                RefOr::T(Schema::Array(list)) => {
                    list.description = Some(field.label.it.to_owned());
                    match field.kind {
                        Kind::Urls { max } | Kind::Partners { max } | Kind::Comuni { max, .. } => {
                            list.max_items = Some(max)
                        }
                        Kind::Choices { .. } if required => list.min_items = Some(1),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }
}

/// The URL parameters of a catalogue view, as in `/catalogo?...`: unknown
/// parameters and codes are ignored, as the page ignores them.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documentation only: handlers read the pairs in order
pub struct CatalogueView {
    /// Words to search for.
    q: Option<String>,
    /// Region codes, comma-separated (e.g. `16,09`).
    regione: Option<String>,
    /// Entity types, comma-separated.
    ente: Option<String>,
    /// Service types.
    tipologia: Option<String>,
    /// User areas.
    utenza: Option<String>,
    /// Target groups.
    destinatari: Option<String>,
    /// Intervention areas.
    intervento: Option<String>,
    /// Innovation tags.
    innovazione: Option<String>,
    /// Tools.
    strumento: Option<String>,
    /// Delivery modes.
    modalita: Option<String>,
    /// Continuation after the emergency.
    prosegue: Option<String>,
    /// Practice status.
    stato: Option<String>,
    /// Start years.
    anno: Option<String>,
    /// Sort order.
    ordina: Option<String>,
    /// Page number, from 1.
    pagina: Option<String>,
    /// The language of the page whose view this is (`it`, the default, or
    /// `en`): the words are searched in its labels of the classifications.
    lang: Option<String>,
}

/// The error every 4xx answer carries (documentation of `error::Body`).
pub const ERROR_DESCRIPTION: &str = "A clear error, as JSON";
