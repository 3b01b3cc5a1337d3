// SPDX-License-Identifier: EUPL-1.2
//! The fields of the site's small forms (the accessibility report, the
//! status check, the service rating, the community's forms; not the
//! questionnaire, which has its own definition-driven fields): each with its label, hint and error tied
//! to the control, and focus moved to the first field to fix.

use crate::i18n::{tr, use_lang};
use crate::texts::{self, Text};
use domain::FieldErrors;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One small form's errors, by field key, and the prefix of its controls'
/// ids (`{prefix}-{key}`, the hint `{prefix}-{key}-hint`, the error
/// `{prefix}-{key}-error`).
#[derive(Clone, Copy)]
pub struct FormFields {
    prefix: &'static str,
    pub errors: RwSignal<FieldErrors>,
}

impl FormFields {
    pub fn new(prefix: &'static str) -> Self {
        Self { prefix, errors: RwSignal::new(FieldErrors::default()) }
    }

    /// The id of the control for `key`.
    pub fn id(self, key: &str) -> String {
        format!("{}-{key}", self.prefix)
    }

    /// Whether `key` has an error now.
    pub fn invalid(self, key: &'static str) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        move || self.errors.with(|e| !e.get(key).is_empty())
    }

    /// `aria-invalid` of the control for `key`.
    pub fn aria_invalid(self, key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.invalid(key)().to_string()
    }

    /// `aria-describedby` of the control for `key`: its hint, if `hint`,
    /// and its error while there is one.
    pub fn described_by(self, key: &'static str, hint: bool) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || {
            let mut ids = Vec::new();
            if hint {
                ids.push(format!("{}-hint", self.id(key)));
            }
            if self.invalid(key)() {
                ids.push(format!("{}-error", self.id(key)));
            }
            ids.join(" ")
        }
    }

    /// Shows `found`; when there is something to fix, moves focus to the
    /// form's error summary if it has one (`summary`), else to the first
    /// field marked invalid, once it is drawn. True when nothing is.
    pub fn show(self, found: FieldErrors) -> bool {
        let ok = found.is_empty();
        self.errors.set(found);
        if !ok {
            let selector = format!("#{0}-errors, [id^='{0}-'][aria-invalid='true']", self.prefix);
            crate::components::after_paint(move || focus_first(&selector));
        }
        ok
    }

    /// The GOV.UK error summary above a form, as the questionnaire's: each
    /// error of `fields` (key and label, in the form's order) as a link that
    /// moves the focus to its control. `show` focuses it when it appears.
    pub fn summary(self, fields: &'static [(&'static str, Text)]) -> impl IntoView {
        let lang = use_lang();
        move || {
            let lang = lang.get();
            let items: Vec<(String, String)> = self.errors.with(|errors| {
                fields
                    .iter()
                    .flat_map(|(key, label)| {
                        let label = label.get(lang);
                        errors.get(key).iter().map(move |e| (self.id(key), format!("{label}: {}", e.message(lang))))
                    })
                    .collect()
            });
            (!items.is_empty()).then(|| {
                view! {
                    <div class="error-summary" id=self.id("errors") role="alert" tabindex="-1">
                        <h2>{tr(texts::common::THERE_IS_A_PROBLEM)}</h2>
                        <ul>
                            {items
                                .into_iter()
                                .map(|(id, message)| {
                                    let target = format!("#{id}");
                                    // A link to `#id` would resolve against `<base>`.
                                    view! {
                                        <li>
                                            <a
                                                href=target.clone()
                                                on:click=move |ev| {
                                                    ev.prevent_default();
                                                    focus_first(&target);
                                                }
                                            >
                                                {message}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                }
            })
        }
    }

    /// The first error of `key`, while there is one, in the page's language.
    pub fn error(self, key: &'static str) -> impl IntoView {
        let lang = use_lang();
        move || {
            self.errors.with(|e| e.get(key).first().map(|error| error.message(lang.get()))).map(|message| {
                view! {
                    <p class="field-error" id=format!("{}-error", self.id(key))>
                        {message}
                    </p>
                }
            })
        }
    }

    /// The hint of `key`, if it has one: what `described_by(key, true)` names.
    pub fn hint(self, key: &'static str, hint: Option<Text>) -> impl IntoView {
        hint.map(|hint| {
            view! {
                <p class="form-hint" id=format!("{}-hint", self.id(key))>
                    {tr(hint)}
                </p>
            }
        })
    }

    /// Takes back the error shown for `key`, as its value has just changed:
    /// what was wrong is being fixed; sending reads the rules again.
    pub fn take_back(self, key: &str) {
        if self.errors.with_untracked(|e| !e.get(key).is_empty()) {
            self.errors.update(|e| e.refresh_field(key, &FieldErrors::default()));
        }
    }

    /// `take_back(key)` on a control's events.
    fn clear(self, key: &'static str) -> impl Fn(leptos::ev::Event) + Copy + 'static {
        move |_| self.take_back(key)
    }

    /// A form group: the label, the hint, the error and `control` (whose id
    /// must be `self.id(key)`). Its error goes once the control is changed.
    pub fn group(self, key: &'static str, label: Text, hint: Option<Text>, control: AnyView) -> impl IntoView {
        view! {
            <div
                class="form-group"
                class:has-error=self.invalid(key)
                on:input=self.clear(key)
                on:change=self.clear(key)
            >
                <label for=self.id(key)>{tr(label)}</label>
                {self.hint(key, hint)}
                {self.error(key)}
                {control}
            </div>
        }
    }

    /// A form group with a text control for `key` (`group`), its text in
    /// `value`.
    pub fn text(
        self,
        key: &'static str,
        label: Text,
        hint: Option<Text>,
        control: TextControl,
        value: RwSignal<String>,
    ) -> impl IntoView {
        self.text_with(key, label, hint, control, value.into(), move |text| value.set(text))
    }

    /// `text`, with `set` told each change of the text shown in `value` (to
    /// keep it somewhere as it is typed, say).
    pub fn text_with(
        self,
        key: &'static str,
        label: Text,
        hint: Option<Text>,
        control: TextControl,
        value: Signal<String>,
        set: impl Fn(String) + 'static,
    ) -> impl IntoView {
        let (id, invalid) = (self.id(key), self.aria_invalid(key));
        let described_by = self.described_by(key, hint.is_some());
        let maxlength = control.maxlength.map(|n| n.to_string());
        let control = match control.rows {
            None => view! {
                <input
                    type=control.kind
                    id=id
                    class="form-control"
                    autocomplete=control.autocomplete
                    maxlength=maxlength
                    aria-invalid=invalid
                    aria-describedby=described_by
                    prop:value=value
                    on:input=move |ev| set(event_target_value(&ev))
                />
            }
            .into_any(),
            Some(rows) => view! {
                <textarea
                    id=id
                    class="form-control"
                    rows=rows.to_string()
                    maxlength=maxlength
                    aria-invalid=invalid
                    aria-describedby=described_by
                    prop:value=value
                    on:input=move |ev| set(event_target_value(&ev))
                ></textarea>
            }
            .into_any(),
        };
        self.group(key, label, hint, control)
    }

    /// A month and year (`components::month_year`) under a legend, with its
    /// hint and error; `value` is `YYYY-MM` once both are chosen.
    pub fn month(self, key: &'static str, label: Text, hint: Option<Text>, value: RwSignal<String>) -> impl IntoView {
        view! {
            <fieldset class="form-group" class:has-error=self.invalid(key) on:change=self.clear(key)>
                <legend>{tr(label)}</legend>
                {self.hint(key, hint)}
                {self.error(key)}
                <super::month_year::MonthYear
                    id=self.id(key)
                    value=value
                    set=move |month| value.set(month)
                    invalid=Signal::derive(self.invalid(key))
                    described_by=Signal::derive(self.described_by(key, hint.is_some()))
                />
            </fieldset>
        }
    }

    /// A box to tick, laid out as GOV.UK does: the error above, the box with
    /// its label, the hint under the label.
    pub fn checkbox(self, key: &'static str, label: Text, hint: Option<Text>, ticked: RwSignal<bool>) -> impl IntoView {
        let id = self.id(key);
        view! {
            <div class="form-group consent" class:has-error=self.invalid(key) on:change=self.clear(key)>
                {self.error(key)}
                <div class="form-check">
                    <input
                        type="checkbox"
                        id=id.clone()
                        aria-invalid=self.aria_invalid(key)
                        aria-describedby=self.described_by(key, hint.is_some())
                        prop:checked=move || ticked.get()
                        on:change=move |ev| ticked.set(event_target_checked(&ev))
                    />
                    <label for=id>{tr(label)}</label>
                </div>
                {self.hint(key, hint)}
            </div>
        }
    }
}

/// The text control of a small form's field (`FormFields::text`): a
/// one-line input of a `type`, or a text area of some lines; what browsers
/// may fill it with, and how long its text may be.
#[derive(Clone, Copy)]
pub struct TextControl {
    kind: &'static str,
    rows: Option<u8>,
    autocomplete: Option<&'static str>,
    maxlength: Option<usize>,
}

impl TextControl {
    /// An e-mail address, which browsers may fill in.
    pub const EMAIL: Self = Self::input("email").autocomplete("email");

    /// A one-line input of `type` `kind` (`text`, `email`).
    pub const fn input(kind: &'static str) -> Self {
        Self { kind, rows: None, autocomplete: None, maxlength: None }
    }

    /// A text area of `rows` lines, of at most `maxlength` characters.
    pub const fn area(rows: u8, maxlength: usize) -> Self {
        Self { kind: "", rows: Some(rows), autocomplete: None, maxlength: Some(maxlength) }
    }

    /// What browsers may fill it with (`autocomplete`).
    pub const fn autocomplete(self, autocomplete: &'static str) -> Self {
        Self { autocomplete: Some(autocomplete), ..self }
    }

    /// At most `maxlength` characters.
    pub const fn maxlength(self, maxlength: usize) -> Self {
        Self { maxlength: Some(maxlength), ..self }
    }
}

/// Moves the focus to the first element `selector` finds.
pub(crate) fn focus_first(selector: &str) {
    if let Ok(Some(element)) = document().query_selector(selector)
        && let Ok(element) = element.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = element.focus();
    }
}
