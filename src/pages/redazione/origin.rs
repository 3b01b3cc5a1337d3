// SPDX-License-Identifier: EUPL-1.2
//! Where a submission came from, on its review: an imported one names its
//! file, row and date sent, with the mapping used (each column and the
//! question it filled); a harvested one names its source and links to it.

use crate::texts;
use domain::Lang;
use domain::curation::api::Provenance;
use domain::harvest::PracticeSource;
use domain::questionnaire::QUESTIONNAIRE;
use domain::questionnaire::import::SUBMITTED;
use leptos::prelude::*;

/// The review's provenance lines (nothing for a questionnaire's submission).
#[component]
pub fn Origin(imported: Option<Provenance>, harvested: Option<PracticeSource>, lang: Lang) -> impl IntoView {
    let imported = imported.map(|from| {
        let columns = (!from.columns.is_empty()).then(|| {
            let rows = from.columns.iter().map(|column| {
                let question = if column.target == SUBMITTED {
                    texts::import::SUBMISSION_DATE.get(lang).to_owned()
                } else {
                    QUESTIONNAIRE
                        .field(&column.target)
                        .map_or_else(|| column.target.clone(), |f| f.label.get(lang).to_owned())
                };
                view! {
                    <dt>{column.header.clone()}</dt>
                    <dd>{question}</dd>
                }
            });
            view! {
                <details data-testid="columns-used">
                    <summary>{texts::editors::COLUMNS_USED.get(lang)}</summary>
                    <dl class="columns-used">{rows.collect_view()}</dl>
                </details>
            }
        });
        view! {
            <p data-testid="imported-from">
                <span class="badge">{texts::editors::IMPORTED.get(lang)}</span>
                " "
                {texts::editors::imported_from(lang, &from)}
            </p>
            {columns}
        }
    });
    let harvested = harvested.map(|from| {
        view! {
            <p data-testid="harvested-from">
                {texts::editors::harvested_from(lang, &from)} " " <a href=from.uri.clone() rel="external">
                    {texts::editors::SEE_IT_AT_THE_SOURCE.get(lang)}
                </a> "."
            </p>
        }
    });
    view! {
        {imported}
        {harvested}
    }
}
