-- Article bodies become allowlisted HTML (the server cleans them on write). Bodies stored
-- before were plain-text paragraphs separated by a blank line: escape them and wrap each
-- paragraph in <p>, which is exactly what the cleaner makes of such text.
UPDATE articles SET body =
    '<p>' ||
    replace(
        replace(replace(replace(body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
        char(10) || char(10), '</p><p>') ||
    '</p>';

-- Editors now publish and correct articles too, and the audit records that: the action list grows and a
-- row names either a comment or an article. SQLite cannot change a CHECK, so the table is
-- rebuilt with its rows.
CREATE TABLE audit_new (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL
               CHECK (action IN ('approve', 'reject', 'delete', 'login',
                                 'publish', 'edit', 'unpublish', 'republish')),
    comment_id INTEGER,
    article_id INTEGER
);
INSERT INTO audit_new (id, at, actor, action, comment_id)
    SELECT id, at, actor, action, comment_id FROM audit;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;
