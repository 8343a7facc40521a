-- A key the reader's browser makes for each comment it sends, so a comment sent again (the
-- connection dropped before the answer came, or an offline queue replays it) is stored once.
ALTER TABLE comments ADD COLUMN client_key TEXT;
CREATE UNIQUE INDEX comments_by_client_key ON comments (article_id, client_key)
    WHERE client_key IS NOT NULL;
