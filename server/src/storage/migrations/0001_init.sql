-- Instants are Unix milliseconds (UTC); dates are ISO 'YYYY-MM-DD' text.

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    slug         TEXT    NOT NULL,
    lang         TEXT    NOT NULL CHECK (lang IN ('en', 'ru', 'zh')),
    title        TEXT    NOT NULL,
    summary      TEXT    NOT NULL,
    -- Plain-text paragraphs separated by a blank line; never HTML.
    body         TEXT    NOT NULL,
    published_at INTEGER NOT NULL,
    UNIQUE (slug)
);
CREATE INDEX articles_feed ON articles (lang, published_at DESC, id DESC);

CREATE TABLE article_countries (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    country    TEXT    NOT NULL,
    PRIMARY KEY (article_id, country)
);
CREATE INDEX article_countries_by_country ON article_countries (country, article_id);

CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    email      TEXT,
    text       TEXT    NOT NULL,
    status     TEXT    NOT NULL DEFAULT 'published'
               CHECK (status IN ('pending', 'published', 'rejected')),
    created_at INTEGER NOT NULL
);
CREATE INDEX comments_by_article ON comments (article_id, status, created_at, id);

CREATE TABLE states (
    code          TEXT    PRIMARY KEY,
    position      INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    capital       TEXT    NOT NULL,
    time_zone     TEXT    NOT NULL,
    currency      TEXT    NOT NULL,
    currency_name TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('member', 'partner')),
    former_status TEXT
);

CREATE TABLE rate_days (
    date       TEXT    PRIMARY KEY,
    source     TEXT    NOT NULL CHECK (source IN ('cbr', 'snapshot')),
    fetched_at INTEGER NOT NULL
);

CREATE TABLE rates (
    date     TEXT    NOT NULL REFERENCES rate_days (date) ON DELETE CASCADE,
    currency TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    nominal  INTEGER NOT NULL CHECK (nominal > 0),
    value    REAL    NOT NULL,
    per_unit REAL    NOT NULL,
    PRIMARY KEY (date, currency)
);
