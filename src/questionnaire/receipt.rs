// SPDX-License-Identifier: EUPL-1.2
//! `/questionario/ricevuta`: the receipt of a sent practice or update, kept
//! on this device: the citable reference, the private link, the answers.

use super::rating::ServiceRatingForm;
use super::receipt_copy::ReceiptCopyForm;
use super::summary::AnswersSummary;
use crate::components::{CopyButton, use_document_title};
use crate::i18n::tr;
use crate::storage;
use domain::PracticeId;
use domain::api::Answers;
use domain::fields::key;
use leptos::prelude::*;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

/// The key under which the last receipt is kept on this device.
pub(super) const RECEIPT_KEY: &str = "bp-last-receipt";

/// What the receipt page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredReceipt {
    pub id: PracticeId,
    pub token: String,
    pub version: Option<u32>,
    pub answers: Answers,
}

/// `/questionario/ricevuta`: the reference, the private link, the answers.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    use_document_title("Ricevuta", "Receipt");
    let receipt = storage::read::<StoredReceipt>(RECEIPT_KEY);
    let Some(receipt) = receipt else {
        return view! {
            <div class="container page">
                <h1>{tr("Nessuna ricevuta", "No receipt")}</h1>
                <p>
                    {tr(
                        "Su questo dispositivo non c'è una ricevuta recente.",
                        "There is no recent receipt on this device.",
                    )}
                </p>
                <A href="/questionario">{tr("Vai al questionario", "Go to the questionnaire")}</A>
            </div>
        }
        .into_any();
    };
    let origin = window().location().origin().unwrap_or_default();
    let link = domain::api::private_link(&origin, &receipt.token);
    let answers = Signal::stored(receipt.answers.clone());
    let contact_email =
        receipt.answers.get(key::CONTACT_EMAIL).and_then(serde_json::Value::as_str).unwrap_or_default().to_owned();
    let updated = receipt.version.is_some_and(|v| v > 1);
    // The receipt as a plain-text file the respondent keeps: a `data:` address,
    // so nothing about the practice leaves the device to make it.
    let receipt_text = format!(
        "Buone pratiche dei servizi sociali territoriali\nRicevuta di invio\n\nRiferimento: {}\n{}Link privato (conservalo, non condividerlo): {link}\n\nCon il link privato puoi riaprire e aggiornare la pratica e leggere i messaggi della redazione.\n",
        receipt.id,
        receipt.version.map(|v| format!("Versione: {v}\n")).unwrap_or_default(),
    );
    let receipt_file =
        format!("data:text/plain;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&receipt_text)));
    view! {
        <div class="container page receipt">
            <div class="receipt-panel" role="status">
                <h1>
                    {if updated {
                        tr("Aggiornamento inviato", "Update submitted")()
                    } else {
                        tr("Pratica inviata", "Practice submitted")()
                    }}
                </h1>
                <p class="receipt-reference">
                    {tr("Riferimento", "Reference")} ": "
                    <strong data-testid="reference">{receipt.id.to_string()}</strong>
                </p>
                {receipt
                    .version
                    .map(|v| {
                        view! { <p>{tr("Versione", "Version")} ": " {v}</p> }
                    })}
            </div>
            <h2>{tr("Cosa succede ora", "What happens next")}</h2>
            <p>
                {tr(
                    "La redazione verificherà la pratica e potrà chiederti integrazioni. Quando sarà pubblicata comparirà nel catalogo con questo riferimento.",
                    "The editors will check the practice and may ask you for changes. Once published it will appear in the catalogue with this reference.",
                )}
            </p>
            <p>
                {tr(
                    "Se la redazione ti chiede integrazioni, il suo messaggio comparirà anche aprendo il tuo link privato, insieme allo stato della pratica.",
                    "If the editors ask for changes, their message will also appear when you open your private link, together with the practice's status.",
                )}
            </p>
            <h2>{tr("Il tuo link privato", "Your private link")}</h2>
            <p>
                {tr(
                    "Conserva questo link: ti permette di riaprire e aggiornare la pratica. Non condividerlo: chi lo possiede può modificarla.",
                    "Keep this link: it lets you reopen and update the practice. Do not share it: whoever has it can change it.",
                )}
            </p>
            <p class="private-link">
                <a href=link.clone() data-testid="private-link">
                    {link.clone()}
                </a>
            </p>
            <p class="no-print receipt-actions">
                <CopyButton
                    text=link.clone()
                    label=("Copia il link", "Copy the link")
                    done=("Link copiato: incollalo in un posto sicuro.", "Link copied: paste it somewhere safe.")
                    class="button button-primary"
                />
                <a
                    class="button button-secondary"
                    href=receipt_file.clone()
                    download=format!("ricevuta-{}.txt", receipt.id)
                    rel="external"
                >
                    {tr("Scarica la ricevuta", "Download the receipt")}
                </a>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    {tr("Stampa la ricevuta", "Print the receipt")}
                </button>
            </p>
            <ReceiptCopyForm token=receipt.token.clone() contact_email=contact_email />
            <p class="no-print">
                <A href=super::status::PATH>
                    {tr("Verifica lo stato della pratica in seguito", "Check the practice's status later")}
                </A>
            </p>
            <ServiceRatingForm reference=receipt.id.to_string() />
            <h2>{tr("Le tue risposte", "Your answers")}</h2>
            <AnswersSummary answers change_links=None />
        </div>
    }
        .into_any()
}
