-- SPDX-License-Identifier: EUPL-1.2
-- Spreadsheets of responses brought in by administrators (issue 30).
-- An upload is the file as read (kept until imported, or a day); a mapping
-- is saved per header row, so the same form's next file finds it; a batch
-- is one import, with the mapping it used; each imported practice names its
-- batch, its row in the file and the date the file gave it.
CREATE TABLE import_uploads (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    sheet TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by TEXT NOT NULL
);
CREATE TABLE import_mappings (
    headers TEXT PRIMARY KEY,
    mapping TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    mapping TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    undone_at TEXT
);
ALTER TABLE practices ADD COLUMN import_batch INTEGER REFERENCES import_batches (id);
ALTER TABLE practices ADD COLUMN import_row INTEGER;
ALTER TABLE practices ADD COLUMN import_submitted TEXT;
