-- Photos (issue 29); see the SQLite migration 0017.
CREATE TABLE photos (
    id          TEXT             PRIMARY KEY,
    original    BYTEA            NOT NULL,
    -- BIGINT as every number the server reads as i64 (sqlx decodes an INTEGER only as i32).
    width       BIGINT           NOT NULL,
    height      BIGINT           NOT NULL,
    focal_x     DOUBLE PRECISION NOT NULL,
    focal_y     DOUBLE PRECISION NOT NULL,
    placeholder TEXT             NOT NULL,
    colour      TEXT             NOT NULL,
    alt         TEXT             NOT NULL,
    caption     TEXT             NOT NULL,
    credit      TEXT             NOT NULL,
    uploaded_by TEXT             NOT NULL,
    uploaded_at BIGINT           NOT NULL
);
CREATE INDEX photos_newest ON photos (uploaded_at DESC);

CREATE TABLE photo_variants (
    name  TEXT  PRIMARY KEY,
    photo TEXT  NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    bytes BYTEA NOT NULL
);
CREATE INDEX photo_variants_photo ON photo_variants (photo);

ALTER TABLE articles ADD COLUMN lead_photo TEXT REFERENCES photos (id);
ALTER TABLE articles ADD COLUMN lead_alt TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN lead_caption TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN lead_credit TEXT NOT NULL DEFAULT '';

ALTER TABLE audit DROP CONSTRAINT audit_action_check;
ALTER TABLE audit ADD CONSTRAINT audit_action_check
    CHECK (action IN ('approve', 'reject', 'delete', 'login',
                      'publish', 'edit', 'unpublish', 'republish', 'schedule',
                      'set-up', 'invite', 'join', 'role', 'disable', 'enable',
                      'end-session', 'second-factor-on', 'second-factor-off',
                      'password', 'reset-link', 'reset',
                      'revoke-invitation', 'revoke-reset-link', 'upload-photo'));
