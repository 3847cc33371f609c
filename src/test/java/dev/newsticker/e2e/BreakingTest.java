package dev.newsticker.e2e;

import dev.newsticker.support.Await;
import dev.newsticker.support.BothStores;
import dev.newsticker.support.CorrectionTestBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Breaking with an end: set by an editor, ended by an editor or by the desk when its time is up, across a restart. */
class BreakingTest extends CorrectionTestBase {

  @BothStores
  void anEditorSetsAndEndsTheFlag(String store) {
    startOn(store);
    JsonObject published = publish(new JsonObject().put("headline", "Earthquake shakes the capital"));
    String id = published.getString("storyId");
    Instant asked = Instant.now();

    JsonObject set = call(HttpMethod.POST, breaking(id), new JsonObject().put("minutes", 30)).bodyAsJsonObject();
    JsonObject ended = call(HttpMethod.DELETE, breaking(id), null).bodyAsJsonObject();

    List<JsonObject> live = liveEventsAfter(published.getLong("seq"), ended.getLong("seq"));
    assertEquals(List.of(set.getLong("seq"), ended.getLong("seq")), live.stream().map(e -> e.getLong("seq")).toList());
    JsonObject on = live.get(0).getJsonObject("story");
    assertEquals("breaking", live.get(0).getString("change"));
    assertTrue(on.getBoolean("breaking"));
    Instant until = Instant.parse(on.getString("breakingUntil"));
    assertFalse(until.isBefore(asked.plus(Duration.ofMinutes(30))), until.toString());
    assertTrue(until.isBefore(Instant.now().plus(Duration.ofMinutes(31))), until.toString());
    JsonObject off = live.get(1).getJsonObject("story");
    assertFalse(off.getBoolean("breaking"));
    assertFalse(off.containsKey("breakingUntil"));
    assertEquals(live, resumedEvents(published.getLong("seq"), ended.getLong("seq")));

    JsonArray revisions = story(id).getJsonArray("revisions");
    assertEquals(List.of("breaking", "breaking-end"), List.of(revisions.getJsonObject(1).getString("action"),
      revisions.getJsonObject(2).getString("action")));
    assertEquals(EDITOR, revisions.getJsonObject(2).getString("by"));
    assertRefused(409, "is not breaking", call(HttpMethod.DELETE, breaking(id), null));
  }

  @BothStores
  void aFlagThatRunsOutSendsStoryUpdated(String store) {
    startOn(store);
    JsonObject published = publish(new JsonObject().put("headline", "Storm warning for the coast"));
    String id = published.getString("storyId");
    Instant until = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);

    long setSeq = call(HttpMethod.POST, breaking(id), new JsonObject().put("until", until.toString()))
      .bodyAsJsonObject().getLong("seq");

    List<JsonObject> live = liveEventsAfter(published.getLong("seq"), setSeq + 1);
    assertEquals(until.toString(), live.get(0).getJsonObject("story").getString("breakingUntil"));
    JsonObject expired = live.get(1);
    assertEquals("story.updated", expired.getString("type"));
    assertEquals("breaking", expired.getString("change"));
    assertFalse(expired.getJsonObject("story").getBoolean("breaking"));
    assertEquals(live, resumedEvents(published.getLong("seq"), setSeq + 1));
    assertFalse(story(id).getBoolean("breaking"));
  }

  @BothStores
  void flagsEndOnTimeAcrossARestart(String store) {
    startOn(store);
    JsonObject first = publish(new JsonObject().put("headline", "Flood closes the motorway"));
    JsonObject second = publish(new JsonObject().put("headline", "Power cut hits the north"));
    Instant firstEnds = Instant.now().plusSeconds(5);
    call(HttpMethod.POST, breaking(first.getString("storyId")), new JsonObject().put("until", firstEnds.toString()));
    long lastSet = call(HttpMethod.POST, breaking(second.getString("storyId")),
      new JsonObject().put("until", Instant.now().plusSeconds(8).toString())).bodyAsJsonObject().getLong("seq");

    // stopped before the first flag's end, started after it: the desk ends it on start, and the second on time
    Instant[] restarted = new Instant[1];
    restart(() -> {
      Await.until("the first flag's end has passed", () -> Instant.now().isAfter(firstEnds));
      restarted[0] = Instant.now();
    });

    List<JsonObject> ends = resumedEvents(lastSet, lastSet + 2);
    assertEquals(List.of(first.getString("storyId"), second.getString("storyId")),
      ends.stream().map(e -> e.getJsonObject("story").getString("id")).toList());
    assertTrue(ends.stream().noneMatch(e -> e.getJsonObject("story").getBoolean("breaking")));
    assertTrue(Instant.parse(ends.get(0).getString("at")).isAfter(restarted[0]),
      "the first flag ended by the restarted desk, not before the stop: " + ends.get(0));
    // the first may have ended before the new readers connected (then it is in their snapshot); the second reaches them live
    List<JsonObject> live = liveEventsAfter(lastSet, lastSet + 2);
    assertEquals(ends.get(1), live.get(live.size() - 1));
  }

  @BothStores
  void publishersFlagsGetTheDefaultEndUnlessTheyGiveOne(String store) {
    startOn(store, new JsonObject().put("desk", new JsonObject().put("breakingMinutes", 5)));
    Instant before = Instant.now();
    JsonObject defaulted = publish(new JsonObject().put("headline", "Ministers resign over scandal").put("breaking", true));
    Instant after = Instant.now();
    Instant given = Instant.parse("2099-01-01T12:00:00Z");
    JsonObject explicit = publish(new JsonObject().put("headline", "Rocket launch delayed by weather")
      .put("breaking", true).put("breakingUntil", given.toString()));

    Instant until = Instant.parse(story(defaulted.getString("storyId")).getString("breakingUntil"));
    assertFalse(until.isBefore(before.plus(Duration.ofMinutes(5))), until.toString());
    assertFalse(until.isAfter(after.plus(Duration.ofMinutes(5))), until.toString());
    assertEquals(given.toString(), story(explicit.getString("storyId")).getString("breakingUntil"));
    HttpResponse<Buffer> refused = api.send("application/json", new JsonObject().put("headline", "Quiet day")
      .put("breakingUntil", given.toString()).encode(), TOKEN);
    assertRefused(400, "'breakingUntil' needs 'breaking': true", refused);
  }

  @BothStores
  void refusalsSayWhy(String store) {
    startOn(store);
    String id = publish(new JsonObject().put("headline", "Talks resume in Geneva")).getString("storyId");

    assertRefused(404, "no such story", call(HttpMethod.POST, breaking("nope"), new JsonObject().put("minutes", 5)));
    assertRefused(404, "no such story", call(HttpMethod.DELETE, breaking("nope"), null));
    assertRefused(401, "Authorization", call(HttpMethod.POST, breaking(id), new JsonObject().put("minutes", 5), null));
    assertRefused(400, "", call(HttpMethod.POST, breaking(id), new JsonObject()));
    assertRefused(400, "", call(HttpMethod.POST, breaking(id), new JsonObject().put("minutes", 0)));
    assertRefused(400, "", call(HttpMethod.POST, breaking(id), new JsonObject().put("minutes", 5).put("until", "2099-01-01T00:00:00Z")));
    assertRefused(400, "'until'", call(HttpMethod.POST, breaking(id), new JsonObject().put("until", "tomorrow")));
    assertRefused(400, "'until' must be in the future", call(HttpMethod.POST, breaking(id),
      new JsonObject().put("until", "2001-01-01T00:00:00Z")));
    assertFalse(story(id).getBoolean("breaking"));
  }

  private static String breaking(String id) {
    return "/api/v1/stories/" + id + "/breaking";
  }
}
