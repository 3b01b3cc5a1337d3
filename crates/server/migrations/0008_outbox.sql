-- SPDX-License-Identifier: EUPL-1.2
-- Outgoing e-mail. A message is written here in the same transaction as the
-- action that causes it, then delivered by the postman; it is marked sent
-- only once the SMTP server accepted it. `message_key` names the cause (one
-- message per cause, so an action retried never queues it twice) and
-- `message_id` is the Message-ID header, the same on every attempt.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    message_key  TEXT NOT NULL UNIQUE,
    message_id   TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    recipient    TEXT NOT NULL,
    reply_to     TEXT,
    subject      TEXT NOT NULL,
    text_body    TEXT NOT NULL,
    html_body    TEXT NOT NULL,
    unsubscribe  TEXT,
    created_at   TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    -- Unix milliseconds: the postman does not try before then.
    next_attempt INTEGER NOT NULL,
    last_error   TEXT,
    sent_at      TEXT,
    failed_at    TEXT
) STRICT;

CREATE INDEX outbox_due ON outbox (next_attempt) WHERE sent_at IS NULL AND failed_at IS NULL;
