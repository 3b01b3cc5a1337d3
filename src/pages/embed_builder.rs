// SPDX-License-Identifier: EUPL-1.2
//! `/incorpora`: builds the snippet a partner website pastes to embed the
//! current catalogue view (the filters come from the URL, like the
//! catalogue's), with a live preview of exactly that snippet.

use crate::components::{CopyButton, page_heading, use_document_title};
use crate::i18n::{tr, use_lang};
use crate::pages::catalogue::{catalogue_href, use_catalogue_query};
use crate::texts;
use domain::Lang;
use leptos::prelude::*;

/// The embed address of a catalogue view, in a language.
fn embed_src(origin: &str, catalogue_href: &str, lang: Lang) -> String {
    let params = catalogue_href.split_once('?').map_or("", |(_, p)| p);
    let lang_param = if lang == Lang::En { "lang=en" } else { "" };
    let query: Vec<&str> = [params, lang_param].into_iter().filter(|p| !p.is_empty()).collect();
    if query.is_empty() {
        format!("{origin}/embed/catalogo")
    } else {
        format!("{origin}/embed/catalogo?{}", query.join("&"))
    }
}

/// The page that builds the embed snippet.
#[component]
pub fn EmbedBuilderPage() -> impl IntoView {
    use_document_title(texts::site::EMBED);
    let lang = use_lang();
    let query = use_catalogue_query();
    let origin = crate::start::site_origin();
    let src = {
        let origin = origin.clone();
        Memo::new(move |_| query.with(|q| embed_src(&origin, &catalogue_href(q), lang.get())))
    };
    // The preview comes from this very site (whatever address it was opened
    // at); the snippet names the site's public address.
    let preview = Memo::new(move |_| query.with(|q| embed_src("", &catalogue_href(q), lang.get())));
    let snippet = Signal::derive(move || {
        format!(
            "<iframe data-buone-pratiche src=\"{}\" title=\"{}\" style=\"width:100%;height:600px;border:0\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>\n<script src=\"{origin}/embed.js\" async></script>",
            src.get(),
            texts::site::EMBEDDED_CATALOGUE_TITLE.get(lang.get()),
        )
    });
    view! {
        <div class="container page">
            <h1>{page_heading("/incorpora")}</h1>
            <p>{tr(texts::site::PASTE_THIS_CODE)}</p>
            <p>
                <a href=move || query.with(catalogue_href)>{tr(texts::site::CHANGE_THE_FILTERS_IN_THE_CATALOGUE)}</a>
            </p>
            <h2>{tr(texts::site::FIXED_FILTERS)}</h2>
            {move || {
                let lang = lang.get();
                let fixed: Vec<String> = query
                    .with(|q| {
                        q.filters
                            .iter()
                            .flat_map(|(facet, codes)| codes.iter().map(move |code| facet.filter_label(code, lang)))
                            .collect()
                    });
                if fixed.is_empty() {
                    view! { <p>{tr(texts::site::NO_FIXED_FILTER)}</p> }.into_any()
                } else {
                    view! {
                        <p>{tr(texts::site::THESE_FILTERS_ALWAYS_STAY_ON)}</p>
                        <ul class="fixed-filters">
                            {fixed.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
            <div class="form-group">
                <label for="codice">{tr(texts::site::CODE_TO_EMBED)}</label>
                <textarea id="codice" class="form-control snippet" rows="5" readonly prop:value=snippet></textarea>
            </div>
            <p>
                <CopyButton text=snippet label=texts::site::COPY_THE_CODE done=texts::site::CODE_COPIED />
            </p>
            <h2>{tr(texts::site::PREVIEW)}</h2>
            <iframe
                class="embed-preview"
                data-buone-pratiche
                src=move || preview.get()
                title=tr(texts::site::PREVIEW_OF_THE_EMBEDDED_CATALOGUE)
            ></iframe>
        </div>
    }
}
