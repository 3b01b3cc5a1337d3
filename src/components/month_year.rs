// SPDX-License-Identifier: EUPL-1.2
//! Month and year as two lists (the GOV.UK date pattern, without days): the
//! questionnaire's dates and the small forms' months ("Da quando").

use crate::i18n::tr;
use crate::texts;
use leptos::prelude::*;

/// A month as two selects; `value` is `YYYY-MM`, `YYYY-`, `-MM` or empty,
/// and `set` receives it the same way (the domain's month rule says what is
/// missing). The month's select has `id`, the year's `{id}-anno`.
#[component]
pub fn MonthYear(
    id: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] set: Callback<String>,
    #[prop(into)] invalid: Signal<bool>,
    /// `aria-describedby` of both selects (hint and error), if any.
    #[prop(into, optional)]
    described_by: Option<Signal<String>>,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let part = move |index: usize| value.with(|v| v.split('-').nth(index).unwrap_or_default().to_owned());
    let join = move |year: String, month: String| {
        set.run(if year.is_empty() && month.is_empty() { String::new() } else { format!("{year}-{month}") })
    };
    let this_year = crate::storage::this_year();
    let year_id = format!("{id}-anno");
    view! {
        <div class="date-inputs">
            <div class="date-part">
                <label for=id.clone()>{tr(texts::site::MONTH)}</label>
                <select
                    id=id
                    class="form-control"
                    aria-invalid=move || invalid.get().to_string()
                    aria-describedby=move || described_by.map(|ids| ids.get())
                    on:change=move |ev| join(part(0), event_target_value(&ev))
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
                <label for=year_id.clone()>{tr(texts::site::YEAR)}</label>
                <select
                    id=year_id
                    class="form-control"
                    aria-invalid=move || invalid.get().to_string()
                    aria-describedby=move || described_by.map(|ids| ids.get())
                    on:change=move |ev| join(event_target_value(&ev), part(1))
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
