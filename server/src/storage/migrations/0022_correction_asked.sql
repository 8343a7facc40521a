-- One story in several editions (issue 33): a correction to one edition may flag the others as
-- needing the same correction. `correction_from` is the address of the edition corrected,
-- `correction_asked_at` when (milliseconds); both are cleared when the flagged edition is
-- corrected in its turn.
ALTER TABLE articles ADD COLUMN correction_from TEXT;
ALTER TABLE articles ADD COLUMN correction_asked_at INTEGER;
