package dev.newsticker.model;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JSON of the shared records, pinned: the API and the bus show exactly these fields, in this order. */
class RecordJsonTest {
  private static final Instant AT = Instant.parse("2026-03-01T08:15:30.120Z");

  @Test
  void revisionLeavesOutWhatItDoesNotKnow() {
    assertEquals("{\"revision\":2,\"headline\":\"Fire: 5 dead\",\"at\":\"2026-03-01T08:15:30.120Z\",\"source\":\"wire\","
      + "\"change\":\"figure\"}", RecordJson.encode(new Revision(2, "Fire: 5 dead", "wire", AT, "figure")));
    assertEquals("{\"revision\":1,\"headline\":\"Fire\",\"at\":\"2026-03-01T08:15:30.120Z\"}",
      RecordJson.encode(new Revision(1, "Fire", null, AT, null)));
  }

  @Test
  void publishResultRoundTrips() {
    PublishResult result = new PublishResult("s-9", 12, EventType.UPDATED);
    assertEquals("{\"storyId\":\"s-9\",\"seq\":12,\"type\":\"story.updated\"}", result.toJson().encode());
    assertEquals(result, PublishResult.fromJson(new JsonObject(result.toJson().encode())));
  }

  @Test
  void feedItemRoundTripsWithEveryFieldAndWithNone() {
    FeedItem full = new FeedItem("g-1", "wire", "Héadline", "Sum", List.of("p1"), "https://x.test/a", "Ann", "world",
      List.of("t"), true, AT, true);
    assertEquals(full, FeedItem.fromJson(new JsonObject(full.toJson().encode())));
    FeedItem bare = FeedItem.headline("api", "Only this");
    assertEquals(bare, FeedItem.fromJson(new JsonObject(bare.toJson().encode())));
    assertEquals(null, FeedItem.fromJson(new JsonObject(bare.toJson().encode())).breaking());
  }

  @Test
  void storyRoundTrips() {
    Story story = new Story("s-1", "Headline", null, List.of(), null, "api", List.of("api"), null, "world", List.of(),
      false, AT, AT, 2, 40, false);
    assertEquals(story, RecordJson.decode(RecordJson.encode(story), Story.class));
    Story removed = story.withRemoved(AT, 41);
    assertEquals(removed, RecordJson.decode(RecordJson.encode(removed), Story.class));
  }
}
