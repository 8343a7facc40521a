-- Sections (issue 32); see the SQLite migration 0018.
ALTER TABLE articles ADD COLUMN section TEXT
    CHECK (section IN ('politics', 'economy', 'culture', 'science', 'sco'));
CREATE INDEX articles_section_feed ON articles (lang, section, published_at DESC, id DESC);
