package dev.newsticker.e2e;

import dev.newsticker.guard.PublishTokens;
import dev.newsticker.support.Await;
import dev.newsticker.support.ConfiguredServerTestBase;
import dev.newsticker.support.SseReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's live figures: behind the publish token, and true to what the node just did. */
class FiguresTest extends ConfiguredServerTestBase {
  private static final String TOKEN = "f1gures";

  @Test
  void figuresNeedThePublishTokenAndCountReadersEventsAndDelivery() {
    start(new JsonObject().put("auth", new JsonObject().put("publishTokens", new JsonArray()
      .add(new JsonObject().put("name", "console").put("sha256", PublishTokens.sha256Hex(TOKEN))))));
    assertEquals(401, api.get("/api/v1/figures").statusCode());
    assertEquals(403, figures("not-the-token").statusCode());

    JsonObject idle = figures(TOKEN).bodyAsJsonObject();
    assertEquals(new JsonObject().put("sse", 0).put("websocket", 0), idle.getJsonObject("readers"));
    assertEquals(0L, idle.getLong("eventsPerMinute"));
    assertEquals("console", idle.getString("publisher"));
    assertEquals(new JsonObject().put("kind", "h2").put("ready", true), idle.getJsonObject("store"));

    try (SseReader reader = SseReader.open(vertx, server.port(), "/api/v1/stream")) {
      reader.awaitEvent("snapshot");
      Await.until("the reader counted", () -> figures(TOKEN).bodyAsJsonObject().getJsonObject("readers").getInteger("sse") == 1);
      HttpResponse<Buffer> published = api.send("application/json",
        new JsonObject().put("headline", "Figures count this headline").put("source", "test").encode(), TOKEN);
      assertEquals(200, published.statusCode(), published.bodyAsString());
      reader.awaitEvent("story.new");
      Await.until("the event counted and its delivery timed", () -> {
        JsonObject now = figures(TOKEN).bodyAsJsonObject();
        return now.getLong("eventsPerMinute") == 1 && now.getDouble("publishToDeliveryP99Millis") > 0;
      });
    }
    Await.until("the reader gone", () -> figures(TOKEN).bodyAsJsonObject().getJsonObject("readers").getInteger("sse") == 0);
    assertTrue(figures(TOKEN).bodyAsJsonObject().containsKey("queuedEvents"));
  }

  private HttpResponse<Buffer> figures(String token) {
    return Await.result(api.client().get("/api/v1/figures").putHeader("Authorization", "Bearer " + token).send());
  }
}
