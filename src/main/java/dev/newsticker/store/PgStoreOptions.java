package dev.newsticker.store;

import dev.newsticker.config.ConfigReader;
import io.vertx.core.json.JsonObject;

/**
 * How the PostgreSQL store uses its connections: read from the "pg" section of the configuration.
 *
 * @param poolSize         connections in the pool
 * @param connectMillis    how long opening a connection may take before the operation fails
 * @param operationMillis  how long one operation may take, waiting for a connection included;
 *                         past it the operation fails with {@link StoreUnavailableException}
 */
public record PgStoreOptions(int poolSize, int connectMillis, int operationMillis) {

  public static final PgStoreOptions DEFAULTS = new PgStoreOptions(8, 2000, 5000);

  public static PgStoreOptions from(JsonObject section) {
    ConfigReader pg = new ConfigReader(section, "pg");
    return new PgStoreOptions(
      pg.integer("poolSize", DEFAULTS.poolSize(), 1, 1000),
      pg.integer("connectMillis", DEFAULTS.connectMillis(), 100, 600_000),
      pg.integer("operationMillis", DEFAULTS.operationMillis(), 100, 3_600_000));
  }
}
