CREATE TABLE IF NOT EXISTS stories (
  id VARCHAR(64) PRIMARY KEY,
  category VARCHAR,
  breaking BOOLEAN NOT NULL,
  last_seq BIGINT NOT NULL,
  removed BOOLEAN NOT NULL,
  doc CLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_by_last_seq ON stories(removed, last_seq);
CREATE TABLE IF NOT EXISTS story_sources (
  story_id VARCHAR(64) NOT NULL,
  source VARCHAR NOT NULL,
  PRIMARY KEY (story_id, source)
);
CREATE INDEX IF NOT EXISTS story_sources_by_source ON story_sources(source);
CREATE TABLE IF NOT EXISTS story_keys (
  identity_key VARCHAR(64) PRIMARY KEY,
  story_id VARCHAR(64) NOT NULL
);
CREATE TABLE IF NOT EXISTS revisions (
  story_id VARCHAR(64) NOT NULL,
  revision INT NOT NULL,
  headline VARCHAR NOT NULL,
  source VARCHAR,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  change_kind VARCHAR(32),
  PRIMARY KEY (story_id, revision)
);
-- who made a revision and what they did (an editor's correction), added to older files too
ALTER TABLE revisions ADD COLUMN IF NOT EXISTS edited_by VARCHAR;
ALTER TABLE revisions ADD COLUMN IF NOT EXISTS action VARCHAR(32);
CREATE TABLE IF NOT EXISTS events (
  seq BIGINT PRIMARY KEY,
  story_id VARCHAR(64) NOT NULL,
  type VARCHAR(32) NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  payload CLOB NOT NULL
);
-- merge and split (issue 17): the item a revision came from, where merged stories went, pairs kept apart
ALTER TABLE revisions ADD COLUMN IF NOT EXISTS item_key VARCHAR(64);
CREATE TABLE IF NOT EXISTS story_redirects (
  story_id VARCHAR(64) PRIMARY KEY,
  into_id VARCHAR(64) NOT NULL
);
CREATE TABLE IF NOT EXISTS stories_apart (
  first_id VARCHAR(64) NOT NULL,
  second_id VARCHAR(64) NOT NULL,
  PRIMARY KEY (first_id, second_id)
);
