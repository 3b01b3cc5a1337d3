// SPDX-License-Identifier: EUPL-1.2
//! The service ratings' results, on the administration page.

use crate::api::moderation;
use crate::i18n::tr;
use crate::pages::redazione::failure;
use crate::texts;
use domain::Lang;
use leptos::prelude::*;

/// The service ratings given after the receipt: how many, their mean, how
/// many of each number of stars, and the comments.
#[component]
pub(super) fn RatingResultsSection() -> impl IntoView {
    let results = LocalResource::new(moderation::rating_results);
    view! {
        <h2>{tr(texts::admin::SERVICE_RATINGS)}</h2>
        <Transition fallback=|| {
            view! { <p role="status">"Caricamento…"</p> }
        }>
            {move || Suspend::new(async move {
                let results = match results.await {
                    Ok(results) => results,
                    Err(error) => return failure(&error),
                };
                let summary = match results.average() {
                    None => "Nessuna valutazione ancora.".to_owned(),
                    Some(average) => {
                        let count = domain::numbers::count(
                            results.count() as u64,
                            "valutazione",
                            "valutazioni",
                            Lang::It,
                        );
                        format!("{count}, in media {} stelle su 5.", domain::numbers::format_tenths(average, Lang::It))
                    }
                };
                let rows = (1..=5usize)
                    .rev()
                    .map(|stars| {
                        view! {
                            <tr>
                                <th scope="row">{stars.to_string()}</th>
                                <td>{results.by_stars[stars - 1].to_string()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let comments = results
                    .comments
                    .iter()
                    .map(|c| {
                        view! {
                            <tr>
                                <td class="nowrap">{c.day.clone()}</td>
                                <td>{c.stars.to_string()}</td>
                                <td>{c.comment.clone()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <p data-testid="rating-summary">{summary}</p>
                    <table class="data-table rating-table">
                        <caption>"Valutazioni per numero di stelle"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Stelle"</th>
                                <th scope="col">"Valutazioni"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <div class="table-scroll" role="region" aria-label="Commenti" tabindex="0">
                        <table class="data-table list-table">
                            <caption>"Commenti, dal più recente"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Giorno"</th>
                                    <th scope="col">"Stelle"</th>
                                    <th scope="col">"Commento"</th>
                                </tr>
                            </thead>
                            <tbody>{comments}</tbody>
                        </table>
                    </div>
                }
                    .into_any()
            })}
        </Transition>
    }
}
