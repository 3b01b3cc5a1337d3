// SPDX-License-Identifier: EUPL-1.2
//! The practices around the one shown: those like it in the catalogue, and
//! its follow-up since publication (adoptions, origin, what it inspired).

use crate::api;
use crate::i18n::tr;
use crate::start::StartRead;
use crate::texts;
use leptos::prelude::*;
use leptos_router::components::A;

/// Up to three published practices like the one shown.
#[component]
pub(super) fn RelatedPractices(
    /// The practice shown.
    id: String,
) -> impl IntoView {
    let source = api::data_source();
    let catalogue = StartRead::new(move || source.catalogue_url().to_owned(), api::fetch_catalogue);
    view! {
        <section class="related">
            <h2>{tr(texts::practice::RELATED_PRACTICES)}</h2>
            {move || {
                let Some(Ok(catalogue)) = catalogue.get() else { return ().into_any() };
                let related: Vec<_> = domain::catalogue::related(&catalogue.practices, &id, 3)
                    .into_iter()
                    .cloned()
                    .collect();
                view! {
                    <ul class="related-list">
                        {related
                            .into_iter()
                            .map(|e| {
                                view! {
                                    <li>
                                        <A href=format!("/pratiche/{}", e.id)>{e.title.clone()}</A>
                                        " — "
                                        {e.entity_name.clone()}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

/// What happened since publication: who adopted it, where it comes from,
/// what it inspired. Nothing when nothing happened.
#[component]
pub(super) fn FollowUpView(
    /// What happened since publication.
    follow_up: domain::community::reuse::FollowUp,
) -> impl IntoView {
    let domain::community::reuse::FollowUp { adopted_by, derived_from, inspired, .. } = follow_up;
    let link = |l: domain::community::reuse::PracticeLink| {
        view! {
            <li>
                <A href=format!("/pratiche/{}", l.id)>{l.title}</A>
                " — "
                {l.entity_name}
            </li>
        }
    };
    let adopted = (!adopted_by.is_empty()).then(|| {
        view! {
            <div class="follow-up">
                <h2>{tr(texts::practice::ALSO_ADOPTED_BY)}</h2>
                <ul>
                    {adopted_by
                        .into_iter()
                        .map(|a| {
                            let how = a.adapted.then(|| tr(texts::practice::ADAPTED));
                            view! {
                                <li>
                                    <span lang="it">{a.credit()}</span>
                                    {how}
                                    {(!a.changes.is_empty())
                                        .then(|| {
                                            view! {
                                                <p class="form-hint" lang="it">
                                                    {a.changes.clone()}
                                                </p>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    let origin = derived_from.map(|origin| {
        view! {
            <div class="follow-up">
                <h2>{tr(texts::practice::DERIVES_FROM)}</h2>
                <ul>{link(origin)}</ul>
            </div>
        }
    });
    let inspired = (!inspired.is_empty()).then(|| {
        view! {
            <div class="follow-up">
                <h2>{tr(texts::practice::INSPIRED)}</h2>
                <ul>{inspired.into_iter().map(link).collect_view()}</ul>
            </div>
        }
    });
    view! {
        {adopted}
        {origin}
        {inspired}
    }
}
