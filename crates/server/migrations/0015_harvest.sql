-- SPDX-License-Identifier: EUPL-1.2
-- Other collections harvested by a scheduled job (issue 30): a source, each
-- run (what it read, created, updated and skipped, or why it failed: a
-- failed run changes nothing else), and each practice that came from a
-- source, with its identity there, its URI, its date there and the hash of
-- the public answers last taken. No column is added to practices.
CREATE TABLE harvest_sources (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    url           TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL CHECK (kind IN ('istanza', 'dcat', 'csv')),
    mapping       TEXT,              -- csv: the import's mapping, as JSON
    contact_email TEXT NOT NULL,     -- the source's editors: the referent of its practices here
    curated       INTEGER NOT NULL DEFAULT 0 CHECK (curated IN (0, 1)),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    every_hours   INTEGER NOT NULL DEFAULT 24 CHECK (every_hours BETWEEN 1 AND 720),
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL,
    last_run_at   TEXT,
    last_ok_at    TEXT,
    last_error    TEXT,              -- JSON of domain::harvest::Failure; NULL after a good run
    last_sha256   TEXT               -- of the body last read: the same bytes are not read again
) STRICT;
CREATE TABLE harvest_runs (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES harvest_sources (id),
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'unchanged', 'failed')),
    failure     TEXT,
    counts      TEXT NOT NULL DEFAULT '{}',
    problems    TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX harvest_runs_by_source ON harvest_runs (source_id, id);
CREATE TABLE harvested (
    practice_id     INTEGER PRIMARY KEY REFERENCES practices (id),
    source_id       INTEGER NOT NULL REFERENCES harvest_sources (id),
    remote_id       TEXT NOT NULL,
    uri             TEXT NOT NULL UNIQUE,
    remote_modified TEXT,
    content_sha256  TEXT NOT NULL,
    last_run        INTEGER NOT NULL REFERENCES harvest_runs (id),
    gone_at         TEXT,
    UNIQUE (source_id, remote_id)
) STRICT;
