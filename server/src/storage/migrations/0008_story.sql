-- A story told in several editions: its articles share a key (the demo content uses the English
-- article's slug), so the language switcher leads from one to its translation.
ALTER TABLE articles ADD COLUMN story TEXT;
CREATE INDEX articles_story ON articles (story, lang);
