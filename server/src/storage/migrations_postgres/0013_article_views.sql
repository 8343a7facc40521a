-- Most read (issue 32); see the SQLite migration 0019.
CREATE TABLE article_views (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    hour       BIGINT NOT NULL,
    views      BIGINT NOT NULL CHECK (views > 0),
    PRIMARY KEY (article_id, hour)
);
CREATE INDEX article_views_by_hour ON article_views (hour, article_id);
