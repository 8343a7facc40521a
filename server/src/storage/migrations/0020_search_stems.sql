-- Search that understands words (issue 32): beside the trigram index of 0007, an index of the
-- stems of each article's words (Snowball, English and Russian; Chinese has none), so that
-- "currency" finds "currencies" and "валюта" finds "валюты". SQLite cannot stem, so the server
-- writes the stems with every write of an article (`storage/stems.rs`) and fills in the
-- articles it has not stemmed at each start. Contentless: the stems are only ever matched,
-- never read back, so only the index is kept. Hidden articles stay in it; the search's join
-- with `articles` leaves them out, as it leaves out other editions.
CREATE VIRTUAL TABLE article_stems USING fts5(
    title, summary, body,
    tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1
);

CREATE TRIGGER article_stems_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_stems WHERE rowid = OLD.id;
END;
