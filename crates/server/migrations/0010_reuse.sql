-- SPDX-License-Identifier: EUPL-1.2
-- What happens to a practice after publication.
--
-- Declarations of adoption ("L'abbiamo adottata anche noi"): another body
-- took the practice up. Curated on their own (domain::curation::
-- adoption_transition); the contact is private, the rest public once published.
CREATE TABLE adoptions (
    id                INTEGER PRIMARY KEY,
    practice_id       INTEGER NOT NULL REFERENCES practices (id),
    -- Chosen by the browser for one declaration: a retry finds the first row.
    idempotency_key   TEXT NOT NULL UNIQUE,
    moderation_status TEXT NOT NULL DEFAULT 'inviata',
    entity_type       TEXT NOT NULL,
    entity_name       TEXT NOT NULL,
    region_code       TEXT NOT NULL,
    adopted_on        TEXT NOT NULL,
    adapted           INTEGER NOT NULL CHECK (adapted IN (0, 1)),
    changes           TEXT NOT NULL,
    contact_name      TEXT NOT NULL,
    contact_email     TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    published_at      TEXT,
    -- Bumped by every decision; a decision names the version it was taken on.
    version           INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX adoptions_by_practice ON adoptions (practice_id, moderation_status);

-- "Parti da questa pratica": the published practice a submission started from.
ALTER TABLE practices ADD COLUMN derived_from TEXT REFERENCES practices (reference);

-- "Confermata il": the respondent's last submission, update or confirmation.
ALTER TABLE practices ADD COLUMN confirmed_at TEXT;
UPDATE practices SET confirmed_at = coalesce(
    (SELECT max(v.created_at) FROM practice_versions v WHERE v.practice_id = practices.id AND v.author = 'respondent'),
    submitted_at);
