-- The desk loads only its window at start-up (issue 21): live stories updated since a time.
CREATE INDEX stories_live_by_updated ON stories (updated_at) WHERE NOT removed;
