package dev.newsticker.support;

import dev.newsticker.Server;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A real server on port 0 for each test, with its own data directory and a WebClient on it. */
public abstract class ServerTestBase {
  @TempDir
  protected Path dataDir;
  protected Vertx vertx;
  protected Server server;
  protected Api api;

  /** Settings this test class changes, in the shape of conf/config.json; none by default. */
  protected JsonObject settings() {
    return new JsonObject();
  }

  @BeforeEach
  void startServer() {
    vertx = Vertx.vertx();
    server = TestServers.start(vertx, TestServers.settings(dataDir, settings()));
    api = new Api(vertx, server.port());
  }

  @AfterEach
  void stopServer() {
    api.close();
    Await.result(server.stop());
    Await.result(vertx.close());
  }
}
