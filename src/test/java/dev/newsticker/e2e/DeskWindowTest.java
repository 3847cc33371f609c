package dev.newsticker.e2e;

import dev.newsticker.model.EventType;
import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.store.H2StoryStore;
import dev.newsticker.store.IdentityKeys;
import dev.newsticker.store.PgStoryStore;
import dev.newsticker.store.PgTestSupport;
import dev.newsticker.store.StoryChange;
import dev.newsticker.store.StoryStore;
import dev.newsticker.support.Await;
import dev.newsticker.support.BothStores;
import dev.newsticker.support.ConfiguredServerTestBase;
import dev.newsticker.support.Metrics;
import dev.newsticker.support.TestHeadlines;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, item 5: the desk holds its window only, bounded by {@code desk.windowHours} and
 * {@code desk.maxStories}, whatever the store holds; a story it does not hold is still updated by
 * its identity, edited, flagged and retracted, and a restart loads the window only. On both stores.
 */
class DeskWindowTest extends ConfiguredServerTestBase {
  private static final int OLD = 30;
  private static final int FRESH = 8;
  private static final int HELD = 5;
  private PgTestSupport.TestSchema schema;
  private final List<Story> old = new ArrayList<>();

  @BothStores
  void theDeskHoldsItsWindowAndStillFindsWhatItDoesNot(String store) {
    JsonObject settings = new JsonObject().put("desk", new JsonObject().put("maxStories", HELD));
    if (store.equals("pg")) {
      PgTestSupport.assumeReachable();
      schema = PgTestSupport.freshSchema(vertx);
      settings.put("pgUrl", schema.url());
    }
    fillWithStoriesOfThreeDaysAgo(store);
    start(settings);
    assertEquals(0, heldStories(), "three days ago is outside the desk's window of 48 hours");

    List<String> fresh = new ArrayList<>();
    for (int i = 0; i < FRESH; i++) {
      fresh.add(api.publishOne(item("fresh-" + i, TestHeadlines.distinct(1000 + i))).getString("storyId"));
    }
    assertEquals(HELD, heldStories(), "the desk holds desk.maxStories, the last updated");

    Story first = old.get(3);
    JsonObject update = api.publishOne(item("old-3", first.headline() + " as the tide turns"));
    assertEquals(first.id(), update.getString("storyId"), "an update of a story older than the window lands in it");
    assertEquals(EventType.UPDATED, update.getString("type"));
    assertEquals(first.headline() + " as the tide turns", story(first.id()).getString("headline"));
    JsonObject again = api.publishOne(item("fresh-0", TestHeadlines.distinct(1000) + " after a long night"));
    assertEquals(fresh.get(0), again.getString("storyId"), "a story the count pushed out is still found by its id");

    assertEquals(200, call(HttpMethod.PATCH, "/api/v1/stories/" + old.get(4).id(),
      new JsonObject().put("headline", "Corrected: " + old.get(4).headline())).statusCode());
    assertEquals("Corrected: " + old.get(4).headline(), story(old.get(4).id()).getString("headline"));
    assertEquals(200, call(HttpMethod.POST, "/api/v1/stories/" + old.get(5).id() + "/breaking",
      new JsonObject().put("until", Instant.now().plus(Duration.ofDays(7)).toString())).statusCode());
    assertTrue(story(old.get(5).id()).getBoolean("breaking"));
    assertEquals(200, call(HttpMethod.DELETE, "/api/v1/stories/" + old.get(6).id(), null).statusCode());
    assertTrue(story(old.get(6).id()).getBoolean("removed", false));
    assertEquals(HELD, heldStories());

    api.close();
    Await.result(server.stop());
    start(settings);
    assertEquals(HELD, heldStories(), "a restart loads the window only, at most desk.maxStories");
    JsonObject later = api.publishOne(item("old-7", old.get(7).headline() + " as the tide turns"));
    assertEquals(old.get(7).id(), later.getString("storyId"));
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      api.close();
      Await.result(server.stop());
      server = null;
      api = null;
      PgTestSupport.drop(vertx, schema);
    }
  }

  /** Stories published by the wire three days ago, written straight into the store as the desk wrote them. */
  private void fillWithStoriesOfThreeDaysAgo(String store) {
    StoryStore writer = store.equals("pg") ? new PgStoryStore(vertx, schema.url()) : new H2StoryStore(vertx, dataDir);
    Await.result(writer.open());
    Instant then = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
    List<StoryChange> changes = new ArrayList<>();
    for (int i = 0; i < OLD; i++) {
      String headline = TestHeadlines.distinct(i);
      Story story = new Story("old" + i, headline, null, List.of("A paragraph of the story."), null, "wire",
        List.of("wire"), null, null, List.of(), false, then, then, 1, i + 1, false);
      old.add(story);
      // the desk's identity key of the wire's item "old-i" (desk/Headlines.idKey)
      changes.add(new StoryChange(story, List.of(IdentityKeys.of("id:wire:old-" + i)),
        new Revision(1, headline, "wire", then, null), new StoryEvent(EventType.NEW, i + 1, then, story, null, null)));
    }
    Await.result(writer.append(changes));
    Await.result(writer.close());
  }

  private static JsonObject item(String id, String headline) {
    return new JsonObject().put("id", id).put("source", "wire").put("headline", headline);
  }

  private int heldStories() {
    return (int) Metrics.value(api.get("/metrics").bodyAsString(), "newsticker_desk_stories ");
  }

  private JsonObject story(String id) {
    HttpResponse<Buffer> response = api.get("/api/v1/stories/" + id);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> call(HttpMethod method, String uri, JsonObject body) {
    var request = api.client().request(method, uri);
    return Await.result(body == null ? request.send()
      : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body.encode())));
  }
}
