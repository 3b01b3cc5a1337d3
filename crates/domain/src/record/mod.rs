// SPDX-License-Identifier: EUPL-1.2
//! The record: what one practice is. Its fields, declared once (`fields`), the
//! values they hold (`values`), the public projection and the catalogue's
//! card (`practice`), the controlled vocabularies and the places of Italy
//! (`vocabulary`, `geo`, `comuni`), answers as people read them (`answers`)
//! and the rules a stored practice keeps (`validation`).

pub mod answers;
pub mod comuni;
pub mod fields;
pub mod geo;
pub mod practice;
pub mod validation;
pub mod values;
pub mod vocabulary;
