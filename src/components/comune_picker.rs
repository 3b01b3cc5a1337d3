// SPDX-License-Identifier: EUPL-1.2
//! The Comune picker: a type-ahead over the official ISTAT list, limited to
//! a region, insensitive to accents and case. It follows the ARIA combobox
//! pattern (list box, arrow keys, Enter, Escape) and shows chosen Comuni as
//! removable buttons. The list is fetched once, when a picker is first
//! shown, from the dated file shipped with the app. The questionnaire's
//! "Comune o comuni interessati" and the adoption form's "Comune" are this
//! one control, each keeping the choice in its own state.

use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::comuni::LIST_DATE;
use domain::geo::Region;
use leptos::prelude::*;

const SUGGESTIONS: usize = 8;

/// Chooses Comuni of `region`.
#[component]
pub fn ComunePicker(
    /// The text input's id, which its label names.
    id: String,
    /// The region whose Comuni are offered; none disables the input.
    #[prop(into)]
    region: Signal<Option<Region>>,
    /// The ISTAT codes chosen.
    #[prop(into)]
    chosen: Signal<Vec<String>>,
    /// A Comune chosen from the list (its code).
    on_choose: Callback<String>,
    /// A chosen Comune removed (its code).
    on_remove: Callback<String>,
    /// What is typed and not chosen yet: the owner's, so that it can refuse
    /// to go on with a name typed but not chosen.
    typed: RwSignal<String>,
    /// The control is marked invalid.
    #[prop(into)]
    invalid: Signal<bool>,
    /// The ids of its hint and error.
    #[prop(into)]
    described_by: Signal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let comuni = crate::comuni::use_comuni();
    let query = typed;
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let suggestions = Memo::new(move |_| {
        let (Some(index), Some(region)) = (comuni.get(), region.get()) else { return Vec::new() };
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
        comuni
            .with(|index| index.as_ref().and_then(|i| i.get(code)).map_or_else(|| code.to_owned(), |c| c.name.clone()))
    };
    let choose = move |code: String| {
        query.set(String::new());
        open.set(false);
        on_choose.run(code);
    };
    let remove = move |code: String| on_remove.run(code);
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
    let listbox_id = format!("{id}-elenco");
    let option_id = |code: &str| format!("comune-{code}");
    view! {
        <div class="comune-picker">
            <ul class="chips" aria-label=tr(texts::site::CHOSEN_MUNICIPALITIES)>
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
                                move || texts::site::remove_comune(lang.get(), &name_of(&code))
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
                id=id
                class="form-control"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls=listbox_id.clone()
                aria-expanded=move || (open.get() && !suggestions.with(Vec::is_empty)).to_string()
                aria-activedescendant=move || {
                    suggestions.with(|s| s.get(active.get()).map(|(code, _)| option_id(code)).unwrap_or_default())
                }
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=move || described_by.get()
                disabled=move || region.get().is_none()
                placeholder=move || {
                    if region.get().is_none() { texts::site::CHOOSE_THE_REGION_FIRST.get(lang.get()) } else { "" }
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
                        texts::site::comuni_found(lang.get(), n, typed.trim())
                    }
                }}
            </p>
            <p class="source-note">
                {move || {
                    let lang = lang.get();
                    texts::site::comuni_source(lang, &domain::dates::long_date(LIST_DATE, lang))
                }}
            </p>
        </div>
    }
}
