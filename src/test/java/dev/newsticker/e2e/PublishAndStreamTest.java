package dev.newsticker.e2e;

import dev.newsticker.support.Await;
import dev.newsticker.support.ServerTestBase;
import dev.newsticker.support.SseEvent;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.WsReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publish through the API and watch what SSE and WebSocket readers see. */
class PublishAndStreamTest extends ServerTestBase {

  @Test
  void newUpdatedUnchangedAndRemovedReachBothTransports() {
    try (SseReader sse = SseReader.open(vertx, server.port(), "/api/v1/stream");
         WsReader ws = WsReader.open(vertx, server.port(), "/api/v1/ws")) {
      ws.subscribe(new JsonObject());
      assertEquals(0, sse.awaitEvent("snapshot").json().getJsonArray("stories").size());

      JsonObject created = api.publishOne(new JsonObject().put("id", "g1").put("source", "wire")
        .put("headline", "Health officials say strikes kill 24 in border town"));
      assertEquals("story.new", created.getString("type"));
      JsonObject updated = api.publishOne(new JsonObject().put("id", "g1").put("source", "wire")
        .put("headline", "Health officials say strikes kill 23 in border town"));
      assertEquals("story.updated", updated.getString("type"));
      assertEquals(created.getString("storyId"), updated.getString("storyId"));
      JsonObject unchanged = api.publishOne(new JsonObject().put("id", "g1").put("source", "wire")
        .put("headline", "Health officials say strikes kill 23 in border town"));
      assertEquals("story.unchanged", unchanged.getString("type"));
      assertEquals(updated.getLong("seq"), unchanged.getLong("seq"));
      assertEquals(200, Await.result(api.client().delete("/api/v1/stories/" + created.getString("storyId")).send()).statusCode());

      List<SseEvent> events = sse.awaitEvents("three story events", e -> e.stream().filter(x -> x.event().startsWith("story.")).count() >= 3);
      List<SseEvent> stories = events.stream().filter(e -> e.event().startsWith("story.")).toList();
      assertEquals(List.of("story.new", "story.updated", "story.removed"), stories.stream().map(SseEvent::event).toList());
      JsonObject update = stories.get(1).json();
      assertEquals("Health officials say strikes kill 24 in border town", update.getString("previous"));
      assertEquals("figure", update.getString("change"));
      assertEquals(2, update.getJsonObject("story").getInteger("revision"));
      assertEquals(updated.getLong("seq"), stories.get(1).seq());

      Await.until("three WebSocket events", () -> ws.storyEvents().size() >= 3);
      assertEquals(stories.stream().map(SseEvent::json).toList(), ws.storyEvents());
    }
  }

  @Test
  void snapshotShowsNewestStoriesFirstAndFiltersApply() {
    api.publishOne(new JsonObject().put("headline", "Riverton wins the cup final").put("category", "sport"));
    api.publishOne(new JsonObject().put("headline", "Parliament passes the budget").put("category", "politics").put("source", "desk-a"));
    api.publishOne(new JsonObject().put("headline", "Port Avel draw the derby").put("category", "sport").put("breaking", true));

    try (SseReader all = SseReader.open(vertx, server.port(), "/api/v1/stream?snapshot=2");
         SseReader sport = SseReader.open(vertx, server.port(), "/api/v1/stream?category=sport");
         SseReader deskA = SseReader.open(vertx, server.port(), "/api/v1/stream?source=desk-a");
         SseReader breaking = SseReader.open(vertx, server.port(), "/api/v1/stream?breaking=true")) {
      assertEquals(List.of("Port Avel draw the derby", "Parliament passes the budget"), headlines(all.awaitEvent("snapshot")));
      assertEquals(List.of("Port Avel draw the derby", "Riverton wins the cup final"), headlines(sport.awaitEvent("snapshot")));
      assertEquals(List.of("Parliament passes the budget"), headlines(deskA.awaitEvent("snapshot")));
      assertEquals(List.of("Port Avel draw the derby"), headlines(breaking.awaitEvent("snapshot")));

      api.publishOne(new JsonObject().put("headline", "Galdor calls a snap election").put("category", "politics"));
      api.publishOne(new JsonObject().put("headline", "Holt pulls out of the Sandford Open").put("category", "sport"));
      sport.awaitEvent("story.new");
      all.awaitEvents("two live events", e -> e.stream().filter(x -> x.event().equals("story.new")).count() == 2);
      assertEquals(List.of("Holt pulls out of the Sandford Open"),
        sport.storyEvents().stream().map(e -> e.json().getJsonObject("story").getString("headline")).toList());
      assertTrue(deskA.storyEvents().isEmpty());
    }
  }

  @Test
  void restShowsStoriesWithRevisionsAndTheEventLog() {
    JsonObject first = api.publishOne(new JsonObject().put("id", "p1").put("headline", "Russia vows to act as nuclear pact ends with US"));
    api.publishOne(new JsonObject().put("id", "p1").put("headline", "Russia vows to act once nuclear pact with US ends"));
    api.publishOne(new JsonObject().put("headline", "Another story entirely").put("category", "culture"));

    JsonObject story = api.get("/api/v1/stories/" + first.getString("storyId")).bodyAsJsonObject();
    assertEquals("Russia vows to act once nuclear pact with US ends", story.getString("headline"));
    JsonArray revisions = story.getJsonArray("revisions");
    assertEquals(2, revisions.size());
    assertEquals("Russia vows to act as nuclear pact ends with US", revisions.getJsonObject(0).getString("headline"));
    assertEquals("wording", revisions.getJsonObject(1).getString("change"));

    JsonObject page = api.get("/api/v1/stories?limit=1").bodyAsJsonObject();
    assertEquals("Another story entirely", page.getJsonArray("stories").getJsonObject(0).getString("headline"));
    JsonObject next = api.get("/api/v1/stories?limit=5&before=" + page.getLong("next")).bodyAsJsonObject();
    assertEquals(1, next.getJsonArray("stories").size());
    assertEquals(1, api.get("/api/v1/stories?category=culture").bodyAsJsonObject().getJsonArray("stories").size());

    JsonArray events = api.events(0);
    assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> ((JsonObject) e).getLong("seq")).toList());
    assertEquals(1, api.events(2).size());
    assertEquals(404, api.get("/api/v1/stories/nope").statusCode());
    assertEquals(404, Await.result(api.client().delete("/api/v1/stories/nope").send()).statusCode());
  }

  @Test
  void aRevisedHeadlineWithoutIdIsAnUpdateAndAnotherSourceJoinsTheStory() {
    JsonObject first = api.publishOne(new JsonObject().put("source", "wire-a")
      .put("headline", "Gaza health officials say strikes kill 24 after Israel says officer wounded"));
    JsonObject revised = api.publishOne(new JsonObject().put("source", "wire-a")
      .put("headline", "Gaza health officials say strikes kill 23 after Israel says shots wounded officer"));
    JsonObject otherSource = api.publishOne(new JsonObject().put("source", "wire-b")
      .put("headline", "Gaza health officials say strikes kill 23 after Israel says shots wounded officer"));
    JsonObject different = api.publishOne(new JsonObject().put("source", "wire-a")
      .put("headline", "Mira Holt pulls out of the Madrid Open with a hip injury"));
    JsonObject template = api.publishOne(new JsonObject().put("source", "wire-a")
      .put("headline", "Jonas Prell pulls out of the Madrid Open with an elbow injury"));

    assertEquals("story.updated", revised.getString("type"));
    assertEquals(first.getString("storyId"), revised.getString("storyId"));
    assertEquals(first.getString("storyId"), otherSource.getString("storyId"));
    assertEquals("story.new", different.getString("type"));
    assertEquals("story.new", template.getString("type"));
    JsonObject story = api.get("/api/v1/stories/" + first.getString("storyId")).bodyAsJsonObject();
    assertEquals(List.of("wire-a", "wire-b"), story.getJsonArray("sources").getList());
    assertEquals("wording", story.getJsonArray("revisions").getJsonObject(1).getString("change"));
    assertEquals(3, api.get("/api/v1/stories").bodyAsJsonObject().getJsonArray("stories").size());
  }

  /** A body past ContractValidation.INLINE_BODY_BYTES is checked on a worker and published like any other. */
  @Test
  void aLargePublishIsCheckedAndStored() {
    JsonArray items = new JsonArray();
    for (int i = 0; i < 30; i++) {
      items.add(new JsonObject().put("id", "large-" + i).put("headline", "Large publish item number " + i)
        .put("summary", "s".repeat(4000)));
    }
    var response = api.publish(items.encode());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(30, response.bodyAsJsonArray().size());
    assertEquals(30, api.events(0).size());
  }

  @Test
  void healthReportsLiveAndReady() {
    assertEquals(200, api.get("/health/live").statusCode());
    JsonObject ready = api.get("/health/ready").bodyAsJsonObject();
    assertTrue(ready.getBoolean("store"));
    String metrics = api.get("/metrics").bodyAsString();
    assertTrue(metrics.contains("newsticker_events_published"), metrics);
    assertFalse(api.get("/").bodyAsString().isEmpty());
  }

  private static List<String> headlines(SseEvent snapshot) {
    return snapshot.json().getJsonArray("stories").stream()
      .map(s -> ((JsonObject) s).getString("headline")).toList();
  }
}
