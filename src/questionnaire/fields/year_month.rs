// SPDX-License-Identifier: EUPL-1.2
//! A questionnaire date: month and year (`components::month_year`).

use super::input_id;
use crate::components::month_year::MonthYear;
use crate::questionnaire::state::use_form;
use domain::questionnaire::Field;
use leptos::prelude::*;
use serde_json::Value;

/// Month and year as two selects, the answer `YYYY-MM`.
#[component]
pub(super) fn YearMonthInput(field: &'static Field) -> impl IntoView {
    let ctx = use_form();
    let answer = ctx.answer(field.key);
    let value =
        Signal::derive(move || answer.with(|v| v.as_ref().and_then(Value::as_str).unwrap_or_default().to_owned()));
    let set = move |month: String| {
        ctx.set_answer(field.key, if month.is_empty() { Value::Null } else { Value::String(month) });
        ctx.check_field(field);
    };
    let invalid = Signal::derive(move || ctx.errors.with(|e| e.of_field(field.key).next().is_some()));
    view! { <MonthYear id=input_id(field.key) value set invalid /> }
}
