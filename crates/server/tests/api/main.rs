// SPDX-License-Identifier: EUPL-1.2
//! API tests: the real router on a real socket, over a real SQLite file per
//! test, driven by an HTTP client. One module per subject.

#[path = "../common/mod.rs"]
mod common;

mod accounts;
mod catalogue;
mod contact;
mod curation;
mod exports;
mod follow;
mod harvest;
mod harvest_sheet;
mod import_drafts;
mod imports;
mod input_rules;
mod invitations;
mod languages;
mod mail;
mod mail_languages;
mod operations;
mod operator;
mod participation;
mod private_link;
mod rendered;
mod retention;
mod reuse;
mod seo;
mod site;
mod submissions;
