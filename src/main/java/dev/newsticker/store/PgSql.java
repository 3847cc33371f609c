package dev.newsticker.store;

/** The SQL of the PostgreSQL store, in one place. Parameters are positional ($n). */
final class PgSql {

  private static final String STORY_COLUMNS = "s.id, s.headline, s.summary, s.body, s.url, s.source, s.byline,"
    + " s.category, s.tags, s.breaking, s.published_at, s.updated_at, s.revision, s.last_seq, s.removed, s.breaking_until,"
    + " ARRAY(SELECT ss.source FROM story_sources ss WHERE ss.story_id = s.id ORDER BY ss.position) AS sources";

  static final String UPSERT_STORY = "INSERT INTO stories (id, headline, summary, body, url, source, byline,"
    + " category, tags, breaking, published_at, updated_at, revision, last_seq, removed, breaking_until)"
    + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
    + " ON CONFLICT (id) DO UPDATE SET headline = EXCLUDED.headline, summary = EXCLUDED.summary,"
    + " body = EXCLUDED.body, url = EXCLUDED.url, source = EXCLUDED.source, byline = EXCLUDED.byline,"
    + " category = EXCLUDED.category, tags = EXCLUDED.tags, breaking = EXCLUDED.breaking,"
    + " published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at, revision = EXCLUDED.revision,"
    + " last_seq = EXCLUDED.last_seq, removed = EXCLUDED.removed, breaking_until = EXCLUDED.breaking_until";

  static final String DELETE_SOURCES = "DELETE FROM story_sources WHERE story_id = $1";

  static final String INSERT_SOURCES = "INSERT INTO story_sources (story_id, source, position)"
    + " SELECT $1, t.source, t.position - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(source, position)";

  /** A key already leading to this story is left alone; one the desk moved here from another story follows it. */
  static final String UPSERT_KEYS = "INSERT INTO story_keys (key, story_id) SELECT k, $2 FROM unnest($1::text[]) AS k"
    + " ON CONFLICT (key) DO UPDATE SET story_id = EXCLUDED.story_id WHERE story_keys.story_id <> EXCLUDED.story_id";

  static final String INSERT_REVISION = "INSERT INTO revisions (story_id, revision, headline, source, at, change,"
    + " edited_by, action, item_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

  // A merge ($1 the survivor, $2 the absorbed story) and a split ($1 the new story, $2 the one it leaves)
  static final String MERGE_REVISIONS = "UPDATE revisions SET story_id = $1, revision = revision + $3 WHERE story_id = $2";

  static final String MERGE_KEYS = "UPDATE story_keys SET story_id = $1 WHERE story_id = $2";

  static final String MERGE_REDIRECTS = "UPDATE story_redirects SET into_id = $1 WHERE into_id = $2";

  static final String INSERT_REDIRECT = "INSERT INTO story_redirects (story_id, into_id) VALUES ($2, $1)"
    + " ON CONFLICT (story_id) DO UPDATE SET into_id = EXCLUDED.into_id";

  static final String DELETE_REDIRECT = "DELETE FROM story_redirects WHERE story_id = $1";

  static final String MOVE_REVISION = "UPDATE revisions SET story_id = $1, revision = $3 WHERE story_id = $2"
    + " AND revision = $4";

  static final String INSERT_APART = "INSERT INTO stories_apart (first_id, second_id) VALUES ($1, $2)"
    + " ON CONFLICT DO NOTHING";

  static final String APART = "SELECT first_id, second_id FROM stories_apart";

  static final String REDIRECT = "SELECT into_id FROM story_redirects WHERE story_id = $1";

  static final String INSERT_EVENT = "INSERT INTO events (seq, story_id, type, at, payload) VALUES ($1, $2, $3, $4, $5)";

  static final String SNAPSHOT_READ = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

  static final String TOP_SEQ = "SELECT coalesce(max(seq), 0) AS top FROM events";

  /** The desk's window: live stories updated since $1, the last changed $2. */
  static final String RECENT_STORIES = "SELECT " + STORY_COLUMNS + " FROM stories s WHERE NOT s.removed"
    + " AND s.updated_at >= $1 ORDER BY s.last_seq DESC LIMIT $2";

  static final String BREAKING_WITH_END = "SELECT " + STORY_COLUMNS + " FROM stories s WHERE NOT s.removed"
    + " AND s.breaking_until IS NOT NULL";

  static final String LIVE_BY_KEY = "SELECT k.key, " + STORY_COLUMNS + " FROM story_keys k"
    + " JOIN stories s ON s.id = k.story_id WHERE NOT s.removed AND k.key = ANY($1::text[])";

  static final String EVENTS_AFTER = "SELECT payload FROM events WHERE seq > $1 ORDER BY seq LIMIT $2";

  static final String NEWEST = "SELECT " + STORY_COLUMNS + " FROM stories s WHERE NOT s.removed"
    + " AND ($1::text IS NULL OR lower(s.category) = lower($1))"
    + " AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM story_sources f WHERE f.story_id = s.id AND f.source = $2))"
    + " AND ($3::boolean IS NULL OR s.breaking = $3)"
    + " AND ($4::bigint IS NULL OR s.last_seq < $4)"
    + " ORDER BY s.last_seq DESC LIMIT $5";

  static final String STORY = "SELECT " + STORY_COLUMNS + " FROM stories s WHERE s.id = $1";

  static final String REVISIONS = "SELECT revision, headline, source, at, change, edited_by, action, item_key FROM revisions"
    + " WHERE story_id = $1 ORDER BY revision";

  /** The newest event is kept whatever its age: the seq cursor must never go back. */
  static final String PRUNE_EVENTS = "DELETE FROM events WHERE seq IN (SELECT seq FROM events"
    + " WHERE at < $1 AND seq < (SELECT max(seq) FROM events) ORDER BY seq LIMIT $2)";

  /** A story's latest revision is kept whatever its age: it is the headline readers see. */
  static final String PRUNE_REVISIONS = "DELETE FROM revisions WHERE (story_id, revision) IN ("
    + "SELECT r.story_id, r.revision FROM revisions r WHERE r.at < $1"
    + " AND r.revision < (SELECT max(c.revision) FROM revisions c WHERE c.story_id = r.story_id)"
    + " ORDER BY r.at LIMIT $2)";

  private PgSql() {
  }
}
