-- What several replicas must agree on (see `storage/shared.rs` and SQLite's 0009).
CREATE TABLE pace (
    bucket TEXT   NOT NULL,
    client TEXT   NOT NULL,
    due    BIGINT NOT NULL,
    PRIMARY KEY (bucket, client)
);

CREATE TABLE leases (
    name   TEXT   PRIMARY KEY,
    holder TEXT   NOT NULL,
    until  BIGINT NOT NULL
);

-- Every committed write to what readers see tells every replica listening on
-- 'infoshos_changes', which then drops the answers it keeps in memory (`kept`, `answer_cache`):
-- a comment posted through one replica is on the pages of all of them at the next request.
-- NOTIFY is sent at commit and never for a rolled-back write; one per statement is enough.
CREATE FUNCTION infoshos_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('infoshos_changes', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION infoshos_changed();
CREATE TRIGGER article_countries_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON article_countries FOR EACH STATEMENT EXECUTE FUNCTION infoshos_changed();
CREATE TRIGGER comments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON comments
    FOR EACH STATEMENT EXECUTE FUNCTION infoshos_changed();
CREATE TRIGGER states_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON states
    FOR EACH STATEMENT EXECUTE FUNCTION infoshos_changed();
CREATE TRIGGER rates_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rates
    FOR EACH STATEMENT EXECUTE FUNCTION infoshos_changed();
CREATE TRIGGER rate_days_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rate_days
    FOR EACH STATEMENT EXECUTE FUNCTION infoshos_changed();
