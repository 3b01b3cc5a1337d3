// SPDX-License-Identifier: EUPL-1.2
//! The administrators' forms, a new collection round and a new account, with
//! the questionnaire's error pattern (GOV.UK): a summary that links to each
//! field to fix, each field's error above it, the field marked. The server
//! checks them with the domain's rules (`NewRound::parse`,
//! `NewAccount::check`); what an admin types (passwords apart) is kept on
//! this tab as it is typed.

use super::{Outcome, report, role_name};
use crate::api::{ApiError, moderation};
use crate::components::form::FormFields;
use crate::components::job::Job;
use crate::i18n::{tr, use_lang};
use crate::session::{KeptText, use_kept_text};
use crate::texts;
use domain::{FieldErrors, Lang};
use domain::{
    curation::api::{NewAccount, Role},
    questionnaire::rounds::NewRound,
};
use leptos::prelude::*;

/// A label in Italian and English.
type Label = texts::Text;

const ROUND_FIELDS: &[(&str, Label)] = &[
    ("code", texts::admin::CODE_LOWERCASE_LETTERS_DIGITS),
    ("name", texts::admin::NAME),
    ("opens_on", texts::admin::OPENS_ON),
    ("closes_on", texts::admin::CLOSES_ON),
];

const ACCOUNT_FIELDS: &[(&str, Label)] =
    &[("email", texts::common::E_MAIL), ("role", texts::admin::ROLE), ("password", texts::admin::PASSWORD_AT_LEAST_12)];

/// The label of `key` among `fields`.
fn label(fields: &[(&str, Label)], key: &str) -> Label {
    fields.iter().find(|(k, _)| *k == key).map_or(texts::Text::new("", ""), |(_, label)| *label)
}

/// A text input of `form` for `key`, its text in `value`.
fn text_input(form: FormFields, key: &'static str, kind: &'static str, value: KeptText) -> AnyView {
    view! {
        <input
            type=kind
            id=form.id(key)
            class="form-control"
            aria-invalid=form.aria_invalid(key)
            aria-describedby=form.described_by(key, false)
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    }
    .into_any()
}

/// Shows what sending did: the fields to fix in the form, anything else
/// (done, or a failure that is no field's, in `lang`) in the page's notice.
fn settle(form: FormFields, outcome: RwSignal<Outcome>, lang: Lang, done: Result<String, ApiError>) {
    match done {
        Err(ApiError::Invalid(errors)) => {
            form.show(errors);
        }
        done => {
            form.errors.set(FieldErrors::default());
            report(outcome, lang, done);
        }
    }
}

/// "Aggiungi la raccolta": a collection round's code, name and days.
#[component]
pub(super) fn RoundForm(outcome: RwSignal<Outcome>, version: RwSignal<u32>) -> impl IntoView {
    let form = FormFields::new("raccolta");
    let lang = use_lang();
    let (code, name, opens, closes) = (
        use_kept_text("bp-admin-round-code"),
        use_kept_text("bp-admin-round-name"),
        use_kept_text("bp-admin-round-opens"),
        use_kept_text("bp-admin-round-closes"),
    );
    let add = Job::new(move |round: NewRound| async move {
        let done = moderation::add_round(&round).await.map(|added| {
            for kept in [code, name, opens, closes] {
                kept.forget();
            }
            texts::admin::round_added(lang.get_untracked(), &added.name)
        });
        settle(form, outcome, lang.get_untracked(), done);
        version.update(|v| *v += 1);
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let round = NewRound {
            code: code.get_untracked(),
            name: name.get_untracked(),
            opens_on: opens.get_untracked(),
            closes_on: closes.get_untracked(),
        };
        outcome.set(None);
        add.dispatch(round);
    };
    let field = move |key: &'static str, kind: &'static str, value: KeptText| {
        form.group(key, label(ROUND_FIELDS, key), None, text_input(form, key, kind, value))
    };
    view! {
        <form novalidate on:submit=submit>
            {form.summary(ROUND_FIELDS)}
            {field("code", "text", code)}
            {field("name", "text", name)}
            {field("opens_on", "date", opens)}
            {field("closes_on", "date", closes)}
            <button type="submit" class="button button-secondary">
                {tr(texts::admin::ADD_THE_ROUND)}
            </button>
        </form>
    }
}

/// "Aggiungi l'account": an editor's or administrator's account.
#[component]
pub(super) fn AccountForm(outcome: RwSignal<Outcome>, version: RwSignal<u32>) -> impl IntoView {
    let form = FormFields::new("account");
    let lang = use_lang();
    let (email, role) = (use_kept_text("bp-admin-account-email"), use_kept_text("bp-admin-account-role"));
    // Never kept anywhere: typed again after signing in.
    let password = RwSignal::new(String::new());
    let add = Job::new(move |account: NewAccount| async move {
        let done = moderation::add_account(&account).await.map(|added| {
            for kept in [email, role] {
                kept.forget();
            }
            texts::admin::account_added(lang.get_untracked(), &added.email)
        });
        settle(form, outcome, lang.get_untracked(), done);
        version.update(|v| *v += 1);
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let account = NewAccount {
            email: email.get_untracked(),
            role: Role::from_code(&role.get_untracked()).unwrap_or(Role::Curator),
            password: password.get_untracked(),
        };
        password.set(String::new());
        outcome.set(None);
        add.dispatch(account);
    };
    let role_select = view! {
        <select id=form.id("role") class="form-control" on:change=move |ev| role.set(event_target_value(&ev))>
            {[Role::Curator, Role::Admin]
                .map(|r| {
                    view! {
                        <option value=r.code() selected=move || role.get() == r.code()>
                            {tr(role_name(r))}
                        </option>
                    }
                })}
        </select>
    }
    .into_any();
    let password_input = view! {
        <input
            type="password"
            id=form.id("password")
            class="form-control"
            aria-invalid=form.aria_invalid("password")
            aria-describedby=form.described_by("password", false)
            prop:value=move || password.get()
            on:input=move |ev| password.set(event_target_value(&ev))
        />
    }
    .into_any();
    view! {
        <form novalidate on:submit=submit>
            {form.summary(ACCOUNT_FIELDS)}
            {form.group("email", label(ACCOUNT_FIELDS, "email"), None, text_input(form, "email", "email", email))}
            {form.group("role", label(ACCOUNT_FIELDS, "role"), None, role_select)}
            {form.group("password", label(ACCOUNT_FIELDS, "password"), None, password_input)}
            <button type="submit" class="button button-secondary">
                {tr(texts::admin::ADD_THE_ACCOUNT)}
            </button>
        </form>
    }
}
