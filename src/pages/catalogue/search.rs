// SPDX-License-Identifier: EUPL-1.2
//! The search box and the sort, over the results.

use super::FORM_ID;
use super::address::use_catalogue;
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::catalogue::Sort;
use leptos::prelude::*;

/// "Cerca nelle pratiche" and "Ordina per".
#[component]
pub(super) fn SearchRow() -> impl IntoView {
    let lang = use_lang();
    let ctx = use_catalogue();
    let (query, go) = (ctx.query, ctx.go());
    // The search box owns what is typed (the URL follows it), so a keystroke
    // is never overwritten by the URL update of the one before. When the URL
    // changes from elsewhere (back, forward, a link), the box follows the URL.
    let typed = RwSignal::new(query.with_untracked(|q| q.text.clone()));
    let search_box = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let from_url = query.with(|q| q.text.clone());
        let focused = search_box.get().is_some_and(|input| document().active_element().is_some_and(|a| a == **input));
        if !focused && from_url != typed.get_untracked() {
            typed.set(from_url);
        }
    });
    let search_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            typed.set(event_target_value(&ev));
            let mut q = query.get_untracked();
            q.text = typed.get_untracked();
            q.page = 1;
            go(q, true);
        }
    };
    let set_sort = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let mut q = query.get_untracked();
            q.sort = Sort::from_url_value(&event_target_value(&ev));
            q.page = 1;
            go(q, false);
        }
    };
    view! {
        <div class="search-row">
            <div class="form-group search-box">
                <label for="cerca">{tr(texts::catalogue::SEARCH_THE_PRACTICES)}</label>
                <input
                    type="search"
                    id="cerca"
                    name="q"
                    form=FORM_ID
                    value=typed.get_untracked()
                    class="form-control"
                    autocomplete="off"
                    node_ref=search_box
                    prop:value=move || typed.get()
                    on:input=search_input
                />
            </div>
            <div class="form-group sort-box">
                <label for="ordina">{tr(texts::catalogue::SORT_BY)}</label>
                <select id="ordina" name="ordina" form=FORM_ID class="form-control" on:change=set_sort>
                    {move || {
                        let (current, searching) = query.with(|q| (q.effective_sort(), !q.text.trim().is_empty()));
                        let lang = lang.get();
                        Sort::ALL
                            .into_iter()
                            .filter(|sort| searching || *sort != Sort::Relevance)
                            .map(|sort| {
                                view! {
                                    <option value=sort.url_value() selected=current == sort>
                                        {sort.label(lang)}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </div>
    }
}
