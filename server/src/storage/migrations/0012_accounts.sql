-- Named editors instead of one shared token (issue 17). Each account has a role, a password
-- kept only as an argon2 hash (PHC string), an optional second factor (RFC 6238: the secret as
-- base32, the last time step used so a code works once), and may be disabled.
CREATE TABLE accounts (
    id              INTEGER PRIMARY KEY,
    username        TEXT    NOT NULL UNIQUE,
    role            TEXT    NOT NULL CHECK (role IN ('moderator', 'editor', 'admin')),
    password_hash   TEXT    NOT NULL,
    totp_secret     TEXT,
    totp_pending    TEXT,
    totp_last_step  INTEGER,
    disabled        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      INTEGER NOT NULL
);

-- Invitations: only a hash of the code is kept; a code is good once, until it expires.
CREATE TABLE invitations (
    code_hash   TEXT    PRIMARY KEY,
    role        TEXT    NOT NULL CHECK (role IN ('moderator', 'editor', 'admin')),
    invited_by  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_by     TEXT
);

-- A session now belongs to a person. The shared token's sessions end here: every editor signs
-- in again by name once the first admin is set up.
DROP TABLE admin_sessions;
CREATE TABLE admin_sessions (
    id_hash    TEXT    PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_agent TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX admin_sessions_by_account ON admin_sessions (account_id);

-- The audit names the person for every action, and people's own actions join it, each with
-- the account it was done to (`subject`). SQLite cannot change a CHECK, so the table is
-- rebuilt with its rows.
CREATE TABLE audit_new (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL
               CHECK (action IN ('approve', 'reject', 'delete', 'login',
                                 'publish', 'edit', 'unpublish', 'republish', 'schedule',
                                 'set-up', 'invite', 'join', 'role', 'disable', 'enable',
                                 'end-session', 'second-factor-on', 'second-factor-off')),
    comment_id INTEGER,
    article_id INTEGER,
    subject    TEXT
);
INSERT INTO audit_new (id, at, actor, action, comment_id, article_id)
    SELECT id, at, actor, action, comment_id, article_id FROM audit;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;
