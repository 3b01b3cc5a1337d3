// SPDX-License-Identifier: EUPL-1.2
//! What a message is about, stored with it in the outbox.

/// What a message is about: stored with it, shown to admins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The receipt, private link included, at the respondent's request.
    ReceiptCopy,
    /// The editors asked the respondent for changes.
    ChangesRequested,
    /// The practice is public.
    Published,
    /// The respondent's update of a published practice is public.
    UpdatePublished,
    /// The editors rejected the practice.
    Rejected,
    /// A reader's message, relayed to a practice's referent.
    ContactRelay,
    /// The reader's copy of what was relayed.
    ContactCopy,
    /// The link confirming a followed view.
    FollowConfirm,
    /// A followed view's weekly digest.
    ViewDigest,
    /// An editor's daily digest of the queue.
    QueueDigest,
    /// An accessibility report, to the editors' address.
    AccessibilityReport,
    /// "È ancora attuale?": the respondent of a practice due for confirmation.
    ConfirmRequest,
    /// An invitation to take part in a collection round.
    Invitation,
    /// The one reminder of a round's deadline, to an invitee who has not answered.
    InvitationReminder,
}

impl Kind {
    pub const ALL: [Kind; 14] = [
        Kind::ReceiptCopy,
        Kind::ChangesRequested,
        Kind::Published,
        Kind::UpdatePublished,
        Kind::Rejected,
        Kind::ContactRelay,
        Kind::ContactCopy,
        Kind::FollowConfirm,
        Kind::ViewDigest,
        Kind::QueueDigest,
        Kind::AccessibilityReport,
        Kind::ConfirmRequest,
        Kind::Invitation,
        Kind::InvitationReminder,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Kind::ReceiptCopy => "receipt_copy",
            Kind::ChangesRequested => "changes_requested",
            Kind::Published => "published",
            Kind::UpdatePublished => "update_published",
            Kind::Rejected => "rejected",
            Kind::ContactRelay => "contact_relay",
            Kind::ContactCopy => "contact_copy",
            Kind::FollowConfirm => "follow_confirm",
            Kind::ViewDigest => "view_digest",
            Kind::QueueDigest => "queue_digest",
            Kind::AccessibilityReport => "accessibility_report",
            Kind::ConfirmRequest => "confirm_request",
            Kind::Invitation => "invitation",
            Kind::InvitationReminder => "invitation_reminder",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}
