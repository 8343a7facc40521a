-- Photos (issue 29, decision 0016). A photo is known by the SHA-256 of its original bytes, so
-- the same bytes uploaded twice are one photo. The original is kept for re-processing and is
-- never served; readers get its variants (each width in WebP and JPEG, the link-preview card),
-- each under a name that starts with the photo's id and never changes.
CREATE TABLE photos (
    id          TEXT    PRIMARY KEY,
    original    BLOB    NOT NULL,
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    focal_x     REAL    NOT NULL,
    focal_y     REAL    NOT NULL,
    -- The ThumbHash (base64), and the average colour pages paint while the photo loads.
    placeholder TEXT    NOT NULL,
    colour      TEXT    NOT NULL,
    -- What the uploader wrote: the library's texts, offered again when the photo is reused.
    alt         TEXT    NOT NULL,
    caption     TEXT    NOT NULL,
    credit      TEXT    NOT NULL,
    uploaded_by TEXT    NOT NULL,
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX photos_newest ON photos (uploaded_at DESC);

CREATE TABLE photo_variants (
    name  TEXT PRIMARY KEY,
    photo TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    bytes BLOB NOT NULL
);
CREATE INDEX photo_variants_photo ON photo_variants (photo);

-- An article's lead photo with the texts it gives it in its own language.
ALTER TABLE articles ADD COLUMN lead_photo TEXT REFERENCES photos (id);
ALTER TABLE articles ADD COLUMN lead_alt TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN lead_caption TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN lead_credit TEXT NOT NULL DEFAULT '';

-- Every upload is in the audit; its CHECK cannot change in SQLite, so the table is rebuilt
-- with its rows (as in 0016).
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
                                 'revoke-invitation', 'revoke-reset-link', 'upload-photo')),
    comment_id INTEGER,
    article_id INTEGER,
    subject    TEXT
);
INSERT INTO audit_new (id, at, actor, action, comment_id, article_id, subject)
    SELECT id, at, actor, action, comment_id, article_id, subject FROM audit;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;
