// SPDX-License-Identifier: EUPL-1.2
//! The collection round in progress and its deadline, or the continuous collection.

use crate::api;
use crate::i18n::use_lang;
use crate::start::StartRead;
use crate::texts;
use leptos::prelude::*;

/// "Raccolta in corso: … entro il …", from the server (nothing on a static copy).
#[component]
pub fn CurrentRound() -> impl IntoView {
    let lang = use_lang();
    let static_copy = api::data_source() == api::DataSource::Static;
    let round = StartRead::new(
        || domain::questionnaire::rounds::CURRENT_ROUND_URL.to_owned(),
        move || async move {
            if static_copy {
                Ok(domain::questionnaire::rounds::CurrentRound { round: None })
            } else {
                api::current_round().await
            }
        },
    );
    // The room the sentence takes is kept from the start, so that its
    // arrival moves nothing below it.
    view! {
        <div class=(
            "round-slot",
            !static_copy,
        )>
            {move || {
                let Some(Ok(domain::questionnaire::rounds::CurrentRound { round })) = round.get() else {
                    return ().into_any()
                };
                if static_copy {
                    return ().into_any();
                }
                let lang = lang.get();
                let text = match round {
                    Some(r) => texts::site::round_in_progress(lang, &r.name, &r.closes_on.long(lang)),
                    None => texts::site::COLLECTION_IS_CONTINUOUS.get(lang).to_owned(),
                };
                view! {
                    <p class="round" data-testid="current-round">
                        {text}
                    </p>
                }
                    .into_any()
            }}
        </div>
    }
}
