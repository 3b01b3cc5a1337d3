// SPDX-License-Identifier: EUPL-1.2
//! The editors' queue: every submission with the count of each state, by tab.

use super::ERROR;
use crate::AppState;
use crate::auth::Curator;
use crate::error::{ApiError, ApiQuery};
use crate::messages::Message;
use axum::Json;
use axum::extract::State;
use domain::catalogue::search::{Field, TextIndex};
use domain::curation::api::{QueueEntry, QueueFilter, QueuePage, TO_CURATE};
use domain::record::vocabulary::ModerationStatus;
use std::collections::BTreeMap;

/// Submissions, oldest first, with the count of each state; `?stato=`,
/// `?aggiornamenti=true`, `?da_aggiornare=true` and `?q=` filter.
#[utoipa::path(get, path = "/api/moderation/submissions", tag = "curators", security(("session" = [])),
    params(QueueFilter), responses((status = 200, body = QueuePage), (status = "4XX", description = ERROR, body = crate::error::ErrorBody)))]
pub(super) async fn queue(
    State(state): State<AppState>,
    Curator(_curator): Curator,
    ApiQuery(filter): ApiQuery<QueueFilter>,
) -> Result<Json<QueuePage>, ApiError> {
    // `da_curare`: what awaits the editors (the queue's first tab).
    let to_curate_only = filter.stato.as_deref() == Some(TO_CURATE);
    let wanted = match filter.stato.as_deref() {
        None | Some("") | Some(TO_CURATE) => None,
        Some(code) => Some(
            ModerationStatus::from_code(code)
                .ok_or_else(|| ApiError::BadRequest(Message::UnknownStatus(code.to_owned())))?,
        ),
    };
    let rows = state.db.read(crate::db::queue).await?;
    let mut counts: BTreeMap<ModerationStatus, usize> = ModerationStatus::ALL.iter().map(|s| (*s, 0)).collect();
    for row in &rows {
        *counts.entry(row.moderation_status).or_default() += 1;
    }
    let updates_pending = rows.iter().filter(|r| r.update_pending).count();
    let awaits = |r: &QueueEntry| domain::curation::awaits_curators(r.moderation_status, r.update_pending);
    let to_curate = rows.iter().filter(|r| awaits(r)).count();
    let only_updates = filter.aggiornamenti == Some(true);
    let only_stale = filter.da_aggiornare == Some(true);
    let stale = rows.iter().filter(|r| r.stale).count();
    let adoptions_waiting = state.db.read(crate::db::adoptions::waiting).await?;
    let import_drafts = state.db.read(crate::db::import_drafts::open_count).await?;
    // The catalogue's search engine: word forms, typos, the last word as a prefix.
    let found = TextIndex::new(rows.iter().map(|r| {
        [(Field::Title, r.title.as_str()), (Field::Names, r.entity_name.as_str()), (Field::Names, r.id.as_str())]
    }))
    .search(filter.q.as_deref().unwrap_or(""), false);
    let submissions = rows
        .into_iter()
        .enumerate()
        .filter(|(i, r)| {
            wanted.is_none_or(|w| r.moderation_status == w)
                && (!to_curate_only || awaits(r))
                && (!only_updates || r.update_pending)
                && (!only_stale || r.stale)
                && found.holds(*i)
        })
        .map(|(_, r)| r)
        .collect();
    Ok(Json(QueuePage { counts, updates_pending, to_curate, stale, adoptions_waiting, import_drafts, submissions }))
}
