package dev.newsticker.store;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against PostgreSQL, each test in a fresh schema. */
class PgStoryStoreTest extends StoryStoreContractTest {

  private PgTestSupport.TestSchema schema;

  @BeforeAll
  static void requirePostgres() {
    PgTestSupport.assumeReachable();
  }

  @Override
  protected void createDatabase(Vertx vertx) {
    schema = PgTestSupport.freshSchema(vertx);
  }

  @Override
  protected StoryStore newStore(Vertx vertx) {
    return new PgStoryStore(vertx, schema.url());
  }

  @Override
  protected void dropDatabase(Vertx vertx) {
    PgTestSupport.drop(vertx, schema);
  }
}
