package dev.newsticker.push;

import dev.newsticker.support.Await;
import dev.newsticker.support.Metrics;
import dev.newsticker.support.ServerTestBase;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.WsReader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HTTP/1.1 readers, SSE and WebSocket, take the shared-bytes fast path on the real server: if a
 * Vert.x upgrade changed the pipeline, every reader would quietly fall back, and this fails.
 */
class FastPathTest extends ServerTestBase {

  @Test
  void eventStreamAndWebSocketReadersAreWrittenOnTheFastPath() {
    try (SseReader sse = SseReader.open(vertx, server.port(), "/api/v1/stream?snapshot=0");
         WsReader ws = WsReader.open(vertx, server.port(), "/api/v1/ws?snapshot=0")) {
      Await.until("two readers", () -> server.readers() == 2);
      api.publishOne(new JsonObject().put("headline", "Fast path for everyone"));
      sse.awaitEvent("story.new");
      Await.until("the WebSocket event", () -> ws.storyEvents().size() == 1);

      String metrics = api.get("/metrics").bodyAsString();
      assertEquals(1, Metrics.value(metrics, "newsticker_readers_direct_total{transport=\"sse\""));
      assertEquals(1, Metrics.value(metrics, "newsticker_readers_direct_total{transport=\"websocket\""));
      assertEquals(0, Metrics.value(metrics, "newsticker_readers_fallback_total"));
    }
  }
}
