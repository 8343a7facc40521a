-- An editor can take an article off the portal and put it back: a hidden article is in no
-- feed, no related list, and its page and comments answer 404; its comments are kept.
ALTER TABLE articles ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
