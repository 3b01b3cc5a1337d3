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
use domain::record::comuni::{ComuneIndex, LIST_DATE};
use domain::record::geo::Region;
use leptos::prelude::*;
use std::sync::Arc;

const SUGGESTIONS: usize = 8;

/// The Comuni offered for what is typed: code and name.
type Suggestions = Memo<Vec<(String, String)>>;

/// The picker's moving parts, shared by its pieces.
#[derive(Clone, Copy)]
struct Picker {
    /// What is typed and not chosen yet.
    query: RwSignal<String>,
    /// The list box is open.
    open: RwSignal<bool>,
    /// The suggestion the arrow keys are on.
    active: RwSignal<usize>,
    /// The Comuni offered.
    suggestions: Suggestions,
    /// A Comune chosen (its code).
    on_choose: Callback<String>,
}

impl Picker {
    /// Chooses `code`, clearing what was typed and closing the list.
    fn choose(self, code: String) {
        self.query.set(String::new());
        self.open.set(false);
        self.on_choose.run(code);
    }

    /// The combobox keys: arrows move, Enter chooses, Escape closes.
    fn on_keydown(self, ev: leptos::ev::KeyboardEvent) {
        let Self { open, active, suggestions, .. } = self;
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
                    self.choose(code);
                }
            }
            "Escape" => open.set(false),
            _ => {}
        }
    }
}

/// The Comuni of `region` matching `query`, leaving out those chosen.
fn use_suggestions(
    comuni: RwSignal<Option<Arc<ComuneIndex>>>,
    region: Signal<Option<Region>>,
    chosen: Signal<Vec<String>>,
    query: RwSignal<String>,
) -> Suggestions {
    Memo::new(move |_| {
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
    })
}

/// The id of the list box option for the Comune `code`.
fn option_id(code: &str) -> String {
    format!("comune-{code}")
}

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
    let picker = Picker {
        query: typed,
        open: RwSignal::new(false),
        active: RwSignal::new(0usize),
        suggestions: use_suggestions(comuni, region, chosen, typed),
        on_choose,
    };
    let Picker { query, open, active, suggestions, .. } = picker;
    let listbox_id = format!("{id}-elenco");
    view! {
        <div class="comune-picker">
            <ChosenComuni comuni chosen on_remove />
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
                on:keydown=move |ev| picker.on_keydown(ev)
                on:blur=move |_| open.set(false)
            />
            <SuggestionList listbox_id picker />
            <PickerStatus picker />
            <SourceNote />
        </div>
    }
}

/// The Comuni chosen, each a chip with a button that removes it.
#[component]
fn ChosenComuni(
    /// The ISTAT list, once fetched.
    comuni: RwSignal<Option<Arc<ComuneIndex>>>,
    /// The ISTAT codes chosen.
    chosen: Signal<Vec<String>>,
    /// A chosen Comune removed (its code).
    on_remove: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let name_of = move |code: &str| {
        comuni
            .with(|index| index.as_ref().and_then(|i| i.get(code)).map_or_else(|| code.to_owned(), |c| c.name.clone()))
    };
    view! {
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
                            move |_| on_remove.run(code.clone())
                        }
                    >
                        "×"
                    </button>
                </li>
            </For>
        </ul>
    }
}

/// The list box of suggestions, chosen with the mouse or the keys.
#[component]
fn SuggestionList(
    /// The list box's id, which the input controls.
    listbox_id: String,
    /// The picker's state.
    picker: Picker,
) -> impl IntoView {
    let Picker { open, active, suggestions, .. } = picker;
    view! {
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
                                    picker.choose(chosen_code.clone());
                                }
                            >
                                {name}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// The live count of Comuni found for what is typed.
#[component]
fn PickerStatus(
    /// The picker's state.
    picker: Picker,
) -> impl IntoView {
    let lang = use_lang();
    let Picker { query, open, suggestions, .. } = picker;
    view! {
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
    }
}

/// Where the list comes from, and its date.
#[component]
fn SourceNote() -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="source-note">
            {move || {
                let lang = lang.get();
                texts::site::comuni_source(lang, &domain::dates::long_date(LIST_DATE, lang))
            }}
        </p>
    }
}
