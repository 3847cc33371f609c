package dev.newsticker.support;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * Tests of the packaged jar ({@link ServerProcess}): a data folder of the test's own, a Vert.x
 * instance for the clients, and the server's environment (the embedded store, demo off).
 */
public abstract class PackagedServerTestBase {
  @TempDir
  protected Path dataDir;
  protected Vertx vertx;

  @BeforeEach
  void startClients() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopClients() {
    Await.result(vertx.close());
  }

  /** The server's environment: port 0, the embedded store in {@link #dataDir}, no demo source. */
  protected Map<String, String> environment() {
    return Map.of("NEWSTICKER_HTTP_PORT", "0", "NEWSTICKER_DATA_DIR", dataDir.toString(), "NEWSTICKER_DEMO", "false");
  }
}
