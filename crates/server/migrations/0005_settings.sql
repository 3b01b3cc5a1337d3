-- SPDX-License-Identifier: EUPL-1.2
-- Secrets the server keeps across restarts, e.g. the key that signs the
-- questionnaire's start tokens (a draft finished days later stays valid).
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
