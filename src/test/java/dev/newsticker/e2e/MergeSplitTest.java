package dev.newsticker.e2e;

import dev.newsticker.support.Await;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merge and split through the API: events to live and resuming readers, the history, and what the desk learns. */
class MergeSplitTest extends CorrectionTestBase {

  @BothStores
  void aMergeReachesEveryReaderAndTheAbsorbedStoryLeadsToTheSurvivor(String store) {
    startOn(store);
    JsonObject survivor = publish(item("wire", "w1", "Fire at city hall kills two"));
    JsonObject absorbed = publish(item("agency", "g1", "Police name the victims"));
    String survivorId = survivor.getString("storyId");
    String absorbedId = absorbed.getString("storyId");
    assertNotEquals(survivorId, absorbedId);
    long before = absorbed.getLong("seq");

    HttpResponse<Buffer> merged = call(HttpMethod.POST, "/api/v1/stories/" + absorbedId + "/merge",
      new JsonObject().put("into", survivorId));

    assertEquals(200, merged.statusCode(), merged.bodyAsString());
    JsonObject answer = merged.bodyAsJsonObject();
    assertEquals(absorbedId, answer.getString("merged"));
    assertEquals(survivorId, answer.getJsonObject("story").getString("id"));
    long seq = answer.getJsonObject("story").getLong("seq");
    List<JsonObject> live = liveEventsAfter(before, seq);
    assertEquals(1, live.size(), live.toString());
    JsonObject event = live.get(0);
    assertEquals("story.merged", event.getString("type"));
    assertEquals(absorbedId, event.getString("merged"));
    assertEquals("Fire at city hall kills two", event.getJsonObject("story").getString("headline"));
    assertEquals(new JsonArray().add("wire").add("agency"), event.getJsonObject("story").getJsonArray("sources"));
    assertEquals(live, resumedEvents(before, seq));
    assertEquals(live, resumedEvents(before - 1, seq).subList(1, 2), "the absorbed story's news, then the merge");

    JsonArray revisions = story(survivorId).getJsonArray("revisions");
    assertEquals(List.of("Fire at city hall kills two", "Police name the victims", "Fire at city hall kills two"),
      revisions.stream().map(r -> ((JsonObject) r).getString("headline")).toList());
    JsonObject merge = revisions.getJsonObject(2);
    assertEquals(EDITOR, merge.getString("by"));
    assertEquals("merge", merge.getString("action"));
    assertMovedTo(absorbedId, survivorId);

    JsonObject next = publish(item("agency", "g1", "Police name the three victims"));
    assertEquals(survivorId, next.getString("storyId"), "the absorbed item's next revision lands in the survivor");
    restart(() -> { });
    assertMovedTo(absorbedId, survivorId);
    assertEquals(survivorId, publish(item("agency", "g1", "Police name all four victims")).getString("storyId"));
  }

  @BothStores
  void anUndoneMergeBringsTheAbsorbedStoryBackUnderItsOwnId(String store) {
    startOn(store);
    String survivorId = publish(item("wire", "w1", "Fire at city hall kills two")).getString("storyId");
    String absorbedId = publish(item("agency", "g1", "Police name the victims")).getString("storyId");
    String merge = "/api/v1/stories/" + absorbedId + "/merge";
    long before = call(HttpMethod.POST, merge, new JsonObject().put("into", survivorId)).bodyAsJsonObject()
      .getJsonObject("story").getLong("seq");
    String undo = "/api/v1/stories/" + survivorId + "/split";

    HttpResponse<Buffer> undone = call(HttpMethod.POST, undo, new JsonObject().put("merged", absorbedId));

    assertEquals(200, undone.statusCode(), undone.bodyAsString());
    JsonObject survivor = undone.bodyAsJsonObject().getJsonObject("story");
    JsonObject restored = undone.bodyAsJsonObject().getJsonObject("split");
    assertEquals(absorbedId, restored.getString("id"));
    assertEquals("Police name the victims", restored.getString("headline"));
    assertEquals(new JsonArray().add("agency"), restored.getJsonArray("sources"));
    assertEquals(new JsonArray().add("wire"), survivor.getJsonArray("sources"));
    long seq = survivor.getLong("seq");
    List<JsonObject> live = liveEventsAfter(before, seq);
    assertEquals(List.of("story.new " + absorbedId, "story.updated " + survivorId), live.stream()
      .map(e -> e.getString("type") + " " + e.getJsonObject("story").getString("id")).toList());
    assertEquals(live, resumedEvents(before, seq));
    assertEquals(List.of("Police name the victims", "Police name the victims"), headlines(absorbedId));
    assertEquals(List.of("Fire at city hall kills two", "Fire at city hall kills two", "Fire at city hall kills two"),
      headlines(survivorId));
    assertEquals(List.of("merge", "split"), story(survivorId).getJsonArray("revisions").stream().skip(1)
      .map(r -> ((JsonObject) r).getString("action")).toList());
    assertEquals(EDITOR, story(absorbedId).getJsonArray("revisions").getJsonObject(1).getString("by"));
    assertTrue(api.get("/api/v1/stories").bodyAsJsonObject().getJsonArray("stories").stream()
      .anyMatch(s -> ((JsonObject) s).getString("id").equals(absorbedId)), "the restored story is listed again");
    assertEquals(absorbedId, publish(item("agency", "g1", "Police name the three victims")).getString("storyId"),
      "the absorbed item's next revision lands in the restored story");
    assertRefused(400, "was not merged into story " + survivorId,
      call(HttpMethod.POST, undo, new JsonObject().put("merged", absorbedId)));

    restart(() -> { });
    assertEquals(absorbedId, story(absorbedId).getString("id"));
    assertEquals(absorbedId, publish(item("agency", "g1", "Police name all four victims")).getString("storyId"));
    call(HttpMethod.POST, merge, new JsonObject().put("into", survivorId));
    publish(item("wire", "w1", "Fire at city hall kills three"));
    assertRefused(409, "has changed since story " + absorbedId + " was merged into it",
      call(HttpMethod.POST, undo, new JsonObject().put("merged", absorbedId)));
  }

  private List<String> headlines(String storyId) {
    return story(storyId).getJsonArray("revisions").stream().map(r -> ((JsonObject) r).getString("headline")).toList();
  }

  @BothStores
  void aSplitItemBecomesItsOwnStoryAndItsNextRevisionStaysApart(String store) {
    startOn(store);
    String id = publish(item("wire", "w1", "Storm closes the harbour")).getString("storyId");
    assertEquals(id, publish(item("agency", "g1", "Storm closes the harbour!")).getString("storyId"));
    long before = publish(item("wire", "w1", "Storm closes the harbour, ferries cancelled")).getLong("seq");

    HttpResponse<Buffer> split = call(HttpMethod.POST, "/api/v1/stories/" + id + "/split",
      new JsonObject().put("revision", 2));

    assertEquals(200, split.statusCode(), split.bodyAsString());
    JsonObject kept = split.bodyAsJsonObject().getJsonObject("story");
    JsonObject created = split.bodyAsJsonObject().getJsonObject("split");
    String newId = created.getString("id");
    assertEquals("Storm closes the harbour, ferries cancelled", kept.getString("headline"));
    assertEquals(new JsonArray().add("wire"), kept.getJsonArray("sources"));
    assertEquals("Storm closes the harbour!", created.getString("headline"));
    assertEquals(new JsonArray().add("agency"), created.getJsonArray("sources"));
    long seq = created.getLong("seq");
    List<JsonObject> live = liveEventsAfter(before, seq);
    assertEquals(List.of("story.updated", "story.new"), live.stream().map(e -> e.getString("type")).toList());
    assertEquals(List.of(id, newId), live.stream().map(e -> e.getJsonObject("story").getString("id")).toList());
    assertEquals("split", live.get(0).getString("change"));
    assertEquals(live, resumedEvents(before, seq));
    JsonArray moved = story(newId).getJsonArray("revisions");
    assertEquals(List.of("Storm closes the harbour!", "Storm closes the harbour!"),
      moved.stream().map(r -> ((JsonObject) r).getString("headline")).toList());
    assertEquals("split", moved.getJsonObject(1).getString("action"));
    assertFalse(moved.getJsonObject(0).containsKey("item"), "the item's key is the desk's own: " + moved.encode());
    assertEquals(EDITOR, story(id).getJsonArray("revisions").getJsonObject(2).getString("by"));

    JsonObject next = publish(item("agency", "g1", "Storm closes the harbour! Ferries halted"));
    assertEquals(newId, next.getString("storyId"), "the split item's next revision stays apart");
    restart(() -> { });
    assertEquals(newId, publish(item("agency", "g1", "Storm closes the harbour! All ferries halted")).getString("storyId"));
    assertEquals(id, publish(item("wire", "w1", "Storm closes the harbour, all ferries cancelled")).getString("storyId"));
  }

  @BothStores
  void aSourceSplitsOffWithEveryRevisionOfIt(String store) {
    startOn(store);
    String id = publish(item("wire", "w1", "Rail strike halts trains")).getString("storyId");
    publish(item("agency", "g1", "Rail strike halts trains!"));
    publish(item("agency", "g1", "Rail strike halts trains!!"));

    JsonObject answer = call(HttpMethod.POST, "/api/v1/stories/" + id + "/split", new JsonObject().put("source", "agency"))
      .bodyAsJsonObject();

    assertEquals(new JsonArray().add("wire"), answer.getJsonObject("story").getJsonArray("sources"));
    assertEquals("Rail strike halts trains", answer.getJsonObject("story").getString("headline"));
    assertEquals(3, story(answer.getJsonObject("split").getString("id")).getJsonArray("revisions").size());
  }

  @BothStores
  void theNextItemsOfASourceSplitOffFollowItEvenWhenTheirWordingLeadsBack(String store) {
    startOn(store);
    String id = publish(item("wire", "w1", "Rail strike halts trains")).getString("storyId");
    assertEquals(id, publish(item("agency", "g1", "Rail strike halts trains!")).getString("storyId"));
    String newId = call(HttpMethod.POST, "/api/v1/stories/" + id + "/split", new JsonObject().put("source", "agency"))
      .bodyAsJsonObject().getJsonObject("split").getString("id");

    assertEquals(newId, publish(item("agency", "g2", "Rail strike halts trains")).getString("storyId"),
      "the wording leads to the old story, which the editor took this source out of");
    assertEquals(id, publish(item("wire", "w2", "Rail strike halts trains")).getString("storyId"));
    restart(() -> { });
    assertEquals(newId, publish(item("agency", "g3", "Rail strike halts trains")).getString("storyId"));
  }

  @BothStores
  void refusalsSayWhy(String store) {
    startOn(store);
    String one = publish(item("wire", "w1", "Bridge reopens after repairs")).getString("storyId");
    String other = publish(item("wire", "w2", "Markets rally on rate cut hopes")).getString("storyId");
    String merge = "/api/v1/stories/" + one + "/merge";
    String split = "/api/v1/stories/" + one + "/split";

    assertRefused(404, "no such story", call(HttpMethod.POST, "/api/v1/stories/nope/merge", new JsonObject().put("into", one)));
    assertRefused(404, "no story with id nope", call(HttpMethod.POST, merge, new JsonObject().put("into", "nope")));
    assertRefused(400, "cannot be merged into itself", call(HttpMethod.POST, merge, new JsonObject().put("into", one)));
    assertRefused(400, "", call(HttpMethod.POST, merge, new JsonObject()));
    assertRefused(400, "", call(HttpMethod.POST, merge, new JsonObject().put("into", 5)));
    assertRefused(401, "Authorization", call(HttpMethod.POST, merge, new JsonObject().put("into", other), null));
    assertRefused(403, "not valid", call(HttpMethod.POST, merge, new JsonObject().put("into", other), "wrong"));
    assertRefused(404, "no such story", call(HttpMethod.POST, "/api/v1/stories/nope/split", new JsonObject().put("revision", 1)));
    assertRefused(400, "would leave nothing behind", call(HttpMethod.POST, split, new JsonObject().put("revision", 1)));
    assertRefused(400, "has no revision 7", call(HttpMethod.POST, split, new JsonObject().put("revision", 7)));
    assertRefused(400, "came from source 'nobody'", call(HttpMethod.POST, split, new JsonObject().put("source", "nobody")));
    assertRefused(400, "", call(HttpMethod.POST, split, new JsonObject().put("revision", 1).put("source", "wire")));
    assertRefused(400, "", call(HttpMethod.POST, split, new JsonObject().put("revision", 0)));
    assertRefused(401, "Authorization", call(HttpMethod.POST, split, new JsonObject().put("revision", 1), null));
    assertRefused(404, "no such story", call(HttpMethod.POST, "/api/v1/stories/nope/apart", new JsonObject().put("from", one)));
    assertRefused(400, "cannot be kept apart from itself",
      call(HttpMethod.POST, "/api/v1/stories/" + one + "/apart", new JsonObject().put("from", one)));
    assertRefused(403, "not valid", call(HttpMethod.GET, "/api/v1/desk/doubts", null, "wrong"));
    assertRefused(404, "no doubt with id nope", call(HttpMethod.DELETE, "/api/v1/desk/doubts/nope", null));
    assertEquals(1, story(one).getJsonArray("revisions").size());
    assertEquals("Bridge reopens after repairs", story(one).getString("headline"));
  }

  private void assertMovedTo(String absorbedId, String survivorId) {
    HttpResponse<Buffer> moved = Await.result(api.client().get("/api/v1/stories/" + absorbedId).followRedirects(false).send());
    assertEquals(301, moved.statusCode(), moved.bodyAsString());
    assertEquals("/api/v1/stories/" + survivorId, moved.getHeader("Location"));
    HttpResponse<Buffer> followed = api.get("/api/v1/stories/" + absorbedId);
    assertEquals(200, followed.statusCode());
    assertEquals(survivorId, followed.bodyAsJsonObject().getString("id"));
    assertFalse(api.get("/api/v1/stories").bodyAsJsonObject().getJsonArray("stories").stream()
      .anyMatch(s -> ((JsonObject) s).getString("id").equals(absorbedId)), "the absorbed story is not listed");
  }

  private static JsonObject item(String source, String id, String headline) {
    return new JsonObject().put("source", source).put("id", id).put("headline", headline);
  }
}
