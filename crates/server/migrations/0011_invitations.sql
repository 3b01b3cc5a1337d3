-- SPDX-License-Identifier: EUPL-1.2
-- The invitees of a collection round: a list admins attach (a CSV of body
-- and address). The schedule queues each invitation once the round is open
-- and one reminder before the deadline (domain::invitations::due), and
-- stamps the row; private to admins, deleted a year after the round closed.
CREATE TABLE round_invitees (
    id          INTEGER PRIMARY KEY,
    round_code  TEXT NOT NULL REFERENCES rounds (code),
    entity      TEXT NOT NULL,
    email       TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    invited_at  TEXT,
    reminded_at TEXT
) STRICT;

-- One row per address and round, whatever its case.
CREATE UNIQUE INDEX round_invitees_by_address ON round_invitees (round_code, lower(email));
