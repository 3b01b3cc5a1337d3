// SPDX-License-Identifier: EUPL-1.2
//! The questionnaire's "Comune o comuni interessati": the shared Comune
//! picker (`components::comune_picker`), limited to the region chosen in the
//! same step, with the codes kept in the draft.

use super::input_id;
use crate::components::comune_picker::ComunePicker;
use crate::questionnaire::state::use_form;
use domain::questionnaire::Field;
use domain::record::geo::Region;
use leptos::prelude::*;
use serde_json::{Value, json};

/// Chooses Comuni of the region in the field `region`.
#[component]
pub fn DraftComunePicker(
    /// The question.
    field: &'static Field,
    /// The key of the field holding the region.
    region: &'static str,
) -> impl IntoView {
    let ctx = use_form();
    let region = Signal::derive(move || {
        ctx.draft.with(|d| d.answers.get(region).and_then(Value::as_str).and_then(Region::from_code))
    });
    let chosen = Signal::derive(move || {
        ctx.draft.with(|d| {
            d.answers
                .get(field.key)
                .and_then(Value::as_array)
                .map(|codes| codes.iter().filter_map(|c| c.as_str().map(str::to_owned)).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let on_choose = Callback::new(move |code: String| {
        ctx.update(|d| {
            let list = d.answers.entry(field.key.to_owned()).or_insert_with(|| json!([]));
            if let Value::Array(list) = list
                && !list.iter().any(|c| c.as_str() == Some(&code))
            {
                list.push(Value::String(code));
            }
        });
        ctx.check_field(field);
    });
    let on_remove = Callback::new(move |code: String| {
        ctx.update(|d| {
            if let Some(Value::Array(list)) = d.answers.get_mut(field.key) {
                list.retain(|c| c.as_str() != Some(&code));
                if list.is_empty() {
                    d.answers.remove(field.key);
                }
            }
        });
        ctx.check_field(field);
    });
    let invalid = Signal::derive(move || ctx.errors.with(|e| e.of_field(field.key).next().is_some()));
    view! {
        <ComunePicker
            id=input_id(field.key)
            region
            chosen
            on_choose
            on_remove
            // Kept in the form's state: "Avanti" refuses a name typed but not chosen.
            typed=ctx.comune_typed
            invalid
            described_by=format!("aiuto-{} errore-{}", field.key, field.key)
        />
    }
}
