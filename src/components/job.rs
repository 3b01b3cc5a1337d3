// SPDX-License-Identifier: EUPL-1.2
//! A request a click or a submit starts: the app's lighter `Action`.
//!
//! Leptos's `Action` also keeps the last input and value, a version and an
//! abort handle, none of which a page here reads; its machinery cost the
//! administrators' entry 4.7 KB (brotli) when measured. A `Job` keeps what
//! the pages use: start the request, and whether one is on its way.

use leptos::prelude::*;
use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

/// The request, its input's type erased so that what follows is compiled
/// once for every job, not once per kind of input.
type Run = Rc<dyn Fn(Box<dyn Any>) -> Pin<Box<dyn Future<Output = ()>>>>;

/// `run(input)` started by `dispatch`, as many at once as are dispatched,
/// inside the reactive owner that made the job (as an `Action` runs).
pub struct Job<I: 'static> {
    run: StoredValue<(Run, Option<Owner>), LocalStorage>,
    running: RwSignal<u32>,
    input: PhantomData<fn(I)>,
}

impl<I: 'static> Clone for Job<I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static> Copy for Job<I> {}

impl<I: 'static> Job<I> {
    pub fn new<F: Future<Output = ()> + 'static>(run: impl Fn(I) -> F + 'static) -> Self {
        let run: Run = Rc::new(move |input: Box<dyn Any>| match input.downcast::<I>() {
            Ok(input) => Box::pin(run(*input)),
            Err(_) => Box::pin(async {}),
        });
        Self { run: StoredValue::new_local((run, Owner::current())), running: RwSignal::new(0), input: PhantomData }
    }

    /// Starts the request with `input`; nothing once the page is gone.
    pub fn dispatch(&self, input: I) {
        start(self.run, Box::new(input), self.running);
    }

    /// Whether a request is on its way.
    pub fn pending(&self) -> Signal<bool> {
        busy(self.running)
    }
}

#[inline(never)]
fn start(run: StoredValue<(Run, Option<Owner>), LocalStorage>, input: Box<dyn Any>, running: RwSignal<u32>) {
    let Some((job, owner)) = run.try_with_value(|(run, owner)| (run(input), owner.clone())) else { return };
    running.update(|n| *n += 1);
    let task = async move {
        job.await;
        running.try_update(|n| *n = n.saturating_sub(1));
    };
    match owner {
        Some(owner) => owner.with(|| leptos::task::spawn_local_scoped(task)),
        None => leptos::task::spawn_local(task),
    }
}

fn busy(running: RwSignal<u32>) -> Signal<bool> {
    Signal::derive(move || running.get() > 0)
}
