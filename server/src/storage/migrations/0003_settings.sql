-- Values the server makes for itself once and keeps, such as the key that signs comment
-- forms. Never in the repository, never sent to anyone.
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
