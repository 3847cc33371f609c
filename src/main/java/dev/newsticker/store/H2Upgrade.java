package dev.newsticker.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings an embedded store written by an earlier version up to the current schema, once: text
 * columns as wide as H2 allows (a category of 60 characters can double when lower-cased), and
 * identity keys hashed ({@link IdentityKeys}).
 */
final class H2Upgrade {
  /** H2's longest VARCHAR, what a VARCHAR without a length gets. */
  private static final long WIDE = 1_000_000;
  private static final long HASHED_KEY = 64;
  private static final List<String[]> WIDE_COLUMNS = List.of(
    new String[] {"STORIES", "CATEGORY"},
    new String[] {"STORY_SOURCES", "SOURCE"},
    new String[] {"REVISIONS", "HEADLINE"},
    new String[] {"REVISIONS", "SOURCE"});

  private H2Upgrade() {
  }

  static void apply(Connection connection) throws SQLException {
    for (String[] column : WIDE_COLUMNS) {
      if (width(connection, column[0], column[1]) < WIDE) {
        alter(connection, column[0], column[1], "VARCHAR");
      }
    }
    // the key column of an earlier version held the keys' text, in up to 1000 characters
    if (width(connection, "STORY_KEYS", "IDENTITY_KEY") > HASHED_KEY) {
      hashKeys(connection);
      alter(connection, "STORY_KEYS", "IDENTITY_KEY", "VARCHAR(" + HASHED_KEY + ")");
    }
  }

  private static long width(Connection connection, String table, String column) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT CHARACTER_MAXIMUM_LENGTH"
      + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
      query.setString(1, table);
      query.setString(2, column);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getLong(1) : WIDE;
      }
    }
  }

  /** SET DATA TYPE keeps the column's NOT NULL and its place in keys and indexes. */
  private static void alter(Connection connection, String table, String column, String type) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE " + type);
    }
  }

  private static void hashKeys(Connection connection) throws SQLException {
    Map<String, String> legacy = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT identity_key, story_id FROM story_keys")) {
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          legacy.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    if (legacy.isEmpty()) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM story_keys WHERE identity_key = ?");
         PreparedStatement insert = connection.prepareStatement(
           "MERGE INTO story_keys (identity_key, story_id) KEY (identity_key) VALUES (?, ?)")) {
      for (Map.Entry<String, String> key : legacy.entrySet()) {
        delete.setString(1, key.getKey());
        delete.addBatch();
        insert.setString(1, IdentityKeys.of(key.getKey()));
        insert.setString(2, key.getValue());
        insert.addBatch();
      }
      delete.executeBatch();
      insert.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
