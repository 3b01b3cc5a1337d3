// SPDX-License-Identifier: EUPL-1.2
//! Where the catalogue's links lead, and the state its parts share: the
//! query in the URL, its results, and how to show another view.

use super::{catalogue_href, href_at};
use domain::Lang;
use domain::catalogue::{Facet, Query, Results, Sort};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use std::collections::{BTreeMap, BTreeSet};

/// Where the catalogue's own links go: the site's `/catalogo`, or inside a
/// partner's iframe `/embed/catalogo` with the partner's preset filters
/// always kept (and the language, which the frame's address carries).
#[derive(Clone, Copy)]
pub(super) struct ViewAddress {
    /// The partner's fixed filters, inside an embed.
    pub preset: Option<StoredValue<BTreeMap<Facet, BTreeSet<String>>>>,
    /// The interface's language, which an embed's address carries.
    pub lang: RwSignal<Lang>,
}

impl ViewAddress {
    pub(super) fn href(&self, query: &Query) -> String {
        let Some(preset) = self.preset else { return catalogue_href(query) };
        let mut query = query.clone();
        preset.with_value(|preset| {
            for (facet, codes) in preset {
                query.filters.entry(*facet).or_default().extend(codes.iter().cloned());
            }
        });
        let lang = if self.lang.get_untracked() == Lang::En { &[("lang", "en")][..] } else { &[] };
        href_at("/embed/catalogo", &query, lang)
    }

    /// True for a filter the partner fixed.
    pub(super) fn is_preset(&self, facet: Facet, code: &str) -> bool {
        self.preset.is_some_and(|p| p.with_value(|p| p.get(&facet).is_some_and(|codes| codes.contains(code))))
    }

    /// The view with no filters but the preset ones.
    pub(super) fn cleared(&self, sort: Option<Sort>) -> Query {
        let filters = self.preset.map(|p| p.get_value()).unwrap_or_default();
        Query { text: String::new(), filters, sort, page: 1 }
    }
}

/// What the parts of one catalogue view share, provided by the view.
#[derive(Clone, Copy)]
pub(super) struct CatalogueCtx {
    /// The query in the URL.
    pub query: Memo<Query>,
    /// Its results.
    pub results: Memo<Results>,
    /// Where links lead.
    pub address: ViewAddress,
}

/// The catalogue view in context.
pub(super) fn use_catalogue() -> CatalogueCtx {
    expect_context::<CatalogueCtx>()
}

impl CatalogueCtx {
    /// Shows the view of a query: a new history entry, or in place of the
    /// current one (`replace`, while typing).
    pub fn go(self) -> impl Fn(Query, bool) + Clone + Send + Sync + 'static {
        let navigate = use_navigate();
        move |q: Query, replace: bool| {
            navigate(&self.address.href(&q), NavigateOptions { replace, scroll: false, ..Default::default() })
        }
    }

    /// Adds or removes one filter (a partner's fixed filters stay).
    pub fn toggle(self) -> impl Fn(Facet, String) + Clone + Send + Sync + 'static {
        let go = self.go();
        move |facet: Facet, code: String| {
            if self.address.is_preset(facet, &code) {
                return;
            }
            let mut q = self.query.get_untracked();
            q.toggle(facet, &code);
            go(q, false);
        }
    }
}
