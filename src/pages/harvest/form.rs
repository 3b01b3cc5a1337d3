// SPDX-License-Identifier: EUPL-1.2
//! "Aggiungi la fonte": another collection's name, the address of its open
//! data, its editors' e-mail, whether its practices are already checked,
//! and how often to read it; with the questionnaire's error pattern, the
//! domain's rules (`NewHarvestSource::check`) run by the server. What is
//! typed is kept on this tab as it is typed.

use crate::api::{ApiError, moderation};
use crate::components::form::{FormFields, TextControl};
use crate::components::job::Job;
use crate::i18n::{tr, use_lang};
use crate::pages::admin::{Outcome, report};
use crate::session::use_kept_text;
use crate::texts;
use domain::FieldErrors;
use domain::harvest::api::{NewHarvestSource, SourceKind};
use leptos::prelude::*;

const FIELDS: &[(&str, texts::Text)] = &[
    ("name", texts::harvest::NAME),
    ("kind", texts::harvest::KIND),
    ("url", texts::harvest::ADDRESS),
    ("contact_email", texts::harvest::CONTACT),
    ("every_hours", texts::harvest::EVERY_HOURS),
    ("curated", texts::harvest::CURATED),
];

#[component]
pub(super) fn SourceForm(outcome: RwSignal<Outcome>, version: RwSignal<u32>) -> impl IntoView {
    let form = FormFields::new("fonte");
    let lang = use_lang();
    let kept = [
        use_kept_text("bp-harvest-name"),
        use_kept_text("bp-harvest-url"),
        use_kept_text("bp-harvest-contact"),
        use_kept_text("bp-harvest-every"),
    ];
    let [name, url, contact, every] = kept;
    let curated = RwSignal::new(false);
    let kind = RwSignal::new(SourceKind::Istanza);
    let add = Job::new(move |source: NewHarvestSource| async move {
        let done = moderation::add_harvest_source(&source).await.map(|added| {
            for k in kept {
                k.clear();
            }
            curated.set(false);
            kind.set(SourceKind::Istanza);
            texts::harvest::source_added(lang.get_untracked(), &added.name)
        });
        match done {
            Err(ApiError::Invalid(errors)) => {
                form.show(errors);
            }
            done => {
                form.errors.set(FieldErrors::default());
                report(outcome, lang.get_untracked(), done);
            }
        }
        version.update(|v| *v += 1);
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Empty: once a day; not a number: 0, which the server refuses in words.
        let every_text = every.get_untracked();
        let every_hours = if every_text.trim().is_empty() { 24 } else { every_text.trim().parse().unwrap_or(0) };
        let source = NewHarvestSource {
            name: name.get_untracked(),
            url: url.get_untracked().trim().to_owned(),
            kind: kind.get_untracked(),
            contact_email: contact.get_untracked().trim().to_owned(),
            curated: curated.get_untracked(),
            every_hours,
        };
        outcome.set(None);
        add.dispatch(source);
    };
    let text = move |key: &'static str, label, hint, control, value: crate::session::KeptText| {
        form.text_with(key, label, hint, control, Signal::derive(move || value.get()), move |t| value.set(t))
    };
    let kinds = [
        (SourceKind::Istanza, texts::harvest::KIND_INSTANCE),
        (SourceKind::Dcat, texts::harvest::KIND_DCAT),
        (SourceKind::Csv, texts::harvest::KIND_SHEET),
    ];
    let kind_select = view! {
        <select
            id=form.id("kind")
            class="form-control"
            on:change=move |ev| { kind.set(SourceKind::from_code(&event_target_value(&ev)).unwrap_or_default()) }
        >
            {kinds
                .map(|(k, label)| {
                    view! {
                        <option value=k.code() selected=move || kind.get() == k>
                            {tr(label)}
                        </option>
                    }
                })}
        </select>
    }
    .into_any();
    view! {
        <form novalidate on:submit=submit>
            {form.summary(FIELDS)}
            {text("name", texts::harvest::NAME, None, TextControl::input("text").maxlength(120), name)}
            {form.group("kind", texts::harvest::KIND, None, kind_select)}
            {text(
                "url",
                texts::harvest::ADDRESS,
                Some(texts::harvest::ADDRESS_HINT),
                TextControl::input("url").autocomplete("url"),
                url,
            )}
            {text(
                "contact_email",
                texts::harvest::CONTACT,
                Some(texts::harvest::CONTACT_HINT),
                TextControl::EMAIL,
                contact,
            )}
            {text(
                "every_hours",
                texts::harvest::EVERY_HOURS,
                Some(texts::harvest::EVERY_HOURS_HINT),
                TextControl::input("number"),
                every,
            )}
            {form.checkbox("curated", texts::harvest::CURATED, None, curated)}
            <button type="submit" class="button button-secondary">
                {tr(texts::harvest::ADD_THE_SOURCE)}
            </button>
        </form>
    }
}
