// SPDX-License-Identifier: EUPL-1.2
//! The imported rows kept as drafts and their completion: one entry point
//! of the app (`domain::site::pages::Entry`).

buone_pratiche::entry!(signed_in DraftRoutes);
