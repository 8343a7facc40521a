-- A draft of another edition of a story (issue 33) keeps the address of the article it is
-- written from, so reopened from the list (in another browser too) it still shows that article
-- beside it and joins its story when published. Only drafts use it.
ALTER TABLE articles ADD COLUMN written_from TEXT;
