package dev.newsticker.e2e;

import dev.newsticker.store.PgTestSupport;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Legal values on PostgreSQL, a schema of each test's own. */
class PgLegalValuesTest extends LegalValuesTest {
  private PgTestSupport.TestSchema schema;

  @BeforeAll
  static void requirePostgres() {
    PgTestSupport.assumeReachable();
  }

  @Override
  protected JsonObject storeSettings() {
    schema = PgTestSupport.freshSchema(vertx);
    return new JsonObject().put("pgUrl", schema.url());
  }

  @AfterEach
  void dropSchema() {
    PgTestSupport.drop(vertx, schema);
  }
}
