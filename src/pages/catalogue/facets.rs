// SPDX-License-Identifier: EUPL-1.2
//! The facets: one box per facet with its values and live counts, each
//! value a check box; a facet with nothing to choose in this view is left out.

use super::FORM_ID;
use super::address::use_catalogue;
use crate::i18n::use_lang;
use crate::passes::Later;
use domain::Lang;
use domain::catalogue::Facet;
use leptos::prelude::*;

/// Every facet of the current view's results.
#[component]
pub(super) fn FacetPanels() -> impl IntoView {
    let lang = use_lang();
    let ctx = use_catalogue();
    let (results, address, toggle) = (ctx.results, ctx.address, ctx.toggle());
    move || {
        let lang = lang.get();
        results.with(|r| {
            r.facets
                .iter()
                .map(|counts| {
                    let facet = counts.facet;
                    let selected_any = counts.values.iter().any(|v| v.selected);
                    let mut values: Vec<_> =
                        counts.values.iter().filter(|v| v.count > 0 || v.selected).cloned().collect();
                    // The engine orders labels as Italian reads them; in English, as English does
                    // (years keep their order).
                    if lang == Lang::En && facet != Facet::StartYear {
                        values.sort_by_cached_key(|v| domain::text::fold(&facet.value_label(&v.code, lang)));
                    }
                    // Nothing to choose here in this view: no empty box (nor a
                    // provenance box while every practice is this collection's).
                    if values.is_empty() || (facet == Facet::Source && values.len() == 1 && !selected_any) {
                        return ().into_any();
                    }
                    let toggle = toggle.clone();
                    // Each box in a task of its own while the app starts (`crate::passes`).
                    view! {
                        <Later>
                            <details
                                class="facet"
                                open=selected_any || facet == Facet::InnovationTag || facet == Facet::Region
                            >
                                <summary>{facet.label(lang)}</summary>
                                <fieldset>
                                    <legend class="visually-hidden">{facet.label(lang)}</legend>
                                    {values
                                        .into_iter()
                                        .map(|v| {
                                            let id = format!("filtro-{}-{}", facet.url_key(), v.code);
                                            let toggle = toggle.clone();
                                            let code = v.code.clone();
                                            let fixed = address.is_preset(facet, &v.code);
                                            view! {
                                                <div class="form-check">
                                                    // A preset value cannot be changed, and a disabled box
                                                    // sends nothing: the form carries it for the page without scripts.
                                                    {fixed
                                                        .then(|| {
                                                            view! {
                                                                <input
                                                                    type="hidden"
                                                                    form=FORM_ID
                                                                    name=facet.url_key()
                                                                    value=v.code.clone()
                                                                />
                                                            }
                                                        })}
                                                    <input
                                                        type="checkbox"
                                                        id=id.clone()
                                                        form=FORM_ID
                                                        name=facet.url_key()
                                                        value=v.code.clone()
                                                        disabled=fixed
                                                        checked=v.selected
                                                        prop:checked=v.selected
                                                        on:change=move |_| toggle(facet, code.clone())
                                                    />
                                                    <label for=id>
                                                        {facet.value_label(&v.code, lang)}
                                                        <span class="facet-count">{format!(" ({})", v.count)}</span>
                                                    </label>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </fieldset>
                            </details>
                        </Later>
                    }
                    .into_any()
                })
                .collect_view()
        })
    }
}
