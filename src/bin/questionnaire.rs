// SPDX-License-Identifier: EUPL-1.2
//! The questionnaire and its receipt: one entry point of the app (`domain::site::pages::Entry`).

buone_pratiche::entry!(QuestionnaireRoutes);
