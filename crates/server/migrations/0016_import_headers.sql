-- SPDX-License-Identifier: EUPL-1.2
-- The header row of each import batch (issue 30), so that the editors see
-- which column of the file filled which question of an imported practice.
-- NULL for the batches imported before: their review names file and row only.
ALTER TABLE import_batches ADD COLUMN headers TEXT;
