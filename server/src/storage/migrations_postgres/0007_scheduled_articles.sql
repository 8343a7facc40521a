-- Scheduled publishing (issue 17); see the SQLite migration 0013.
ALTER TABLE articles ADD COLUMN publish_at BIGINT;
ALTER TABLE articles ADD COLUMN scheduled_by TEXT;
CREATE INDEX articles_due ON articles (publish_at) WHERE publish_at IS NOT NULL;
