-- Invitations and reset links revoked (issue 28): by an admin in People, or by the server when
-- their maker is disabled or stops being an admin, or when a newer reset link, a used one or a
-- password change voids an account's other reset links. Each revocation is in the audit, whose
-- CHECK SQLite cannot change: the table is rebuilt with its rows (as in 0015).
CREATE TABLE audit_new (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL
               CHECK (action IN ('approve', 'reject', 'delete', 'login',
                                 'publish', 'edit', 'unpublish', 'republish', 'schedule',
                                 'set-up', 'invite', 'join', 'role', 'disable', 'enable',
                                 'end-session', 'second-factor-on', 'second-factor-off',
                                 'password', 'reset-link', 'reset',
                                 'revoke-invitation', 'revoke-reset-link')),
    comment_id INTEGER,
    article_id INTEGER,
    subject    TEXT
);
INSERT INTO audit_new (id, at, actor, action, comment_id, article_id, subject)
    SELECT id, at, actor, action, comment_id, article_id, subject FROM audit;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;

-- Links made before this by someone who is no longer an enabled admin are void from now on.
DELETE FROM invitations
WHERE used_by IS NULL
  AND invited_by NOT IN (SELECT username FROM accounts WHERE role = 'admin' AND NOT disabled);
