-- Stories, their identity keys and headline history, and the event log.
-- Lists (body paragraphs, tags) are JSON text arrays, as in the embedded store.

CREATE TABLE stories (
  id           TEXT PRIMARY KEY,
  headline     TEXT NOT NULL,
  summary      TEXT,
  body         TEXT NOT NULL,
  url          TEXT,
  source       TEXT,
  byline       TEXT,
  category     TEXT,
  tags         TEXT NOT NULL,
  breaking     BOOLEAN NOT NULL,
  published_at TIMESTAMPTZ,
  updated_at   TIMESTAMPTZ,
  revision     INT NOT NULL,
  last_seq     BIGINT NOT NULL,
  removed      BOOLEAN NOT NULL DEFAULT FALSE
);

-- newest(): live stories, last changed first.
CREATE INDEX stories_live_by_seq ON stories (last_seq DESC) WHERE NOT removed;

CREATE TABLE story_sources (
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  source   TEXT NOT NULL,
  position INT NOT NULL,
  PRIMARY KEY (story_id, position)
);

-- newest(source=...): stories a source has reported.
CREATE INDEX story_sources_by_source ON story_sources (source, story_id);

CREATE TABLE story_keys (
  key      TEXT PRIMARY KEY,
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE
);

CREATE INDEX story_keys_by_story ON story_keys (story_id);

CREATE TABLE revisions (
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  revision INT NOT NULL,
  headline TEXT NOT NULL,
  source   TEXT,
  at       TIMESTAMPTZ NOT NULL,
  change   TEXT,
  PRIMARY KEY (story_id, revision)
);

-- Retention prunes by age.
CREATE INDEX revisions_by_at ON revisions (at);

-- The log is the source of replay; seq is assigned by the desk, unique here.
CREATE TABLE events (
  seq      BIGINT PRIMARY KEY,
  story_id TEXT NOT NULL,
  type     TEXT NOT NULL,
  at       TIMESTAMPTZ NOT NULL,
  payload  TEXT NOT NULL
);

CREATE INDEX events_by_at ON events (at);
