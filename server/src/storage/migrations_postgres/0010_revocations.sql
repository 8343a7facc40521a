-- Invitations and reset links revoked (issue 28); see the SQLite migration 0016.
ALTER TABLE audit DROP CONSTRAINT audit_action_check;
ALTER TABLE audit ADD CONSTRAINT audit_action_check
    CHECK (action IN ('approve', 'reject', 'delete', 'login',
                      'publish', 'edit', 'unpublish', 'republish', 'schedule',
                      'set-up', 'invite', 'join', 'role', 'disable', 'enable',
                      'end-session', 'second-factor-on', 'second-factor-off',
                      'password', 'reset-link', 'reset',
                      'revoke-invitation', 'revoke-reset-link'));
DELETE FROM invitations
WHERE used_by IS NULL
  AND invited_by NOT IN (SELECT username FROM accounts WHERE role = 'admin' AND NOT disabled);
