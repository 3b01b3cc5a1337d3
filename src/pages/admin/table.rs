// SPDX-License-Identifier: EUPL-1.2
//! The administration page's lists and the table each is shown in.

use crate::api::{ApiError, moderation};
use crate::components::loading::loaded;
use crate::i18n::tr;
use crate::pages::redazione::failure;
use crate::texts::Text;
use domain::{
    curation::api::{Account, AuditEntry},
    questionnaire::rounds::Round,
};
use leptos::prelude::*;

/// Everything the page lists, each list with its own outcome (a curator may
/// read the rounds, not the accounts nor the log).
#[derive(Clone)]
pub(super) struct Lists {
    pub(super) rounds: Result<Vec<Round>, ApiError>,
    pub(super) accounts: Result<Vec<Account>, ApiError>,
    pub(super) audit: Result<Vec<AuditEntry>, ApiError>,
    /// The signed-in person's e-mail address (empty if unknown), whose own
    /// account offers no "Disattiva".
    pub(super) me: String,
}

/// The page's lists, fetched again whenever `version` changes.
pub(super) fn lists(version: RwSignal<u32>) -> LocalResource<Lists> {
    LocalResource::new(move || {
        version.track();
        async {
            Lists {
                rounds: moderation::rounds().await,
                accounts: moderation::accounts().await,
                audit: moderation::audit().await,
                me: moderation::whoami().await.map(|user| user.email).unwrap_or_default(),
            }
        }
    })
}

/// One of the admin lists as a table: a row of cells per entry.
#[component]
pub(super) fn ListTable<T, F, V>(
    /// The page's lists.
    lists: LocalResource<Lists>,
    /// This table's list among them.
    pick: fn(&Lists) -> &Result<Vec<T>, ApiError>,
    /// The table's caption, also the name of its scrolling box.
    caption: Text,
    /// The column headers.
    headers: &'static [Text],
    /// More classes for the table.
    #[prop(optional)]
    class: &'static str,
    /// The cells of an entry's row.
    row: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(&T) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let table = move |lists: &Lists| -> AnyView {
        match pick(lists) {
            Ok(entries) => {
                let rows = entries.iter().map(|e| view! { <tr>{row(e)}</tr> }.into_any()).collect();
                drawn_table(caption, headers, class, rows)
            }
            Err(error) => failure(error),
        }
    };
    loaded(lists, move |lists: Lists| table(&lists))
}

/// A table of the page, its rows drawn: the same (non-generic) code for every list.
fn drawn_table(caption: Text, headers: &'static [Text], class: &'static str, rows: Vec<AnyView>) -> AnyView {
    let caption = tr(caption);
    view! {
        // A wide table scrolls inside its own box on a phone, not the page.
        <div class="table-scroll" role="region" aria-label=caption tabindex="0">
            <table class=format!("data-table list-table {class}")>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {headers
                            .iter()
                            .map(|h| {
                                let h = *h;
                                view! { <th scope="col">{tr(h)}</th> }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
