// SPDX-License-Identifier: EUPL-1.2
//! The whole app in one bundle, for `trunk serve` while developing; the
//! release build has one entry point per audience (`src/bin/`).

buone_pratiche::entry!(
    PublicRoutes, EmbedRoutes, QuestionnaireRoutes, EditorRoutes, AdminRoutes, ImportRoutes,
    HarvestRoutes, DraftRoutes;
    buone_pratiche::comuni::for_practice_pages
);
