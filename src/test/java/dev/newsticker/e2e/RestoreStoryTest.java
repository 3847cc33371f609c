package dev.newsticker.e2e;

import dev.newsticker.support.BothStores;
import dev.newsticker.support.CorrectionTestBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** POST /api/v1/stories/{id}/restore: the undo of a retraction reaches every reader as story.new. */
class RestoreStoryTest extends CorrectionTestBase {

  @BothStores
  void aRetractedStoryComesBackToLiveAndResumingReaders(String store) {
    startOn(store);
    JsonObject published = publish(new JsonObject().put("headline", "Ferry strike halts island crossings")
      .put("source", "wire").put("id", "w-1").put("summary", "Talks resume tomorrow."));
    String id = published.getString("storyId");
    long before = published.getLong("seq");

    JsonObject retracted = call(HttpMethod.DELETE, "/api/v1/stories/" + id, null).bodyAsJsonObject();
    HttpResponse<Buffer> restored = call(HttpMethod.POST, restore(id), null);

    assertEquals(200, restored.statusCode(), restored.bodyAsString());
    assertEquals("story.new", restored.bodyAsJsonObject().getString("type"));
    long seq = restored.bodyAsJsonObject().getLong("seq");
    List<JsonObject> live = liveEventsAfter(before, seq);
    assertEquals(List.of("story.removed", "story.new"), live.stream().map(e -> e.getString("type")).toList());
    assertEquals(List.of(retracted.getLong("seq"), seq), live.stream().map(e -> e.getLong("seq")).toList());
    JsonObject back = live.get(1).getJsonObject("story");
    assertEquals(id, back.getString("id"));
    assertEquals("Ferry strike halts island crossings", back.getString("headline"));
    assertEquals("Talks resume tomorrow.", back.getString("summary"));
    assertFalse(back.getBoolean("removed", false));
    assertEquals(live, resumedEvents(before, seq));

    JsonObject shown = story(id);
    assertFalse(shown.getBoolean("removed", false));
    JsonArray revisions = shown.getJsonArray("revisions");
    assertEquals(2, revisions.size(), revisions.encode());
    assertEquals(EDITOR, revisions.getJsonObject(1).getString("by"));
    assertEquals("restore", revisions.getJsonObject(1).getString("action"));

    JsonObject next = publish(new JsonObject().put("headline", "Ferry strike ends, crossings resume")
      .put("source", "wire").put("id", "w-1"));
    assertEquals(id, next.getString("storyId"), "the item's identity leads to the restored story again");
    assertEquals("story.updated", next.getString("type"));
  }

  @BothStores
  void aKeyTakenWhileRetractedStaysWithItsNewStory(String store) {
    startOn(store);
    JsonObject item = new JsonObject().put("headline", "Museum reopens after flood").put("source", "wire").put("id", "m-7");
    String id = publish(item).getString("storyId");
    assertEquals(200, call(HttpMethod.DELETE, "/api/v1/stories/" + id, null).statusCode());
    String taker = publish(item).getString("storyId");
    assertNotEquals(id, taker);

    assertEquals(200, call(HttpMethod.POST, restore(id), null).statusCode());

    JsonObject next = publish(item.copy().put("headline", "Museum reopens after flood, queues round the block"));
    assertEquals(taker, next.getString("storyId"));
    assertFalse(story(id).getBoolean("removed", false));
  }

  @BothStores
  void refusalsSayWhy(String store) {
    startOn(store);
    String id = publish(new JsonObject().put("headline", "Council approves new tram line")).getString("storyId");

    assertRefused(404, "no such story", call(HttpMethod.POST, restore("nope"), null));
    assertRefused(409, "the story is not retracted", call(HttpMethod.POST, restore(id), null));
    assertRefused(401, "Authorization", call(HttpMethod.POST, restore(id), null, null));
    assertRefused(403, "not valid", call(HttpMethod.POST, restore(id), null, "wrong"));
    assertEquals(200, call(HttpMethod.DELETE, "/api/v1/stories/" + id, null).statusCode());
    assertRefused(401, "Authorization", call(HttpMethod.POST, restore(id), null, null));
    assertEquals(200, call(HttpMethod.POST, restore(id), null).statusCode());
    assertRefused(409, "the story is not retracted", call(HttpMethod.POST, restore(id), null));

    String survivor = publish(new JsonObject().put("headline", "Heatwave warning issued for the coast")).getString("storyId");
    assertEquals(200, call(HttpMethod.POST, "/api/v1/stories/" + id + "/merge", new JsonObject().put("into", survivor))
      .statusCode());
    assertRefused(409, "the story is not retracted", call(HttpMethod.POST, restore(id), null));
  }

  private static String restore(String id) {
    return "/api/v1/stories/" + id + "/restore";
  }
}
