CREATE TABLE IF NOT EXISTS stories (
  id VARCHAR(64) PRIMARY KEY,
  category VARCHAR(100),
  breaking BOOLEAN NOT NULL,
  last_seq BIGINT NOT NULL,
  removed BOOLEAN NOT NULL,
  doc CLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_by_last_seq ON stories(removed, last_seq);
CREATE TABLE IF NOT EXISTS story_sources (
  story_id VARCHAR(64) NOT NULL,
  source VARCHAR(200) NOT NULL,
  PRIMARY KEY (story_id, source)
);
CREATE INDEX IF NOT EXISTS story_sources_by_source ON story_sources(source);
CREATE TABLE IF NOT EXISTS story_keys (
  identity_key VARCHAR(1000) PRIMARY KEY,
  story_id VARCHAR(64) NOT NULL
);
CREATE TABLE IF NOT EXISTS revisions (
  story_id VARCHAR(64) NOT NULL,
  revision INT NOT NULL,
  headline VARCHAR(100000) NOT NULL,
  source VARCHAR(200),
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  change_kind VARCHAR(32),
  PRIMARY KEY (story_id, revision)
);
CREATE TABLE IF NOT EXISTS events (
  seq BIGINT PRIMARY KEY,
  story_id VARCHAR(64) NOT NULL,
  type VARCHAR(32) NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  payload CLOB NOT NULL
);
