// SPDX-License-Identifier: EUPL-1.2
//! The Comune picker: a type-ahead over the official ISTAT list, limited to
//! the region chosen in the same step, insensitive to accents and case. It
//! follows the ARIA combobox pattern (list box, arrow keys, Enter, Escape)
//! and shows chosen Comuni as removable buttons. The list is fetched once,
//! when the picker is first shown, from the dated file shipped with the app.

use super::fields::input_id;
use super::state::use_form;
use crate::i18n::use_lang;
use domain::Lang;
use domain::comuni::LIST_DATE;
use domain::geo::Region;
use domain::questionnaire::Field;
use leptos::prelude::*;
use serde_json::{Value, json};

const SUGGESTIONS: usize = 8;

/// Chooses Comuni of the region in the field `region`.
#[component]
pub fn ComunePicker(
    /// The question.
    field: &'static Field,
    /// The key of the field holding the region.
    region: &'static str,
) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    crate::comuni::use_comuni();
    // Kept in the form's state: "Avanti" refuses a name typed but not chosen.
    let query = ctx.comune_typed;
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let region = Memo::new(move |_| {
        ctx.draft.with(|d| d.answers.get(region).and_then(Value::as_str).and_then(Region::from_code))
    });
    let chosen = Memo::new(move |_| {
        ctx.draft.with(|d| {
            d.answers
                .get(field.key)
                .and_then(Value::as_array)
                .map(|codes| codes.iter().filter_map(|c| c.as_str().map(str::to_owned)).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let suggestions = Memo::new(move |_| {
        let (Some(index), Some(region)) = (ctx.comuni.get(), region.get()) else { return Vec::new() };
        let chosen = chosen.get();
        query.with(|q| {
            index
                .search(region, q, SUGGESTIONS + chosen.len())
                .into_iter()
                .filter(|c| !chosen.contains(&c.code))
                .take(SUGGESTIONS)
                .map(|c| (c.code.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let name_of = move |code: &str| {
        ctx.comuni
            .with(|index| index.as_ref().and_then(|i| i.get(code)).map_or_else(|| code.to_owned(), |c| c.name.clone()))
    };
    let choose = move |code: String| {
        ctx.update(|d| {
            let list = d.answers.entry(field.key.to_owned()).or_insert_with(|| json!([]));
            if let Value::Array(list) = list
                && !list.iter().any(|c| c.as_str() == Some(&code))
            {
                list.push(Value::String(code));
            }
        });
        query.set(String::new());
        open.set(false);
        ctx.check_field(field);
    };
    let remove = move |code: String| {
        ctx.update(|d| {
            if let Some(Value::Array(list)) = d.answers.get_mut(field.key) {
                list.retain(|c| c.as_str() != Some(&code));
                if list.is_empty() {
                    d.answers.remove(field.key);
                }
            }
        });
        ctx.check_field(field);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = suggestions.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = (*a + 1) % count);
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + count - 1) % count);
            }
            "Enter" if open.get_untracked() && count > 0 => {
                ev.prevent_default();
                let picked =
                    suggestions.with(|s| s.get(active.get_untracked().min(count - 1)).map(|(code, _)| code.clone()));
                if let Some(code) = picked {
                    choose(code);
                }
            }
            "Escape" => open.set(false),
            _ => {}
        }
    };
    let listbox_id = format!("{}-elenco", input_id(field.key));
    let option_id = |code: &str| format!("comune-{code}");
    let invalid = move || ctx.errors.with(|e| e.of_field(field.key).next().is_some());
    let t = move |it: &'static str, en: &'static str| move || if lang.get() == Lang::It { it } else { en };
    view! {
        <div class="comune-picker">
            <ul class="chips" aria-label=t("Comuni scelti", "Chosen municipalities")>
                <For each=move || chosen.get() key=|code| code.clone() let:code>
                    <li class="chip">
                        <span>
                            {
                                let code = code.clone();
                                move || name_of(&code)
                            }
                        </span>
                        <button
                            type="button"
                            class="chip-remove"
                            aria-label={
                                let code = code.clone();
                                move || {
                                    let name = name_of(&code);
                                    if lang.get() == Lang::It {
                                        format!("Rimuovi {name}")
                                    } else {
                                        format!("Remove {name}")
                                    }
                                }
                            }
                            on:click={
                                let code = code.clone();
                                move |_| remove(code.clone())
                            }
                        >
                            "×"
                        </button>
                    </li>
                </For>
            </ul>
            <input
                type="text"
                id=input_id(field.key)
                class="form-control"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls=listbox_id.clone()
                aria-expanded=move || (open.get() && !suggestions.with(Vec::is_empty)).to_string()
                aria-activedescendant=move || {
                    suggestions.with(|s| s.get(active.get()).map(|(code, _)| option_id(code)).unwrap_or_default())
                }
                aria-invalid=move || invalid().to_string()
                aria-describedby=format!("aiuto-{} errore-{}", field.key, field.key)
                disabled=move || region.get().is_none()
                placeholder=move || {
                    if region.get().is_none() { t("Scegli prima la regione", "Choose the region first")() } else { "" }
                }
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    active.set(0);
                    open.set(true);
                }
                on:keydown=on_keydown
                on:blur=move |_| open.set(false)
            />
            <ul
                id=listbox_id
                class="comune-options"
                role="listbox"
                hidden=move || !open.get() || suggestions.with(Vec::is_empty)
            >
                {move || {
                    suggestions
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, (code, name))| {
                            let chosen_code = code.clone();
                            view! {
                                <li
                                    id=option_id(&code)
                                    role="option"
                                    class="comune-option"
                                    aria-selected=move || (active.get() == i).to_string()
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        choose(chosen_code.clone());
                                    }
                                >
                                    {name}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="picker-status" role="status">
                {move || {
                    let n = suggestions.with(Vec::len);
                    let typed = query.get();
                    if !open.get() || typed.trim().is_empty() {
                        String::new()
                    } else {
                        match (n, lang.get()) {
                            (0, Lang::It) => format!("Nessun Comune trovato per «{}».", typed.trim()),
                            (0, Lang::En) => format!("No municipality found for “{}”.", typed.trim()),
                            (1, Lang::It) => "1 comune trovato".to_owned(),
                            (1, Lang::En) => "1 municipality found".to_owned(),
                            (n, Lang::It) => format!("{n} comuni trovati"),
                            (n, Lang::En) => format!("{n} municipalities found"),
                        }
                    }
                }}
            </p>
            <p class="source-note">{format!("Fonte: ISTAT, elenco dei comuni al {LIST_DATE}.")}</p>
        </div>
    }
}
