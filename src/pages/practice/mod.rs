// SPDX-License-Identifier: EUPL-1.2
//! A practice's own page, `/pratiche/{id}`: every public field with its label
//! (from the questionnaire's definition, so never a private one), the
//! citable reference and how to cite it, the dates, the office's public
//! contact, "Contatta il referente", related practices, and schema.org
//! JSON-LD for search engines.

mod related;
mod sections;

use super::CommunityForms;
use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::use_document_title;
use crate::i18n::{tr, use_lang};
use crate::passes::Later;
use crate::start::StartRead;
use crate::texts;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use related::{FollowUpView, RelatedPractices};
use sections::PublicSections;

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
/// A published practice: its heading, facts, public answers, what the
/// community may do with it, and how to cite it.
#[component]
fn PracticeView(
    /// The practice.
    published: api::PublishedPractice,
) -> impl IntoView {
    let lang = use_lang();
    let api::PublishedPractice { practice, answers } = published;
    let id = practice.id.to_string();
    let title = practice.title.clone();
    use_page_title(title.clone());
    let entity = practice.entity_name.clone();
    let region = practice.region_code;
    let published = day(&practice.published_at);
    let url = format!("{}/pratiche/{id}", crate::start::site_origin());
    let citation = citation(&entity, &title, &id, &published, &url);
    let json_ld_script = json_ld_script(&practice, &url);
    let contact = (!practice.no_contact_requests).then(|| practice.id.clone());
    let adopted_id = practice.id.clone();
    let follow_up = practice.follow_up.clone();
    let stale = follow_up.stale;
    let names_comuni = !practice.comune_codes.is_empty();
    let sections = view! { <PublicSections answers names_comuni /> };
    let related_id = id.clone();
    let source = practice.source.clone().map(|source| view! { <SourceNotice source /> });
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
            {practice.summary.clone()}
        </p>
        <Badges demo=practice.demo stale />
        <p class="practice-entity">
            <span lang="it">{entity.clone()}</span>
            " · "
            {move || region.label(lang.get())}
        </p>
        <PracticeFacts
            id=id.clone()
            published
            updated=day(&practice.updated_at)
            confirmed=day(&practice.confirmed_at)
        />
        {source}
        <FollowUpView follow_up />
        {sections}
        <p>
            <a class="button button-secondary" href=domain::community::reuse::derive_url(&practice.id)>
                {tr(texts::practice::START_FROM_THIS_PRACTICE)}
            </a>
            " "
            <span class="form-hint">{tr(texts::practice::START_FROM_THIS_PRACTICE_HINT)}</span>
        </p>
        <Later>{use_context::<CommunityForms>().map(|forms| (forms.adoption)(adopted_id))}</Later>
        <Later>{contact.zip(use_context::<CommunityForms>()).map(|(id, forms)| (forms.contact)(id))}</Later>
        <div class="notice cite">
            <h2>{tr(texts::practice::HOW_TO_CITE)}</h2>
            <p>{citation}</p>
        </div>
        <Later>
            <RelatedPractices id=related_id />
        </Later>
    }
}

/// Names the browser's tab after the practice.
fn use_page_title(title: String) {
    Effect::new(move |_| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&format!("{title} · Buone pratiche"));
        }
    });
}

/// How to cite the practice. The collection's citation is in Italian, its
/// date as people write it.
fn citation(entity: &str, title: &str, id: &str, published: &str, url: &str) -> String {
    format!(
        "{entity}, «{title}», Buone pratiche dei servizi sociali territoriali, {id}, pubblicata il {}, {url}. Licenza CC BY 4.0.",
        domain::dates::long_date(published, domain::Lang::It),
    )
}

/// The schema.org JSON-LD script's node, its text set once it exists: a
/// child in the view would bring the renderer's comment marker into the
/// script with it.
fn json_ld_script(practice: &domain::PublicPractice, url: &str) -> NodeRef<leptos::html::Script> {
    let json_ld = practice.json_ld(url).to_string().replace("</", "<\\/");
    let script = NodeRef::<leptos::html::Script>::new();
    script.on_load(move |script| script.set_text_content(Some(&json_ld)));
    script
}

/// "Demo" and "needs updating", when they apply.
#[component]
fn Badges(
    /// The practice is a demonstration.
    demo: bool,
    /// The practice has not been confirmed for long.
    stale: bool,
) -> impl IntoView {
    view! {
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
    }
}

/// Where a harvested practice comes from, with a link to it there.
#[component]
fn SourceNotice(
    /// Its source.
    source: domain::harvest::PracticeSource,
) -> impl IntoView {
    let lang = use_lang();
    let name = source.name;
    view! {
        <div class="notice" data-testid="source">
            <p>{move || texts::practice::harvested_from(lang.get(), &name)}</p>
            <p>
                <a href=source.uri rel="external">
                    {tr(texts::practice::SEE_IT_AT_THE_SOURCE)}
                </a>
            </p>
        </div>
    }
}

/// The reference and the dates.
#[component]
fn PracticeFacts(
    /// The citable reference.
    id: String,
    /// The day of publication, "2020-05-15".
    published: String,
    /// The day of the last update.
    updated: String,
    /// The day its office last confirmed it.
    confirmed: String,
) -> impl IntoView {
    let lang = use_lang();
    let long_date = move |day: String| move || domain::dates::long_date(&day, lang.get());
    view! {
        <dl class="practice-facts">
            <dt>{tr(texts::common::REFERENCE)}</dt>
            <dd data-testid="reference">{id}</dd>
            <dt>{tr(texts::practice::PUBLISHED_ON)}</dt>
            <dd class="nowrap">{long_date(published)}</dd>
            <dt>{tr(texts::practice::UPDATED_ON)}</dt>
            <dd class="nowrap">{long_date(updated)}</dd>
            <dt>{tr(texts::practice::CONFIRMED_ON)}</dt>
            <dd class="nowrap">{long_date(confirmed)}</dd>
        </dl>
    }
}
