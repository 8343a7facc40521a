-- Search. Each article's body as plain text (written by the server with the body: tags are
-- spaces, see `sanitize::article_text`), and a full-text index of the articles on the portal
-- over title, summary and that text. The trigram tokenizer finds any run of three or more
-- characters, so a Russian stem finds its word forms and Chinese needs no word splitting;
-- shorter words are found by substring (see `storage/search.rs`). Triggers keep the index
-- in step with every write: published, corrected, taken down, put back, deleted.
ALTER TABLE articles ADD COLUMN body_text TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE article_search USING fts5(title, summary, body, tokenize = 'trigram');

INSERT INTO article_search (rowid, title, summary, body)
    SELECT id, title, summary, body_text FROM articles WHERE hidden = 0;

CREATE TRIGGER article_search_insert AFTER INSERT ON articles WHEN NEW.hidden = 0 BEGIN
    INSERT INTO article_search (rowid, title, summary, body)
        VALUES (NEW.id, NEW.title, NEW.summary, NEW.body_text);
END;

CREATE TRIGGER article_search_update AFTER UPDATE ON articles BEGIN
    DELETE FROM article_search WHERE rowid = OLD.id;
    INSERT INTO article_search (rowid, title, summary, body)
        SELECT NEW.id, NEW.title, NEW.summary, NEW.body_text WHERE NEW.hidden = 0;
END;

CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_search WHERE rowid = OLD.id;
END;
