package dev.newsticker.support;

import dev.newsticker.Server;
import dev.newsticker.config.Settings;
import dev.newsticker.config.SettingsLoader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/** Real servers for tests: port 0, a data directory of the test's own, no demo source. */
public final class TestServers {

  private TestServers() {
  }

  public static Settings settings(Path dataDir) {
    return settings(dataDir, new JsonObject());
  }

  /** Test defaults, with {@code overrides} merged over them (same shape as conf/config.json). */
  public static Settings settings(Path dataDir, JsonObject overrides) {
    JsonObject config = new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("dataDir", dataDir.toString())
      .put("demo", new JsonObject().put("enabled", false))
      .mergeIn(overrides, true);
    return SettingsLoader.withOverrides(config);
  }

  public static Server start(Vertx vertx, Path dataDir) {
    return Await.result(Server.start(vertx, settings(dataDir)));
  }

  public static Server start(Vertx vertx, Settings settings) {
    return Await.result(Server.start(vertx, settings));
  }
}
