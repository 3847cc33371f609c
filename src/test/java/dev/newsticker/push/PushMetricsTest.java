package dev.newsticker.push;

import dev.newsticker.support.Await;
import dev.newsticker.support.ServerTestBase;
import dev.newsticker.support.Metrics;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.WsReader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /metrics shows the fan-out: connections by transport, events, deliveries, queues, replays, latency. */
class PushMetricsTest extends ServerTestBase {

  @Test
  void fanOutIsCountedOnMetrics() {
    try (SseReader sse = SseReader.open(vertx, server.port(), "/api/v1/stream");
         WsReader ws = WsReader.open(vertx, server.port(), "/api/v1/ws?snapshot=0")) {
      Await.until("two readers", () -> server.readers() == 2);
      api.publishOne(new JsonObject().put("id", "m-1").put("source", "test").put("headline", "Metrics one"));
      api.publishOne(new JsonObject().put("id", "m-1").put("source", "test").put("headline", "Metrics one, revised"));
      sse.awaitEvents("two events", events -> sse.storyEvents().size() == 2);
      Await.until("two WebSocket events", () -> ws.storyEvents().size() == 2);
      String beforeResume = api.get("/metrics").bodyAsString();
      try (SseReader resumed = SseReader.open(vertx, server.port(), "/api/v1/stream", Map.of("Last-Event-ID", "1"))) {
        resumed.awaitEvents("the replayed event", events -> resumed.storyEvents().size() == 1);

        // a delivery is counted just after its write, so a reader may see it a moment before /metrics does
        Await.until("five deliveries counted", () -> Metrics.value(api.get("/metrics").bodyAsString(), "newsticker_deliveries_total") >= 5);
        String metrics = api.get("/metrics").bodyAsString();
        assertEquals(2, Metrics.value(metrics, "newsticker_connections{transport=\"sse\""));
        assertEquals(1, Metrics.value(metrics, "newsticker_connections{transport=\"websocket\""));
        assertEquals(2, Metrics.value(metrics, "newsticker_events_published_total"));
        assertEquals(5, Metrics.value(metrics, "newsticker_deliveries_total"));
        String cache = "newsticker_replays_total{source=\"cache\"";
        String store = "newsticker_replays_total{source=\"store\"";
        assertEquals(1, Metrics.value(metrics, cache) - Metrics.value(beforeResume, cache));
        assertEquals(0, Metrics.value(metrics, store) - Metrics.value(beforeResume, store));
        assertEquals(0, Metrics.value(metrics, "newsticker_queued_events"));
        assertEquals(0, Metrics.value(metrics, "newsticker_queued_bytes"));
        assertTrue(Metrics.has(metrics, "newsticker_conflations_total"));
        assertTrue(Metrics.has(metrics, "newsticker_resyncs_total"));
        // one record per event per event loop that fanned it out
        assertTrue(Metrics.value(metrics, "newsticker_publish_to_delivery_seconds_count") >= 2);
        assertTrue(Metrics.has(metrics, "newsticker_publish_to_delivery_seconds_bucket{le="));
      }
    }
  }
}
