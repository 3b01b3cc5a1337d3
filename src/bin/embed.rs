// SPDX-License-Identifier: EUPL-1.2
//! The views partner websites frame: one entry point of the app (`domain::site::pages::Entry`).

buone_pratiche::entry!(EmbedRoutes; buone_pratiche::comuni::for_practice_pages);
