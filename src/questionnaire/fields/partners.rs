// SPDX-License-Identifier: EUPL-1.2
//! The repeatable group of partners: each a type and a name, added and
//! removed row by row.

use super::input_id;
use crate::i18n::{tr, use_lang};
use crate::questionnaire::state::use_form;
use crate::texts;
use domain::questionnaire::Field;
use leptos::prelude::*;
use serde_json::{Value, json};

/// A repeatable group: each partner a type and a name.
#[component]
pub(super) fn Partners(
    /// The question.
    field: &'static Field,
) -> impl IntoView {
    let ctx = use_form();
    // Rows are re-created when one is removed, so each input starts from its own row's answer.
    let generation = RwSignal::new(0u32);
    let rows = move || ctx.draft.with(|d| d.answers.get(field.key).and_then(Value::as_array).map_or(0, Vec::len));
    let add = move |_| {
        ctx.update(|d| {
            let list = d.answers.entry(field.key.to_owned()).or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = list {
                list.push(json!({"kind": "", "name": ""}));
            }
        });
    };
    let remove = Callback::new(move |index: usize| {
        ctx.update(|d| {
            if let Some(Value::Array(list)) = d.answers.get_mut(field.key) {
                list.remove(index);
                if list.is_empty() {
                    d.answers.remove(field.key);
                }
            }
        });
        generation.update(|g| *g += 1);
        ctx.check_field(field);
    });
    view! {
        {move || {
            generation.track();
            (0..rows()).map(|index| view! { <PartnerRow field index remove /> }).collect_view()
        }}
        <button type="button" class="button button-secondary" on:click=add>
            {tr(texts::questionnaire::ADD_A_PARTNER)}
        </button>
    }
}

/// One partner: its type and name, and a button that removes it.
#[component]
fn PartnerRow(
    /// The question.
    field: &'static Field,
    /// The row's place in the list, from 0.
    index: usize,
    /// Removes the row at an index.
    remove: Callback<usize>,
) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let edit = move |part: &'static str, value: String| {
        ctx.update(|d| {
            if let Some(Value::Array(list)) = d.answers.get_mut(field.key)
                && let Some(Value::Object(row)) = list.get_mut(index)
            {
                row.insert(part.to_owned(), Value::String(value));
            }
        });
    };
    let value = |part: &str| {
        ctx.draft.with_untracked(|d| {
            d.answers
                .get(field.key)
                .and_then(|v| v.get(index))
                .and_then(|row| row.get(part))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        })
    };
    let kind_id = if index == 0 { input_id(field.key) } else { format!("{}-{index}-tipo", input_id(field.key)) };
    let name_id = format!("{}-{index}-nome", input_id(field.key));
    let kind_messages = move || ctx.errors.with(|e| e.get(&format!("{}.{index}.kind", field.key)).to_vec());
    let name_messages = move || ctx.errors.with(|e| e.get(&format!("{}.{index}.name", field.key)).to_vec());
    let kind_value = value("kind");
    view! {
        <div class="repeat-row">
            <p class="repeat-title">
                {move || format!("{} {}", texts::questionnaire::PARTNER.get(lang.get()), index + 1)}
            </p>
            <div class="form-group">
                <label for=kind_id.clone()>{tr(texts::questionnaire::PARTNER_TYPE)}</label>
                <PartErrors errors=Signal::derive(kind_messages) />
                <select
                    id=kind_id
                    class="form-control"
                    aria-invalid=move || (!kind_messages().is_empty()).to_string()
                    on:change=move |ev| edit("kind", event_target_value(&ev))
                >
                    <option value="" selected=kind_value.is_empty()>
                        {tr(texts::questionnaire::CHOOSE)}
                    </option>
                    {domain::record::vocabulary::PartnerType::CHOICES
                        .iter()
                        .map(|o| {
                            view! {
                                <option value=o.code selected=kind_value == o.code>
                                    {move || o.label.get(lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label for=name_id.clone()>{tr(texts::questionnaire::PARTNER_NAME)}</label>
                <PartErrors errors=Signal::derive(name_messages) />
                <input
                    type="text"
                    id=name_id
                    class="form-control"
                    prop:value=value("name")
                    aria-invalid=move || (!name_messages().is_empty()).to_string()
                    on:input=move |ev| edit("name", event_target_value(&ev))
                    on:blur=move |_| ctx.check_field(field)
                />
            </div>
            <button type="button" class="button button-link" on:click=move |_| remove.run(index)>
                {move || texts::questionnaire::remove_partner(lang.get(), index + 1)}
            </button>
        </div>
    }
}

/// The messages of one part of a repeatable group (a partner's type or name).
#[component]
fn PartErrors(
    /// The part's errors.
    errors: Signal<Vec<domain::FieldError>>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        errors.get().into_iter().map(|e| view! { <p class="field-error">{e.message(lang)}</p> }).collect_view()
    }
}
