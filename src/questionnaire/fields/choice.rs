// SPDX-License-Identifier: EUPL-1.2
//! Questions answered by choosing: radio buttons, a list, check boxes, and
//! the consent box.

use super::{described_by, input_id};
use crate::i18n::{tr, use_lang};
use crate::questionnaire::state::use_form;
use crate::texts;
use domain::questionnaire::{Choice, Field};
use leptos::prelude::*;
use serde_json::{Value, json};

#[component]
pub(super) fn Radios(field: &'static Field, options: &'static [Choice]) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let answer = ctx.answer(field.key);
    options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let id = if i == 0 { input_id(field.key) } else { format!("{}-{}", input_id(field.key), option.code) };
            view! {
                <div class="form-check">
                    <input
                        type="radio"
                        id=id.clone()
                        name=field.key
                        value=option.code
                        prop:checked=move || answer.with(|v| v.as_ref().and_then(Value::as_str) == Some(option.code))
                        on:change=move |_| {
                            ctx.set_answer(field.key, json!(option.code));
                            ctx.check_field(field);
                        }
                    />
                    <label for=id>{move || option.label.get(lang.get())}</label>
                </div>
            }
        })
        .collect_view()
}

#[component]
pub(super) fn Select(field: &'static Field, options: &'static [Choice]) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let answer = ctx.answer(field.key);
    let invalid = move || ctx.errors.with(|e| e.of_field(field.key).next().is_some());
    view! {
        <select
            id=input_id(field.key)
            name=field.key
            class="form-control"
            aria-invalid=move || invalid().to_string()
            aria-describedby=move || described_by(field, invalid())
            on:change=move |ev| {
                let value = event_target_value(&ev);
                ctx.set_answer(field.key, if value.is_empty() { Value::Null } else { Value::String(value) });
                ctx.check_field(field);
            }
        >
            <option value="">{tr(texts::questionnaire::CHOOSE)}</option>
            {options
                .iter()
                .map(|option| {
                    let selected = move || answer.with(|v| v.as_ref().and_then(Value::as_str) == Some(option.code));
                    view! {
                        <option value=option.code selected=selected>
                            {move || option.label.get(lang.get())}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

#[component]
pub(super) fn Checkboxes(field: &'static Field, options: &'static [Choice]) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let answer = ctx.answer(field.key);
    let ticked = move |code: &str| {
        answer
            .with(|v| v.as_ref().and_then(Value::as_array).is_some_and(|a| a.iter().any(|c| c.as_str() == Some(code))))
    };
    let toggle = move |code: &'static str| {
        ctx.update(|d| {
            let mut codes: Vec<Value> = d.answers.get(field.key).and_then(Value::as_array).cloned().unwrap_or_default();
            if let Some(at) = codes.iter().position(|c| c.as_str() == Some(code)) {
                codes.remove(at);
            } else {
                codes.push(json!(code));
            }
            d.answers.insert(field.key.to_owned(), Value::Array(codes));
        });
        ctx.check_field(field);
    };
    view! {
        <div class="checkbox-grid">
            {options
                .iter()
                .enumerate()
                .map(|(i, option)| {
                    let id = if i == 0 {
                        input_id(field.key)
                    } else {
                        format!("{}-{}", input_id(field.key), option.code)
                    };
                    view! {
                        <div class="form-check">
                            <input
                                type="checkbox"
                                id=id.clone()
                                name=field.key
                                value=option.code
                                prop:checked=move || ticked(option.code)
                                on:change=move |_| toggle(option.code)
                            />
                            <label for=id>{move || option.label.get(lang.get())}</label>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// One box: a declaration to tick (consent) or an optional opt-out.
#[component]
pub(super) fn Checkbox(field: &'static Field) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let answer = ctx.answer(field.key);
    let invalid = move || ctx.errors.with(|e| e.of_field(field.key).next().is_some());
    view! {
        <input
            type="checkbox"
            id=input_id(field.key)
            name=field.key
            aria-invalid=move || invalid().to_string()
            aria-describedby=move || described_by(field, invalid())
            prop:checked=move || answer.get() == Some(Value::Bool(true))
            on:change=move |ev| {
                ctx.set_answer(field.key, if event_target_checked(&ev) { Value::Bool(true) } else { Value::Null });
                ctx.check_field(field);
            }
        />
        <label for=input_id(field.key)>{move || field.label.get(lang.get())}</label>
    }
}
