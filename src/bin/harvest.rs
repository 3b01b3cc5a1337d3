// SPDX-License-Identifier: EUPL-1.2
//! The harvest of other collections: one entry point of the app
//! (`domain::site::pages::Entry`).

buone_pratiche::entry!(signed_in HarvestRoutes);
