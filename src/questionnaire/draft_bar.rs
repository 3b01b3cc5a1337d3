// SPDX-License-Identifier: EUPL-1.2
//! The bar over each page of the journey: when the draft was saved, the
//! shared-computer switch, and deleting the draft.

use super::state::use_form;
use crate::i18n::{tr, use_lang};
use crate::storage;
use crate::texts;
use domain::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// "Bozza salvata alle HH:MM", the shared-computer switch and "discard".
#[component]
pub(super) fn DraftBar() -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let confirming = RwSignal::new(false);
    let status = move || {
        let lang = lang.get();
        let (saved_at, keep, unsaved) = (ctx.draft.with(|d| d.saved_at), ctx.keep_draft.get(), ctx.unsaved.get());
        match (keep, unsaved || saved_at == 0.0, lang) {
            (false, _, Lang::It) => "Salvataggio della bozza disattivato su questo dispositivo.".to_owned(),
            (false, _, Lang::En) => "Draft saving is off on this device.".to_owned(),
            (true, true, Lang::It) => "Bozza non ancora salvata…".to_owned(),
            (true, true, Lang::En) => "Draft not saved yet…".to_owned(),
            (true, false, Lang::It) => format!("Bozza salvata alle {}", storage::clock(saved_at)),
            (true, false, Lang::En) => format!("Draft saved at {}", storage::clock(saved_at)),
        }
    };
    view! {
        <div class="draft-bar">
            <p class="draft-status" data-testid="draft-status">
                {status}
            </p>
            {move || {
                ctx.adopted_from_other_tab
                    .get()
                    .then(|| {
                        view! {
                            <p class="draft-notice" role="status">
                                {tr(texts::questionnaire::YOUR_ANSWERS_WERE_UPDATED)}
                            </p>
                        }
                    })
            }}
            <div class="form-check">
                <input
                    type="checkbox"
                    id="condiviso"
                    prop:checked=move || !ctx.keep_draft.get()
                    on:change=move |ev| ctx.set_keep_draft(!event_target_checked(&ev))
                />
                <label for="condiviso">{tr(texts::questionnaire::SHARED_COMPUTER_DO_NOT)}</label>
            </div>
            {move || {
                if confirming.get() {
                    view! {
                        <div class="confirm" role="group" aria-label=tr(texts::questionnaire::CONFIRM_DELETION)>
                            <p>{tr(texts::questionnaire::DO_YOU_REALLY_WANT)}</p>
                            <button
                                type="button"
                                class="button button-danger"
                                on:click=move |_| {
                                    ctx.discard();
                                    confirming.set(false);
                                    use_navigate()(ctx.mode.path(), Default::default());
                                }
                            >
                                {tr(texts::questionnaire::YES_DELETE_THE_DRAFT)}
                            </button>
                            <button
                                type="button"
                                class="button button-secondary"
                                on:click=move |_| confirming.set(false)
                            >
                                {tr(texts::questionnaire::CANCEL)}
                            </button>
                        </div>
                    }
                        .into_any()
                } else {
                    view! {
                        <button type="button" class="button button-link" on:click=move |_| confirming.set(true)>
                            {tr(texts::questionnaire::DELETE_THE_DRAFT)}
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
