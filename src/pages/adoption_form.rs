// SPDX-License-Identifier: EUPL-1.2
//! "L'abbiamo adottata anche noi" on a practice's page: another Comune,
//! Ambito or Region declares that it took the practice up, as it is or
//! adapted. The declaration waits for the editors; once accepted it shows
//! on the page, in the catalogue's "Adozioni" filter and in open data. The
//! rules are `domain::reuse::AdoptionDeclaration`'s, the same as the
//! server's, and what was typed stays when something is wrong. Only the
//! public site has it (`pages::CommunityForms`), never a static copy.

use crate::api::{self, ApiError, DataSource};
use crate::components::alert::DoneAlert;
use crate::components::comune_picker::ComunePicker;
use crate::components::form::FormFields;
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::PracticeId;
use domain::geo::Region;
use domain::reuse::{AdoptionDeclaration, CHANGES_MAX};
use domain::vocabulary::EntityType;
use leptos::prelude::*;

/// The section with its form, closed until the reader opens it.
#[component]
pub fn AdoptionForm(
    /// The adopted practice.
    id: PracticeId,
) -> impl IntoView {
    if api::data_source() == DataSource::Static {
        return ().into_any();
    }
    let lang = use_lang();
    let entity_type = RwSignal::new(EntityType::Comune);
    let entity_name = RwSignal::new(String::new());
    let region = RwSignal::new(None::<Region>);
    // A Comune is chosen from the ISTAT list of its region, as in the questionnaire.
    let comune = RwSignal::new(None::<String>);
    let comune_typed = RwSignal::new(String::new());
    let adopted_on = RwSignal::new(String::new());
    let adapted = RwSignal::new(false);
    let changes = RwSignal::new(String::new());
    let contact_name = RwSignal::new(String::new());
    let contact_email = RwSignal::new(String::new());
    let consent = RwSignal::new(false);
    let honeypot = RwSignal::new(String::new());
    let idempotency_key = RwSignal::new(crate::storage::random_token(24));
    let form = FormFields::new("adoption");
    let problem = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(false);
    let declaration = move || AdoptionDeclaration {
        entity_type: entity_type.get_untracked(),
        entity_name: entity_name.get_untracked(),
        region_code: region.get_untracked(),
        // A name typed but not chosen is sent to the rules as it is, which
        // say to choose it from the list.
        comune_code: comune
            .get_untracked()
            .or_else(|| Some(comune_typed.get_untracked()))
            .filter(|_| entity_type.get_untracked() == EntityType::Comune),
        adopted_on: adopted_on.get_untracked(),
        adapted: adapted.get_untracked(),
        changes: changes.get_untracked(),
        referent_name: contact_name.get_untracked(),
        referent_email: contact_email.get_untracked(),
        consent: consent.get_untracked(),
        website: honeypot.get_untracked(),
    };
    let send = Action::new_local(move |declaration: &AdoptionDeclaration| {
        let (declaration, id) = (declaration.clone(), id.clone());
        async move {
            match api::declare_adoption(&id, &idempotency_key.get_untracked(), &declaration).await {
                Ok(_) => {
                    done.set(true);
                    problem.set(None);
                    idempotency_key.set(crate::storage::random_token(24));
                }
                Err(ApiError::Invalid(found)) => {
                    form.show(found);
                }
                Err(error) => problem.set(Some(error)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        let declaration = declaration();
        let comuni = crate::comuni::comuni_signal().get_untracked();
        if form.show(declaration.validate(comuni.as_deref())) {
            send.dispatch(declaration);
        }
    };
    let text_input =
        move |key: &'static str, kind: &'static str, autocomplete: &'static str, value: RwSignal<String>| {
            view! {
                <input
                    type=kind
                    id=form.id(key)
                    class="form-control"
                    autocomplete=autocomplete
                    aria-invalid=form.aria_invalid(key)
                    aria-describedby=form.described_by(key, false)
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            }
            .into_any()
        };
    let entity_select = view! {
        <select
            id=form.id("entity_type")
            class="form-control"
            on:change=move |ev| {
                if let Some(kind) = EntityType::from_code(&event_target_value(&ev)) {
                    entity_type.set(kind);
                }
            }
        >
            {move || {
                EntityType::ALL
                    .iter()
                    .map(|kind| {
                        view! {
                            <option value=kind.code() selected=entity_type.get() == *kind>
                                {kind.label(lang.get())}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
    }
    .into_any();
    let region_select = view! {
        <select
            id=form.id("region_code")
            class="form-control"
            aria-invalid=form.aria_invalid("region_code")
            aria-describedby=form.described_by("region_code", false)
            on:change=move |ev| {
                region.set(Region::from_code(&event_target_value(&ev)));
                comune.set(None);
            }
        >
            <option value="">{tr(texts::practice::CHOOSE_THE_REGION)}</option>
            {move || {
                Region::ALL
                    .iter()
                    .map(|r| view! { <option value=r.code()>{r.label(lang.get())}</option> })
                    .collect_view()
            }}
        </select>
    }
    .into_any();
    // Drawn once the form is opened, for a Comune: only then is the list fetched.
    let opened = RwSignal::new(false);
    let comune_group = move || {
        (opened.get() && entity_type.get() == EntityType::Comune).then(|| {
            let picker = view! {
                <ComunePicker
                    id=form.id("comune_code")
                    region
                    chosen=Signal::derive(move || comune.get().into_iter().collect())
                    on_choose=Callback::new(move |code: String| {
                        let name = crate::comuni::comuni_signal()
                            .with_untracked(|list| list.as_ref().and_then(|l| l.get(&code)).map(|c| c.name.clone()));
                        if let Some(name) = name && entity_name.with_untracked(|n| n.trim().is_empty()) {
                            entity_name.set(format!("Comune di {name}"));
                            form.take_back("entity_name");
                        }
                        comune.set(Some(code));
                        form.take_back("comune_code");
                    })
                    on_remove=Callback::new(move |_| comune.set(None))
                    typed=comune_typed
                    invalid=Signal::derive(form.invalid("comune_code"))
                    described_by=Signal::derive(form.described_by("comune_code", true))
                />
            }
            .into_any();
            form.group(
                "comune_code",
                texts::practice::MUNICIPALITY,
                Some(texts::practice::TYPE_THE_FIRST_LETTERS),
                picker,
            )
        })
    };
    let changes_area = view! {
        <textarea
            id=form.id("changes")
            class="form-control"
            rows="4"
            maxlength=CHANGES_MAX.to_string()
            aria-invalid=form.aria_invalid("changes")
            aria-describedby=form.described_by("changes", true)
            prop:value=move || changes.get()
            on:input=move |ev| changes.set(event_target_value(&ev))
        ></textarea>
    }
    .into_any();
    view! {
        <section class="adoption" aria-labelledby="adoption-heading">
            <h2 id="adoption-heading">{tr(texts::practice::WE_ADOPTED_IT_TOO)}</h2>
            <p>{tr(texts::practice::ADOPTION_INTRO)}</p>
            {move || {
                done.get()
                    .then(|| {
                        view! {
                            <DoneAlert
                                it=texts::practice::DECLARATION_RECEIVED.it.to_owned()
                                en=texts::practice::DECLARATION_RECEIVED.en.to_owned()
                            />
                        }
                    })
            }}
            <details class="contact-details" on:toggle=move |_| opened.set(true)>
                <summary class="button button-secondary">{tr(texts::practice::DECLARE_THE_ADOPTION)}</summary>
                <form class="contact-form" novalidate on:submit=submit>
                    {move || problem.get().map(|error| view! { <crate::components::alert::ErrorAlert error /> })}
                    {form.group("entity_type", texts::practice::TYPE_OF_BODY, None, entity_select)}
                    {form
                        .group(
                            "entity_name",
                            texts::practice::NAME_OF_THE_BODY,
                            None,
                            text_input("entity_name", "text", "organization", entity_name),
                        )}
                    {form.group("region_code", texts::practice::REGION, None, region_select)}
                    {comune_group}
                    {form.month("adopted_on", texts::practice::SINCE_WHEN, None, adopted_on)}
                    {form.checkbox("adapted", texts::practice::WE_ADAPTED_IT, None, adapted)}
                    {form
                        .group(
                            "changes",
                            texts::practice::WHAT_YOU_CHANGED,
                            Some(texts::practice::REQUIRED_IF_YOU_ADAPTED),
                            changes_area,
                        )}
                    {form
                        .group(
                            "referent_name",
                            texts::practice::CONTACT_PERSON_EDITORS_ONLY,
                            None,
                            text_input("referent_name", "text", "name", contact_name),
                        )}
                    {form
                        .group(
                            "referent_email",
                            texts::practice::CONTACT_E_MAIL_EDITORS_ONLY,
                            None,
                            text_input("referent_email", "email", "email", contact_email),
                        )}
                    {form.checkbox("consent", texts::practice::ADOPTION_CONSENT, None, consent)}
                    <p class="form-hint">
                        <a href="/privacy">{tr(texts::practice::HOW_WE_PROCESS_THESE_DATA)}</a>
                    </p>
                    <crate::components::Honeypot id="adoption-website" value=honeypot />
                    <button type="submit" class="button button-primary" disabled=move || send.pending().get()>
                        {tr(texts::practice::SEND_THE_DECLARATION)}
                    </button>
                </form>
            </details>
        </section>
    }
    .into_any()
}
