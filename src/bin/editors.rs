//! The editors' pages: one entry point of the app (`domain::pages::Entry`).

buone_pratiche::entry!(EditorRoutes);
