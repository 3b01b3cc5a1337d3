// SPDX-License-Identifier: EUPL-1.2
//! The audit log of every action, on the administration page.

use super::table::{ListTable, Lists};
use crate::i18n::{tr, tr_with};
use crate::texts;
use domain::Lang;
use domain::curation::api::AuditEntry;
use leptos::prelude::*;

/// The log's heading, its download link and its table, newest first.
#[component]
pub(super) fn AuditSection(
    /// The page's lists.
    lists: LocalResource<Lists>,
) -> impl IntoView {
    view! {
        <h2>{tr(texts::admin::AUDIT_LOG)}</h2>
        <p>
            <a href="/api/moderation/audit.csv" download="registro-redazione.csv">
                {tr(texts::admin::DOWNLOAD_THE_LOG_CSV)}
            </a>
        </p>
        <ListTable
            lists
            pick=|l| &l.audit
            caption=texts::admin::MOST_RECENT_FIRST
            class="audit-log"
            headers=&[
                texts::admin::WHEN,
                texts::admin::WHO,
                texts::admin::ACTION,
                texts::admin::PRACTICE,
                texts::admin::BEFORE,
                texts::admin::AFTER,
                texts::admin::MESSAGE,
            ]
            row=move |e: &AuditEntry| {
                let (action, before, after) = (e.action, e.before.clone(), e.after.clone());
                view! {
                    <td>{e.at.replace('T', " ").trim_end_matches('Z').to_owned()}</td>
                    <td>{e.actor.clone()}</td>
                    <td>{tr_with(move |lang| action.label(lang).to_owned())}</td>
                    <td class="nowrap">{e.practice.as_ref().map(ToString::to_string).unwrap_or_default()}</td>
                    <td>{tr_with(move |lang| state_label(before.as_deref(), lang).to_owned())}</td>
                    <td>{tr_with(move |lang| state_label(after.as_deref(), lang).to_owned())}</td>
                    <td>{e.message.clone().unwrap_or_default()}</td>
                }
            }
        />
    }
}

/// A submission's state by its label; other values (an account, a round) as they are.
fn state_label(code: Option<&str>, lang: Lang) -> String {
    let code = code.unwrap_or_default();
    domain::record::vocabulary::ModerationStatus::from_code(code)
        .map_or_else(|| code.to_owned(), |s| s.label(lang).to_owned())
}
