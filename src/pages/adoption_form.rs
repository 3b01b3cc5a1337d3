// SPDX-License-Identifier: EUPL-1.2
//! "L'abbiamo adottata anche noi" on a practice's page: another Comune,
//! Ambito or Region declares that it took the practice up, as it is or
//! adapted. The declaration waits for the editors; once accepted it shows
//! on the page, in the catalogue's "Adozioni" filter and in open data. The
//! rules are `domain::community::reuse::AdoptionDeclaration`'s, the same as the
//! server's, and what was typed stays when something is wrong. Only the
//! public site has it (`pages::CommunityForms`), never a static copy.

use crate::api::{self, ApiError, DataSource};
use crate::components::comune_picker::ComunePicker;
use crate::components::form::{FormFields, TextControl};
use crate::components::small_form::{SmallForm, use_send};
use crate::i18n::{tr, use_lang};
use crate::texts;
use domain::PracticeId;
use domain::community::reuse::{AdoptionDeclaration, CHANGES_MAX};
use domain::record::geo::Region;
use domain::record::vocabulary::EntityType;
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
    let typed = Typed::new();
    let idempotency_key = RwSignal::new(crate::storage::random_token(24));
    let form = FormFields::new("adoption");
    let problem = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(false);
    let send = use_send(
        form,
        problem,
        move |declaration: AdoptionDeclaration| {
            let id = id.clone();
            async move { api::declare_adoption(&id, &idempotency_key.get_untracked(), &declaration).await }
        },
        move |_: domain::community::reuse::AdoptionReceived| {
            done.set(true);
            idempotency_key.set(crate::storage::random_token(24));
        },
    );
    let submit = move || {
        done.set(false);
        let declaration = typed.declaration();
        let comuni = crate::comuni::comuni_signal().get_untracked();
        if form.show(declaration.validate(comuni.as_deref())) {
            send.dispatch(declaration);
        }
    };
    // Drawn once the form is opened, for a Comune: only then is the list fetched.
    let opened = RwSignal::new(false);
    let comune_group =
        move || (opened.get() && typed.entity_type.get() == EntityType::Comune).then(|| comune_field(form, typed));
    let text = |autocomplete| TextControl::input("text").autocomplete(autocomplete);
    view! {
        <section class="adoption" aria-labelledby="adoption-heading">
            <h2 id="adoption-heading">{tr(texts::practice::WE_ADOPTED_IT_TOO)}</h2>
            <p>{tr(texts::practice::ADOPTION_INTRO)}</p>
            <SmallForm
                fields=form
                on_submit=submit
                done=move |lang| done.get().then(|| texts::practice::DECLARATION_RECEIVED.get(lang).to_owned())
                problem
                busy=send.pending()
                button=texts::practice::SEND_THE_DECLARATION
                class="contact-form"
                opener=texts::practice::DECLARE_THE_ADOPTION
                on_toggle=move || opened.set(true)
                privacy=texts::practice::HOW_WE_PROCESS_THESE_DATA
                honeypot=("adoption-website", typed.honeypot)
            >
                {form.group("entity_type", texts::practice::TYPE_OF_BODY, None, entity_select(form, typed.entity_type))}
                {form
                    .text(
                        "entity_name",
                        texts::practice::NAME_OF_THE_BODY,
                        None,
                        text("organization"),
                        typed.entity_name,
                    )}
                {form.group("region_code", texts::practice::REGION, None, region_select(form, typed))}
                {comune_group}
                {form.month("adopted_on", texts::practice::SINCE_WHEN, None, typed.adopted_on)}
                {form.checkbox("adapted", texts::practice::WE_ADAPTED_IT, None, typed.adapted)}
                {form
                    .text(
                        "changes",
                        texts::practice::WHAT_YOU_CHANGED,
                        Some(texts::practice::REQUIRED_IF_YOU_ADAPTED),
                        TextControl::area(4, CHANGES_MAX),
                        typed.changes,
                    )}
                {form
                    .text(
                        "referent_name",
                        texts::practice::CONTACT_PERSON_EDITORS_ONLY,
                        None,
                        text("name"),
                        typed.contact_name,
                    )}
                {form
                    .text(
                        "referent_email",
                        texts::practice::CONTACT_E_MAIL_EDITORS_ONLY,
                        None,
                        TextControl::EMAIL,
                        typed.contact_email,
                    )}
                {form.checkbox("consent", texts::practice::ADOPTION_CONSENT, None, typed.consent)}
            </SmallForm>
        </section>
    }
    .into_any()
}

/// What the form holds, field by field.
#[derive(Clone, Copy)]
struct Typed {
    entity_type: RwSignal<EntityType>,
    entity_name: RwSignal<String>,
    region: RwSignal<Option<Region>>,
    // A Comune is chosen from the ISTAT list of its region, as in the questionnaire.
    comune: RwSignal<Option<String>>,
    comune_typed: RwSignal<String>,
    adopted_on: RwSignal<String>,
    adapted: RwSignal<bool>,
    changes: RwSignal<String>,
    contact_name: RwSignal<String>,
    contact_email: RwSignal<String>,
    consent: RwSignal<bool>,
    honeypot: RwSignal<String>,
}

impl Typed {
    fn new() -> Self {
        Self {
            entity_type: RwSignal::new(EntityType::Comune),
            entity_name: RwSignal::default(),
            region: RwSignal::default(),
            comune: RwSignal::default(),
            comune_typed: RwSignal::default(),
            adopted_on: RwSignal::default(),
            adapted: RwSignal::default(),
            changes: RwSignal::default(),
            contact_name: RwSignal::default(),
            contact_email: RwSignal::default(),
            consent: RwSignal::default(),
            honeypot: RwSignal::default(),
        }
    }

    /// The declaration, as typed.
    fn declaration(self) -> AdoptionDeclaration {
        AdoptionDeclaration {
            entity_type: self.entity_type.get_untracked(),
            entity_name: self.entity_name.get_untracked(),
            region_code: self.region.get_untracked(),
            // A name typed but not chosen is sent to the rules as it is, which
            // say to choose it from the list.
            comune_code: self
                .comune
                .get_untracked()
                .or_else(|| Some(self.comune_typed.get_untracked()))
                .filter(|_| self.entity_type.get_untracked() == EntityType::Comune),
            adopted_on: self.adopted_on.get_untracked(),
            adapted: self.adapted.get_untracked(),
            changes: self.changes.get_untracked(),
            referent_name: self.contact_name.get_untracked(),
            referent_email: self.contact_email.get_untracked(),
            consent: self.consent.get_untracked(),
            website: self.honeypot.get_untracked(),
        }
    }
}

/// The kind of body that adopted the practice.
fn entity_select(form: FormFields, entity_type: RwSignal<EntityType>) -> AnyView {
    let lang = use_lang();
    view! {
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
    .into_any()
}

/// Its region; choosing another forgets the Comune chosen.
fn region_select(form: FormFields, typed: Typed) -> AnyView {
    let (lang, Typed { region, comune, .. }) = (use_lang(), typed);
    view! {
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
    .into_any()
}

/// The Comune, from the ISTAT list of the region; choosing one names the body
/// after it when no name is typed yet.
fn comune_field(form: FormFields, typed: Typed) -> impl IntoView {
    let Typed { region, comune, comune_typed, entity_name, .. } = typed;
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
    form.group("comune_code", texts::practice::MUNICIPALITY, Some(texts::practice::TYPE_THE_FIRST_LETTERS), picker)
}
