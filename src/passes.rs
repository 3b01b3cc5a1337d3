// SPDX-License-Identifier: EUPL-1.2
//! The app's first drawing in several tasks, so that no single one holds
//! the main thread for long (at a phone's speed, drawing a whole catalogue
//! page at once took a third of a second, during which a tap waits).
//!
//! While the app starts over the server's page it draws off screen
//! (`app::start_with`): a first pass draws the page without the parts a
//! page hands to [`later`] (or wraps in [`Later`]), then each such step runs
//! in a task of its own, and only then does the app's page replace the
//! server's, whole. The server's page, identical, stays on screen meanwhile.
//! On the server, and after the start (a navigation within the app), every
//! part is drawn at once.

use leptos::prelude::*;
use std::cell::RefCell;

type Step = Box<dyn FnOnce()>;

thread_local! {
    /// The steps left to the start's later passes; `None` when the app is
    /// not starting.
    static STEPS: RefCell<Option<Vec<Step>>> = const { RefCell::new(None) };
}

/// Hands `step` to a later task of the start, and says whether it did:
/// `false` when the app is not starting (then the caller draws at once).
pub fn later(step: impl FnOnce() + 'static) -> bool {
    STEPS.with_borrow_mut(|steps| match steps {
        Some(steps) => {
            steps.push(Box::new(step));
            true
        }
        None => false,
    })
}

/// Its children, drawn in a later task of the start (at once otherwise).
#[component]
pub fn Later(
    /// What may wait for a later task.
    children: Children,
) -> impl IntoView {
    let shown = RwSignal::new(true);
    if later(move || shown.set(true)) {
        shown.set(false);
    }
    // Drawn once: `shown` only ever turns true.
    let mut children = Some(children);
    move || shown.get().then(|| children.take().map(untrack)).flatten()
}

/// Opens the start's later passes: from now until [`run`] ends, [`later`]
/// keeps the steps it is handed.
#[cfg(not(feature = "ssr"))]
pub(crate) fn open() {
    STEPS.with_borrow_mut(|steps| *steps = Some(Vec::new()));
}

/// Runs the steps handed to [`later`], each in a task of its own (with the
/// drawing it causes, which the reactive system does before the task ends),
/// including the steps they hand on, then closes the passes.
#[cfg(not(feature = "ssr"))]
pub(crate) async fn run() {
    // The first pass finishes drawing in the task that mounted the app.
    next_task().await;
    // In the order they were handed; those handed on by a step after them.
    loop {
        let steps = STEPS.with_borrow_mut(|steps| steps.as_mut().map(std::mem::take).unwrap_or_default());
        if steps.is_empty() {
            break;
        }
        for step in steps {
            step();
            next_task().await;
        }
    }
    STEPS.with_borrow_mut(|steps| *steps = None);
}

/// Resolves in a later task (a zero-delay timeout): what runs after it is
/// not part of the task that awaited it.
#[cfg(not(feature = "ssr"))]
pub(crate) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
