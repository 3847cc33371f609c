package dev.newsticker.store;

import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.model.StoryFilter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The embedded store: an H2 database file under the data directory ({@link H2Database}), used
 * through plain JDBC on a worker pool of its own; reads in {@link H2Reads}, writes in
 * {@link H2Writes}. Each append commits and then checkpoints, so a batch that has been
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
    return withConnection(connection -> {
      H2Writes.append(connection, changes);
      return null;
    });
  }

  @Override
  public Future<DeskState> loadDeskState(Instant since, int limit) {
    return withConnection(connection -> H2Reads.deskState(connection, since, limit));
  }

  @Override
  public Future<Map<String, Story>> liveStoriesByKey(Collection<String> keys) {
    return withConnection(connection -> H2Reads.liveStoriesByKey(connection, keys));
  }

  @Override
  public Future<List<StoryEvent>> eventsAfter(long afterSeq, int limit) {
    return withConnection(connection -> H2Reads.eventsAfter(connection, afterSeq, limit));
  }

  @Override
  public Future<Snapshot> newest(int limit, StoryFilter filter, Long beforeSeq) {
    return withConnection(connection -> H2Reads.newest(connection, limit, filter, beforeSeq));
  }

  @Override
  public Future<Optional<StoryDetail>> story(String id) {
    return withConnection(connection -> H2Reads.story(connection, id));
  }

  @Override
  public Future<Boolean> ready() {
    if (pool == null) {
      return Future.succeededFuture(false);
    }
    return withConnection(connection -> {
      try (Statement statement = connection.createStatement()) {
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

  @Override
  public Future<Integer> pruneEvents(Instant before, int batchSize) {
    return withConnection(connection -> H2Writes.pruneEvents(connection, before, batchSize));
  }

  @Override
  public Future<Integer> pruneRevisions(Instant before, int batchSize) {
    return withConnection(connection -> H2Writes.pruneRevisions(connection, before, batchSize));
  }

  /** One JDBC step on one pooled connection. */
  private interface Step<T> {
    T on(Connection connection) throws SQLException;
  }

  private <T> Future<T> withConnection(Step<T> step) {
    return blocking(() -> {
      try (Connection connection = pool.getConnection()) {
        return step.on(connection);
      }
    });
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
