package dev.newsticker.store;

import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.model.StoryFilter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The embedded store: an H2 database file under the data directory, used through plain JDBC on
 * a worker pool of its own. Each append commits and then checkpoints, so a batch that has been
 * acknowledged is on disk even if the process is killed the next instant.
 */
public class H2StoryStore implements StoryStore, Prunable {
  private static final Logger LOG = LoggerFactory.getLogger(H2StoryStore.class);

  private final Vertx vertx;
  private final Path dataDir;
  private WorkerExecutor workers;
  private JdbcConnectionPool pool;

  public H2StoryStore(Vertx vertx, Path dataDir) {
    this.vertx = vertx;
    this.dataDir = dataDir;
  }

  @Override
  public Future<Void> open() {
    workers = vertx.createSharedWorkerExecutor("newsticker-h2-" + dataDir.toAbsolutePath(), 4);
    return blocking(() -> {
      pool = H2Database.open(dataDir);
      LOG.info("Embedded store open in {}", dataDir.toAbsolutePath());
      return null;
    });
  }

  @Override
  public Future<Void> append(List<StoryChange> changes) {
    return blocking(() -> {
      try (Connection connection = pool.getConnection()) {
        connection.setAutoCommit(false);
        try {
          for (StoryChange change : changes) {
            H2Writes.write(connection, change);
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
      return null;
    });
  }

  @Override
  public Future<DeskState> loadDeskState() {
    return blocking(() -> {
      try (Connection connection = pool.getConnection()) {
        long top = topSeq(connection);
        List<Story> stories = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT doc FROM stories WHERE removed = FALSE ORDER BY last_seq")) {
          while (rows.next()) {
            stories.add(Story.fromJson(new JsonObject(rows.getString(1))));
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
        return new DeskState(top, stories, keys);
      }
    });
  }

  @Override
  public Future<List<StoryEvent>> eventsAfter(long afterSeq, int limit) {
    return blocking(() -> {
      try (Connection connection = pool.getConnection();
           PreparedStatement query = connection.prepareStatement(
             "SELECT payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?")) {
        query.setLong(1, afterSeq);
        query.setInt(2, limit);
        List<StoryEvent> events = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            events.add(StoryEvent.fromJson(new JsonObject(rows.getString(1))));
          }
        }
        return events;
      }
    });
  }

  @Override
  public Future<Snapshot> newest(int limit, StoryFilter filter, Long beforeSeq) {
    return blocking(() -> {
      try (Connection connection = pool.getConnection()) {
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
              stories.add(Story.fromJson(new JsonObject(rows.getString(1))));
            }
          }
        }
        return new Snapshot(top, stories);
      }
    });
  }

  @Override
  public Future<Optional<StoryDetail>> story(String id) {
    return blocking(() -> {
      try (Connection connection = pool.getConnection();
           PreparedStatement query = connection.prepareStatement("SELECT doc FROM stories WHERE id = ?")) {
        query.setString(1, id);
        Story story;
        try (ResultSet rows = query.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          story = Story.fromJson(new JsonObject(rows.getString(1)));
        }
        return Optional.of(new StoryDetail(story, revisions(connection, id)));
      }
    });
  }

  private static List<Revision> revisions(Connection connection, String id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT revision, headline, source, changed_at, change_kind "
      + "FROM revisions WHERE story_id = ? ORDER BY revision")) {
      query.setString(1, id);
      List<Revision> revisions = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          revisions.add(new Revision(rows.getInt(1), rows.getString(2), rows.getString(3),
            rows.getTimestamp(4).toInstant(), rows.getString(5)));
        }
      }
      return revisions;
    }
  }

  @Override
  public Future<Boolean> ready() {
    if (pool == null) {
      return Future.succeededFuture(false);
    }
    return blocking(() -> {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        return statement.execute("SELECT 1");
      }
    }).otherwise(false);
  }

  @Override
  public Future<Void> close() {
    if (pool == null) {
      return Future.succeededFuture();
    }
    Future<Void> shutdown = blocking(() -> {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      }
      pool.dispose();
      pool = null;
      return null;
    });
    return shutdown.eventually(() -> workers.close());
  }

  // Retention (see Prunable): the newest event and each story's latest revision always stay.

  // A batch is DELETE ... FETCH FIRST n ROWS: the earlier "WHERE key IN (SELECT ... LIMIT n)"
  // kept a core busy for minutes per pass on a store of 45,000 stories (BENCHMARKS.md, fan-out).

  @Override
  public Future<Integer> pruneEvents(Instant before, int batchSize) {
    return prune("DELETE FROM events WHERE at < ? AND seq < (SELECT MAX(seq) FROM events)"
      + " FETCH FIRST ? ROWS ONLY", before, batchSize);
  }

  @Override
  public Future<Integer> pruneRevisions(Instant before, int batchSize) {
    return prune("DELETE FROM revisions r WHERE r.changed_at < ?"
      + " AND r.revision < (SELECT MAX(c.revision) FROM revisions c WHERE c.story_id = r.story_id)"
      + " FETCH FIRST ? ROWS ONLY", before, batchSize);
  }

  private Future<Integer> prune(String sql, Instant before, int batchSize) {
    return blocking(() -> {
      try (Connection connection = pool.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
        delete.setTimestamp(1, Timestamp.from(before));
        delete.setInt(2, batchSize);
        return delete.executeUpdate();
      }
    });
  }

  private static long topSeq(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM events")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Runs JDBC on the store's workers; I/O trouble is "unavailable", a broken constraint is not. */
  private <T> Future<T> blocking(Callable<T> work) {
    return workers.executeBlocking(work, false).recover(e -> Future.failedFuture(
      e instanceof IOException || e instanceof SQLException sql && !isConstraintViolation(sql)
        ? new StoreUnavailableException("embedded store failed: " + e.getMessage(), e)
        : e));
  }

  private static boolean isConstraintViolation(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }
}
