//! One component per kind of question, all driven by the questionnaire's
//! definition: labels, hints, options, limits and conditions come from the
//! domain crate. Each input is labelled, described by its hint and error
//! (`aria-describedby`), marked `aria-invalid` when wrong, and checked when
//! the respondent leaves it.
//!
//! Text inputs take their starting value once, when they are created, and
//! then own what is typed (so the caret never jumps); a discarded or adopted
//! draft re-creates them.

use super::comune_picker::ComunePicker;
use super::state::use_form;
use crate::i18n::use_lang;
use domain::Lang;
use domain::questionnaire::{Choice, Field, Input, Kind, Required};
use leptos::prelude::*;
use serde_json::{Value, json};

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
    if let Kind::Text { multiline: true, .. } = field.kind {
        ids.push(format!("conteggio-{}", field.key));
    }
    if has_error {
        ids.push(error_id(field.key));
    }
    ids.join(" ")
}

fn label_text(field: &'static Field, lang: Lang) -> String {
    let optional = match (field.required, lang) {
        (Required::Never, Lang::It) => " (facoltativo)",
        (Required::Never, Lang::En) => " (optional)",
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
                    <span class="visually-hidden">
                        {move || if lang.get() == Lang::It { "Errore: " } else { "Error: " }}
                    </span>
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
    } else if matches!(field.kind, Kind::Consent) {
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
        Kind::Text { multiline: false, input, autocomplete, .. } => {
            view! { <TextInput field input autocomplete /> }.into_any()
        }
        Kind::Text { max, multiline: true, .. } => view! { <LongText field max /> }.into_any(),
        Kind::Count | Kind::Euro => view! { <NumberInput field /> }.into_any(),
        Kind::Choice { options } if options.len() <= 7 => view! { <Radios field options /> }.into_any(),
        Kind::Choice { options } => view! { <Select field options /> }.into_any(),
        Kind::Choices { options, .. } => view! { <Checkboxes field options /> }.into_any(),
        Kind::YearMonth { .. } => view! { <YearMonthInput field /> }.into_any(),
        Kind::Urls { .. } => view! { <UrlList field /> }.into_any(),
        Kind::Partners { .. } => view! { <Partners field /> }.into_any(),
        Kind::Comuni { region, .. } => view! { <ComunePicker field region /> }.into_any(),
        Kind::Consent => view! { <Consent field /> }.into_any(),
    }
}

fn current_text(field: &'static Field) -> String {
    let ctx = use_form();
    ctx.draft.with_untracked(|d| field.input_from_value(d.answers.get(field.key)))
}

/// A one-line text. No `maxlength`: the browser would cut a pasted text
/// silently; a text over the limit gets an error that says so instead.
#[component]
fn TextInput(field: &'static Field, input: Input, autocomplete: Option<&'static str>) -> impl IntoView {
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
fn NumberInput(field: &'static Field) -> impl IntoView {
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
fn LongText(field: &'static Field, max: usize) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let invalid = move || ctx.errors.with(|e| e.of_field(field.key).next().is_some());
    let answer = ctx.answer(field.key);
    let used = move || answer.with(|v| v.as_ref().and_then(Value::as_str).map_or(0, |s| s.chars().count()));
    let rows = if max > 1000 { "8" } else { "4" };
    let counter = move || {
        let used = used();
        match (lang.get(), used > max) {
            (Lang::It, false) => format!("Hai usato {used} caratteri su {max}."),
            (Lang::It, true) => format!("Hai {} caratteri di troppo (massimo {max}).", used - max),
            (Lang::En, false) => format!("You have used {used} of {max} characters."),
            (Lang::En, true) => format!("You have {} characters too many (at most {max}).", used - max),
        }
    };
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

#[component]
fn Radios(field: &'static Field, options: &'static [Choice]) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let answer = ctx.answer(field.key);
    options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let id = if i == 0 { input_id(field.key) } else { format!("{}-{}", input_id(field.key), option.code) };
            view! {
                <div class="form-check">
                    <input
                        type="radio"
                        id=id.clone()
                        name=field.key
                        value=option.code
                        prop:checked=move || answer.with(|v| v.as_ref().and_then(Value::as_str) == Some(option.code))
                        on:change=move |_| {
                            ctx.set_answer(field.key, json!(option.code));
                            ctx.check_field(field);
                        }
                    />
                    <label for=id>{move || option.label.get(lang.get())}</label>
                </div>
            }
        })
        .collect_view()
}

#[component]
fn Select(field: &'static Field, options: &'static [Choice]) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let answer = ctx.answer(field.key);
    let invalid = move || ctx.errors.with(|e| e.of_field(field.key).next().is_some());
    view! {
        <select
            id=input_id(field.key)
            name=field.key
            class="form-control"
            aria-invalid=move || invalid().to_string()
            aria-describedby=move || described_by(field, invalid())
            on:change=move |ev| {
                let value = event_target_value(&ev);
                ctx.set_answer(field.key, if value.is_empty() { Value::Null } else { Value::String(value) });
                ctx.check_field(field);
            }
        >
            <option value="">{move || if lang.get() == Lang::It { "Scegli…" } else { "Choose…" }}</option>
            {options
                .iter()
                .map(|option| {
                    let selected = move || answer.with(|v| v.as_ref().and_then(Value::as_str) == Some(option.code));
                    view! {
                        <option value=option.code selected=selected>
                            {move || option.label.get(lang.get())}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

#[component]
fn Checkboxes(field: &'static Field, options: &'static [Choice]) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let answer = ctx.answer(field.key);
    let ticked = move |code: &str| {
        answer
            .with(|v| v.as_ref().and_then(Value::as_array).is_some_and(|a| a.iter().any(|c| c.as_str() == Some(code))))
    };
    let toggle = move |code: &'static str| {
        ctx.update(|d| {
            let mut codes: Vec<Value> = d.answers.get(field.key).and_then(Value::as_array).cloned().unwrap_or_default();
            if let Some(at) = codes.iter().position(|c| c.as_str() == Some(code)) {
                codes.remove(at);
            } else {
                codes.push(json!(code));
            }
            d.answers.insert(field.key.to_owned(), Value::Array(codes));
        });
        ctx.check_field(field);
    };
    view! {
        <div class="checkbox-grid">
            {options
                .iter()
                .enumerate()
                .map(|(i, option)| {
                    let id = if i == 0 {
                        input_id(field.key)
                    } else {
                        format!("{}-{}", input_id(field.key), option.code)
                    };
                    view! {
                        <div class="form-check">
                            <input
                                type="checkbox"
                                id=id.clone()
                                name=field.key
                                value=option.code
                                prop:checked=move || ticked(option.code)
                                on:change=move |_| toggle(option.code)
                            />
                            <label for=id>{move || option.label.get(lang.get())}</label>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Month and year as two selects (the GOV.UK date pattern, without days).
#[component]
fn YearMonthInput(field: &'static Field) -> impl IntoView {
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
    let this_year = js_sys::Date::new_0().get_full_year();
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

/// Web addresses, one per line.
#[component]
fn UrlList(field: &'static Field) -> impl IntoView {
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

/// A repeatable group: each partner a type and a name.
#[component]
fn Partners(field: &'static Field) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    // Rows are re-created when one is removed, so each input starts from its own row's answer.
    let generation = RwSignal::new(0u32);
    let rows = move || ctx.draft.with(|d| d.answers.get(field.key).and_then(Value::as_array).map_or(0, Vec::len));
    let edit = move |index: usize, part: &'static str, value: String| {
        ctx.update(|d| {
            if let Some(Value::Array(list)) = d.answers.get_mut(field.key)
                && let Some(Value::Object(row)) = list.get_mut(index)
            {
                row.insert(part.to_owned(), Value::String(value));
            }
        });
    };
    let add = move |_| {
        ctx.update(|d| {
            let list = d.answers.entry(field.key.to_owned()).or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = list {
                list.push(json!({"kind": "", "name": ""}));
            }
        });
    };
    let remove = move |index: usize| {
        ctx.update(|d| {
            if let Some(Value::Array(list)) = d.answers.get_mut(field.key) {
                list.remove(index);
                if list.is_empty() {
                    d.answers.remove(field.key);
                }
            }
        });
        generation.update(|g| *g += 1);
        ctx.check_field(field);
    };
    let row_view = move |index: usize| {
        let value = |part: &str| {
            ctx.draft.with_untracked(|d| {
                d.answers
                    .get(field.key)
                    .and_then(|v| v.get(index))
                    .and_then(|row| row.get(part))
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            })
        };
        let kind_id = if index == 0 { input_id(field.key) } else { format!("{}-{index}-tipo", input_id(field.key)) };
        let name_id = format!("{}-{index}-nome", input_id(field.key));
        let kind_messages = move || ctx.errors.with(|e| e.get(&format!("{}.{index}.kind", field.key)).to_vec());
        let name_messages = move || ctx.errors.with(|e| e.get(&format!("{}.{index}.name", field.key)).to_vec());
        let kind_value = value("kind");
        view! {
            <div class="repeat-row">
                <p class="repeat-title">
                    {move || format!("{} {}", if lang.get() == Lang::It { "Soggetto" } else { "Partner" }, index + 1)}
                </p>
                <div class="form-group">
                    <label for=kind_id.clone()>{move || if lang.get() == Lang::It { "Tipo" } else { "Type" }}</label>
                    <PartErrors errors=Signal::derive(kind_messages) />
                    <select
                        id=kind_id
                        class="form-control"
                        aria-invalid=move || (!kind_messages().is_empty()).to_string()
                        on:change=move |ev| edit(index, "kind", event_target_value(&ev))
                    >
                        <option value="" selected=kind_value.is_empty()>
                            {move || if lang.get() == Lang::It { "Scegli…" } else { "Choose…" }}
                        </option>
                        {domain::vocabulary::PartnerType::CHOICES
                            .iter()
                            .map(|o| {
                                view! {
                                    <option value=o.code selected=kind_value == o.code>
                                        {move || o.label.get(lang.get())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label for=name_id.clone()>{move || if lang.get() == Lang::It { "Nome" } else { "Name" }}</label>
                    <PartErrors errors=Signal::derive(name_messages) />
                    <input
                        type="text"
                        id=name_id
                        class="form-control"
                        prop:value=value("name")
                        aria-invalid=move || (!name_messages().is_empty()).to_string()
                        on:input=move |ev| edit(index, "name", event_target_value(&ev))
                        on:blur=move |_| ctx.check_field(field)
                    />
                </div>
                <button type="button" class="button button-link" on:click=move |_| remove(index)>
                    {move || {
                        if lang.get() == Lang::It {
                            format!("Rimuovi il soggetto {}", index + 1)
                        } else {
                            format!("Remove partner {}", index + 1)
                        }
                    }}
                </button>
            </div>
        }
    };
    view! {
        {move || {
            generation.track();
            (0..rows()).map(row_view).collect_view()
        }}
        <button type="button" class="button button-secondary" on:click=add>
            {move || if lang.get() == Lang::It { "Aggiungi un soggetto coinvolto" } else { "Add a partner" }}
        </button>
    }
}

/// The messages of one part of a repeatable group (a partner's type or name).
#[component]
fn PartErrors(
    /// The part's errors.
    errors: Signal<Vec<domain::FieldError>>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        errors.get().into_iter().map(|e| view! { <p class="field-error">{e.message(lang)}</p> }).collect_view()
    }
}

#[component]
fn Consent(field: &'static Field) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let answer = ctx.answer(field.key);
    let invalid = move || ctx.errors.with(|e| e.of_field(field.key).next().is_some());
    view! {
        <input
            type="checkbox"
            id=input_id(field.key)
            name=field.key
            aria-invalid=move || invalid().to_string()
            aria-describedby=move || described_by(field, invalid())
            prop:checked=move || answer.get() == Some(Value::Bool(true))
            on:change=move |ev| {
                ctx.set_answer(field.key, if event_target_checked(&ev) { Value::Bool(true) } else { Value::Null });
                ctx.check_field(field);
            }
        />
        <label for=input_id(field.key)>{move || field.label.get(lang.get())}</label>
    }
}
