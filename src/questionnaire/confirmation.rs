// SPDX-License-Identifier: EUPL-1.2
//! "È ancora attuale?" on the private link's page, once a published practice
//! is due for confirmation (`domain::living`): in one step the respondent
//! confirms that the description is current, marks the practice concluded
//! (with the month it ended), or goes on to update it.

use super::{Mode, page_href};
use crate::api::{self, ApiError};
use crate::components::alert::DoneAlert;
use crate::components::form::FormFields;
use crate::i18n::tr;
use domain::living::Confirmation;
use leptos::prelude::*;
use leptos_router::components::A;

/// What the respondent chose.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    Current,
    Concluded,
}

/// The question and its one-step answers.
#[component]
pub(super) fn ConfirmationBox(
    /// The private link's code.
    code: String,
) -> impl IntoView {
    let choice = RwSignal::new(Choice::Current);
    let end_date = RwSignal::new(String::new());
    let form = FormFields::new("confirm");
    let problem = RwSignal::new(None::<ApiError>);
    let confirmed = RwSignal::new(None::<String>);
    let code = StoredValue::new(code);
    let send = Action::new_local(move |confirmation: &Confirmation| {
        let confirmation = confirmation.clone();
        async move {
            match api::confirm_practice(&code.get_value(), &confirmation).await {
                Ok(done) => {
                    problem.set(None);
                    confirmed.set(Some(done.confirmed_at));
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
        let confirmation = match choice.get_untracked() {
            Choice::Current => Confirmation::Current,
            Choice::Concluded => Confirmation::Concluded { end_date: end_date.get_untracked() },
        };
        if form.show(confirmation.validate()) {
            send.dispatch(confirmation);
        }
    };
    let option = move |value: Choice, id: &'static str, label: (&'static str, &'static str)| {
        view! {
            <div class="form-check">
                <input
                    type="radio"
                    id=id
                    name="confirm-choice"
                    prop:checked=move || choice.get() == value
                    on:change=move |_| choice.set(value)
                />
                <label for=id>{tr(label.0, label.1)}</label>
            </div>
        }
    };
    view! {
        <section class="notice confirmation" aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{tr("La pratica è ancora attuale?", "Is the practice still current?")}</h2>
            {move || {
                confirmed
                    .get()
                    .map(|at| {
                        let (it, en) = (
                            domain::dates::long_date(&at, domain::Lang::It),
                            domain::dates::long_date(&at, domain::Lang::En),
                        );
                        view! {
                            <DoneAlert
                                it=format!("Grazie: la pratica risulta confermata il {it}.")
                                en=format!("Thank you: the practice is now confirmed on {en}.")
                            />
                        }
                    })
            }}
            <p>
                {tr(
                    "È passato un anno dall'ultima conferma. Dicci in un passo se la descrizione vale ancora: chi legge il catalogo saprà che è aggiornata. Se non la confermi la pratica resta pubblicata, segnata «da aggiornare».",
                    "A year has passed since it was last confirmed. Tell us in one step whether the description still holds: readers of the catalogue will know it is current. If you do not confirm it, the practice stays published, marked “needs updating”.",
                )}
            </p>
            <form novalidate on:submit=submit>
                {move || problem.get().map(|error| view! { <crate::components::alert::ErrorAlert error /> })}
                <fieldset class="form-group">
                    <legend>{tr("La pratica", "The practice")}</legend>
                    {option(Choice::Current, "confirm-current", ("è ancora così", "is still as described"))}
                    {option(Choice::Concluded, "confirm-concluded", ("è conclusa", "has ended"))}
                </fieldset>
                <Show when=move || {
                    choice.get() == Choice::Concluded
                }>
                    {form
                        .group(
                            "end_date",
                            ("Mese di conclusione", "Month it ended"),
                            Some(("Nella forma AAAA-MM, per esempio 2026-06.", "As YYYY-MM, for example 2026-06.")),
                            view! {
                                <input
                                    type="text"
                                    inputmode="numeric"
                                    id=form.id("end_date")
                                    class="form-control"
                                    aria-invalid=form.aria_invalid("end_date")
                                    aria-describedby=form.described_by("end_date", true)
                                    prop:value=move || end_date.get()
                                    on:input=move |ev| end_date.set(event_target_value(&ev))
                                />
                            }
                                .into_any(),
                        )}
                </Show>
                <button type="submit" class="button button-primary" disabled=move || send.pending().get()>
                    {tr("Conferma", "Confirm")}
                </button>
                " "
                <A href=page_href(Mode::Update, 1)>{tr("È cambiata: aggiornala", "It has changed: update it")}</A>
            </form>
        </section>
    }
}
