-- What several replicas of the server must agree on (see `storage/shared.rs`). SQLite serves one
-- process, which keeps the pace in memory, but the tables exist on both engines so the storage
-- API is the same and is tested on both.
--
-- pace: each client's allowance per bucket ('comments', 'logins'), as the time (Unix ms) its
-- next request would be due if the bucket were full (GCRA's "theoretical arrival time").
CREATE TABLE pace (
    bucket TEXT    NOT NULL,
    client TEXT    NOT NULL,
    due    INTEGER NOT NULL,
    PRIMARY KEY (bucket, client)
);

-- leases: a job one replica at a time runs (the rates fetch), held until `until` (Unix ms).
CREATE TABLE leases (
    name   TEXT    PRIMARY KEY,
    holder TEXT    NOT NULL,
    until  INTEGER NOT NULL
);
