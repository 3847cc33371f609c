package dev.newsticker.store;

import io.vertx.core.Vertx;

/** The store contract against PostgreSQL, each test in a fresh schema. */
class PgStoryStoreTest extends StoryStoreContractTest {

  private PgTestSupport.TestSchema schema;

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
