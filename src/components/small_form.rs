// SPDX-License-Identifier: EUPL-1.2
//! The site's small public forms (a practice's contact and adoption, the
//! accessibility report, following a search, the service rating, "È ancora
//! attuale?", the receipt's copy) in one shape: a form the browser does not
//! check (`novalidate`: the domain's rules do, as the server's), its fields
//! (`FormFields`), the field robots fill in, the send button (disabled while
//! the request is on its way), the failure of a request and, once done, what
//! was done. Each form places its alerts where it always has (`DoneAt`,
//! `ProblemAt`); `use_send` is the request's action they share.

use crate::api::ApiError;
use crate::components::Honeypot;
use crate::components::alert::{DoneAlert, ErrorAlert};
use crate::components::form::FormFields;
use crate::components::job::Job;
use crate::i18n::{tr, use_lang};
use crate::texts::Text;
use domain::Lang;
use leptos::prelude::*;
use std::future::Future;
use std::sync::Arc;

/// Where a small form says what it did.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub enum DoneAt {
    /// Above the form (and the button that opens it).
    #[default]
    Above,
    /// At the top of the form, under its first lines (`head`).
    Inside,
    /// In the form's place: the form is done for good.
    Instead,
}

/// Where a small form shows the failure of a request.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub enum ProblemAt {
    /// Above the form, under what it did.
    Above,
    /// At the top of the form.
    #[default]
    Top,
    /// Just above the send button.
    Button,
}

/// The action that sends a small form's request: `request(input)` is the
/// call; what it answers goes to `done`; the rules' refusals show on
/// `fields`; any other failure in `problem`, until a request works.
pub fn use_send<I, R, Fut>(
    fields: FormFields,
    problem: RwSignal<Option<ApiError>>,
    request: impl Fn(I) -> Fut + 'static,
    done: impl Fn(R) + 'static,
) -> Job<I>
where
    I: Clone + 'static,
    R: 'static,
    Fut: Future<Output = Result<R, ApiError>> + 'static,
{
    let done = std::rc::Rc::new(done);
    Job::new(move |input: I| {
        let (answer, done) = (request(input), done.clone());
        async move {
            match answer.await {
                Ok(answer) => {
                    problem.set(None);
                    done(answer);
                }
                Err(ApiError::Invalid(found)) => {
                    fields.show(found);
                }
                Err(error) => problem.set(Some(error)),
            }
        }
    })
}

/// A small form: its first lines, its alerts, the error summary if it has
/// one, the fields (`children`), the link to the privacy notice, the field
/// robots fill in and the send button, then what follows it.
#[component]
pub fn SmallForm(
    /// The form's fields.
    fields: FormFields,
    /// Checks what was typed and sends it (the browser sends nothing itself).
    on_submit: impl Fn() + 'static,
    /// What the form says it did, in the language asked for; `None` until
    /// it is done.
    done: impl Fn(Lang) -> Option<String> + Send + Sync + 'static,
    /// Where it says so.
    #[prop(optional)]
    done_at: DoneAt,
    /// The failure of the last request, if any.
    problem: RwSignal<Option<ApiError>>,
    /// Where the failure shows.
    #[prop(optional)]
    problem_at: ProblemAt,
    /// Whether a request is on its way (the button is disabled meanwhile).
    #[prop(into)]
    busy: Signal<bool>,
    /// The send button's label.
    button: Text,
    /// A secondary button rather than a primary one.
    #[prop(optional)]
    secondary: bool,
    /// The form's class.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The label of the button that opens the form, closed until then.
    #[prop(optional)]
    opener: Option<Text>,
    /// Told when the form is opened or closed.
    #[prop(optional, into)]
    on_toggle: Option<Callback<()>>,
    /// The form's first lines (a heading, an introduction).
    #[prop(optional, into)]
    head: ViewFn,
    /// The error summary's fields (key and label, in the form's order).
    #[prop(optional)]
    summary: Option<&'static [(&'static str, Text)]>,
    /// The label of the link to the privacy notice, under the fields.
    #[prop(optional)]
    privacy: Option<Text>,
    /// The id of the field robots fill in, and what they type into it.
    #[prop(optional)]
    honeypot: Option<(&'static str, RwSignal<String>)>,
    /// What follows the send button.
    #[prop(optional, into)]
    after: ViewFn,
    /// The fields.
    children: Children,
) -> impl IntoView {
    // The two closures are boxed here, so the form's body below is compiled
    // once for the six forms rather than once for each.
    let form = Parts {
        fields,
        on_submit: Box::new(on_submit),
        done: Arc::new(done),
        done_at,
        problem,
        problem_at,
        busy,
        button,
        secondary,
        class,
        opener,
        on_toggle,
        head,
        summary,
        privacy,
        honeypot,
        after,
        children,
    };
    drawn(form)
}

/// A small form's props, its closures boxed.
struct Parts {
    fields: FormFields,
    on_submit: Box<dyn Fn()>,
    done: Arc<dyn Fn(Lang) -> Option<String> + Send + Sync>,
    done_at: DoneAt,
    problem: RwSignal<Option<ApiError>>,
    problem_at: ProblemAt,
    busy: Signal<bool>,
    button: Text,
    secondary: bool,
    class: Option<&'static str>,
    opener: Option<Text>,
    on_toggle: Option<Callback<()>>,
    head: ViewFn,
    summary: Option<&'static [(&'static str, Text)]>,
    privacy: Option<Text>,
    honeypot: Option<(&'static str, RwSignal<String>)>,
    after: ViewFn,
    children: Children,
}

/// The small form drawn (see [`SmallForm`]).
#[inline(never)]
fn drawn(form: Parts) -> AnyView {
    let Parts {
        fields,
        on_submit,
        done,
        done_at,
        problem,
        problem_at,
        busy,
        button,
        secondary,
        class,
        opener,
        on_toggle,
        head,
        summary,
        privacy,
        honeypot,
        after,
        children,
    } = form;
    let (shown, done_alert) = done_alert(done);
    let problem_alert = move |at: ProblemAt| {
        (problem_at == at).then_some(move || problem.get().map(|error| view! { <ErrorAlert error /> }))
    };
    let button_class = if secondary { "button button-secondary" } else { "button button-primary" };
    let form = view! {
        <form
            class=class
            novalidate
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                on_submit();
            }
        >
            {head.run()}
            {(done_at == DoneAt::Inside).then_some(done_alert)}
            {summary.map(|list| fields.summary(list))}
            {problem_alert(ProblemAt::Top)}
            {children()}
            {privacy
                .map(|text| {
                    view! {
                        <p class="form-hint">
                            <a href="/privacy">{tr(text)}</a>
                        </p>
                    }
                })}
            {honeypot.map(|(id, value)| view! { <Honeypot id value /> })}
            {problem_alert(ProblemAt::Button)}
            <button type="submit" class=button_class disabled=move || busy.get()>
                {tr(button)}
            </button>
            {after.run()}
        </form>
    };
    let form = match opener {
        Some(label) => behind_opener(label, on_toggle, form.into_any()),
        None => form.into_any(),
    };
    if done_at == DoneAt::Instead {
        // Once done the form goes, and does not come back.
        let form = StoredValue::new_local(Some(form));
        return (move || {
            if shown.get() { done_alert().into_any() } else { form.try_update_value(Option::take).flatten().into_any() }
        })
        .into_any();
    }
    view! {
        {(done_at == DoneAt::Above).then_some(done_alert)}
        {problem_alert(ProblemAt::Above)}
        {form}
    }
    .into_any()
}

/// Whether the form is done, and what it says then: `done` in the page's
/// language, drawn once (it takes the focus), not again when the language
/// changes.
fn done_alert(
    done: Arc<dyn Fn(Lang) -> Option<String> + Send + Sync>,
) -> (Memo<bool>, impl Fn() -> Option<AnyView> + Copy + Send + Sync + 'static) {
    let lang = use_lang();
    let done = Signal::derive(move || done(lang.get()));
    let shown = Memo::new(move |_| done.with(Option::is_some));
    let alert = move || {
        shown
            .get()
            .then(|| view! { <DoneAlert message=Signal::derive(move || done.get().unwrap_or_default()) /> }.into_any())
    };
    (shown, alert)
}

/// `form` in a `<details>`, closed until the button `label` opens it;
/// `on_toggle` is told when it opens or closes.
fn behind_opener(label: Text, on_toggle: Option<Callback<()>>, form: AnyView) -> AnyView {
    view! {
        <details
            class="contact-details"
            on:toggle=move |_| {
                if let Some(told) = on_toggle {
                    told.run(());
                }
            }
        >
            <summary class="button button-secondary">{tr(label)}</summary>
            {form}
        </details>
    }
    .into_any()
}
