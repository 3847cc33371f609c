package dev.newsticker.store;

import dev.newsticker.model.RecordJson;
import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.model.StoryFilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the embedded store answers the contract's reads, one JDBC connection each (on a worker). */
final class H2Reads {

  private static final int FETCH_SIZE = 1000;

  private H2Reads() {
  }

  /**
   * The window is read last changed first, and only as far as it goes: seq and update time rise
   * together, as the desk assigns both at once. "removed DESC" lets H2 walk the index in order
   * instead of sorting every story; lazy execution lets it stop where the window ends instead of
   * reading {@code limit} documents first.
   */
  static DeskState deskState(Connection connection, Instant since, int limit) throws SQLException {
    long top = topSeq(connection);
    List<Story> recent = new ArrayList<>();
    lazy(connection, true);
    try (PreparedStatement query = connection.prepareStatement(
      "SELECT doc FROM stories WHERE removed = FALSE ORDER BY removed DESC, last_seq DESC LIMIT ?")) {
      query.setInt(1, limit);
      query.setFetchSize(FETCH_SIZE);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Story story = RecordJson.decode(rows.getString(1), Story.class);
          if (story.updatedAt() == null || story.updatedAt().isBefore(since)) {
            break;
          }
          recent.add(story);
        }
      }
    } finally {
      lazy(connection, false);
    }
    List<Story> breaking = new ArrayList<>();
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT doc FROM stories WHERE removed = FALSE AND breaking = TRUE")) {
      while (rows.next()) {
        Story story = RecordJson.decode(rows.getString(1), Story.class);
        if (story.breakingUntil() != null) {
          breaking.add(story);
        }
      }
    }
    List<StoryPair> apart = new ArrayList<>();
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT first_id, second_id FROM stories_apart")) {
      while (rows.next()) {
        apart.add(new StoryPair(rows.getString(1), rows.getString(2)));
      }
    }
    return new DeskState(top, recent, breaking, apart);
  }

  static Map<String, Story> liveStoriesByKey(Connection connection, Collection<String> keys) throws SQLException {
    Map<String, Story> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT k.identity_key, s.doc FROM story_keys k"
      + " JOIN stories s ON s.id = k.story_id WHERE s.removed = FALSE AND k.identity_key = ANY(?)")) {
      query.setObject(1, keys.toArray(String[]::new));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getString(1), RecordJson.decode(rows.getString(2), Story.class));
        }
      }
    }
    return found;
  }

  static List<StoryEvent> eventsAfter(Connection connection, long afterSeq, int limit) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
      "SELECT payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?")) {
      query.setLong(1, afterSeq);
      query.setInt(2, limit);
      List<StoryEvent> events = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          events.add(StoryEvent.decode(rows.getString(1)));
        }
      }
      return events;
    }
  }

  static Snapshot newest(Connection connection, int limit, StoryFilter filter, Long beforeSeq) throws SQLException {
    long top = topSeq(connection);
    List<Object> params = new ArrayList<>();
    String sql = newestQuery(filter, beforeSeq, params);
    params.add(limit);
    List<Story> stories = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        query.setObject(i + 1, params.get(i));
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          stories.add(RecordJson.decode(rows.getString(1), Story.class));
        }
      }
    }
    return new Snapshot(top, stories);
  }

  static Optional<StoryDetail> story(Connection connection, String id) throws SQLException {
    Story story;
    try (PreparedStatement query = connection.prepareStatement("SELECT doc FROM stories WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        story = RecordJson.decode(rows.getString(1), Story.class);
      }
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT into_id FROM story_redirects WHERE story_id = ?")) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        if (rows.next()) {
          return Optional.of(StoryDetail.redirect(story, rows.getString(1)));
        }
      }
    }
    return Optional.of(new StoryDetail(story, revisions(connection, id)));
  }

  private static List<Revision> revisions(Connection connection, String id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT revision, headline, source, changed_at, change_kind, edited_by, action, item_key "
      + "FROM revisions WHERE story_id = ? ORDER BY revision")) {
      query.setString(1, id);
      List<Revision> revisions = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          revisions.add(new Revision(rows.getInt(1), rows.getString(2), rows.getString(3),
            rows.getTimestamp(4).toInstant(), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8)));
        }
      }
      return revisions;
    }
  }

  /**
   * The newest live stories matching {@code filter}, their parameters added to {@code params} (the
   * limit last). "removed DESC" lets H2 walk the index newest first and stop at the limit; ordered
   * by last_seq alone it read and sorted every live story for each snapshot and page.
   */
  static String newestQuery(StoryFilter filter, Long beforeSeq, List<Object> params) {
    StringBuilder sql = new StringBuilder("SELECT doc FROM stories s WHERE removed = FALSE");
    if (filter.category() != null) {
      sql.append(" AND category = ?");
      params.add(filter.category().toLowerCase());
    }
    if (filter.breaking() != null) {
      sql.append(" AND breaking = ?");
      params.add(filter.breaking());
    }
    if (filter.source() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM story_sources x WHERE x.story_id = s.id AND x.source = ?)");
      params.add(filter.source());
    }
    if (beforeSeq != null) {
      sql.append(" AND last_seq < ?");
      params.add(beforeSeq);
    }
    return sql.append(" ORDER BY removed DESC, last_seq DESC LIMIT ?").toString();
  }

  private static void lazy(Connection connection, boolean on) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LAZY_QUERY_EXECUTION " + on);
    }
  }

  private static long topSeq(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM events")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
