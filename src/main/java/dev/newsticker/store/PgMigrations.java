package dev.newsticker.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Brings the schema up to date at start-up with the versioned scripts in {@code db/pg/}. All of it
 * runs in one transaction holding an advisory lock, so nodes starting at once take turns and the
 * second finds nothing left to do; a failing script leaves the schema as it was.
 */
final class PgMigrations {

  /** Every script, in order. A new migration is a new file here, never an edit of an applied one. */
  static final List<String> SCRIPTS = List.of("V1__schema.sql", "V2__hashed_identity_keys.sql", "V3__corrections.sql",
    "V4__merge_split.sql", "V5__desk_window.sql");

  private static final Logger LOG = LoggerFactory.getLogger(PgMigrations.class);
  private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('newsticker.migrations:'"
    + " || coalesce(current_schema(), '')))";
  private static final String TABLE = "CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY,"
    + " name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())";

  record Script(int version, String name, String sql, String checksum) {
  }

  private PgMigrations() {
  }

  /** Applies the scripts not applied yet; answers how many it applied. */
  static Future<Integer> migrate(Vertx vertx, Pool pool) {
    return vertx.executeBlocking(PgMigrations::load)
      .compose(scripts -> pool.withTransaction(conn -> conn.query(LOCK).execute()
        .compose(locked -> conn.query(TABLE).execute())
        .compose(created -> conn.query("SELECT version, checksum FROM schema_migrations").execute())
        .compose(rows -> {
          Map<Integer, String> applied = rows.stream()
            .collect(Collectors.toMap(row -> row.getInteger("version"), row -> row.getString("checksum")));
          return applyMissing(conn, scripts, applied);
        })));
  }

  private static Future<Integer> applyMissing(SqlConnection conn, List<Script> scripts, Map<Integer, String> applied) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (Script script : scripts) {
      String checksum = applied.get(script.version());
      if (checksum != null) {
        if (!checksum.equals(script.checksum())) {
          return Future.failedFuture(new IllegalStateException("migration V" + script.version()
            + " was changed after it was applied; add a new migration instead"));
        }
        continue;
      }
      chain = chain.compose(count -> conn.query(script.sql()).execute()
        .compose(done -> conn.preparedQuery("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)")
          .execute(Tuple.of(script.version(), script.name(), script.checksum())))
        .map(done -> {
          LOG.info("Applied migration V{} {}", script.version(), script.name());
          return count + 1;
        }));
    }
    return chain;
  }

  static List<Script> load() {
    return SCRIPTS.stream().map(PgMigrations::read).toList();
  }

  private static Script read(String file) {
    Matcher name = NAME.matcher(file);
    if (!name.matches()) {
      throw new IllegalStateException("migration " + file + " is not named V<n>__<name>.sql");
    }
    try (InputStream in = PgMigrations.class.getClassLoader().getResourceAsStream("db/pg/" + file)) {
      if (in == null) {
        throw new IllegalStateException("migration db/pg/" + file + " is missing from the classpath");
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Script(Integer.parseInt(name.group(1)), name.group(2), sql, IdentityKeys.sha256(sql));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration db/pg/" + file, e);
    }
  }

}
