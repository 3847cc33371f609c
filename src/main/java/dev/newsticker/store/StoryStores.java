package dev.newsticker.store;

import dev.newsticker.config.Settings;
import io.vertx.core.Vertx;

/** Picks the store a node runs on: PostgreSQL when a URL is set, else the embedded file store. */
public final class StoryStores {

  private StoryStores() {
  }

  public static StoryStore create(Vertx vertx, Settings settings) {
    return settings.pgUrl() != null
      ? new PgStoryStore(vertx, settings.pgUrl(), PgStoreOptions.from(settings.section("pg")))
      : new H2StoryStore(vertx, settings.dataDir());
  }
}
