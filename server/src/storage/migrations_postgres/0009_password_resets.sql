-- Passwords changed by their owner, or reset through a one-time link (issue 17); see the SQLite
-- migration 0015.
ALTER TABLE invitations ADD COLUMN account TEXT;
ALTER TABLE audit DROP CONSTRAINT audit_action_check;
ALTER TABLE audit ADD CONSTRAINT audit_action_check
    CHECK (action IN ('approve', 'reject', 'delete', 'login',
                      'publish', 'edit', 'unpublish', 'republish', 'schedule',
                      'set-up', 'invite', 'join', 'role', 'disable', 'enable',
                      'end-session', 'second-factor-on', 'second-factor-off',
                      'password', 'reset-link', 'reset'));
