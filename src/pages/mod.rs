// SPDX-License-Identifier: EUPL-1.2
//! One module per page.

pub mod admin;
mod adoption_form;
pub mod catalogue;
mod contact_form;
pub mod drafts;
pub mod embed;
mod embed_builder;
mod follow;
pub mod harvest;
mod home;
pub mod import;
mod info;
pub mod invitations;
mod legal;
mod not_found;
pub mod outbox;
mod participation;
mod practice;
pub mod redazione;
mod report_form;
mod statistics;

use leptos::prelude::*;

pub use catalogue::CataloguePage;
pub use embed_builder::EmbedBuilderPage;
pub use follow::{CancelFollowPage, ConfirmFollowPage};
pub use home::Home;
pub use info::OpenData;
pub use legal::{Accessibility, Contacts, Privacy};
pub use not_found::NotFound;
pub use participation::ParticipationPage;
pub use practice::PracticePage;
pub use statistics::StatisticsPage;

/// The community's forms the public site adds to its pages: "Segui questa
/// ricerca" under the catalogue, "Contatta il referente" on a practice.
/// Provided by the public entry's routes only, so an embedded view (the
/// same pages in a partner's frame) neither shows nor carries them.
#[derive(Clone, Copy)]
pub struct CommunityForms {
    pub follow: fn() -> AnyView,
    pub contact: fn(domain::PracticeId) -> AnyView,
    pub adoption: fn(domain::PracticeId) -> AnyView,
}

/// Makes the community's forms part of the pages below.
pub fn provide_community_forms() {
    provide_context(CommunityForms {
        follow: || view! { <catalogue::FollowView /> }.into_any(),
        contact: |id| view! { <contact_form::ContactForm id /> }.into_any(),
        adoption: |id| view! { <adoption_form::AdoptionForm id /> }.into_any(),
    });
}
