package dev.newsticker.e2e;

import dev.newsticker.support.BothStores;
import dev.newsticker.support.CorrectionTestBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk's doubts through the API, with a band wide enough (desk.doubtBandPercent 100) that every
 * match is a close merge and every story judged but not joined a near-miss; each action clears its doubt.
 */
class DoubtsTest extends CorrectionTestBase {
  private static final JsonObject WIDE_BAND = new JsonObject().put("desk", new JsonObject().put("doubtBandPercent", 100));

  @BothStores
  void aCloseMergeIsListedAndGoesWhenSplitOrDismissed(String store) {
    startOn(store, WIDE_BAND);
    String id = publish(item("wire", "w1", "Fire at city hall kills two people")).getString("storyId");
    assertEquals(id, publish(item("agency", "g1", "Fire at city hall kills three people")).getString("storyId"));

    JsonObject doubt = onlyDoubt();
    assertEquals("close-merge", doubt.getString("kind"));
    assertEquals(id, doubt.getJsonObject("story").getString("id"));
    assertEquals("Fire at city hall kills three people", doubt.getJsonObject("story").getString("headline"));
    assertEquals(id, doubt.getJsonObject("other").getString("id"));
    assertEquals("Fire at city hall kills two people", doubt.getJsonObject("other").getString("headline"));
    assertEquals(2, doubt.getInteger("revision"));
    assertTrue(doubt.getDouble("score") >= doubt.getDouble("threshold"), doubt.encode());

    assertEquals(200, call(HttpMethod.POST, "/api/v1/stories/" + id + "/split",
      new JsonObject().put("revision", doubt.getInteger("revision"))).statusCode());
    assertEquals(new JsonArray(), doubts());

    String other = publish(item("wire", "w2", "Flood at river port strands ten ships")).getString("storyId");
    assertEquals(other, publish(item("agency", "g2", "Flood at river port strands twelve ships")).getString("storyId"));
    String doubtId = onlyDoubt().getString("id");
    assertEquals(204, call(HttpMethod.DELETE, "/api/v1/desk/doubts/" + doubtId, null).statusCode());
    assertEquals(new JsonArray(), doubts());
    assertRefused(404, "no doubt with id " + doubtId, call(HttpMethod.DELETE, "/api/v1/desk/doubts/" + doubtId, null));
  }

  @BothStores
  void aNearMissIsListedAndGoesWhenKeptApartOrMerged(String store) {
    startOn(store, WIDE_BAND);
    String first = publish(item("wire", "w1", "Earthquake shakes the northern coast")).getString("storyId");
    String second = publish(item("agency", "g1", "Northern coast earthquake: schools stay shut")).getString("storyId");
    assertNotEquals(first, second);

    JsonObject doubt = onlyDoubt();
    assertEquals("near-miss", doubt.getString("kind"));
    assertEquals(second, doubt.getJsonObject("story").getString("id"));
    assertEquals(first, doubt.getJsonObject("other").getString("id"));
    assertTrue(doubt.getDouble("score") < doubt.getDouble("threshold"), doubt.encode());
    assertEquals(204, call(HttpMethod.POST, "/api/v1/stories/" + second + "/apart", new JsonObject().put("from", first))
      .statusCode());
    assertEquals(new JsonArray(), doubts());

    publish(item("wire", "w2", "Earthquake shakes the southern islands"));
    String schools = publish(item("agency", "g2", "Southern islands earthquake: schools stay shut")).getString("storyId");
    JsonObject next = doubts().getJsonObject(0);
    assertEquals("near-miss", next.getString("kind"));
    assertEquals(schools, next.getJsonObject("story").getString("id"));
    assertEquals(200, call(HttpMethod.POST, "/api/v1/stories/" + schools + "/merge",
      new JsonObject().put("into", next.getJsonObject("other").getString("id"))).statusCode());
    assertEquals(new JsonArray(), doubts(), "both doubts named a story of the merge");
  }

  private JsonObject onlyDoubt() {
    JsonArray doubts = doubts();
    assertEquals(1, doubts.size(), doubts.encode());
    return doubts.getJsonObject(0);
  }

  private JsonArray doubts() {
    var response = call(HttpMethod.GET, "/api/v1/desk/doubts?limit=10", null);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getJsonArray("doubts");
  }

  private static JsonObject item(String source, String id, String headline) {
    return new JsonObject().put("source", source).put("id", id).put("headline", headline);
  }
}
