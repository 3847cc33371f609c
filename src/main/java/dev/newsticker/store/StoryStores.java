package dev.newsticker.store;

import dev.newsticker.config.Settings;
import io.vertx.core.Vertx;

/** Picks the store a node runs on (PostgreSQL when a URL is set, else the embedded file store) and its retention. */
public final class StoryStores {

  private StoryStores() {
  }

  public static StoryStore create(Vertx vertx, Settings settings) {
    return settings.pgUrl() != null
      ? new PgStoryStore(vertx, settings.pgUrl(), PgStoreOptions.from(settings.section("pg")))
      : new H2StoryStore(vertx, settings.dataDir());
  }

  /** The background pruning of a store made by {@link #create}, as the "retention" section says; deploy it. */
  public static Retention retention(StoryStore store, Settings settings) {
    if (!(store instanceof Prunable prunable)) {
      throw new IllegalArgumentException(store.getClass().getSimpleName() + " cannot be pruned");
    }
    return new Retention(prunable, Retention.Settings.from(settings.section("retention")));
  }
}
