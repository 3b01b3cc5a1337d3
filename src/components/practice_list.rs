// SPDX-License-Identifier: EUPL-1.2
//! The list of practice cards the catalogue shows.

use crate::texts;
use domain::CatalogueEntry;
use domain::catalogue::search::Highlight;
use leptos::prelude::*;

/// Practice cards: title, body, region and type, with a "dimostrativo" badge
/// on demo content.
#[component]
pub fn PracticeList(
    /// The practices to show, in order.
    #[prop(into)]
    practices: Signal<Vec<CatalogueEntry>>,
    /// The words a search matched, marked in titles and summaries.
    #[prop(optional, into)]
    highlight: Signal<Highlight>,
    /// Practice pages open in a new tab (inside a partner's iframe, where
    /// they open on the main site).
    #[prop(optional)]
    new_tab: bool,
) -> impl IntoView {
    // While the app starts, the first cards are drawn in the first pass and
    // the others a few per later task (`crate::passes`).
    let drawn = RwSignal::new(usize::MAX);
    if crate::passes::later(move || draw_more(drawn, practices)) {
        drawn.set(CARDS_PER_PASS);
    }
    view! {
        <ul class="practice-list" data-testid="practice-list">
            <For
                each=move || practices.with(|all| all.iter().take(drawn.get()).cloned().collect::<Vec<_>>())
                key=|p| p.id.clone()
                let:practice
            >
                <PracticeCard practice highlight new_tab />
            </For>
        </ul>
    }
}

/// The cards a pass of the start draws.
const CARDS_PER_PASS: usize = 4;

/// Draws the next cards, and hands the rest to a later task.
fn draw_more(drawn: RwSignal<usize>, practices: Signal<Vec<CatalogueEntry>>) {
    let next = drawn.get_untracked() + CARDS_PER_PASS;
    if next < practices.with_untracked(Vec::len) && crate::passes::later(move || draw_more(drawn, practices)) {
        drawn.set(next);
    } else {
        drawn.set(usize::MAX);
    }
}

/// `text` with the matched words in `<mark>`.
fn marked(text: &str, highlight: &Highlight) -> impl IntoView + use<> {
    highlight
        .marks(text)
        .into_iter()
        .map(|(piece, matched)| {
            let piece = piece.to_owned();
            if matched { view! { <mark>{piece}</mark> }.into_any() } else { piece.into_any() }
        })
        .collect_view()
}

/// One practice as a card in a list.
#[component]
pub fn PracticeCard(
    /// The practice to show.
    practice: CatalogueEntry,
    /// The words a search matched, marked in the title and summary.
    #[prop(optional, into)]
    highlight: Signal<Highlight>,
    /// Its page opens in a new tab.
    #[prop(optional)]
    new_tab: bool,
) -> impl IntoView {
    let (title, summary) = (practice.title.clone(), practice.summary.clone());
    let lang = crate::i18n::use_lang();
    view! {
        <li class="practice-card">
            <article aria-labelledby=format!("titolo-{}", practice.id)>
                <h2 class="practice-title" id=format!("titolo-{}", practice.id) lang="it">
                    <a
                        href=format!("/pratiche/{}", practice.id)
                        target=new_tab.then_some("_blank")
                        rel=new_tab.then_some("noopener")
                    >
                        {move || highlight.with(|h| marked(&title, h))}
                    </a>
                </h2>
                {practice
                    .demo
                    .then(|| view! { <span class="badge badge-demo">{crate::i18n::tr(texts::catalogue::DEMO)}</span> })}
                {practice
                    .stale
                    .then(|| {
                        view! {
                            <span class="badge badge-warning">{crate::i18n::tr(texts::common::NEEDS_UPDATING)}</span>
                        }
                    })}
                <p class="practice-entity">
                    <span lang="it">{practice.entity_name.clone()}</span>
                    " · "
                    {move || practice.region_code.label(lang.get())}
                </p>
                <p class="practice-summary" lang="it">
                    {move || highlight.with(|h| marked(&summary, h))}
                </p>
                <dl class="practice-facts">
                    <dt>{crate::i18n::tr(texts::catalogue::TYPE)}</dt>
                    <dd>{move || practice.service_type.label(lang.get())}</dd>
                    <dt>{crate::i18n::tr(texts::common::REFERENCE)}</dt>
                    <dd>{practice.id.to_string()}</dd>
                    {practice
                        .source
                        .clone()
                        .map(|name| {
                            view! {
                                <dt>{crate::i18n::tr(texts::catalogue::SOURCE)}</dt>
                                <dd lang="it">{name}</dd>
                            }
                        })}
                    {(!practice.adopted_in.is_empty())
                        .then(|| {
                            let adoptions = practice.adopted_in.len();
                            view! {
                                <dt>{crate::i18n::tr(texts::catalogue::ADOPTED_BY)}</dt>
                                <dd>{move || texts::catalogue::other_bodies(lang.get(), adoptions)}</dd>
                            }
                        })}
                </dl>
            </article>
        </li>
    }
}
