// SPDX-License-Identifier: EUPL-1.2
//! The site: its pages and entry points (`pages`), the administration that
//! runs it (`operator`), and what people tell the editors about the service
//! itself (`feedback`).

pub mod feedback;
pub mod operator;
pub mod pages;
