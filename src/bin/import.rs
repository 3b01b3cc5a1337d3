// SPDX-License-Identifier: EUPL-1.2
//! The import of a spreadsheet of responses: one entry point of the app
//! (`domain::site::pages::Entry`).

buone_pratiche::entry!(signed_in ImportRoutes);
