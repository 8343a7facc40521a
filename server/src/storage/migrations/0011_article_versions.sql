-- Corrections keep what they replaced: each edit files the article as it stood before it, with
-- when it was replaced and by whom (as the audit names them). An article's page says it was
-- corrected, and when, from the newest of these.
CREATE TABLE article_versions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    lang        TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    summary     TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    replaced_at INTEGER NOT NULL,
    actor       TEXT    NOT NULL
);
CREATE INDEX article_versions_by_article ON article_versions (article_id, replaced_at DESC);
