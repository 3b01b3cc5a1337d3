-- SPDX-License-Identifier: EUPL-1.2
-- The language people used, so the messages written to them later come in
-- it: the respondent's (the questionnaire's language when they sent it) and
-- the subscriber's (the page's language when they followed a view). NULL
-- for what was stored before it was asked: such messages stay in Italian
-- first, with the English below.
ALTER TABLE practices ADD COLUMN lang TEXT;
ALTER TABLE subscriptions ADD COLUMN lang TEXT;
