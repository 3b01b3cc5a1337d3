-- SPDX-License-Identifier: EUPL-1.2
-- Curators and their sessions, the curation log, and the version counter
-- that stops two curators from overwriting each other's decisions.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role          TEXT NOT NULL CHECK (role IN ('curator', 'admin')),
    -- Argon2id, in PHC string form (algorithm, parameters, salt, hash).
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT NOT NULL
) STRICT;

-- A session is known by the SHA-256 of its cookie's secret; the secret itself is never stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
) STRICT;

-- Every curation action: who, when, what, the state before and after, the message.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    practice_id INTEGER REFERENCES practices (id),
    before      TEXT,
    after       TEXT,
    message     TEXT
) STRICT;

-- Bumped by every decision; a decision names the version it was taken on.
ALTER TABLE practices ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- The latest message to the respondent (changes requested, or the reason for a rejection).
ALTER TABLE practices ADD COLUMN curator_message TEXT;
