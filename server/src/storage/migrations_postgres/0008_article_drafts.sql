-- Drafts kept on the server as they are written (issue 17); see the SQLite migration 0014.
ALTER TABLE articles ADD COLUMN draft BOOLEAN NOT NULL DEFAULT FALSE;
