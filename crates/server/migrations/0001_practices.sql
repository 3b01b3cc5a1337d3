-- SPDX-License-Identifier: EUPL-1.2
-- Every submission, whatever its curation state. The respondent's answer is
-- kept whole as JSON (validated by the domain crate before it gets here);
-- the columns beside it are the system facts that queries filter and sort on.
CREATE TABLE practices (
    id                    INTEGER PRIMARY KEY,
    reference             TEXT NOT NULL UNIQUE,
    moderation_status     TEXT NOT NULL DEFAULT 'inviata',
    demo                  INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    collection_round      TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    answer                TEXT NOT NULL CHECK (json_valid(answer)),
    submitted_at          TEXT NOT NULL,
    published_at          TEXT,
    updated_at            TEXT NOT NULL
) STRICT;

CREATE INDEX practices_by_status ON practices (moderation_status, published_at);

-- The last sequence number given in each year, for citable references
-- (BP-2026-0042) that never repeat, even after a row is deleted.
CREATE TABLE reference_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;
