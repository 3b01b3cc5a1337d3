// SPDX-License-Identifier: EUPL-1.2
//! The back office, in thin handlers by area: sign-in (`session`), the queue
//! (`queue`), a submission for review (`review`), decisions and corrections
//! (`decisions`), accounts (`accounts`), collection rounds (`rounds`) and their invitees (`invitations`), the
//! accessibility reports and service ratings (`reports`) and the curators' downloads (`exports`), the imports (`imports`) and the imported rows kept as drafts (`drafts`), the harvest (`harvest`). Handlers extract and check the
//! request, ask the domain, and call a `db::` function that carries the
//! change out in one transaction with its audit entry.

mod accounts;
mod adoptions;
mod decisions;
mod drafts;
mod exports;
mod harvest;
mod imports;
mod invitations;
mod outbox;
mod queue;
mod reports;
mod review;
mod rounds;
mod session;

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

const ERROR: &str = crate::openapi::ERROR_DESCRIPTION;

/// The session and moderation routes; state-changing requests must come from our pages.
pub fn router(state: &AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(session::whoami, session::sign_in, session::sign_out))
        .routes(routes!(session::daily_digest, session::set_daily_digest))
        .routes(routes!(queue::queue))
        .routes(routes!(review::submission))
        .routes(routes!(decisions::decide))
        .routes(routes!(decisions::edit))
        .routes(routes!(exports::export_all))
        .routes(routes!(exports::audit))
        .routes(routes!(exports::audit_csv))
        .routes(routes!(accounts::users, accounts::add_user))
        .routes(routes!(rounds::list_rounds, rounds::add_round))
        .routes(routes!(invitations::invitees, invitations::add_invitees))
        .routes(routes!(invitations::remove_invitee))
        .routes(routes!(accounts::disable_user))
        .routes(routes!(accounts::enable_user))
        .routes(routes!(reports::list_reports))
        .routes(routes!(reports::handle_report))
        .routes(routes!(reports::rating_results))
        .routes(routes!(outbox::outbox))
        .routes(routes!(adoptions::list_adoptions))
        .routes(routes!(adoptions::decide_adoption))
        .routes(routes!(drafts::list_drafts))
        .routes(routes!(drafts::draft))
        .routes(routes!(drafts::complete_draft))
        .merge(imports::router())
        .merge(harvest::router())
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::auth::same_origin_only))
}
