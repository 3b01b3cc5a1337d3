-- SPDX-License-Identifier: EUPL-1.2
-- A Comune declaring an adoption is chosen from the ISTAT list, as in the
-- questionnaire: its six-digit code (NULL for other bodies, and for the
-- declarations made before it was asked).
ALTER TABLE adoptions ADD COLUMN comune_code TEXT;
