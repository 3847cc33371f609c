package dev.newsticker.e2e;

import dev.newsticker.store.PgTestSupport;
import dev.newsticker.support.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

/** kill -9 of the real server process on PostgreSQL loses nothing that was acknowledged. */
class PgKillRestartIT extends KillRestartIT {
  private Vertx admin;
  private PgTestSupport.TestSchema schema;

  @BeforeAll
  static void requirePostgres() {
    PgTestSupport.assumeReachable();
  }

  @BeforeEach
  void createSchema() {
    admin = Vertx.vertx();
    schema = PgTestSupport.freshSchema(admin);
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      PgTestSupport.drop(admin, schema);
    }
    Await.result(admin.close());
  }

  @Override
  protected Map<String, String> environment() {
    return Map.of("NEWSTICKER_HTTP_PORT", "0", "NEWSTICKER_PG_URL", schema.url(), "NEWSTICKER_DEMO", "false");
  }
}
