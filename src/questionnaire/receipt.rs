// SPDX-License-Identifier: EUPL-1.2
//! `/questionario/ricevuta`: the receipt of a sent practice or update, kept
//! on this device: the citable reference, the private link, the answers.

use super::rating::ServiceRatingForm;
use super::receipt_copy::ReceiptCopyForm;
use super::summary::AnswersSummary;
use crate::components::{CopyButton, use_document_title};
use crate::i18n::{tr, use_lang};
use crate::storage;
use crate::texts;
use domain::PracticeId;
use domain::api::Answers;
use domain::record::fields::key;
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
    use_document_title(texts::questionnaire::RECEIPT);
    let receipt = storage::read::<StoredReceipt>(RECEIPT_KEY);
    let Some(receipt) = receipt else {
        return view! {
            <div class="container page">
                <h1>{tr(texts::questionnaire::NO_RECEIPT)}</h1>
                <p>{tr(texts::questionnaire::THERE_IS_NO_RECENT)}</p>
                <A href="/questionario">{tr(texts::questionnaire::GO_TO_THE_QUESTIONNAIRE)}</A>
            </div>
        }
        .into_any();
    };
    let origin = window().location().origin().unwrap_or_default();
    let link = domain::questionnaire::api::private_link(&origin, &receipt.token);
    let answers = Signal::stored(receipt.answers.clone());
    let contact_email =
        receipt.answers.get(key::CONTACT_EMAIL).and_then(serde_json::Value::as_str).unwrap_or_default().to_owned();
    let updated = receipt.version.is_some_and(|v| v > 1);
    // The receipt as a plain-text file the respondent keeps: a `data:` address,
    // so nothing about the practice leaves the device to make it.
    let lang = use_lang();
    let (id, version) = (receipt.id.to_string(), receipt.version);
    let receipt_text = {
        let link = link.clone();
        move || texts::questionnaire::receipt_file(lang.get(), &id, version, &link)
    };
    let receipt_file = move || {
        format!("data:text/plain;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&receipt_text())))
    };
    let file_name = {
        let id = receipt.id.clone();
        move || format!("{}-{id}.txt", texts::questionnaire::RECEIPT_FILE_NAME.get(lang.get()))
    };
    view! {
        <div class="container page receipt">
            <div class="receipt-panel" role="status">
                <h1>
                    {if updated {
                        tr(texts::questionnaire::UPDATE_SUBMITTED)()
                    } else {
                        tr(texts::questionnaire::PRACTICE_SUBMITTED)()
                    }}
                </h1>
                <p class="receipt-reference">
                    {tr(texts::common::REFERENCE)} ": "
                    <strong data-testid="reference">{receipt.id.to_string()}</strong>
                </p>
                {receipt
                    .version
                    .map(|v| {
                        view! { <p>{tr(texts::questionnaire::VERSION)} ": " {v}</p> }
                    })}
            </div>
            <h2>{tr(texts::questionnaire::WHAT_HAPPENS_NEXT)}</h2>
            <p>{tr(texts::questionnaire::THE_EDITORS_WILL_CHECK)}</p>
            <p>{tr(texts::questionnaire::IF_THE_EDITORS_ASK)}</p>
            <h2>{tr(texts::questionnaire::YOUR_PRIVATE_LINK)}</h2>
            <p>{tr(texts::questionnaire::KEEP_THIS_LINK)}</p>
            <p class="private-link">
                <a href=link.clone() data-testid="private-link">
                    {link.clone()}
                </a>
            </p>
            <p class="no-print receipt-actions">
                <CopyButton
                    text=link.clone()
                    label=texts::questionnaire::COPY_THE_LINK
                    done=texts::questionnaire::LINK_COPIED
                    class="button button-primary"
                />
                <a class="button button-secondary" href=receipt_file download=file_name rel="external">
                    {tr(texts::questionnaire::DOWNLOAD_THE_RECEIPT)}
                </a>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    {tr(texts::questionnaire::PRINT_THE_RECEIPT)}
                </button>
            </p>
            <ReceiptCopyForm token=receipt.token.clone() contact_email=contact_email />
            <p class="no-print">
                <A href=super::status::PATH>{tr(texts::questionnaire::CHECK_THE_STATUS_LATER)}</A>
            </p>
            <ServiceRatingForm reference=receipt.id.to_string() />
            <h2>{tr(texts::questionnaire::YOUR_ANSWERS)}</h2>
            <AnswersSummary answers change_links=None />
        </div>
    }
    .into_any()
}
