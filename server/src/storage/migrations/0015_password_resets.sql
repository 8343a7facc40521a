-- Passwords changed by their owner, or reset through a one-time link an admin makes (issue 17).
-- A reset link is an invitation naming the account whose password it sets (`account`); an
-- invitation to join names none. Both go into the audit, whose CHECK SQLite cannot change: the
-- table is rebuilt with its rows.
ALTER TABLE invitations ADD COLUMN account TEXT;

CREATE TABLE audit_new (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL
               CHECK (action IN ('approve', 'reject', 'delete', 'login',
                                 'publish', 'edit', 'unpublish', 'republish', 'schedule',
                                 'set-up', 'invite', 'join', 'role', 'disable', 'enable',
                                 'end-session', 'second-factor-on', 'second-factor-off',
                                 'password', 'reset-link', 'reset')),
    comment_id INTEGER,
    article_id INTEGER,
    subject    TEXT
);
INSERT INTO audit_new (id, at, actor, action, comment_id, article_id, subject)
    SELECT id, at, actor, action, comment_id, article_id, subject FROM audit;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;
