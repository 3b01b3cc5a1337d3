// SPDX-License-Identifier: EUPL-1.2
//! The privacy notice (informativa, GDPR art. 13), the journey's opening page
//! for a new practice and for an update.

use super::page_href;
use super::state::{Mode, use_form};
use crate::i18n::tr;
use leptos::prelude::*;
use leptos_router::components::A;

/// The privacy notice (informativa, GDPR art. 13), shown before step 1.
#[component]
pub(super) fn PrivacyNotice() -> impl IntoView {
    let ctx = use_form();
    // The private link's page is about its practice: its heading and status
    // come before (`update::SubmissionStatus`), and it invites no new one.
    let update = ctx.mode == Mode::Update;
    view! {
        {(!update)
            .then(|| {
                // The page's heading, as the server's HTML shows it before the app starts.
                view! {
                    <h1>{crate::components::page_heading("/questionario")}</h1>
                    <crate::components::round::CurrentRound />
                    <super::ReplaceDraft />
                }
            })}
        <div class="notice">
            <h2>{tr("Informativa sul trattamento dei dati personali", "Privacy notice")}</h2>
            <p>
                {tr(
                    "L'amministrazione che gestisce questo sito, titolare del trattamento, tratta i dati che inserisci per un compito di interesse pubblico: raccogliere, verificare e pubblicare le buone pratiche dei servizi sociali. Sono pubblicati solo i contenuti che descrivono la pratica e l'eventuale contatto istituzionale dell'ufficio; nome, e-mail e telefono del referente servono solo alla redazione e non sono mai pubblicati.",
                    "The administration running this site, the data controller, processes the data you enter for a task in the public interest: collecting, checking and publishing good practices of social services. Only the content describing the practice and the office's institutional contact are published; the contact person's name, e-mail and phone are used by the editors only and never published.",
                )}
            </p>
            <p>
                {tr(
                    "Le risposte restano salvate come bozza su questo dispositivo finché non invii la pratica: puoi interrompere e riprendere quando vuoi. Su un computer condiviso puoi disattivare il salvataggio.",
                    "Your answers are kept as a draft on this device until you submit: you can stop and resume whenever you like. On a shared computer you can turn saving off.",
                )}
            </p>
            <p>
                <A href="/privacy">
                    {tr(
                        "Leggi l'informativa completa: titolare, responsabile della protezione dei dati, tempi di conservazione e diritti",
                        "Read the full privacy notice: controller, data protection officer, retention and rights",
                    )}
                </A>
            </p>
        </div>
        <p>
            {if update {
                tr(
                    "Le risposte inviate sono già nel questionario: cambia ciò che serve, controlla e invia l'aggiornamento.",
                    "The answers you sent are in the questionnaire: change what you need, check and send the update.",
                )
            } else {
                tr(
                    "Il questionario ha sei passi brevi. Alla fine potrai controllare le risposte prima di inviarle.",
                    "The questionnaire has six short steps. At the end you can check your answers before sending them.",
                )
            }}
        </p>
        {move || {
            ctx.draft
                .with(|d| d.derived_from.clone())
                .map(|origin| {
                    view! {
                        <div class="notice derived-notice">
                            <p>
                                {tr("Parti dalla pratica ", "You start from practice ")}
                                <A href=format!("/pratiche/{origin}")>{origin.to_string()}</A>
                                {tr(
                                    ": titolo, descrizione, classificazione e modalità sono già compilati. Adattali alla tua pratica e aggiungi il tuo ente, le date e i risultati; la pagina pubblica dirà da quale pratica deriva.",
                                    ": title, description, classification and delivery are filled in. Adapt them to your practice and add your body, dates and results; the public page will say which practice it derives from.",
                                )}
                            </p>
                        </div>
                    }
                })
        }}
        <A href=page_href(ctx.mode, 1) attr:class="button button-primary">
            {if update {
                tr("Modifica le risposte", "Edit the answers")
            } else {
                tr("Inizia il questionario", "Start the questionnaire")
            }}
        </A>
    }
}
