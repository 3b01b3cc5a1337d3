-- SPDX-License-Identifier: EUPL-1.2
-- Imports (issue 30): each batch keeps its header row, so that the editors
-- see which column of the file filled which question (NULL for the batches
-- imported before); and a row with problems can be kept as a draft for the
-- editors to complete, as the file wrote it, never changed on the way in.
ALTER TABLE import_batches ADD COLUMN headers TEXT;
CREATE TABLE import_drafts (
    id           INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES import_batches (id),
    row_number   INTEGER NOT NULL,
    row_key      TEXT NOT NULL UNIQUE,  -- as a practice's idempotency key: one draft per row, ever
    cells        TEXT NOT NULL,         -- JSON: the row as the file wrote it ('[]' once completed)
    answers      TEXT NOT NULL,         -- JSON: what the mapping could read ('{}' once completed)
    problems     TEXT NOT NULL,         -- JSON: what stands in the way, in words
    submitted    TEXT,                  -- the date the file gave it
    created_at   TEXT NOT NULL,
    completed_at TEXT,
    completed_by TEXT,
    practice_id  INTEGER REFERENCES practices (id)
) STRICT;
CREATE INDEX import_drafts_open ON import_drafts (completed_at, id);
