// SPDX-License-Identifier: EUPL-1.2
//! The service ratings' results, on the administration page.

use crate::api::moderation;
use crate::i18n::{tr, use_lang};
use crate::pages::redazione::failure;
use crate::texts;
use leptos::prelude::*;

/// The service ratings given after the receipt: how many, their mean, how
/// many of each number of stars, and the comments.
#[component]
pub(super) fn RatingResultsSection() -> impl IntoView {
    let results = LocalResource::new(moderation::rating_results);
    let lang = use_lang();
    let loading = tr(texts::common::LOADING);
    let text = move |text: texts::Text| move || text.get(lang.get());
    view! {
        <h2>{tr(texts::admin::SERVICE_RATINGS)}</h2>
        <Transition fallback=move || {
            view! { <p role="status">{loading}</p> }
        }>
            {move || Suspend::new(async move {
                let results = match results.await {
                    Ok(results) => results,
                    Err(error) => return failure(&error),
                };
                let (count, average) = (u64::from(results.count()), results.average());
                let summary = move || match average {
                    None => texts::admin::NO_RATINGS_YET.get(lang.get()).to_owned(),
                    Some(average) => texts::admin::ratings_summary(lang.get(), count, average),
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
                        <caption>{text(texts::admin::RATINGS_BY_STARS)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{text(texts::admin::STARS)}</th>
                                <th scope="col">{text(texts::admin::RATINGS)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <div class="table-scroll" role="region" aria-label=text(texts::admin::COMMENTS) tabindex="0">
                        <table class="data-table list-table">
                            <caption>{text(texts::admin::COMMENTS_MOST_RECENT_FIRST)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{text(texts::admin::DAY)}</th>
                                    <th scope="col">{text(texts::admin::STARS)}</th>
                                    <th scope="col">{text(texts::admin::COMMENT)}</th>
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
