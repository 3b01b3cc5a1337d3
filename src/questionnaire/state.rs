// SPDX-License-Identifier: EUPL-1.2
//! The state of one questionnaire being filled in, and the draft that keeps
//! it safe: every change is saved to local storage (debounced), a reload
//! resumes at the same step with every answer, another tab's saves are
//! adopted instead of overwritten, and leaving with unsaved changes warns.

use crate::storage;
use crate::texts;
use domain::api::Answers;
use domain::questionnaire::{Field, QUESTIONNAIRE};
use domain::record::comuni::ComuneIndex;
use domain::{FieldErrors, Lang, PracticeId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// How long typing must pause before the draft is written.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Everything a respondent would hate to lose, as stored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// The answers, keyed by field key (the shape the API takes).
    pub answers: Answers,
    /// The furthest step reached, so completed steps can be revisited.
    pub reached: usize,
    /// The step on screen when last saved (1-6; 7 is the review), to resume there.
    pub current: usize,
    /// The server's signed note of when this new practice was begun
    /// (`POST /api/submissions/start`), sent back with it: the server measures
    /// the time spent on the form from it. Kept with the draft, so a draft
    /// finished days later still has it.
    pub started: Option<String>,
    /// When this draft was last written (ms since the epoch).
    pub saved_at: f64,
    /// The key that makes this submission's retries store it once.
    pub idempotency_key: String,
    /// The secret of the private link, generated here; the server keeps its hash.
    pub edit_token: String,
    /// Sent but not yet acknowledged: retried when the network is back.
    pub pending: bool,
    /// For a curator's correction: the submission and the version corrected.
    pub correction: Option<Correction>,
    /// For a curator completing an imported row kept as a draft: the draft's id.
    #[serde(default)]
    pub completion: Option<i64>,
    /// The published practice this new one started from ("Parti da questa pratica").
    #[serde(default)]
    pub derived_from: Option<PracticeId>,
}

/// Which submission a correction is for, and the version it started from (a
/// newer one on the server means somebody else acted: the save is refused).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    pub id: PracticeId,
    pub version: i64,
}

impl Draft {
    /// A new, empty draft with fresh keys.
    pub fn fresh() -> Self {
        Self { idempotency_key: storage::random_token(18), edit_token: storage::random_token(32), ..Self::default() }
    }

    /// True when nothing has been answered yet.
    pub fn is_blank(&self) -> bool {
        self.answers.values().all(|v| domain::questionnaire::is_empty(Some(v)))
    }
}

/// Where a journey keeps its draft: a new practice, or an update through the
/// private link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    New,
    Update,
    /// A curator correcting a submission's text or classification.
    Correction,
    /// A curator completing an imported row kept as a draft.
    Completion,
}

impl Mode {
    /// The local-storage key of this journey's draft.
    pub fn storage_key(self) -> &'static str {
        match self {
            Mode::New => "bp-draft-v1",
            Mode::Update => "bp-update-draft-v1",
            Mode::Correction => "bp-correction-draft-v1",
            Mode::Completion => "bp-completion-draft-v1",
        }
    }

    /// The journey's name, in page titles.
    pub fn title(self, lang: Lang) -> &'static str {
        let title = match self {
            Mode::New => texts::common::QUESTIONNAIRE,
            Mode::Update => texts::questionnaire::UPDATE_THE_PRACTICE,
            Mode::Correction => texts::questionnaire::EDITORS_CORRECTION,
            Mode::Completion => texts::editors::COMPLETE_THE_DRAFT,
        };
        title.get(lang)
    }

    /// The route of this journey.
    pub fn path(self) -> &'static str {
        match self {
            Mode::New => "/questionario",
            Mode::Update => "/questionario/modifica",
            Mode::Correction => "/redazione/correzione",
            Mode::Completion => "/redazione/bozze/completa",
        }
    }
}

const OPT_OUT_KEY: &str = "bp-no-draft";

/// The questionnaire's state, shared with every field through context.
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub mode: Mode,
    pub draft: RwSignal<Draft>,
    /// Errors on show: after leaving a field, after "Avanti", or from the server.
    pub errors: RwSignal<FieldErrors>,
    /// Changes not yet written to storage.
    pub unsaved: RwSignal<bool>,
    /// False on a shared computer: nothing is written to storage.
    pub keep_draft: RwSignal<bool>,
    /// Another tab saved this draft and its answers were adopted here.
    pub adopted_from_other_tab: RwSignal<bool>,
    /// The official list of Comuni, once fetched (shared by the whole app).
    pub comuni: RwSignal<Option<Arc<ComuneIndex>>>,
    /// Bumped when the answers are replaced wholesale (discarded, adopted from
    /// another tab, loaded by the private link): inputs are then re-created.
    pub generation: RwSignal<u32>,
    /// What is typed in the Comune picker and not (yet) chosen from its list.
    pub comune_typed: RwSignal<String>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
}

impl FormCtx {
    /// The state for `mode`, resumed from its saved draft if there is one.
    pub fn new(mode: Mode) -> Self {
        let keep_draft = storage::local().and_then(|s| s.get_item(OPT_OUT_KEY).ok().flatten()).is_none();
        let draft = storage::read::<Draft>(mode.storage_key()).unwrap_or_else(Draft::fresh);
        Self {
            mode,
            draft: RwSignal::new(draft),
            errors: RwSignal::new(FieldErrors::default()),
            unsaved: RwSignal::new(false),
            keep_draft: RwSignal::new(keep_draft),
            adopted_from_other_tab: RwSignal::new(false),
            comuni: crate::comuni::comuni_signal(),
            generation: RwSignal::new(0),
            comune_typed: RwSignal::new(String::new()),
            pending_save: StoredValue::new(None),
        }
    }

    /// One field's answer.
    pub fn answer(self, key: &'static str) -> Memo<Option<Value>> {
        Memo::new(move |_| self.draft.with(|d| d.answers.get(key).cloned()))
    }

    /// Changes the draft and schedules its saving.
    pub fn update(self, change: impl FnOnce(&mut Draft)) {
        self.draft.update(change);
        self.adopted_from_other_tab.set(false);
        self.schedule_save();
    }

    /// Sets one field's answer (`Null` clears it).
    pub fn set_answer(self, key: &str, value: Value) {
        self.update(|d| {
            if value.is_null() {
                d.answers.remove(key);
            } else {
                d.answers.insert(key.to_owned(), value);
            }
        });
    }

    /// Re-checks one field after the respondent leaves it, and shows the result.
    ///
    /// A field left by pressing the pointer on another control (fixing an
    /// e-mail and clicking "Avanti" at once) is checked only after that click:
    /// an error appearing or vanishing in between would move the control away
    /// from under the pointer, and the click would land on nothing.
    pub fn check_field(self, field: &'static Field) {
        if POINTER.with(|p| p.down.get()) {
            POINTER.with(|p| p.deferred.borrow_mut().push(Box::new(move || self.check_field_now(field))));
        } else {
            self.check_field_now(field);
        }
    }

    fn check_field_now(self, field: &'static Field) {
        let Some(step) = QUESTIONNAIRE.step_of(field.key) else { return };
        let comuni = self.comuni.try_get_untracked().flatten();
        let Some(fresh) =
            self.draft.try_with_untracked(|d| QUESTIONNAIRE.validate(&d.answers, Some(step), comuni.as_deref()))
        else {
            return;
        };
        self.errors.try_update(|errors| errors.refresh_field(field.key, &fresh));
    }

    fn schedule_save(self) {
        if cfg!(feature = "ssr") || !self.keep_draft.get_untracked() {
            return;
        }
        self.unsaved.set(true);
        self.cancel_scheduled_save();
        let handle = set_timeout_with_handle(move || self.save_now(), SAVE_DELAY).ok();
        self.pending_save.set_value(handle);
    }

    /// Stops a debounced save from firing: it is done now, or the draft is
    /// gone (discarded, or the journey left the screen, when a late save
    /// would touch a disposed form and write a draft already sent).
    fn cancel_scheduled_save(self) {
        if let Some(handle) = self.pending_save.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Writes the draft now (also used before a submission leaves).
    pub fn save_now(self) {
        self.cancel_scheduled_save();
        if !self.keep_draft.get_untracked() {
            return;
        }
        let now = storage::now_ms();
        let written = self.draft.with_untracked(|d| {
            let mut d = d.clone();
            d.saved_at = now;
            storage::write(self.mode.storage_key(), &d)
        });
        if written {
            self.draft.update_untracked(|d| d.saved_at = now);
            self.draft.notify();
            self.unsaved.set(false);
        }
    }

    /// Stops or resumes keeping the draft on this device.
    pub fn set_keep_draft(self, keep: bool) {
        self.keep_draft.set(keep);
        if keep {
            storage::remove(OPT_OUT_KEY);
            self.save_now();
        } else {
            if let Some(s) = storage::local() {
                let _ = s.set_item(OPT_OUT_KEY, "1");
            }
            storage::remove(self.mode.storage_key());
            self.unsaved.set(false);
        }
    }

    /// Throws the draft away and starts afresh.
    pub fn discard(self) {
        self.cancel_scheduled_save();
        storage::remove(self.mode.storage_key());
        self.draft.set(Draft::fresh());
        self.errors.set(FieldErrors::default());
        self.unsaved.set(false);
        self.generation.update(|g| *g += 1);
    }

    /// Replaces the draft with a submission's answers loaded from the server
    /// (through the private link, or for a curator's correction), every step
    /// open; `mark` records which submission it is.
    pub fn load(self, answers: Answers, mark: impl FnOnce(&mut Draft)) {
        self.discard();
        self.update(|d| {
            d.answers = answers;
            d.reached = QUESTIONNAIRE.steps.len();
            mark(d);
        });
        self.save_now();
    }

    /// Records the server's start token. A draft with nothing answered yet is
    /// not written for it: it is saved with the first answer.
    pub fn set_started(self, started: String) {
        self.draft.update(|d| d.started = Some(started));
        if self.draft.try_with_untracked(|d| !d.is_blank()) == Some(true) {
            self.schedule_save();
        }
    }

    /// Adopts a draft another tab has just saved, when it is newer than ours,
    /// so that neither tab overwrites the other's answers with stale ones.
    pub fn adopt_if_newer(self, stored: &str) {
        let Ok(theirs) = serde_json::from_str::<Draft>(stored) else { return };
        if theirs.saved_at > self.draft.with_untracked(|d| d.saved_at) {
            if let Some(handle) = self.pending_save.get_value() {
                handle.clear();
            }
            self.draft.set(theirs);
            self.unsaved.set(false);
            self.adopted_from_other_tab.set(true);
            self.generation.update(|g| *g += 1);
        }
    }

    /// Whether leaving the page now would lose something.
    pub fn would_lose_work(self) -> bool {
        let blank = self.draft.with_untracked(Draft::is_blank);
        !blank && (self.unsaved.get_untracked() || !self.keep_draft.get_untracked())
    }

    /// Messages of one field (and its parts), in `lang`.
    pub fn messages(self, key: &'static str, lang: Lang) -> Vec<String> {
        self.errors.with(|e| e.of_field(key).map(|(key, error)| self.message(key, error, lang)).collect())
    }

    /// The message of `error` on `key`, saying by how much its text is over
    /// the limit (`Definition::message_for_text`).
    pub fn message(self, key: &str, error: &domain::FieldError, lang: Lang) -> String {
        let text = self.draft.with_untracked(|d| d.answers.get(key).and_then(Value::as_str).map(str::to_owned));
        QUESTIONNAIRE.message_for_text(key, error, text.as_deref(), lang)
    }
}

/// Provides the questionnaire state and wires it to the window: other tabs'
/// saves, the warning before leaving with unsaved work.
pub fn provide_form(mode: Mode) -> FormCtx {
    let ctx = FormCtx::new(mode);
    provide_context(ctx);
    let lang = crate::i18n::use_lang();
    if cfg!(feature = "ssr") {
        // The server draws the page once: no window, no other tabs.
        return ctx;
    }
    let storage_handle = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(mode.storage_key())
            && let Some(value) = event.new_value()
        {
            ctx.adopt_if_newer(&value);
        }
    });
    let unload_handle = window_event_listener(leptos::ev::beforeunload, move |event| {
        if ctx.would_lose_work() {
            event.prevent_default();
            event.set_return_value(texts::questionnaire::UNSAVED_CHANGES_WILL_BE_LOST.get(lang.get_untracked()));
        }
    });
    let pointer_handles = track_pointer();
    on_cleanup(move || {
        pointer_handles.into_iter().for_each(WindowListenerHandle::remove);
        if ctx.unsaved.get_untracked() {
            ctx.save_now();
        }
        ctx.cancel_scheduled_save();
        storage_handle.remove();
        unload_handle.remove();
    });
    ctx
}

/// Whether a pointer button is down, and the field checks waiting for the
/// click that follows it.
struct Pointer {
    down: std::cell::Cell<bool>,
    deferred: std::cell::RefCell<Vec<Box<dyn FnOnce()>>>,
}

thread_local! {
    static POINTER: Pointer = Pointer { down: std::cell::Cell::new(false), deferred: Default::default() };
}

/// Follows the pointer: down, then up (the click fires right after, in the
/// same task, so the waiting checks run in a task of their own after it).
fn track_pointer() -> [WindowListenerHandle; 3] {
    let release = |_| {
        POINTER.with(|p| p.down.set(false));
        set_timeout(
            || {
                let waiting = POINTER.with(|p| std::mem::take(&mut *p.deferred.borrow_mut()));
                waiting.into_iter().for_each(|check| check());
            },
            Duration::ZERO,
        );
    };
    [
        window_event_listener(leptos::ev::pointerdown, |_| POINTER.with(|p| p.down.set(true))),
        window_event_listener(leptos::ev::pointerup, release),
        window_event_listener(leptos::ev::pointercancel, release),
    ]
}

/// The questionnaire state provided by `provide_form`.
pub fn use_form() -> FormCtx {
    expect_context::<FormCtx>()
}
