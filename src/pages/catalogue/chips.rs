// SPDX-License-Identifier: EUPL-1.2
//! The active filters as removable chips (a partner's fixed ones marked,
//! not removable), and "Cancella tutti i filtri".

use super::address::use_catalogue;
use crate::i18n::{tr, use_lang};
use crate::texts;
use leptos::prelude::*;

/// The filters of the current view.
#[component]
pub(super) fn ActiveFilters() -> impl IntoView {
    let lang = use_lang();
    let ctx = use_catalogue();
    let (query, address, toggle) = (ctx.query, ctx.address, ctx.toggle());
    let chips = move || {
        query.with(|q| {
            q.filters
                .iter()
                .flat_map(|(facet, codes)| codes.iter().map(move |code| (*facet, code.clone())))
                .collect::<Vec<_>>()
        })
    };
    let clear_href = move || query.with(|q| address.href(&address.cleared(q.sort)));
    view! {
        <Show when=move || !chips().is_empty()>
            <ul class="chips active-filters" aria-label=tr(texts::catalogue::ACTIVE_FILTERS)>
                {
                    let toggle = toggle.clone();
                    move || {
                        let lang = lang.get();
                        chips()
                            .into_iter()
                            .map(|(facet, code)| {
                                let label = facet.value_label(&code, lang);
                                let chip = facet.filter_label(&code, lang);
                                let toggle = toggle.clone();
                                let fixed = address.is_preset(facet, &code);
                                let remove = (!fixed)
                                    .then(|| {
                                        view! {
                                            <button
                                                type="button"
                                                class="chip-remove"
                                                aria-label=texts::catalogue::remove_the_filter(lang, &label)
                                                on:click=move |_| toggle(facet, code.clone())
                                            >
                                                "×"
                                            </button>
                                        }
                                    });
                                let fixed_note = fixed
                                    .then(|| {
                                        view! { <span class="chip-fixed">{texts::catalogue::FIXED.get(lang)}</span> }
                                    });
                                view! {
                                    <li class="chip">
                                        <span>{chip}</span>
                                        {fixed_note}
                                        {remove}
                                    </li>
                                }
                            })
                            .collect_view()
                    }
                }
                <Show when=move || chips().iter().any(|(facet, code)| !address.is_preset(*facet, code))>
                    <li>
                        <a href=clear_href class="clear-filters">
                            {tr(texts::catalogue::CLEAR_ALL_FILTERS)}
                        </a>
                    </li>
                </Show>
            </ul>
        </Show>
    }
}
