package dev.newsticker.e2e;

import dev.newsticker.support.Await;
import dev.newsticker.support.BothStores;
import dev.newsticker.support.CorrectionTestBase;
import dev.newsticker.support.SseEvent;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.WsReader;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nothing lost for a filtered reader: an action that takes a story out of a reader's filter
 * (a flag ends, a category is edited away, a source is split off, a merge into a story outside
 * it) still reaches the reader that showed the story, live on SSE and WebSocket and on resume,
 * after a restart too (the replay then comes from the store's log).
 */
class FilteredReadersTest extends CorrectionTestBase {

  @BothStores
  void theEndOfAFlagReachesTheBreakingOnlyReader(String store) {
    startOn(store);
    String id = publish(item("wire", "w1", "Dam breach forces evacuation").put("breaking", true)).getString("storyId");
    long before = publish(item("wire", "w2", "Markets close higher")).getLong("seq");
    Filtered breaking = Filtered.open(this, "breaking=true", new JsonObject().put("breaking", true));

    long seq = seqOf(call(HttpMethod.DELETE, "/api/v1/stories/" + id + "/breaking", null).bodyAsJsonObject());
    publish(item("wire", "w2", "Markets close higher again"));

    JsonObject ended = breaking.only(id, seq);
    assertEquals("story.updated", ended.getString("type"));
    assertEquals(false, ended.getJsonObject("story").getBoolean("breaking"));
    assertEquals(true, ended.getJsonObject("was").getBoolean("breaking"));
    breaking.close();
    restart(() -> { });
    assertEquals(List.of(ended), resumed("breaking=true", before, seq));
  }

  @BothStores
  void aCategoryEditedAwayReachesTheCategoryReader(String store) {
    startOn(store);
    String id = publish(item("wire", "w1", "Cup final goes to penalties").put("category", "sport")).getString("storyId");
    long before = publish(item("wire", "w2", "Parliament passes budget").put("category", "politics")).getLong("seq");
    Filtered sport = Filtered.open(this, "category=sport", new JsonObject().put("category", "sport"));

    long seq = seqOf(call(HttpMethod.PATCH, "/api/v1/stories/" + id, new JsonObject().put("category", "politics"))
      .bodyAsJsonObject());
    publish(item("wire", "w2", "Parliament passes the budget").put("category", "politics"));

    JsonObject moved = sport.only(id, seq);
    assertEquals("politics", moved.getJsonObject("story").getString("category"));
    assertEquals("sport", moved.getJsonObject("was").getString("category"));
    sport.close();
    restart(() -> { });
    assertEquals(List.of(moved), resumed("category=sport", before, seq));
  }

  @BothStores
  void aMergeIntoAStoryOutsideTheFilterReachesTheReaderOfTheAbsorbedOne(String store) {
    startOn(store);
    String survivor = publish(item("wire", "w1", "Minister resigns over stadium deal").put("category", "politics"))
      .getString("storyId");
    String absorbed = publish(item("agency", "g1", "Stadium deal costs club its coach").put("category", "sport"))
      .getString("storyId");
    long before = publish(item("wire", "w3", "Weather turns cold")).getLong("seq");
    Filtered sport = Filtered.open(this, "category=sport", new JsonObject().put("category", "sport"));

    JsonObject answer = call(HttpMethod.POST, "/api/v1/stories/" + absorbed + "/merge",
      new JsonObject().put("into", survivor)).bodyAsJsonObject();
    long seq = answer.getJsonObject("story").getLong("seq");

    JsonObject merged = sport.only(survivor, seq);
    assertEquals("story.merged", merged.getString("type"));
    assertEquals(absorbed, merged.getString("merged"));
    assertEquals("sport", merged.getJsonObject("was").getString("category"));
    assertEquals(List.of(merged), resumed("category=sport", before, seq));
    sport.close();
  }

  @BothStores
  void aSourceSplitOffReachesTheReaderOfThatSource(String store) {
    startOn(store);
    String id = publish(item("wire", "w1", "Rail strike halts trains")).getString("storyId");
    publish(item("agency", "g1", "Rail strike halts trains!"));
    long before = publish(item("wire", "w9", "Harbour reopens")).getLong("seq");
    Filtered agency = Filtered.open(this, "source=agency", new JsonObject().put("source", "agency"));

    JsonObject answer = call(HttpMethod.POST, "/api/v1/stories/" + id + "/split", new JsonObject().put("source", "agency"))
      .bodyAsJsonObject();
    long seq = answer.getJsonObject("split").getLong("seq");

    List<JsonObject> events = agency.upTo(seq);
    assertEquals(List.of("story.updated", "story.new"), events.stream().map(e -> e.getString("type")).toList());
    assertEquals(List.of(id, answer.getJsonObject("split").getString("id")),
      events.stream().map(e -> e.getJsonObject("story").getString("id")).toList());
    assertEquals(events, resumed("source=agency", before, seq));
    agency.close();
  }

  private static long seqOf(JsonObject story) {
    return story.getLong("seq");
  }

  /** A filtered reader coming back with Last-Event-ID {@code lastSeen}: its story events up to {@code seq}. */
  private List<JsonObject> resumed(String query, long lastSeen, long seq) {
    try (SseReader back = SseReader.open(vertx, server.port(), "/api/v1/stream?" + query,
      Map.of("Last-Event-ID", Long.toString(lastSeen)))) {
      back.awaitEvents("resumed events up to seq " + seq, all -> all.stream()
        .anyMatch(e -> e.event().startsWith("story.") && e.seq() >= seq));
      return back.storyEvents().stream().map(SseEvent::json).toList();
    }
  }

  private static JsonObject item(String source, String id, String headline) {
    return new JsonObject().put("source", source).put("id", id).put("headline", headline);
  }

  /** A live SSE reader and a live WebSocket reader with the same filter. */
  private record Filtered(SseReader sse, WsReader ws, long from) implements AutoCloseable {

    static Filtered open(FilteredReadersTest test, String query, JsonObject subscribe) {
      SseReader sse = SseReader.open(test.vertx, test.server.port(), "/api/v1/stream?" + query);
      long from = sse.awaitEvent("snapshot").seq();
      WsReader ws = WsReader.open(test.vertx, test.server.port(), "/api/v1/ws");
      ws.subscribe(subscribe);
      return new Filtered(sse, ws, from);
    }

    /** What both readers got up to {@code seq} (the same on both): story events after the snapshot. */
    List<JsonObject> upTo(long seq) {
      sse.awaitEvents("SSE events up to seq " + seq, events -> events.stream()
        .anyMatch(e -> e.event().startsWith("story.") && e.seq() >= seq));
      Await.until("WebSocket events up to seq " + seq, () -> ws.storyEvents().stream()
        .anyMatch(e -> e.getLong("seq") >= seq));
      List<JsonObject> fromSse = sse.storyEvents().stream().map(SseEvent::json).toList();
      assertEquals(fromSse, ws.storyEvents(), "SSE and WebSocket readers differ");
      return fromSse;
    }

    /** The one event both readers got, for {@code storyId} at {@code seq}. */
    JsonObject only(String storyId, long seq) {
      List<JsonObject> events = upTo(seq);
      assertEquals(1, events.size(), events.toString());
      assertEquals(storyId, events.get(0).getJsonObject("story").getString("id"));
      assertEquals(seq, events.get(0).getLong("seq"));
      return events.get(0);
    }

    @Override
    public void close() {
      sse.close();
      ws.close();
    }
  }
}
