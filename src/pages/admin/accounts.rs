// SPDX-License-Identifier: EUPL-1.2
//! The editors' accounts on the administration page: each with the button
//! that disables or enables it, and the form for a new one.

use super::table::{ListTable, Lists};
use super::{Outcome, forms, report, role_name};
use crate::api::moderation;
use crate::components::job::Job;
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::curation::api::Account;
use leptos::prelude::*;

/// The accounts' heading, table and form.
#[component]
pub(super) fn AccountsSection(
    /// The page's lists.
    lists: LocalResource<Lists>,
    /// What the last change did, or why it failed.
    outcome: RwSignal<Outcome>,
    /// Bumped after each change, to fetch the lists again.
    version: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    // (account, enable): "Disattiva" or "Riattiva".
    let switch = Job::new(move |(email, enable): (String, bool)| async move {
        let done = if enable {
            moderation::enable_account(&email)
                .await
                .map(|()| texts::admin::account_enabled(lang.get_untracked(), &email))
        } else {
            moderation::disable_account(&email)
                .await
                .map(|()| texts::admin::account_disabled(lang.get_untracked(), &email))
        };
        report(outcome, lang.get_untracked(), done);
        version.update(|v| *v += 1);
    });
    view! {
        <h2>{tr(texts::admin::ACCOUNTS)}</h2>
        <ListTable
            lists
            pick=|l| &l.accounts
            caption=texts::admin::EDITORS_ACCOUNTS
            headers=&[texts::common::E_MAIL, texts::admin::ROLE, texts::admin::STATUS, texts::admin::ACTIONS]
            row=move |a: &Account| {
                let email = a.email.clone();
                let active = !a.disabled;
                let (verb, enable) = if active { (texts::admin::DISABLE, false) } else { (texts::admin::ENABLE, true) };
                let label = {
                    let email = email.clone();
                    move || format!("{} {email}", verb.get(lang.get()))
                };
                let own = {
                    let email = email.clone();
                    move || lists.with(|lists| lists.as_ref().is_some_and(|l| l.me.eq_ignore_ascii_case(&email)))
                };
                let role = role_name(a.role);
                let state = if active { texts::admin::ACTIVE } else { texts::admin::DISABLED };
                view! {
                    <td>{email.clone()}</td>
                    <td>{tr(role)}</td>
                    <td>{tr(state)}</td>
                    <td>
                        {move || {
                            if own() {
                                view! { <span>{tr(texts::admin::YOUR_ACCOUNT)}</span> }.into_any()
                            } else {
                                let email = email.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="button button-link"
                                        aria-label=label.clone()
                                        on:click=move |_| {
                                            switch.dispatch((email.clone(), enable));
                                        }
                                    >
                                        {tr(verb)}
                                    </button>
                                }
                                    .into_any()
                            }
                        }}
                    </td>
                }
            }
        />
        <forms::AccountForm outcome version />
    }
}
