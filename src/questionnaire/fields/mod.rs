// SPDX-License-Identifier: EUPL-1.2
//! One component per kind of question, all driven by the questionnaire's
//! definition: labels, hints, options, limits and conditions come from the
//! domain crate. Each input is labelled, described by its hint and error
//! (`aria-describedby`), marked `aria-invalid` when wrong, and checked when
//! the respondent leaves it.
//!
//! Text inputs take their starting value once, when they are created, and
//! then own what is typed (so the caret never jumps); a discarded or adopted
//! draft re-creates them.
//!
//! This module lays a question out (label or legend, hint, error) and picks
//! its control; the controls live in one module per way of answering.

mod choice;
mod comune;
mod partners;
mod text;
mod year_month;

use super::state::use_form;
use crate::i18n::{tr, use_lang};
use crate::texts;
use choice::{Checkbox, Checkboxes, Radios, Select};
use comune::DraftComunePicker;
use domain::Lang;
use domain::questionnaire::{Field, Kind, Required};
use leptos::prelude::*;
use partners::Partners;
use text::{CharCount, LongText, NumberInput, TextInput, UrlList};
use year_month::YearMonthInput;

/// The id of a field's input, the target of the error summary's links.
pub fn input_id(key: &str) -> String {
    format!("campo-{key}")
}

fn hint_id(key: &str) -> String {
    format!("aiuto-{key}")
}

fn error_id(key: &str) -> String {
    format!("errore-{key}")
}

/// One question, shown only while its condition holds.
#[component]
pub fn FieldView(
    /// The question, from the definition.
    field: &'static Field,
) -> impl IntoView {
    let ctx = use_form();
    let shown = Memo::new(move |_| ctx.draft.with(|d| field.is_shown(&d.answers)));
    move || shown.get().then(|| view! { <FieldBody field /> })
}

/// What `aria-describedby` names: the hint and, when there is one, the error.
fn described_by(field: &'static Field, has_error: bool) -> String {
    let mut ids = Vec::new();
    if field.help.is_some() {
        ids.push(hint_id(field.key));
    }
    if field.counted_max().is_some() {
        ids.push(format!("conteggio-{}", field.key));
    }
    if has_error {
        ids.push(error_id(field.key));
    }
    ids.join(" ")
}

fn label_text(field: &'static Field, lang: Lang) -> String {
    let optional = match field.required {
        Required::Never => texts::questionnaire::OPTIONAL.get(lang),
        _ => "",
    };
    format!("{}{optional}", field.label.get(lang))
}

#[component]
fn FieldBody(field: &'static Field) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let messages = Memo::new(move |_| ctx.messages(field.key, lang.get()));
    let has_error = move || !messages.get().is_empty();
    let hint = field.help.map(|help| {
        view! {
            <p class="form-hint" id=hint_id(field.key)>
                {move || help.get(lang.get())}
            </p>
        }
    });
    let error = move || {
        has_error().then(|| {
            view! {
                <p class="field-error" id=error_id(field.key)>
                    <span class="visually-hidden">{tr(texts::questionnaire::ERROR_PREFIX)}</span>
                    {move || messages.get().join(" ")}
                </p>
            }
        })
    };
    let grouped = matches!(
        field.kind,
        Kind::Choice { options } if options.len() <= 7
    ) || matches!(field.kind, Kind::Choices { .. } | Kind::YearMonth { .. } | Kind::Partners { .. });
    let control = control(field);
    if grouped {
        view! {
            <fieldset
                class="form-group"
                class:has-error=has_error
                aria-describedby=move || described_by(field, has_error())
            >
                <legend>{move || label_text(field, lang.get())}</legend>
                {hint}
                {error}
                {control}
            </fieldset>
        }
        .into_any()
    } else if matches!(field.kind, Kind::Consent | Kind::Checkbox) {
        view! {
            // One block, as GOV.UK lays out a checkbox: the error above, then
            // the box with its label, then the hint under the label.
            <div class="form-group consent" class:has-error=has_error>
                {error}
                <div class="form-check">{control}</div>
                {hint}
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="form-group" class:has-error=has_error>
                <label for=input_id(field.key)>{move || label_text(field, lang.get())}</label>
                {hint}
                {error}
                {control}
            </div>
        }
        .into_any()
    }
}

fn control(field: &'static Field) -> AnyView {
    match field.kind {
        Kind::Text { multiline: false, input, autocomplete, .. } => view! {
            <TextInput field input autocomplete />
            {field.counted_max().map(|max| view! { <CharCount field max /> })}
        }
        .into_any(),
        Kind::Text { max, multiline: true, .. } => view! { <LongText field max /> }.into_any(),
        Kind::Count | Kind::Euro => view! { <NumberInput field /> }.into_any(),
        Kind::Choice { options } if options.len() <= 7 => view! { <Radios field options /> }.into_any(),
        Kind::Choice { options } => view! { <Select field options /> }.into_any(),
        Kind::Choices { options, .. } => view! { <Checkboxes field options /> }.into_any(),
        Kind::YearMonth { .. } => view! { <YearMonthInput field /> }.into_any(),
        Kind::Urls { .. } => view! { <UrlList field /> }.into_any(),
        Kind::Partners { .. } => view! { <Partners field /> }.into_any(),
        Kind::Comuni { region, .. } => view! { <DraftComunePicker field region /> }.into_any(),
        Kind::Consent | Kind::Checkbox => view! { <Checkbox field /> }.into_any(),
    }
}

/// The answer as its input shows it, when the input is created.
fn current_text(field: &'static Field) -> String {
    let ctx = use_form();
    ctx.draft.with_untracked(|d| field.input_from_value(d.answers.get(field.key)))
}
