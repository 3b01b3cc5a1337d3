// SPDX-License-Identifier: EUPL-1.2
//! The collection round in progress and its deadline, or the continuous collection.

use crate::api;
use crate::i18n::use_lang;
use crate::start::StartRead;
use domain::Lang;
use leptos::prelude::*;

/// "Raccolta in corso: … entro il …", from the server (nothing on a static copy).
#[component]
pub fn CurrentRound() -> impl IntoView {
    let lang = use_lang();
    let static_copy = api::data_source() == api::DataSource::Static;
    let round = StartRead::new(
        || domain::api::CURRENT_ROUND_URL.to_owned(),
        move || async move {
            if static_copy { Ok(domain::api::CurrentRound { round: None }) } else { api::current_round().await }
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
                let Some(Ok(domain::api::CurrentRound { round })) = round.get() else { return ().into_any() };
                if static_copy {
                    return ().into_any();
                }
                let text = match (round, lang.get()) {
                    (Some(r), Lang::It) => {
                        format!(
                            "Raccolta in corso: {}. Invia la pratica entro il {}.",
                            r.name,
                            r.closes_on.long(Lang::It),
                        )
                    }
                    (Some(r), Lang::En) => {
                        format!("Collection round in progress: {}. Submit by {}.", r.name, r.closes_on.long(Lang::En))
                    }
                    (None, Lang::It) => {
                        "La raccolta è continua: puoi descrivere una pratica in qualsiasi momento.".to_owned()
                    }
                    (None, Lang::En) => {
                        "The collection is continuous: you can describe a practice at any time.".to_owned()
                    }
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
