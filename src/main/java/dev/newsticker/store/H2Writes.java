package dev.newsticker.store;

import dev.newsticker.model.RecordJson;
import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How the embedded store writes: the desk's decisions, and retention's deletes. */
final class H2Writes {

  private H2Writes() {
  }

  /** One transaction for the batch, then a checkpoint: acknowledged means on disk. */
  static void append(Connection connection, List<StoryChange> changes) throws SQLException {
    connection.setAutoCommit(false);
    try {
      for (StoryChange change : changes) {
        write(connection, change);
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    }
  }

  /** One decision: story document, sources, keys, revision, event. */
  private static void write(Connection connection, StoryChange change) throws SQLException {
    Story story = change.story();
    try (PreparedStatement upsert = connection.prepareStatement(
      "MERGE INTO stories (id, category, breaking, last_seq, removed, doc) KEY (id) VALUES (?, ?, ?, ?, ?, ?)")) {
      upsert.setString(1, story.id());
      upsert.setString(2, story.category() == null ? null : story.category().toLowerCase());
      upsert.setBoolean(3, story.breaking());
      upsert.setLong(4, story.lastSeq());
      upsert.setBoolean(5, story.removed());
      upsert.setString(6, RecordJson.encode(story));
      upsert.executeUpdate();
    }
    if (change.regroup() != null) {
      regroup(connection, story.id(), change.regroup());
    }
    try (PreparedStatement sources = connection.prepareStatement(
      "MERGE INTO story_sources (story_id, source) KEY (story_id, source) VALUES (?, ?)")) {
      for (String source : story.sources()) {
        sources.setString(1, story.id());
        sources.setString(2, source);
        sources.addBatch();
      }
      sources.executeBatch();
    }
    try (PreparedStatement keys = connection.prepareStatement(
      "MERGE INTO story_keys (identity_key, story_id) KEY (identity_key) VALUES (?, ?)")) {
      for (String key : change.newKeys()) {
        keys.setString(1, key);
        keys.setString(2, story.id());
        keys.addBatch();
      }
      keys.executeBatch();
    }
    if (change.revision() != null) {
      Revision revision = change.revision();
      try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO revisions (story_id, revision, headline, source, changed_at, change_kind, edited_by, action,"
          + " item_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, story.id());
        insert.setInt(2, revision.revision());
        insert.setString(3, revision.headline());
        insert.setString(4, revision.source());
        insert.setTimestamp(5, Timestamp.from(revision.at()));
        insert.setString(6, revision.change());
        insert.setString(7, revision.by());
        insert.setString(8, revision.action());
        insert.setString(9, revision.item());
        insert.executeUpdate();
      }
    }
    if (change.event() != null) {
      StoryEvent event = change.event();
      try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO events (seq, story_id, type, at, payload) VALUES (?, ?, ?, ?, ?)")) {
        insert.setLong(1, event.seq());
        insert.setString(2, story.id());
        insert.setString(3, event.type());
        insert.setTimestamp(4, Timestamp.from(event.at()));
        insert.setString(5, change.eventJson());
        insert.executeUpdate();
      }
    }
  }

  /** A merge, split or "keep apart": what moves to {@code storyId} (see {@link Regroup}). */
  private static void regroup(Connection connection, String storyId, Regroup regroup) throws SQLException {
    if (regroup.merge()) {
      update(connection, "UPDATE revisions SET story_id = ?, revision = revision + ? WHERE story_id = ?",
        storyId, regroup.offset(), regroup.from());
      update(connection, "UPDATE story_keys SET story_id = ? WHERE story_id = ?", storyId, regroup.from());
      update(connection, "UPDATE story_redirects SET into_id = ? WHERE into_id = ?", storyId, regroup.from());
      update(connection, "MERGE INTO story_redirects (story_id, into_id) KEY (story_id) VALUES (?, ?)",
        regroup.from(), storyId);
    }
    if (regroup.restored()) {
      update(connection, "DELETE FROM story_redirects WHERE story_id = ?", storyId);
    }
    for (Map.Entry<Integer, Integer> moved : regroup.revisions().entrySet()) {
      update(connection, "UPDATE revisions SET story_id = ?, revision = ? WHERE story_id = ? AND revision = ?",
        storyId, moved.getValue(), regroup.from(), moved.getKey());
    }
    for (String source : regroup.dropSources()) {
      update(connection, "DELETE FROM story_sources WHERE story_id = ? AND source = ?", regroup.from(), source);
    }
    if (regroup.apartFrom() != null) {
      StoryPair pair = StoryPair.of(storyId, regroup.apartFrom());
      update(connection, "MERGE INTO stories_apart (first_id, second_id) KEY (first_id, second_id) VALUES (?, ?)",
        pair.first(), pair.second());
    }
  }

  private static void update(Connection connection, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }

  // Retention (see Prunable): the newest event and each story's latest revision always stay.
  // A batch is DELETE ... FETCH FIRST n ROWS: the earlier "WHERE key IN (SELECT ... LIMIT n)"
  // kept a core busy for minutes per pass on a store of 45,000 stories (BENCHMARKS.md, fan-out).

  static int pruneEvents(Connection connection, Instant before, int batchSize) throws SQLException {
    return prune(connection, "DELETE FROM events WHERE at < ? AND seq < (SELECT MAX(seq) FROM events)"
      + " FETCH FIRST ? ROWS ONLY", before, batchSize);
  }

  static int pruneRevisions(Connection connection, Instant before, int batchSize) throws SQLException {
    return prune(connection, "DELETE FROM revisions r WHERE r.changed_at < ?"
      + " AND r.revision < (SELECT MAX(c.revision) FROM revisions c WHERE c.story_id = r.story_id)"
      + " FETCH FIRST ? ROWS ONLY", before, batchSize);
  }

  private static int prune(Connection connection, String sql, Instant before, int batchSize) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setTimestamp(1, Timestamp.from(before));
      delete.setInt(2, batchSize);
      return delete.executeUpdate();
    }
  }
}
