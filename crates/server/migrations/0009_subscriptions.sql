-- SPDX-License-Identifier: EUPL-1.2
-- "Segui questa ricerca": an address following a catalogue view, confirmed
-- by a link mailed to it (double opt-in), with a weekly digest of the
-- practices new or updated in that view. `view` is the catalogue address's
-- query, canonical (`regione=16&q=spesa`). Deleted on unsubscribing;
-- unconfirmed ones after a week.
CREATE TABLE subscriptions (
    id             INTEGER PRIMARY KEY,
    email          TEXT NOT NULL COLLATE NOCASE,
    view           TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    confirmed_at   TEXT,
    -- What the last digest covered up to (RFC 3339).
    last_digest_at TEXT,
    -- When the next digest is due.
    next_digest_at TEXT,
    UNIQUE (email, view)
) STRICT;

-- Curators receive a daily digest of what waits in their queue unless they
-- turn it off.
ALTER TABLE users ADD COLUMN daily_digest INTEGER NOT NULL DEFAULT 1 CHECK (daily_digest IN (0, 1));
