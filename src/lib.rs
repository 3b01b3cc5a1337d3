// SPDX-License-Identifier: EUPL-1.2
//! The browser app of Buone pratiche: a Leptos single-page application built by
//! trunk. `app` holds the route table, `pages` render, `api` talks HTTP, and
//! the `domain` crate decides.

pub mod api;
pub mod app;
pub mod components;
pub mod comuni;
pub mod i18n;
pub mod pages;
pub mod questionnaire;
pub mod session;
pub mod storage;
