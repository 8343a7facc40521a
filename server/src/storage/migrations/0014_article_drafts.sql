-- Drafts kept on the server as they are written (issue 17): a draft is an article off the
-- portal (`hidden`) that was never published, under a placeholder address until it is.
ALTER TABLE articles ADD COLUMN draft BOOLEAN NOT NULL DEFAULT FALSE;
