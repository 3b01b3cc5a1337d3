// SPDX-License-Identifier: EUPL-1.2
//! The browser app of Buone pratiche: a Leptos single-page application built by
//! trunk. `app` holds the route table, `pages` render, `api` talks HTTP, and
//! the `domain` crate decides. The server draws the same pages to HTML
//! (feature `ssr`, `render`); the browser takes them over (`app::start`).

#![recursion_limit = "512"]

pub mod api;
pub mod app;
pub mod components;
pub mod comuni;
pub mod i18n;
pub mod pages;
pub mod passes;
pub mod questionnaire;
#[cfg(feature = "ssr")]
pub mod render;
pub mod session;
pub mod start;
pub mod storage;
#[cfg(not(feature = "ssr"))]
pub mod takeover;
pub mod texts;
