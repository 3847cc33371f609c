package dev.newsticker.e2e;

import dev.newsticker.support.Api;
import dev.newsticker.support.PackagedServerTestBase;
import dev.newsticker.support.ServerProcess;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Legal items of about 0.9 MB, published one after another to the packaged server on a 256 MB
 * heap (ServerProcess): the replay cache is bounded in bytes (recentEventsBytes), so the server
 * keeps answering and stays ready (issue 21, item 4). Bounded by count alone (the same run with
 * recentEventsBytes at its maximum) it held every event three times over, and after the 200
 * publishes /health/ready no longer answered.
 */
class LargeItemsHeapIT extends PackagedServerTestBase {
  private static final int PUBLISHES = 200;

  @Test
  void publishingLargeItemsKeepsASmallHeapServerReady() throws Exception {
    Map<String, String> env = environment();
    try (ServerProcess server = ServerProcess.start(env); Api api = new Api(vertx, server.port())) {
      String paragraph = "A long read that goes on and on about the harbour, the tides and the town. ".repeat(26);
      for (int i = 0; i < PUBLISHES; i++) {
        JsonArray body = new JsonArray().add("Part " + i + " of the long read.");
        for (int p = 0; p < 450; p++) {
          body.add(paragraph);
        }
        JsonObject item = new JsonObject().put("id", "long-read").put("source", "wire")
          .put("headline", "The long read about the harbour").put("body", body);
        HttpResponse<Buffer> answer = api.publish(item.encode());
        assertEquals(200, answer.statusCode(), "publish " + i + ": " + answer.bodyAsString());
      }
      assertEquals(200, api.get("/health/ready").statusCode());
      JsonArray replay = api.events(PUBLISHES - 3);
      assertEquals(3, replay.size());
    }
  }
}
