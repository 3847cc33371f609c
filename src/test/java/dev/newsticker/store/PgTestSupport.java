package dev.newsticker.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

import static dev.newsticker.store.Await.await;

/**
 * PostgreSQL for tests: each test gets a schema of its own in the test database, so tests and
 * helpers sharing the server never see each other's rows. The store under test reaches it
 * through {@code ?search_path=...} in its URL (a startup parameter PostgreSQL applies to the session).
 * Test classes call {@link #assumeReachable()} first: when PostgreSQL does not answer they skip
 * with the reason, or fail when {@code NEWSTICKER_REQUIRE_PG=true} (CI).
 */
public final class PgTestSupport {

  /** The server and database tests use; override with NEWSTICKER_TEST_PG_URL. */
  public static final String URL = System.getenv().getOrDefault("NEWSTICKER_TEST_PG_URL",
    "postgresql://postgres@127.0.0.1:5432/test");

  private static final Logger LOG = LoggerFactory.getLogger(PgTestSupport.class);

  /** A schema of one test. */
  public record TestSchema(String name) {

    /** The store's URL for this schema, on the test server. */
    public String url() {
      PgConnectOptions base = PgConnectOptions.fromUri(URL);
      return urlVia(base.getHost(), base.getPort());
    }

    /** The store's URL for this schema, reaching the server through {@code host:port} (a proxy). */
    public String urlVia(String host, int port) {
      PgConnectOptions base = PgConnectOptions.fromUri(URL);
      String password = base.getPassword() == null ? "" : ":" + base.getPassword();
      return "postgresql://" + base.getUser() + password + "@" + host + ":" + port + "/" + base.getDatabase()
        + "?search_path=" + name;
    }
  }

  private PgTestSupport() {
  }

  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("NEWSTICKER_REQUIRE_PG"));
  }

  /**
   * Skips the calling test class (call it from {@code @BeforeAll}) with the reason when PostgreSQL
   * does not answer, or fails it when {@code NEWSTICKER_REQUIRE_PG=true}.
   */
  public static void assumeReachable() {
    Vertx vertx = Vertx.vertx();
    try {
      sql(vertx, "SELECT 1");
    } catch (RuntimeException e) {
      String reason = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + ")";
      if (required()) {
        Assertions.fail(reason + " and NEWSTICKER_REQUIRE_PG=true", e);
      }
      LOG.warn("Skipping: {}", reason);
      Assumptions.abort(reason + "; set NEWSTICKER_REQUIRE_PG=true to fail instead");
    } finally {
      await(vertx.close());
    }
  }

  /** Creates an empty schema of its own for one test. */
  public static TestSchema freshSchema(Vertx vertx) {
    TestSchema schema = new TestSchema("nt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    sql(vertx, "CREATE SCHEMA " + schema.name());
    return schema;
  }

  public static void drop(Vertx vertx, TestSchema schema) {
    sql(vertx, "DROP SCHEMA IF EXISTS " + schema.name() + " CASCADE");
  }

  /** Runs one statement as the test user on the test database, outside any test schema. */
  public static RowSet<Row> sql(Vertx vertx, String statement) {
    Pool admin = PgBuilder.pool()
      .with(new NetClientOptions().setConnectTimeout(2000))
      .connectingTo(URL)
      .using(vertx)
      .build();
    Future<RowSet<Row>> result = admin.query(statement).execute();
    try {
      return await(PgFailures.guard(result, 5000));
    } finally {
      admin.close();
    }
  }
}
