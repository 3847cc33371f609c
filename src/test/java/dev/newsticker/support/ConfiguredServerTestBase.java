package dev.newsticker.support;

import dev.newsticker.Server;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A real server on port 0 that each test starts with its own settings ({@link #start}), with its
 * own data directory and a WebClient on it; stopped after the test.
 */
public abstract class ConfiguredServerTestBase {
  @TempDir
  protected Path dataDir;
  protected Vertx vertx;
  protected Server server;
  protected Api api;

  @BeforeEach
  void createVertx() {
    vertx = newVertx();
  }

  /** The tests' Vert.x, for the server and the clients alike. */
  protected Vertx newVertx() {
    return Vertx.vertx();
  }

  /** Starts the server with {@code overrides} in the shape of conf/config.json. */
  protected void start(JsonObject overrides) {
    server = TestServers.start(vertx, TestServers.settings(dataDir, overrides));
    api = new Api(vertx, server.port());
  }

  @AfterEach
  void stopServer() {
    if (api != null) {
      api.close();
    }
    if (server != null) {
      Await.result(server.stop());
    }
    Await.result(vertx.close());
  }
}
