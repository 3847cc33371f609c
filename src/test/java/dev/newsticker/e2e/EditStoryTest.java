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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PATCH /api/v1/stories/{id}: an editor's edit reaches every reader as story.updated and stays in the history. */
class EditStoryTest extends CorrectionTestBase {

  @BothStores
  void aCorrectedHeadlineReachesLiveAndResumingReaders(String store) {
    startOn(store);
    JsonObject published = publish(new JsonObject().put("headline", "Fire at city hall kills two").put("source", "wire"));
    String id = published.getString("storyId");
    long before = published.getLong("seq");

    HttpResponse<Buffer> edited = call(HttpMethod.PATCH, "/api/v1/stories/" + id,
      new JsonObject().put("headline", "  Fire at city hall kills three  "));

    assertEquals(200, edited.statusCode(), edited.bodyAsString());
    assertEquals("story.updated", edited.bodyAsJsonObject().getString("type"));
    long seq = edited.bodyAsJsonObject().getLong("seq");
    List<JsonObject> live = liveEventsAfter(before, seq);
    assertEquals(1, live.size(), live.toString());
    JsonObject event = live.get(0);
    assertEquals("story.updated", event.getString("type"));
    assertEquals(seq, event.getLong("seq"));
    assertEquals("correction", event.getString("change"));
    assertEquals("Fire at city hall kills two", event.getString("previous"));
    assertEquals("Fire at city hall kills three", event.getJsonObject("story").getString("headline"));
    assertEquals(2, event.getJsonObject("story").getInteger("revision"));
    assertEquals(live, resumedEvents(before, seq));

    JsonArray revisions = story(id).getJsonArray("revisions");
    assertEquals(2, revisions.size(), revisions.encode());
    JsonObject correction = revisions.getJsonObject(1);
    assertEquals("Fire at city hall kills three", correction.getString("headline"));
    assertEquals("correction", correction.getString("change"));
    assertEquals(EDITOR, correction.getString("by"));
    assertEquals("edit", correction.getString("action"));
    assertTrue(correction.containsKey("at"));
    assertNull(revisions.getJsonObject(0).getString("by"), "a source's revision names no editor");
  }

  @BothStores
  void otherFieldsChangeWithoutTouchingTheHeadline(String store) {
    startOn(store);
    JsonObject published = publish(new JsonObject().put("headline", "Parliament passes the budget").put("category", "politics"));
    String id = published.getString("storyId");

    JsonObject result = call(HttpMethod.PATCH, "/api/v1/stories/" + id, new JsonObject().put("breaking", true)
      .put("category", "economy").put("summary", "A late vote.").put("url", "https://example.org/budget"))
      .bodyAsJsonObject();

    long seq = result.getLong("seq");
    JsonObject event = liveEventsAfter(published.getLong("seq"), seq).get(0);
    JsonObject story = event.getJsonObject("story");
    assertEquals("content", event.getString("change"));
    assertFalse(event.containsKey("previous"));
    assertEquals("Parliament passes the budget", story.getString("headline"));
    assertEquals(true, story.getBoolean("breaking"));
    assertEquals("economy", story.getString("category"));
    assertEquals("A late vote.", story.getString("summary"));
    assertEquals("https://example.org/budget", story.getString("url"));
    assertEquals(List.of(event), resumedEvents(published.getLong("seq"), seq));
    JsonObject edit = story(id).getJsonArray("revisions").getJsonObject(1);
    assertEquals(EDITOR, edit.getString("by"));
    assertEquals("edit", edit.getString("action"));
    assertFalse(edit.containsKey("change"), "only a changed headline is a correction");
  }

  @BothStores
  void anEditThatChangesNothingSendsNothing(String store) {
    startOn(store);
    JsonObject published = publish(new JsonObject().put("headline", "Storm closes the harbour"));
    String id = published.getString("storyId");

    JsonObject result = call(HttpMethod.PATCH, "/api/v1/stories/" + id,
      new JsonObject().put("headline", "Storm closes the harbour")).bodyAsJsonObject();

    assertEquals("story.unchanged", result.getString("type"));
    assertEquals(published.getLong("seq"), result.getLong("seq"));
    JsonObject next = publish(new JsonObject().put("headline", "Markets rally on rate cut hopes"));
    List<JsonObject> live = liveEventsAfter(published.getLong("seq"), next.getLong("seq"));
    assertEquals(List.of(next.getLong("seq")), live.stream().map(e -> e.getLong("seq")).toList());
    assertEquals(1, story(id).getJsonArray("revisions").size());
  }

  @BothStores
  void refusalsSayWhy(String store) {
    startOn(store);
    String id = publish(new JsonObject().put("headline", "Bridge reopens after repairs")).getString("storyId");
    String uri = "/api/v1/stories/" + id;

    assertRefused(404, "no such story", call(HttpMethod.PATCH, "/api/v1/stories/nope", new JsonObject().put("headline", "x")));
    assertRefused(401, "Authorization", call(HttpMethod.PATCH, uri, new JsonObject().put("headline", "x"), null));
    assertRefused(403, "not valid", call(HttpMethod.PATCH, uri, new JsonObject().put("headline", "x"), "wrong"));
    assertRefused(400, "", call(HttpMethod.PATCH, uri, new JsonObject()));
    assertRefused(400, "", call(HttpMethod.PATCH, uri, new JsonObject().put("headline", 5)));
    assertRefused(400, "", call(HttpMethod.PATCH, uri, new JsonObject().put("colour", "red")));
    assertRefused(400, "", call(HttpMethod.PATCH, uri, new JsonObject().put("headline", "x".repeat(401))));
    assertRefused(400, "'headline' must not be empty", call(HttpMethod.PATCH, uri, new JsonObject().put("headline", " \t ")));
    assertRefused(400, "", call(HttpMethod.PATCH, uri, new JsonObject().put("url", "javascript:alert(1)")));
    assertRefused(400, "'headline' has no visible character", call(HttpMethod.PATCH, uri,
      new JsonObject().put("headline", "\u3164\u3164")));
    assertEquals("Bridge reopens after repairs", story(id).getString("headline"));
    assertEquals(1, story(id).getJsonArray("revisions").size());
  }
}
