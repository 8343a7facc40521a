-- Most read (issue 32): how many times each article was read in each hour, counted by the
-- server with no cookie, no stored address and no profile. Each replica adds its tally to the
-- same rows in batches. `hour` is Unix time in hours (UTC).
CREATE TABLE article_views (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    hour       INTEGER NOT NULL,
    views      INTEGER NOT NULL CHECK (views > 0),
    PRIMARY KEY (article_id, hour)
);
CREATE INDEX article_views_by_hour ON article_views (hour, article_id);
