// SPDX-License-Identifier: EUPL-1.2
//! Feedback on the service: accessibility problems reported to the editors
//! (the accessibility statement's mechanism) and anonymous ratings.

use super::ERROR;
use crate::AppState;
use crate::client::ClientIp;
use crate::db;
use crate::error::{ApiError, ApiJson};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::site::feedback::{AccessibilityReport, ReportReceipt, ServiceRating};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(report_accessibility_problem)).routes(routes!(rate_the_service))
}

/// Reports an accessibility problem to the editors (the statement's
/// feedback mechanism); anonymous unless an e-mail is given.
#[utoipa::path(post, path = "/api/accessibility-reports", tag = "respondents",
    request_body = AccessibilityReport,
    responses((status = 201, body = ReportReceipt), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn report_accessibility_problem(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiJson(report): ApiJson<AccessibilityReport>,
) -> Result<(StatusCode, Json<ReportReceipt>), ApiError> {
    state.guard.check_form(client, &report.website, report.validate())?;
    let (site, editors) = (crate::mail::Site::of(&state), state.operator.editors_email.clone());
    let id = state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let id = db::reports::insert(&tx, &report, &db::now())?;
            // The editors hear of it by e-mail too, when they have an address.
            if let Some(editors) = editors {
                let reference = domain::site::feedback::reference(id);
                let letter = crate::mail::letters::accessibility_report(&site, &reference, &report);
                crate::mail::queue(&tx, &letter.to(&site, format!("report:{reference}"), &editors, None))?;
            }
            tx.commit()?;
            Ok(id)
        })
        .await?;
    state.mail.wake();
    Ok((StatusCode::CREATED, Json(ReportReceipt { reference: domain::site::feedback::reference(id) })))
}

/// Rates the questionnaire's service (1 to 5 stars, an optional comment);
/// anonymous: nothing about the sender is kept, not even the time of day.
#[utoipa::path(post, path = "/api/service-ratings", tag = "respondents",
    request_body = ServiceRating,
    responses((status = 204, description = "Received"), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
async fn rate_the_service(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiJson(rating): ApiJson<ServiceRating>,
) -> Result<StatusCode, ApiError> {
    state.guard.check_form(client, &rating.website, rating.validate())?;
    let day = domain::dates::day_of(&db::now()).to_owned();
    state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            db::ratings::insert(&tx, &rating, &day)?;
            tx.commit()?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
