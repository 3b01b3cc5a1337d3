// SPDX-License-Identifier: EUPL-1.2
//! The bar over each page of the journey: when the draft was saved, the
//! shared-computer switch, and deleting the draft.

use super::state::use_form;
use crate::i18n::{tr, use_lang};
use crate::storage;
use crate::texts;
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
        match (keep, unsaved || saved_at == 0.0) {
            (false, _) => texts::questionnaire::DRAFT_SAVING_IS_OFF.get(lang).to_owned(),
            (true, true) => texts::questionnaire::DRAFT_NOT_SAVED_YET.get(lang).to_owned(),
            (true, false) => texts::questionnaire::draft_saved_at(lang, &storage::clock(saved_at)),
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
                <label for="condiviso">{tr(texts::questionnaire::SHARED_COMPUTER_DO_NOT_KEEP)}</label>
            </div>
            {move || {
                if confirming.get() {
                    view! {
                        <div class="confirm" role="group" aria-label=tr(texts::questionnaire::CONFIRM_DELETION)>
                            <p>{tr(texts::questionnaire::REALLY_DELETE_THE_DRAFT)}</p>
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
