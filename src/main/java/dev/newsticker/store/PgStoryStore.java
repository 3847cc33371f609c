package dev.newsticker.store;

import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.model.StoryFilter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The production {@link StoryStore}: PostgreSQL through a vertx-pg-client pool, non-blocking end to end.
 * Every operation is bounded by {@link PgStoreOptions#operationMillis()} and fails with
 * {@link StoreUnavailableException} when PostgreSQL cannot be reached; the pool opens fresh
 * connections by itself once it is back.
 */
public class PgStoryStore implements StoryStore, Prunable {

  private static final Logger LOG = LoggerFactory.getLogger(PgStoryStore.class);
  /** Operations waiting for a connection; past it they fail at once, so an outage cannot pile up work. */
  private static final int MAX_WAITING = 10_000;

  private final Vertx vertx;
  private final PgConnectOptions connect;
  private final PgStoreOptions options;
  private Pool pool;

  public PgStoryStore(Vertx vertx, String url) {
    this(vertx, url, PgStoreOptions.DEFAULTS);
  }

  /** @param url a {@code postgresql://user[:password]@host:port/database[?param=value]} URL */
  public PgStoryStore(Vertx vertx, String url, PgStoreOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.connect = PgConnectOptions.fromUri(url);
    connect.setCachePreparedStatements(true);
  }

  @Override
  public Future<Void> open() {
    pool = PgBuilder.pool()
      .with(new PoolOptions()
        .setMaxSize(options.poolSize())
        .setConnectionTimeout(options.operationMillis())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxWaitQueueSize(MAX_WAITING))
      .with(new NetClientOptions()
        .setConnectTimeout(options.connectMillis())
        // frees a connection whose server went silent (an operation timed out on it) instead of holding it for hours
        .setReadIdleTimeout(Math.max(30_000, 2 * options.operationMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
      .connectingTo(connect)
      .using(vertx)
      .build();
    return PgFailures.guard(PgMigrations.migrate(vertx, pool), options.operationMillis() * 6)
      .onSuccess(applied -> LOG.info("PostgreSQL store open at {}:{}/{} ({} migrations applied)",
        connect.getHost(), connect.getPort(), connect.getDatabase(), applied))
      .mapEmpty();
  }

  @Override
  public Future<Void> append(List<StoryChange> changes) {
    if (changes.isEmpty()) {
      return Future.succeededFuture();
    }
    return guard(inTransaction(conn -> Future.all(writes(conn, changes)).mapEmpty()));
  }

  /**
   * The batch's statements, sent at once so that they travel pipelined on the connection: one
   * round trip per statement kind, not per change. A story changed twice in the batch is written
   * once with its final state.
   */
  private List<Future<?>> writes(SqlConnection conn, List<StoryChange> changes) {
    Map<String, Story> finalState = new LinkedHashMap<>();
    Map<String, String> keyOwners = new LinkedHashMap<>();
    List<Tuple> revisions = new ArrayList<>();
    List<Tuple> events = new ArrayList<>();
    List<Future<?>> writes = new ArrayList<>();
    List<StoryChange> regrouped = new ArrayList<>();
    for (StoryChange change : changes) {
      String id = change.story().id();
      finalState.put(id, change.story());
      change.newKeys().forEach(key -> keyOwners.put(key, id));
      if (change.revision() != null) {
        revisions.add(PgRows.revision(id, change.revision()));
      }
      if (change.event() != null) {
        events.add(PgRows.event(change));
      }
      if (change.regroup() != null) {
        regrouped.add(change);
      }
    }
    // a key moved twice within the batch ends with its last story, as in the desk's own map
    Map<String, List<String>> keysByStory = keyOwners.entrySet().stream()
      .collect(Collectors.groupingBy(Map.Entry::getValue, LinkedHashMap::new,
        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    List<Tuple> keyRows = keysByStory.entrySet().stream()
      .map(entry -> Tuple.tuple().addArrayOfString(PgRows.array(entry.getValue())).addString(entry.getKey()))
      .toList();
    writes.add(batch(conn, PgSql.UPSERT_STORY, finalState.values().stream().map(PgRows::story).toList()));
    // after the stories (a split's new story must exist), before the keys and revisions that follow
    regrouped.forEach(change -> writes.addAll(PgRegroup.writes(conn, change.story().id(), change.regroup())));
    writes.add(batch(conn, PgSql.DELETE_SOURCES, finalState.keySet().stream().map(Tuple::of).toList()));
    writes.add(batch(conn, PgSql.INSERT_SOURCES, finalState.values().stream()
      .map(story -> Tuple.tuple().addString(story.id()).addArrayOfString(PgRows.array(story.sources())))
      .toList()));
    writes.add(batch(conn, PgSql.UPSERT_KEYS, keyRows));
    writes.add(batch(conn, PgSql.INSERT_REVISION, revisions));
    writes.add(batch(conn, PgSql.INSERT_EVENT, events));
    return writes;
  }

  static Future<?> batch(SqlConnection conn, String sql, List<Tuple> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    return rows.size() == 1
      ? conn.preparedQuery(sql).execute(rows.get(0))
      : conn.preparedQuery(sql).executeBatch(rows);
  }

  /** One snapshot of the database for all its reads, so the state is consistent even if another node writes. */
  @Override
  public Future<DeskState> loadDeskState(Instant since, int limit) {
    Tuple window = Tuple.of(PgRows.timestamp(since), limit);
    return guard(inTransaction(conn -> conn.query(PgSql.SNAPSHOT_READ).execute()
      .compose(snapshot -> topSeq(conn))
      .compose(top -> conn.preparedQuery(PgSql.RECENT_STORIES).execute(window)
        .compose(recent -> conn.query(PgSql.BREAKING_WITH_END).execute()
          .compose(breaking -> conn.query(PgSql.APART).execute()
            .map(apart -> new DeskState(top, stories(recent), stories(breaking), map(apart, PgRegroup::pair))))))));
  }

  @Override
  public Future<Map<String, Story>> liveStoriesByKey(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    Tuple param = Tuple.tuple().addArrayOfString(PgRows.array(List.copyOf(keys)));
    return guard(withConnection(conn -> conn.preparedQuery(PgSql.LIVE_BY_KEY).execute(param).map(rows -> {
      Map<String, Story> found = new HashMap<>();
      rows.forEach(row -> found.put(row.getString("key"), PgRows.story(row)));
      return found;
    })));
  }

  @Override
  public Future<List<StoryEvent>> eventsAfter(long afterSeq, int limit) {
    return guard(withConnection(conn -> conn.preparedQuery(PgSql.EVENTS_AFTER)
      .execute(Tuple.of(afterSeq, limit))
      .map(rows -> map(rows, PgRows::event))));
  }

  /** Reads the top seq before the stories, so the seq it answers is never later than what they show. */
  @Override
  public Future<Snapshot> newest(int limit, StoryFilter filter, Long beforeSeq) {
    Tuple params = Tuple.of(filter.category(), filter.source(), filter.breaking(), beforeSeq, limit);
    return guard(withConnection(conn -> topSeq(conn)
      .compose(top -> conn.preparedQuery(PgSql.NEWEST)
        .execute(params)
        .map(rows -> new Snapshot(top, stories(rows))))));
  }

  @Override
  public Future<Optional<StoryDetail>> story(String id) {
    Tuple param = Tuple.of(id);
    return guard(withConnection(conn -> conn.preparedQuery(PgSql.STORY).execute(param)
      .compose(rows -> {
        if (rows.size() == 0) {
          return Future.succeededFuture(Optional.<StoryDetail>empty());
        }
        Story story = PgRows.story(rows.iterator().next());
        return conn.preparedQuery(PgSql.REDIRECT).execute(param).compose(redirect -> redirect.size() > 0
          ? Future.succeededFuture(Optional.of(StoryDetail.redirect(story, redirect.iterator().next().getString("into_id"))))
          : conn.preparedQuery(PgSql.REVISIONS).execute(param)
            .map(revisions -> Optional.of(new StoryDetail(story, map(revisions, PgRows::revision)))));
      })));
  }

  @Override
  public Future<Boolean> ready() {
    if (pool == null) {
      return Future.succeededFuture(false);
    }
    return guard(withConnection(conn -> conn.query("SELECT 1").execute()))
      .map(true)
      .otherwise(false);
  }

  @Override
  public Future<Integer> pruneEvents(Instant before, int batchSize) {
    return prune(PgSql.PRUNE_EVENTS, before, batchSize);
  }

  @Override
  public Future<Integer> pruneRevisions(Instant before, int batchSize) {
    return prune(PgSql.PRUNE_REVISIONS, before, batchSize);
  }

  private Future<Integer> prune(String sql, Instant before, int batchSize) {
    return guard(withConnection(conn -> conn.preparedQuery(sql)
      .execute(Tuple.of(PgRows.timestamp(before), batchSize))
      .map(RowSet::rowCount)));
  }

  @Override
  public Future<Void> close() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  /**
   * A connection the pool cannot hand out means PostgreSQL is away or overwhelmed, whatever the
   * pool's failure is (its timeout is a bare "Timeout" with no type of its own): told apart by
   * where it failed, not by its words.
   */
  private Future<SqlConnection> connection() {
    return pool.getConnection().recover(failure -> Future.failedFuture(PgFailures.unavailable(failure)));
  }

  private <T> Future<T> withConnection(Function<SqlConnection, Future<T>> work) {
    return connection().compose(conn -> work.apply(conn).eventually(conn::close));
  }

  /** As {@link Pool#withTransaction}, on a connection from {@link #connection()}. */
  private <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
    return withConnection(conn -> conn.begin().compose(tx -> work.apply(conn).compose(
      result -> tx.commit().map(result),
      failure -> tx.rollback().transform(rolledBack -> Future.<T>failedFuture(failure)))));
  }

  private <T> Future<T> guard(Future<T> operation) {
    return PgFailures.guard(operation, options.operationMillis());
  }

  private static Future<Long> topSeq(SqlClient client) {
    return client.query(PgSql.TOP_SEQ).execute().map(rows -> rows.iterator().next().getLong("top"));
  }

  private static List<Story> stories(RowSet<Row> rows) {
    return map(rows, PgRows::story);
  }

  private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> values = new ArrayList<>(rows.size());
    rows.forEach(row -> values.add(mapper.apply(row)));
    return values;
  }
}
