-- Scheduled publishing (issue 17). An article waiting for its minute is off the portal
-- (`hidden`) with the time it goes on (`publish_at`, Unix ms) and who scheduled it: every
-- replica's clock task puts it on at that minute, and the audit's 'publish' line names them.
ALTER TABLE articles ADD COLUMN publish_at INTEGER;
ALTER TABLE articles ADD COLUMN scheduled_by TEXT;
CREATE INDEX articles_due ON articles (publish_at) WHERE publish_at IS NOT NULL;
