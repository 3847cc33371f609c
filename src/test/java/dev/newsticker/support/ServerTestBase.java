package dev.newsticker.support;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;

/** A real server on port 0 for each test, started with this class's {@link #settings()}. */
public abstract class ServerTestBase extends ConfiguredServerTestBase {

  /** Settings this test class changes, in the shape of conf/config.json; none by default. */
  protected JsonObject settings() {
    return new JsonObject();
  }

  @BeforeEach
  void startServer() {
    start(settings());
  }
}
