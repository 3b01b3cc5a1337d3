// SPDX-License-Identifier: EUPL-1.2
//! The editorial workflow as a state machine: which curation action may move
//! a submission from which state to which. The server applies it to every
//! decision (an invalid transition answers 409); the curators' interface asks
//! it which buttons to offer. Every state can be left again, so a mistaken
//! decision can always be undone.

pub mod api;
pub mod audit;

use crate::Lang;
use crate::record::vocabulary::ModerationStatus;
use serde::{Deserialize, Serialize};

/// What a curator (or, for `Resubmit`, the respondent) does to a submission.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CurationAction {
    /// Start reviewing (also: reopen a rejected or archived submission).
    TakeInReview,
    /// Ask the respondent for changes, with a message.
    RequestChanges,
    /// The respondent sent the requested changes.
    Resubmit,
    /// Make it public.
    Publish,
    /// Make public the update the respondent sent for a published practice
    /// (until then the published version stays).
    AcceptUpdate,
    /// Take it out of the public catalogue, back to review.
    Unpublish,
    /// Refuse it, with a reason.
    Reject,
    /// Put it away (duplicates, withdrawn practices).
    Archive,
}

impl CurationAction {
    /// Every action.
    pub const ALL: [CurationAction; 8] = [
        CurationAction::TakeInReview,
        CurationAction::RequestChanges,
        CurationAction::Resubmit,
        CurationAction::Publish,
        CurationAction::AcceptUpdate,
        CurationAction::Unpublish,
        CurationAction::Reject,
        CurationAction::Archive,
    ];

    /// The action's code, as JSON and the audit log write it.
    pub const fn code(self) -> &'static str {
        match self {
            CurationAction::TakeInReview => "take_in_review",
            CurationAction::RequestChanges => "request_changes",
            CurationAction::Resubmit => "resubmit",
            CurationAction::Publish => "publish",
            CurationAction::AcceptUpdate => "accept_update",
            CurationAction::Unpublish => "unpublish",
            CurationAction::Reject => "reject",
            CurationAction::Archive => "archive",
        }
    }

    /// The button's label.
    pub const fn label(self, lang: Lang) -> &'static str {
        let (it, en) = match self {
            CurationAction::TakeInReview => ("Prendi in revisione", "Take in review"),
            CurationAction::RequestChanges => ("Chiedi integrazioni", "Request changes"),
            CurationAction::Resubmit => ("Reinvia", "Resubmit"),
            CurationAction::Publish => ("Pubblica", "Publish"),
            CurationAction::AcceptUpdate => ("Pubblica l'aggiornamento", "Publish the update"),
            CurationAction::Unpublish => ("Ritira dalla pubblicazione", "Unpublish"),
            CurationAction::Reject => ("Respingi", "Reject"),
            CurationAction::Archive => ("Archivia", "Archive"),
        };
        match lang {
            Lang::It => it,
            Lang::En => en,
        }
    }

    /// True when the action needs a message to the respondent (or a reason).
    pub const fn needs_message(self) -> bool {
        matches!(self, CurationAction::RequestChanges | CurationAction::Reject)
    }

    /// True for a decision a curator confirms before it takes effect: it
    /// changes what the public sees, or closes the submission.
    pub const fn needs_confirmation(self) -> bool {
        matches!(
            self,
            CurationAction::Publish
                | CurationAction::AcceptUpdate
                | CurationAction::Unpublish
                | CurationAction::Reject
                | CurationAction::Archive
        )
    }
}

/// An action that the submission's state does not allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidTransition {
    pub from: ModerationStatus,
    pub action: CurationAction,
}

/// The state `action` leads to from `from`, if the workflow allows it.
pub fn transition(from: ModerationStatus, action: CurationAction) -> Result<ModerationStatus, InvalidTransition> {
    use CurationAction as A;
    use ModerationStatus as S;
    let to = match (from, action) {
        (S::Inviata, A::TakeInReview) => S::InRevisione,
        (S::Inviata | S::InRevisione, A::Reject) => S::Respinta,
        (S::InRevisione, A::RequestChanges) => S::IntegrazioniRichieste,
        (S::InRevisione, A::Publish) => S::Pubblicata,
        (S::Pubblicata, A::AcceptUpdate) => S::Pubblicata,
        (S::IntegrazioniRichieste, A::Resubmit) => S::Inviata,
        (S::Pubblicata, A::Unpublish) => S::InRevisione,
        (S::Inviata | S::IntegrazioniRichieste | S::Pubblicata | S::Respinta, A::Archive) => S::Archiviata,
        (S::Respinta | S::Archiviata, A::TakeInReview) => S::InRevisione,
        _ => return Err(InvalidTransition { from, action }),
    };
    Ok(to)
}

/// The state `action` leads a declaration of adoption to from `from`.
/// A declaration is short and needs no separate review: it is published or
/// refused from the queue; "Ritira dalla pubblicazione" puts it back there,
/// and a refused or archived one can be reopened, so every decision can be
/// undone. Changes are never requested: the editors write to the contact.
pub fn adoption_transition(
    from: ModerationStatus,
    action: CurationAction,
) -> Result<ModerationStatus, InvalidTransition> {
    use CurationAction as A;
    use ModerationStatus as S;
    let to = match (from, action) {
        (S::Inviata, A::Publish) => S::Pubblicata,
        (S::Inviata, A::Reject) => S::Respinta,
        (S::Pubblicata, A::Unpublish) => S::Inviata,
        (S::Inviata | S::Pubblicata | S::Respinta, A::Archive) => S::Archiviata,
        (S::Respinta | S::Archiviata, A::TakeInReview) => S::Inviata,
        _ => return Err(InvalidTransition { from, action }),
    };
    Ok(to)
}

/// The actions a declaration of adoption in `state` allows.
pub fn adoption_allowed(state: ModerationStatus) -> Vec<CurationAction> {
    CurationAction::ALL.into_iter().filter(|&action| adoption_transition(state, action).is_ok()).collect()
}

/// What a decision does beyond changing the state: the server carries these
/// out, in the decision's transaction or right after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Effects {
    /// The latest version of the answer becomes the public one (and the
    /// practice's first publication date is set, if it has none).
    pub make_latest_public: bool,
    /// The practice leaves the public catalogue.
    pub hide: bool,
    /// The respondent reads the outcome on the private link's page (the
    /// editors' message, when the decision has one).
    pub notify_respondent: bool,
}

impl Effects {
    /// True when the public catalogue changes, so the static publication
    /// must be written again.
    pub const fn changes_public(self) -> bool {
        self.make_latest_public || self.hide
    }
}

/// A decision the workflow allows: where it leads and what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decided {
    pub to: ModerationStatus,
    pub effects: Effects,
}

/// Why a decision cannot be taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The state does not allow the action.
    NotAllowed(InvalidTransition),
    /// `AcceptUpdate`, but the respondent sent no update.
    NoUpdate,
}

/// The decision `action` on a submission in `from` (`update_pending`: the
/// respondent sent an update of the published practice), with its effects.
pub fn decide(from: ModerationStatus, action: CurationAction, update_pending: bool) -> Result<Decided, Refusal> {
    let to = transition(from, action).map_err(Refusal::NotAllowed)?;
    if action == CurationAction::AcceptUpdate && !update_pending {
        return Err(Refusal::NoUpdate);
    }
    let public_before = from == ModerationStatus::Pubblicata;
    let public_after = to == ModerationStatus::Pubblicata;
    let effects = Effects {
        make_latest_public: public_after,
        hide: public_before && !public_after,
        notify_respondent: matches!(
            action,
            CurationAction::RequestChanges
                | CurationAction::Reject
                | CurationAction::Publish
                | CurationAction::AcceptUpdate
        ),
    };
    Ok(Decided { to, effects })
}

/// The actions a submission in `state` allows, for the interface's buttons;
/// `update_pending` says whether the respondent sent an update of a published
/// practice, the one case `AcceptUpdate` needs beyond the state.
pub fn allowed(state: ModerationStatus, update_pending: bool) -> Vec<CurationAction> {
    CurationAction::ALL
        .into_iter()
        .filter(|&action| transition(state, action).is_ok())
        .filter(|&action| action != CurationAction::AcceptUpdate || update_pending)
        .collect()
}

/// True for a submission waiting for the editors: new, in review, or a
/// published practice whose respondent sent an update. The queue opens on
/// these ("Da curare").
pub const fn awaits_curators(status: ModerationStatus, update_pending: bool) -> bool {
    update_pending || matches!(status, ModerationStatus::Inviata | ModerationStatus::InRevisione)
}

/// Where a submission stands and what happens next, as the respondent reads
/// it on the private link's page.
pub const fn respondent_next_step(status: ModerationStatus, lang: Lang) -> &'static str {
    let (it, en) = match status {
        ModerationStatus::Inviata => (
            "La redazione l'ha ricevuta e la prenderà in esame. Se servono chiarimenti riceverai un messaggio qui, in questa pagina del tuo link privato.",
            "The editors have received it and will examine it. If they need anything, their message will appear here, on your private link's page.",
        ),
        ModerationStatus::InRevisione => (
            "La redazione la sta verificando. Se servono integrazioni il messaggio comparirà qui; altrimenti sarà pubblicata nel catalogo.",
            "The editors are checking it. If changes are needed their message will appear here; otherwise it will be published in the catalogue.",
        ),
        ModerationStatus::IntegrazioniRichieste => (
            "La redazione ti chiede di completare o correggere la pratica: leggi il messaggio, modifica le risposte e invia l'aggiornamento.",
            "The editors ask you to complete or correct the practice: read their message, change your answers and send the update.",
        ),
        ModerationStatus::Pubblicata => (
            "È pubblicata nel catalogo. Puoi aggiornarla quando vuoi: l'aggiornamento sarà pubblico dopo la verifica della redazione.",
            "It is published in the catalogue. You can update it at any time: the update becomes public once the editors have checked it.",
        ),
        ModerationStatus::Respinta => (
            "La redazione non l'ha pubblicata, per il motivo indicato. Puoi modificarla e inviarla di nuovo.",
            "The editors did not publish it, for the reason given. You can change it and send it again.",
        ),
        ModerationStatus::Archiviata => (
            "È archiviata e non compare nel catalogo. Per riaprirla scrivi alla redazione.",
            "It is archived and does not appear in the catalogue. To reopen it, write to the editors.",
        ),
    };
    match lang {
        Lang::It => it,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CurationAction as A;
    use ModerationStatus as S;

    /// Every allowed transition; any pair not listed must be refused.
    const ALLOWED: [(S, A, S); 14] = [
        (S::Inviata, A::TakeInReview, S::InRevisione),
        (S::Inviata, A::Reject, S::Respinta),
        (S::Inviata, A::Archive, S::Archiviata),
        (S::InRevisione, A::RequestChanges, S::IntegrazioniRichieste),
        (S::InRevisione, A::Publish, S::Pubblicata),
        (S::InRevisione, A::Reject, S::Respinta),
        (S::IntegrazioniRichieste, A::Resubmit, S::Inviata),
        (S::IntegrazioniRichieste, A::Archive, S::Archiviata),
        (S::Pubblicata, A::Unpublish, S::InRevisione),
        (S::Pubblicata, A::AcceptUpdate, S::Pubblicata),
        (S::Pubblicata, A::Archive, S::Archiviata),
        (S::Respinta, A::TakeInReview, S::InRevisione),
        (S::Respinta, A::Archive, S::Archiviata),
        (S::Archiviata, A::TakeInReview, S::InRevisione),
    ];

    #[test]
    fn every_pair_of_state_and_action_is_allowed_or_refused_as_listed() {
        for &from in S::ALL {
            for action in A::ALL {
                let expected = ALLOWED.iter().find(|(f, a, _)| *f == from && *a == action).map(|(_, _, to)| *to);
                match expected {
                    Some(to) => assert_eq!(transition(from, action), Ok(to), "{from:?} --{action:?}-->"),
                    None => assert_eq!(
                        transition(from, action),
                        Err(InvalidTransition { from, action }),
                        "{from:?} --{action:?}--> must be refused"
                    ),
                }
            }
        }
    }

    /// Every allowed transition of a declaration of adoption.
    const ADOPTION_ALLOWED: [(S, A, S); 8] = [
        (S::Inviata, A::Publish, S::Pubblicata),
        (S::Inviata, A::Reject, S::Respinta),
        (S::Inviata, A::Archive, S::Archiviata),
        (S::Pubblicata, A::Unpublish, S::Inviata),
        (S::Pubblicata, A::Archive, S::Archiviata),
        (S::Respinta, A::TakeInReview, S::Inviata),
        (S::Respinta, A::Archive, S::Archiviata),
        (S::Archiviata, A::TakeInReview, S::Inviata),
    ];

    #[test]
    fn every_pair_of_state_and_action_on_a_declaration_is_allowed_or_refused_as_listed() {
        for &from in S::ALL {
            for action in A::ALL {
                let expected =
                    ADOPTION_ALLOWED.iter().find(|(f, a, _)| *f == from && *a == action).map(|(_, _, to)| *to);
                match expected {
                    Some(to) => assert_eq!(adoption_transition(from, action), Ok(to), "{from:?} --{action:?}-->"),
                    None => assert_eq!(
                        adoption_transition(from, action),
                        Err(InvalidTransition { from, action }),
                        "{from:?} --{action:?}--> must be refused for a declaration"
                    ),
                }
            }
        }
        // Declarations never enter the practice-only states, and can always be left.
        for &(_, _, to) in &ADOPTION_ALLOWED {
            assert!(!matches!(to, S::InRevisione | S::IntegrazioniRichieste), "{to:?}");
        }
        for state in [S::Inviata, S::Pubblicata, S::Respinta, S::Archiviata] {
            assert!(!adoption_allowed(state).is_empty(), "{state:?} can be left");
        }
        assert_eq!(adoption_allowed(S::Inviata), [A::Publish, A::Reject, A::Archive]);
    }

    #[test]
    fn nothing_is_published_without_review_and_every_decision_can_be_undone() {
        assert!(transition(S::Inviata, A::Publish).is_err(), "a curator reviews before publishing");
        assert!(transition(S::IntegrazioniRichieste, A::Publish).is_err());
        for &state in S::ALL {
            assert!(!allowed(state, false).is_empty(), "{state:?} can always be left");
        }
        assert_eq!(allowed(S::Pubblicata, false), [A::Unpublish, A::Archive]);
        assert_eq!(allowed(S::Pubblicata, true), [A::AcceptUpdate, A::Unpublish, A::Archive]);
        assert!(allowed(S::InRevisione, true).iter().all(|a| *a != A::AcceptUpdate), "only a published practice");
    }

    #[test]
    fn decisions_say_what_they_make_public_or_hide() {
        let effects = |from, action, pending| decide(from, action, pending).map(|d| d.effects);
        let publish = effects(S::InRevisione, A::Publish, false).unwrap();
        assert!(publish.make_latest_public && !publish.hide && publish.changes_public());
        let update = effects(S::Pubblicata, A::AcceptUpdate, true).unwrap();
        assert!(update.make_latest_public && update.notify_respondent);
        assert_eq!(decide(S::Pubblicata, A::AcceptUpdate, false), Err(Refusal::NoUpdate));
        for action in [A::Unpublish, A::Archive] {
            let hidden = effects(S::Pubblicata, action, false).unwrap();
            assert!(hidden.hide && !hidden.make_latest_public, "{action:?} takes it out of the catalogue");
        }
        let review = effects(S::Inviata, A::TakeInReview, false).unwrap();
        assert!(!review.changes_public() && !review.notify_respondent, "nothing public changes in review");
        assert!(!effects(S::Inviata, A::Archive, false).unwrap().changes_public(), "never public, nothing to hide");
        assert!(matches!(decide(S::Inviata, A::Publish, false), Err(Refusal::NotAllowed(_))));
        // Every allowed transition is a decision, with the same destination.
        for &from in S::ALL {
            for action in A::ALL {
                if let Ok(to) = transition(from, action) {
                    assert_eq!(decide(from, action, true).map(|d| d.to), Ok(to), "{from:?} --{action:?}-->");
                }
            }
        }
    }

    #[test]
    fn requests_and_rejections_carry_a_message() {
        let with_message: Vec<A> = A::ALL.into_iter().filter(|a| a.needs_message()).collect();
        assert_eq!(with_message, [A::RequestChanges, A::Reject]);
        assert_eq!(serde_json::to_string(&A::RequestChanges).unwrap(), "\"request_changes\"");
    }
}
