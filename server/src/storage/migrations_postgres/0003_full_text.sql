-- Full-text search in each edition's own language beside the substring search of 0001: an
-- English or Russian word also finds its other forms by stem ('snowmobiles' finds 'snowmobile',
-- 'снегоходы' finds 'снегоходов'), Chinese is read character by character ('simple'). The title
-- weighs most (A), then the lead (B), then the body (D), as the ranking of SQLite's bm25 does.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(CASE lang WHEN 'en' THEN 'english'::regconfig
                                    WHEN 'ru' THEN 'russian'::regconfig
                                    ELSE 'simple'::regconfig END, title), 'A') ||
    setweight(to_tsvector(CASE lang WHEN 'en' THEN 'english'::regconfig
                                    WHEN 'ru' THEN 'russian'::regconfig
                                    ELSE 'simple'::regconfig END, summary), 'B') ||
    setweight(to_tsvector(CASE lang WHEN 'en' THEN 'english'::regconfig
                                    WHEN 'ru' THEN 'russian'::regconfig
                                    ELSE 'simple'::regconfig END, body_text), 'D')
) STORED;
CREATE INDEX articles_search ON articles USING gin (search);
