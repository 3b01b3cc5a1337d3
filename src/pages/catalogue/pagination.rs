// SPDX-License-Identifier: EUPL-1.2
//! "Pagina N di M" with the links to the previous and next pages.

use super::address::use_catalogue;
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::catalogue::Results;
use leptos::prelude::*;

/// The result pages of the current view.
#[component]
pub(super) fn Pagination() -> impl IntoView {
    let lang = use_lang();
    let ctx = use_catalogue();
    let (query, results, address) = (ctx.query, ctx.results, ctx.address);
    let page_href = move |page: usize| {
        query.with(|q| {
            let mut q = q.clone();
            q.page = page;
            address.href(&q)
        })
    };
    view! {
        <nav class="pagination" aria-label=tr(texts::catalogue::RESULT_PAGES)>
            {move || {
                let (page, pages) = (query.with(|q| q.page), results.with(Results::pages));
                let lang = lang.get();
                view! {
                    {(page > 1)
                        .then(|| {
                            view! {
                                <a href=page_href(page - 1) rel="prev">
                                    {texts::catalogue::PREVIOUS_PAGE.get(lang)}
                                </a>
                            }
                        })}
                    <span class="page-number">{texts::catalogue::page_of(lang, page, pages)}</span>
                    {(page < pages)
                        .then(|| {
                            view! {
                                <a href=page_href(page + 1) rel="next">
                                    {texts::catalogue::NEXT_PAGE.get(lang)}
                                </a>
                            }
                        })}
                }
            }}
        </nav>
    }
}
