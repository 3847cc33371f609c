package dev.newsticker.e2e;

import dev.newsticker.Server;
import dev.newsticker.support.Await;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Idle streams carry heartbeats, so proxies keep them open and readers notice a dead server. */
class HeartbeatTest {
  @TempDir
  Path dataDir;

  @Test
  void anIdleStreamGetsHeartbeatCommentsAndTheRetryHint() {
    Vertx vertx = Vertx.vertx();
    Server server = TestServers.start(vertx, TestServers.settings(dataDir,
      new JsonObject().put("stream", new JsonObject().put("heartbeatSeconds", 1).put("retryMillis", 2500))));
    try (SseReader reader = SseReader.open(vertx, server.port(), "/api/v1/stream")) {
      reader.awaitEvent("snapshot");
      Await.until("two heartbeats", () -> reader.comments() >= 2);
      assertFalse(reader.ended());
      assertEquals(2500, reader.retry());
      assertEquals("no-cache, no-transform", reader.header("Cache-Control"));
      assertEquals(1, server.readers());
    } finally {
      Await.result(server.stop());
      Await.result(vertx.close());
    }
  }
}
