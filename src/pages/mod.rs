// SPDX-License-Identifier: EUPL-1.2
//! One module per page.

pub mod admin;
pub mod catalogue;
mod contact_form;
pub mod embed;
mod embed_builder;
mod follow;
mod home;
mod info;
mod legal;
mod not_found;
pub mod outbox;
mod practice;
pub mod redazione;
mod report_form;
mod statistics;

pub use catalogue::CataloguePage;
pub use embed_builder::EmbedBuilderPage;
pub use follow::{CancelFollowPage, ConfirmFollowPage};
pub use home::Home;
pub use info::OpenData;
pub use legal::{Accessibility, Contacts, Privacy};
pub use not_found::NotFound;
pub use practice::PracticePage;
pub use statistics::StatisticsPage;
