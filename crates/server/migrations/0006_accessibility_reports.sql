-- SPDX-License-Identifier: EUPL-1.2
-- Reports sent with the accessibility statement's feedback form: the
-- editors answer within 30 days and mark them handled (or open again).
CREATE TABLE accessibility_reports (
    id          INTEGER PRIMARY KEY,
    page        TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Empty for an anonymous report; personal data, never published.
    email       TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    handled_at  TEXT,
    handled_by  TEXT
) STRICT;
