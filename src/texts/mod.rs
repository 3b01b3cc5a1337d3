// SPDX-License-Identifier: EUPL-1.2
//! The interface's text catalogue: every sentence the app shows, in Italian
//! and English, one table per area. A `Text` needs both languages, so a
//! missing translation does not compile; `tr(texts::area::NAME)` shows one
//! in the current language. Sentences with values in them are functions of
//! the language in the same tables.

pub use domain::Text;

pub mod admin;
pub mod catalogue;
pub mod common;
pub mod editors;
pub mod figures;
pub mod harvest;
pub mod import;
pub mod invitations;
pub mod legal;
pub mod practice;
pub mod questionnaire;
pub mod site;
