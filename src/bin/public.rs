//! The public pages: one entry point of the app (`domain::pages::Entry`).

buone_pratiche::entry!(PublicRoutes);
