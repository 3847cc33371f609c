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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the embedded store answers the contract's reads, one JDBC connection each (on a worker). */
final class H2Reads {

  private H2Reads() {
  }

  static DeskState deskState(Connection connection) throws SQLException {
    long top = topSeq(connection);
    List<Story> stories = new ArrayList<>();
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT doc FROM stories WHERE removed = FALSE ORDER BY last_seq")) {
      while (rows.next()) {
        stories.add(RecordJson.decode(rows.getString(1), Story.class));
      }
    }
    Map<String, String> keys = new HashMap<>();
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT k.identity_key, k.story_id FROM story_keys k "
           + "JOIN stories s ON s.id = k.story_id WHERE s.removed = FALSE")) {
      while (rows.next()) {
        keys.put(rows.getString(1), rows.getString(2));
      }
    }
    List<StoryPair> apart = new ArrayList<>();
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT first_id, second_id FROM stories_apart")) {
      while (rows.next()) {
        apart.add(new StoryPair(rows.getString(1), rows.getString(2)));
      }
    }
    return new DeskState(top, stories, keys, apart);
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
    StringBuilder sql = new StringBuilder("SELECT doc FROM stories s WHERE removed = FALSE");
    List<Object> params = new ArrayList<>();
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
    sql.append(" ORDER BY last_seq DESC LIMIT ?");
    params.add(limit);
    List<Story> stories = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
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

  private static long topSeq(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM events")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
