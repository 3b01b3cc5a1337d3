// SPDX-License-Identifier: EUPL-1.2
//! Questions answered by typing: one line, a paragraph with its character
//! count, a number, and web addresses one per line. No `maxlength`: the
//! browser would cut a pasted text silently; a text over the limit gets an
//! error that says so instead.

use super::{current_text, described_by, input_id};
use crate::i18n::use_lang;
use crate::questionnaire::state::use_form;
use crate::texts;
use domain::questionnaire::{Field, Input, Kind};
use leptos::prelude::*;
use serde_json::{Value, json};

/// A one-line text. No `maxlength`: the browser would cut a pasted text
/// silently; a text over the limit gets an error that says so instead.
#[component]
pub(super) fn TextInput(field: &'static Field, input: Input, autocomplete: Option<&'static str>) -> impl IntoView {
    let ctx = use_form();
    let invalid = move || ctx.errors.with(|e| e.of_field(field.key).next().is_some());
    let kind = match input {
        Input::Plain | Input::EmailOrUrl => "text",
        Input::Email => "email",
        Input::Tel => "tel",
    };
    view! {
        <input
            type=kind
            id=input_id(field.key)
            name=field.key
            class="form-control"
            autocomplete=autocomplete.unwrap_or("off")
            spellcheck=(input == Input::Plain).to_string()
            prop:value=current_text(field)
            aria-invalid=move || invalid().to_string()
            aria-describedby=move || described_by(field, invalid())
            on:input=move |ev| ctx.set_answer(field.key, Value::String(event_target_value(&ev)))
            on:blur=move |_| ctx.check_field(field)
        />
    }
}

#[component]
pub(super) fn NumberInput(field: &'static Field) -> impl IntoView {
    let ctx = use_form();
    let invalid = move || ctx.errors.with(|e| e.of_field(field.key).next().is_some());
    let mode = if matches!(field.kind, Kind::Euro) { "decimal" } else { "numeric" };
    view! {
        <input
            type="text"
            inputmode=mode
            id=input_id(field.key)
            name=field.key
            class="form-control form-control-short"
            autocomplete="off"
            prop:value=current_text(field)
            aria-invalid=move || invalid().to_string()
            aria-describedby=move || described_by(field, invalid())
            on:input=move |ev| ctx.set_answer(field.key, field.value_from_input(&event_target_value(&ev)))
            on:blur=move |_| ctx.check_field(field)
        />
    }
}

#[component]
pub(super) fn LongText(field: &'static Field, max: usize) -> impl IntoView {
    let ctx = use_form();
    let invalid = move || ctx.errors.with(|e| e.of_field(field.key).next().is_some());
    let rows = if max > 1000 { "8" } else { "4" };
    view! {
        <textarea
            id=input_id(field.key)
            name=field.key
            class="form-control"
            rows=rows
            prop:value=current_text(field)
            aria-invalid=move || invalid().to_string()
            aria-describedby=move || described_by(field, invalid())
            on:input=move |ev| ctx.set_answer(field.key, Value::String(event_target_value(&ev)))
            on:blur=move |_| ctx.check_field(field)
        ></textarea>
        <CharCount field max />
    }
}

/// How many characters a text has of its `max`, and by how many it is over,
/// as it is typed (announced politely; the control names it in
/// `aria-describedby`).
#[component]
pub(super) fn CharCount(field: &'static Field, max: usize) -> impl IntoView {
    let lang = use_lang();
    let answer = use_form().answer(field.key);
    let used = move || answer.with(|v| v.as_ref().and_then(Value::as_str).map_or(0, |s| s.chars().count()));
    let counter = move || texts::questionnaire::character_count(lang.get(), used(), max);
    view! {
        <p
            class="char-count"
            class:over=move || { used() > max }
            id=format!("conteggio-{}", field.key)
            aria-live="polite"
        >
            {counter}
        </p>
    }
}

/// Web addresses, one per line.
#[component]
pub(super) fn UrlList(field: &'static Field) -> impl IntoView {
    let ctx = use_form();
    let invalid = move || ctx.errors.with(|e| e.of_field(field.key).next().is_some());
    let initial = ctx.draft.with_untracked(|d| {
        d.answers
            .get(field.key)
            .and_then(Value::as_array)
            .map(|links| links.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"))
            .unwrap_or_default()
    });
    view! {
        <textarea
            id=input_id(field.key)
            name=field.key
            class="form-control"
            rows="4"
            spellcheck="false"
            prop:value=initial
            aria-invalid=move || invalid().to_string()
            aria-describedby=move || described_by(field, invalid())
            on:input=move |ev| {
                let links: Vec<Value> = event_target_value(&ev)
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .map(|line| json!(line))
                    .collect();
                ctx.set_answer(field.key, if links.is_empty() { Value::Null } else { Value::Array(links) });
            }
            on:blur=move |_| ctx.check_field(field)
        ></textarea>
    }
}
