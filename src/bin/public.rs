// SPDX-License-Identifier: EUPL-1.2
//! The public pages: one entry point of the app (`domain::site::pages::Entry`).

buone_pratiche::entry!(PublicRoutes; buone_pratiche::comuni::for_practice_pages);
