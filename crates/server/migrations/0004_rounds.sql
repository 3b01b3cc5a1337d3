-- SPDX-License-Identifier: EUPL-1.2
-- Collection rounds, defined by admins: a submission made while a round is
-- open records it; outside every round it joins the continuous collection.
CREATE TABLE rounds (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    opens_on  TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    CHECK (opens_on <= closes_on)
) STRICT;

INSERT INTO rounds (code, name, opens_on, closes_on)
VALUES ('prima_raccolta_2020', 'Prima raccolta 2020', '2020-04-01', '2020-05-15');
