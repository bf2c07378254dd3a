-- Catalog store, version 2 (SQLite). Kept in step with postgres/V2__repository_description.sql.
-- The repository's description as Docker Hub listed it (null for other sources): catalog scans check it for links
-- to bad domains when they scan the image, and the imageless repositories' rows keep it beside their findings.
ALTER TABLE images ADD COLUMN description TEXT;
