-- Sections (issue 32): every article on the portal belongs to one, which the newsroom picks.
-- Empty only for a draft that has none yet and for articles written before sections existed
-- (the demo ones get theirs from the seed at the next start; an editor picks the others).
-- The keys are `Section::key` in the model.
ALTER TABLE articles ADD COLUMN section TEXT
    CHECK (section IN ('politics', 'economy', 'culture', 'science', 'sco'));
CREATE INDEX articles_section_feed ON articles (lang, section, published_at DESC, id DESC);
