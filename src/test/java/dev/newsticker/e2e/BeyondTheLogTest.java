package dev.newsticker.e2e;

import dev.newsticker.store.PgTestSupport;
import dev.newsticker.support.ConfiguredServerTestBase;
import dev.newsticker.support.SseEvent;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.TestHeadlines;
import dev.newsticker.support.WsReader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reader resuming from a seq the log has not reached (its store was restored from an older
 * copy) is told to resync and gets a snapshot, instead of waiting for events that will never be
 * sent (issue 21, item 11), on both stores.
 */
class BeyondTheLogTest extends ConfiguredServerTestBase {

  @Test
  void onTheEmbeddedStore() {
    start(new JsonObject());
    assertResumingPastTheLogResyncs();
  }

  @Test
  void onPostgres() {
    PgTestSupport.assumeReachable();
    PgTestSupport.TestSchema schema = PgTestSupport.freshSchema(vertx);
    try {
      start(new JsonObject().put("pgUrl", schema.url()));
      assertResumingPastTheLogResyncs();
    } finally {
      api.close();
      dev.newsticker.support.Await.result(server.stop());
      server = null;
      api = null;
      PgTestSupport.drop(vertx, schema);
    }
  }

  private void assertResumingPastTheLogResyncs() {
    for (int i = 1; i <= 3; i++) {
      api.publishOne(new JsonObject().put("headline", TestHeadlines.distinct(i)));
    }
    try (SseReader sse = SseReader.open(vertx, server.port(), "/api/v1/stream", Map.of("Last-Event-ID", "41"));
         WsReader ws = WsReader.open(vertx, server.port(), "/api/v1/ws?since=41")) {
      SseEvent resync = sse.awaitEvent("resync");
      assertEquals(3, sse.awaitEvent("snapshot").json().getJsonArray("stories").size());
      assertEquals(0, sse.events().indexOf(resync));
      ws.awaitType("resync");
      assertEquals(3L, ws.awaitType("snapshot").getLong("seq"));

      api.publishOne(new JsonObject().put("headline", TestHeadlines.distinct(4)));
      assertEquals(4L, sse.awaitEvent("story.new").json().getLong("seq"));
      assertEquals(4L, ws.awaitType("story.new").getLong("seq"));
    }
  }
}
