-- SPDX-License-Identifier: EUPL-1.2
-- Respondents' submissions: exactly-once storage and the private link.
--
-- idempotency_key: chosen by the browser for one submission; a retry with the
-- same key and the same body finds the first row instead of adding another.
-- request_hash: SHA-256 of what was submitted under that key, so that the key
-- replayed with a different body is refused.
-- edit_token_hash: SHA-256 of the private link's secret token, which the
-- browser generated; the token itself is never stored.
ALTER TABLE practices ADD COLUMN idempotency_key TEXT;
ALTER TABLE practices ADD COLUMN request_hash TEXT;
ALTER TABLE practices ADD COLUMN edit_token_hash TEXT;
CREATE UNIQUE INDEX practices_by_idempotency_key ON practices (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX practices_by_edit_token ON practices (edit_token_hash) WHERE edit_token_hash IS NOT NULL;

-- Every accepted version of every answer; nothing is overwritten.
CREATE TABLE practice_versions (
    practice_id           INTEGER NOT NULL REFERENCES practices (id),
    version               INTEGER NOT NULL,
    answer                TEXT NOT NULL CHECK (json_valid(answer)),
    questionnaire_version INTEGER NOT NULL,
    author                TEXT NOT NULL,
    created_at            TEXT NOT NULL,
    PRIMARY KEY (practice_id, version)
) STRICT;

INSERT INTO practice_versions (practice_id, version, answer, questionnaire_version, author, created_at)
SELECT id, 1, answer, questionnaire_version, 'respondent', submitted_at FROM practices;
