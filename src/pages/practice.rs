// SPDX-License-Identifier: EUPL-1.2
//! A practice's own page, `/pratiche/{id}`: every public field with its label
//! (from the questionnaire's definition, so never a private one), the
//! citable reference and how to cite it, the dates, the office's public
//! contact, "Contatta il referente", related practices, and schema.org
//! JSON-LD for search engines.

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::use_document_title;
use crate::i18n::{tr, use_lang};
use crate::passes::Later;
use crate::start::StartRead;
use crate::texts;
use domain::answers::display;
use domain::fields::key;
use domain::questionnaire::{Kind, QUESTIONNAIRE, Visibility};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use serde_json::Value;

/// "2020-05-15" from an RFC 3339 time.
fn day(rfc3339: &str) -> String {
    domain::dates::day_of(rfc3339).to_owned()
}

/// The page of one published practice.
#[component]
pub fn PracticePage() -> impl IntoView {
    use_document_title(texts::practice::PRACTICE);
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let source = api::data_source();
    let practice = StartRead::new(
        move || source.practice_url(&id()),
        move || {
            let id = id();
            async move { api::fetch_practice_answers(&id).await }
        },
    );
    view! {
        <div class="container page practice-page">
            {move || match practice.get().map(|answers| answers.and_then(api::PublishedPractice::from_answers)) {
                None => view! { <p role="status">{tr(texts::practice::LOADING_THE_PRACTICE)}</p> }.into_any(),
                Some(Ok(published)) => view! { <PracticeView published /> }.into_any(),
                Some(Err(error)) if error.is_not_found() => {
                    view! {
                        <h1>{tr(texts::practice::PRACTICE_NOT_FOUND)}</h1>
                        <p>{tr(texts::practice::NO_PRACTICE_WITH_THIS_REFERENCE)}</p>
                        <A href="/catalogo">{tr(texts::practice::BACK_TO_THE_CATALOGUE)}</A>
                    }
                        .into_any()
                }
                Some(Err(error)) => view! { <ErrorAlert error /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn PracticeView(
    /// The practice.
    published: api::PublishedPractice,
) -> impl IntoView {
    let lang = use_lang();
    let api::PublishedPractice { practice, answers } = published;
    let id = practice.id.to_string();
    let title = practice.title.clone();
    let page_title = title.clone();
    Effect::new(move |_| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&format!("{page_title} · Buone pratiche"));
        }
    });
    let entity = practice.entity_name.clone();
    let summary = practice.summary.clone();
    let region = practice.region_code;
    let published = day(&practice.published_at);
    let updated = day(&practice.updated_at);
    let demo = practice.demo;
    let url = format!("{}/pratiche/{id}", crate::start::site_origin());
    // The collection's citation is in Italian, its date as people write it.
    let citation = format!(
        "{entity}, «{title}», Buone pratiche dei servizi sociali territoriali, {id}, pubblicata il {}, {url}. Licenza CC BY 4.0.",
        domain::dates::long_date(&published, domain::Lang::It),
    );
    // Set as the element's text once it exists: a child in the view would
    // bring the renderer's comment marker into the script with it.
    let json_ld = practice.json_ld(&url).to_string().replace("</", "<\\/");
    let json_ld_script = NodeRef::<leptos::html::Script>::new();
    json_ld_script.on_load(move |script| script.set_text_content(Some(&json_ld)));
    let contact = (!practice.no_contact_requests).then(|| practice.id.clone());
    let adopted_id = practice.id.clone();
    let follow_up = practice.follow_up.clone();
    let stale = follow_up.stale;
    let confirmed = day(&practice.confirmed_at);
    let derive_href = domain::reuse::derive_url(&practice.id);
    let names_comuni = !practice.comune_codes.is_empty();
    let comuni = if names_comuni { crate::comuni::use_comuni() } else { RwSignal::new(None) };
    let practice = StoredValue::new(answers);
    let sections = QUESTIONNAIRE
        .steps
        .iter()
        .map(|step| {
            let fields: Vec<_> = step
                .fields
                .iter()
                .filter(|f| f.visibility == Visibility::Public)
                // The title is the page's heading and the summary its lead.
                .filter(|f| ![key::TITLE, key::SUMMARY].contains(&f.key))
                // An opt-out is a setting, shown by what the page offers.
                .filter(|f| !matches!(f.kind, Kind::Checkbox))
                .filter(|f| practice.with_value(|p| !domain::questionnaire::is_empty(p.get(f.key))))
                .collect();
            (!fields.is_empty()).then(|| {
                view! {
                    <Later>
                        <section class="summary-section">
                            <h2>{move || step.title.get(lang.get())}</h2>
                            <dl class="summary-list">
                                {fields
                                    .into_iter()
                                    .map(|field| {
                                        let value = move || {
                                            practice
                                                .with_value(|p| {
                                                    if let Kind::Urls { .. } = field.kind {
                                                        p.get(field.key)
                                                            .and_then(Value::as_array)
                                                            .map(|links| {
                                                                links
                                                                    .iter()
                                                                    .filter_map(Value::as_str)
                                                                    .map(|link| {
                                                                        view! {
                                                                            <a href=link.to_owned() rel="noopener noreferrer">
                                                                                {link.to_owned()}
                                                                            </a>
                                                                            " "
                                                                        }
                                                                    })
                                                                    .collect_view()
                                                                    .into_any()
                                                            })
                                                            .unwrap_or_else(|| ().into_any())
                                                    } else {
                                                        let comuni = comuni.get();
                                                        display(field, p.get(field.key), lang.get(), comuni.as_deref())
                                                            .into_any()
                                                    }
                                                })
                                        };
                                        let italian = matches!(field.kind, Kind::Text { .. }).then_some("it");
                                        // Free text is in Italian whatever the interface's language.
                                        view! {
                                            <div class="summary-row">
                                                <dt>{move || field.label.get(lang.get())}</dt>
                                                <dd lang=italian>{value}</dd>
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                            </dl>
                        </section>
                    </Later>
                }
            })
        })
        .collect_view();
    let related_id = id.clone();
    view! {
        <script type="application/ld+json" node_ref=json_ld_script></script>
        <p class="breadcrumb">
            <A href="/catalogo">{tr(texts::common::CATALOGUE)}</A>
            " / "
            {id.clone()}
        </p>
        <h1 lang="it">{title.clone()}</h1>
        // The summary first: the server's HTML holds it too, before the app starts.
        <p class="lead" lang="it">
            {summary}
        </p>
        {demo.then(|| view! { <p class="badge badge-demo">{tr(texts::catalogue::DEMO)}</p> })}
        {stale
            .then(|| {
                view! {
                    <p class="badge badge-warning">
                        {tr(texts::common::NEEDS_UPDATING)}
                        <span class="visually-hidden">{tr(texts::practice::NOT_CONFIRMED_FOR_LONG)}</span>
                    </p>
                }
            })}
        <p class="practice-entity">
            <span lang="it">{entity.clone()}</span>
            " · "
            {move || region.label(lang.get())}
        </p>
        <dl class="practice-facts">
            <dt>{tr(texts::common::REFERENCE)}</dt>
            <dd data-testid="reference">{id.clone()}</dd>
            <dt>{tr(texts::practice::PUBLISHED_ON)}</dt>
            <dd class="nowrap">
                {
                    let published = published.clone();
                    move || domain::dates::long_date(&published, lang.get())
                }
            </dd>
            <dt>{tr(texts::practice::UPDATED_ON)}</dt>
            <dd class="nowrap">
                {
                    let updated = updated.clone();
                    move || domain::dates::long_date(&updated, lang.get())
                }
            </dd>
            <dt>{tr(texts::practice::CONFIRMED_ON)}</dt>
            <dd class="nowrap">
                {
                    let confirmed = confirmed.clone();
                    move || domain::dates::long_date(&confirmed, lang.get())
                }
            </dd>
        </dl>
        <FollowUpView follow_up />
        {sections}
        <p>
            <a class="button button-secondary" href=derive_href>
                {tr(texts::practice::START_FROM_THIS_PRACTICE)}
            </a>
            " "
            <span class="form-hint">{tr(texts::practice::START_FROM_THIS_PRACTICE_HINT)}</span>
        </p>
        <Later>{use_context::<super::CommunityForms>().map(|forms| (forms.adoption)(adopted_id))}</Later>
        <Later>{contact.zip(use_context::<super::CommunityForms>()).map(|(id, forms)| (forms.contact)(id))}</Later>
        <div class="notice cite">
            <h2>{tr(texts::practice::HOW_TO_CITE)}</h2>
            <p>{citation}</p>
        </div>
        <Later>
            <RelatedPractices id=related_id />
        </Later>
    }
}

/// Up to three published practices like the one shown.
#[component]
fn RelatedPractices(
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
fn FollowUpView(follow_up: domain::reuse::FollowUp) -> impl IntoView {
    let domain::reuse::FollowUp { adopted_by, derived_from, inspired, .. } = follow_up;
    let link = |l: domain::reuse::PracticeLink| {
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
