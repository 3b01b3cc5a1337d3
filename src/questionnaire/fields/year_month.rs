// SPDX-License-Identifier: EUPL-1.2
//! Month and year as two lists (the GOV.UK date pattern, without days).

use super::input_id;
use crate::i18n::use_lang;
use crate::questionnaire::state::use_form;
use domain::Lang;
use domain::questionnaire::Field;
use leptos::prelude::*;
use serde_json::Value;

/// Month and year as two selects (the GOV.UK date pattern, without days).
#[component]
pub(super) fn YearMonthInput(field: &'static Field) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let answer = ctx.answer(field.key);
    let part = move |index: usize| {
        answer.with(|v| {
            v.as_ref().and_then(Value::as_str).and_then(|s| s.split('-').nth(index)).unwrap_or_default().to_owned()
        })
    };
    let set = move |year: String, month: String| {
        let value =
            if year.is_empty() && month.is_empty() { Value::Null } else { Value::String(format!("{year}-{month}")) };
        ctx.set_answer(field.key, value);
    };
    let this_year = crate::storage::this_year();
    let invalid = move || ctx.errors.with(|e| e.of_field(field.key).next().is_some());
    view! {
        <div class="date-inputs">
            <div class="date-part">
                <label for=input_id(field.key)>{move || if lang.get() == Lang::It { "Mese" } else { "Month" }}</label>
                <select
                    id=input_id(field.key)
                    class="form-control"
                    aria-invalid=move || invalid().to_string()
                    on:change=move |ev| {
                        set(part(0), event_target_value(&ev));
                        ctx.check_field(field);
                    }
                >
                    <option value="">"—"</option>
                    {(1..=12u8)
                        .map(|month| {
                            let code = format!("{month:02}");
                            let selected = {
                                let code = code.clone();
                                move || part(1) == code
                            };
                            view! {
                                <option value=code selected=selected>
                                    {move || domain::dates::month_name(month, lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="date-part">
                <label for=format!(
                    "{}-anno",
                    input_id(field.key),
                )>{move || if lang.get() == Lang::It { "Anno" } else { "Year" }}</label>
                <select
                    id=format!("{}-anno", input_id(field.key))
                    class="form-control"
                    aria-invalid=move || invalid().to_string()
                    on:change=move |ev| {
                        set(event_target_value(&ev), part(1));
                        ctx.check_field(field);
                    }
                >
                    <option value="">"—"</option>
                    {(2020..=this_year + 1)
                        .map(|year| {
                            view! {
                                <option value=year.to_string() selected=move || part(0) == year.to_string()>
                                    {year.to_string()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}
