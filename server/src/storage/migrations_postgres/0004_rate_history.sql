-- (As SQLite's 0010.) Each currency's official rate on every day we hold, for the history chart: written by every
-- daily fetch and by the backfill from the CBR's dynamic service (`rates/backfill.rs`). The
-- days fetched before this table existed are copied in.
CREATE TABLE rate_history (
    currency TEXT    NOT NULL,
    date     TEXT    NOT NULL,
    nominal  BIGINT NOT NULL CHECK (nominal > 0),
    value    DOUBLE PRECISION NOT NULL,
    per_unit DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (currency, date)
);
INSERT INTO rate_history (currency, date, nominal, value, per_unit)
    SELECT r.currency, r.date, r.nominal, r.value, r.per_unit
    FROM rates r JOIN rate_days d ON d.date = r.date WHERE d.source = 'cbr';

-- The CBR's own id of each currency (R01335 for the tenge), which the dynamic service is asked
-- by, learnt from the daily feed; and the day up to which the backfill has asked for its history.
CREATE TABLE cbr_currencies (
    currency         TEXT PRIMARY KEY,
    cbr_id           TEXT NOT NULL,
    backfilled_until TEXT
);

CREATE TRIGGER rate_history_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rate_history
    FOR EACH STATEMENT EXECUTE FUNCTION infoshos_changed();
