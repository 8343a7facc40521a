-- Editors' sessions (only a hash of the cookie's value is kept) and the record of every
-- moderation action: who, when, what, on which comment.
CREATE TABLE admin_sessions (
    id_hash    TEXT    PRIMARY KEY,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL CHECK (action IN ('approve', 'reject', 'delete', 'login')),
    comment_id INTEGER
);
CREATE INDEX comments_by_status ON comments (status, created_at);
