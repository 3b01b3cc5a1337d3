// SPDX-License-Identifier: EUPL-1.2
//! The values the trial found for each coded question, each with the
//! option it stands for: proposed where the file wrote an option's label,
//! chosen by the admin for the rest, or left empty on purpose.

use super::Import;
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::questionnaire::QUESTIONNAIRE;
use domain::questionnaire::import::options;
use leptos::prelude::*;

/// The select's value for a value with no option chosen yet (codes are
/// lowercase words, never this).
const UNCHOSEN: &str = "?";

/// One table per coded question a column is mapped to.
#[component]
pub(super) fn Values(
    state: Import,
    /// For each coded question a column is mapped to, the values found.
    values: std::collections::BTreeMap<String, Vec<String>>,
) -> impl IntoView {
    (!values.is_empty()).then(|| {
        let questions = values.into_iter().map(|(key, values)| view! { <Question state key values /> });
        view! {
            <h2>{tr(texts::import::VALUES)}</h2>
            <p>{tr(texts::import::VALUES_LEAD)}</p>
            {questions.collect_view()}
        }
    })
}

/// The values found for the question `key`, each with its option.
#[component]
fn Question(state: Import, key: String, values: Vec<String>) -> impl IntoView {
    let Some(field) = QUESTIONNAIRE.field(&key) else { return ().into_any() };
    let rows = values.into_iter().map(|value| {
        let key = key.clone();
        view! {
            <tr>
                <th scope="row">{value.clone()}</th>
                <td>
                    <OptionSelect state key value question=field.label />
                </td>
            </tr>
        }
    });
    view! {
        <div class="table-scroll">
            <table class="data-table import-table">
                <caption>{tr(field.label)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(texts::import::VALUE)}</th>
                        <th scope="col">{tr(texts::import::OPTION)}</th>
                    </tr>
                </thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The option `value` stands for in the question `key`.
#[component]
fn OptionSelect(state: Import, key: String, value: String, question: domain::Text) -> impl IntoView {
    let lang = use_lang();
    let choices = options(&key).unwrap_or_default();
    let chosen = {
        let (key, value) = (key.clone(), value.clone());
        Memo::new(move |_| {
            state
                .mapping
                .with(|m| m.values.get(&key).and_then(|v| v.get(&value)).cloned())
                .unwrap_or_else(|| UNCHOSEN.to_owned())
        })
    };
    let name = {
        let value = value.clone();
        move || texts::import::option_for(lang.get(), &value, question.get(lang.get()))
    };
    let choose = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        state.edit(|m| {
            let values = m.values.entry(key.clone()).or_default();
            if code == UNCHOSEN {
                values.remove(&value);
            } else {
                values.insert(value.clone(), code);
            }
        });
    };
    let options = move || {
        let lang = lang.get();
        let fixed = [(UNCHOSEN, texts::import::CHOOSE.get(lang)), ("", texts::import::LEAVE_EMPTY.get(lang))];
        let coded = choices.iter().map(move |c| (c.code, c.label.get(lang)));
        super::option_list(fixed.into_iter().chain(coded), chosen)
    };
    view! {
        <select class="form-control" aria-label=name on:change=choose>
            {options}
        </select>
    }
}
