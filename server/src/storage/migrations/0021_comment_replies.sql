-- Replies (issue 32): a comment may answer another of the same article, one level deep.
-- `reply_to` is the comment answered (its author's name is shown); `thread_id` is the top
-- comment the reply is shown under, the answered one's own thread when it is a reply itself.
-- A deleted comment leaves its answers standing as comments of their own.
ALTER TABLE comments ADD COLUMN reply_to INTEGER REFERENCES comments (id) ON DELETE SET NULL;
ALTER TABLE comments ADD COLUMN thread_id INTEGER REFERENCES comments (id) ON DELETE SET NULL;
CREATE INDEX comments_by_reply_to ON comments (reply_to);
CREATE INDEX comments_by_thread ON comments (thread_id);
