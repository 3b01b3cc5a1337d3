// SPDX-License-Identifier: EUPL-1.2
//! The error summary at the top of a page of the journey, and moving focus
//! to it or to the field an error names.

use super::fields::input_id;
use super::state::use_form;
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::questionnaire::Field;
use leptos::html;
use leptos::prelude::*;

/// The error summary at the top of a step: each error links to its field.
#[component]
pub(super) fn ErrorSummary(
    /// The fields whose errors to list, in order.
    fields: Vec<&'static Field>,
    /// Where focus goes when the summary appears.
    node_ref: NodeRef<html::Div>,
) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let entries = Memo::new(move |_| {
        let lang = lang.get();
        ctx.errors.with(|errors| {
            fields
                .iter()
                .flat_map(|f| {
                    errors.of_field(f.key).map(move |(key, error)| {
                        let target = if key == f.key { input_id(f.key) } else { part_input_id(f.key, key) };
                        (target, ctx.message(key, error, lang))
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div
            class="error-summary"
            tabindex="-1"
            node_ref=node_ref
            role="alert"
            hidden=move || entries.with(Vec::is_empty)
        >
            <h2>{tr(texts::common::THERE_IS_A_PROBLEM)}</h2>
            <ul>
                {move || {
                    entries
                        .get()
                        .into_iter()
                        .map(|(target, message)| {
                            view! {
                                <li>
                                    <a
                                        href=format!("#{target}")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            focus_by_id(&target);
                                        }
                                    >
                                        {message}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// The input of a part of a field (`partners.1.name`, `links.0`).
fn part_input_id(field: &str, key: &str) -> String {
    let parts: Vec<&str> = key.split('.').collect();
    match parts.as_slice() {
        [_, index, "name"] => format!("{}-{index}-nome", input_id(field)),
        [_, "0", "kind"] => input_id(field),
        [_, index, "kind"] => format!("{}-{index}-tipo", input_id(field)),
        _ => input_id(field),
    }
}

fn focus_by_id(id: &str) {
    if let Some(element) = document().get_element_by_id(id)
        && let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
    {
        let _ = element.focus();
    }
}

/// Moves focus once the browser has drawn the change.
pub(super) fn focus_after_render(target: NodeRef<html::Div>) {
    crate::components::after_paint(move || {
        if let Some(element) = target.get_untracked() {
            let _ = element.focus();
        }
    });
}
