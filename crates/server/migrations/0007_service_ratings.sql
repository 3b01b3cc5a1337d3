-- SPDX-License-Identifier: EUPL-1.2
-- The service rating after the questionnaire's receipt: stars and an
-- optional comment, anonymous (no address, no time of day: only the day).
CREATE TABLE service_ratings (
    id      INTEGER PRIMARY KEY,
    stars   INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    day     TEXT NOT NULL
) STRICT;
