package dev.newsticker.ingest;

import dev.newsticker.Server;
import dev.newsticker.config.Settings;
import dev.newsticker.model.EventType;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feed through the real server: poller → desk → store → /api/v1/events. */
@ExtendWith(VertxExtension.class)
class FeedsEndToEndTest {

  private static List<JsonObject> events(Api api) {
    JsonArray events = api.events(0);
    return events.stream().map(JsonObject.class::cast).toList();
  }

  @Test
  void feedChangesReachTheEventLogAsNewAndUpdatedStories(Vertx vertx, @TempDir Path dataDir) {
    FixtureServer feeds = Await.result(FixtureServer.start(vertx));
    AtomicReference<String> body = new AtomicReference<>(FeedPollerTest.rss(
      "w1|Wildfire forces evacuation of hill villages", "w2|Parliament passes budget after all-night session"));
    feeds.serve("/e2e.xml", ctx -> ctx.response().putHeader("Content-Type", "application/rss+xml").end(body.get()));
    Settings settings = TestServers.settings(dataDir, new JsonObject().put("feeds", new JsonObject()
      .put("urls", feeds.url("/e2e.xml")).put("minIntervalSeconds", 1).put("maxIntervalSeconds", 2)
      .put("list", new JsonArray())));
    Server server = TestServers.start(vertx, settings);
    try (Api api = new Api(vertx, server.port())) {
      Await.until("the backlog stored as history", () ->
        api.get("/api/v1/stories").bodyAsJsonObject().getJsonArray("stories").size() == 2);
      assertTrue(events(api).isEmpty(), "a first fetch announces nothing");
      JsonArray listed = api.get("/api/v1/feeds").bodyAsJsonObject().getJsonArray("feeds");
      assertEquals(feeds.url("/e2e.xml"), listed.getJsonObject(0).getString("url"));

      body.set(FeedPollerTest.rss("w1|Wildfire forces evacuation of 12 hill villages",
        "w2|Parliament passes budget after all-night session", "w3|Rail strike called off at last minute"));
      Await.until("story.new and story.updated in the event log", () -> events(api).size() >= 2);
      List<JsonObject> events = events(api);
      JsonObject updated = events.stream().filter(e -> e.getString("type").equals(EventType.UPDATED)).findFirst().orElseThrow();
      assertEquals("Wildfire forces evacuation of 12 hill villages", updated.getJsonObject("story").getString("headline"));
      assertEquals("Wildfire forces evacuation of hill villages", updated.getString("previous"));
      JsonObject created = events.stream().filter(e -> e.getString("type").equals(EventType.NEW)).findFirst().orElseThrow();
      assertEquals("Rail strike called off at last minute", created.getJsonObject("story").getString("headline"));
      assertEquals("127.0.0.1", created.getJsonObject("story").getString("source"));
    } finally {
      Await.result(server.stop());
      Await.result(feeds.close());
    }
  }
}
