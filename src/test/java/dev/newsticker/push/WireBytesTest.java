package dev.newsticker.push;

import dev.newsticker.model.EventType;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exact bytes an event of each type goes out as, on SSE and WebSocket: pinned so a change of
 * encoder (hand-written JSON to jackson-databind) cannot change the public wire format unnoticed.
 */
class WireBytesTest {
  private static final Instant PUBLISHED = Instant.parse("2026-03-01T08:00:00Z");
  private static final Instant AT = Instant.parse("2026-03-01T08:15:30.123456789Z");
  /** The story of {@link #full} up to its seq. */
  private static final String FULL_STORY = "{\"id\":\"s-1\",\"headline\":\"Zoë \\\"quoted\\\" <b>héadline</b> / 5€ \u2028 done\","
    + "\"summary\":\"A summary\\nwith a line\",\"body\":[\"First paragraph.\",\"Second ✓\"],"
    + "\"url\":\"https://example.com/a?b=1&c=2\",\"source\":\"wire\",\"sources\":[\"wire\","
    + "\"api\"],\"byline\":\"By Ann\",\"category\":\"world\",\"tags\":[\"tag one\",\"ünï\"],"
    + "\"breaking\":true,\"publishedAt\":\"2026-03-01T08:00:00Z\","
    + "\"updatedAt\":\"2026-03-01T08:15:30.123456789Z\",\"revision\":3,";

  private static Story full(long seq, boolean removed) {
    return new Story("s-1", "Zoë \"quoted\" <b>héadline</b> / 5€ \u2028 done", "A summary\nwith a line",
      List.of("First paragraph.", "Second ✓"), "https://example.com/a?b=1&c=2", "wire", List.of("wire", "api"),
      "By Ann", "world", List.of("tag one", "ünï"), true, PUBLISHED, AT, 3, seq, removed);
  }

  private static Story bare(long seq) {
    return new Story("s-2", "Bare", null, null, null, null, null, null, null, null, false, null, null, 1, seq, false);
  }

  @Test
  void storyNew() {
    StoryEvent event = new StoryEvent(EventType.NEW, 7, PUBLISHED, bare(7), null, null);
    assertWire(event, "{\"type\":\"story.new\",\"seq\":7,\"at\":\"2026-03-01T08:00:00Z\",\"story\":{\"id\":\"s-2\","
      + "\"headline\":\"Bare\",\"sources\":[],\"tags\":[],\"breaking\":false,\"revision\":1,\"seq\":7}}", "bb", "817e009c");
  }

  @Test
  void storyUpdated() {
    StoryEvent event = new StoryEvent(EventType.UPDATED, 8, AT, full(8, false), "Old \"headline\"", "figure");
    assertWire(event, "{\"type\":\"story.updated\",\"seq\":8,\"at\":\"2026-03-01T08:15:30.123456789Z\",\"story\":"
      + FULL_STORY + "\"seq\":8},\"previous\":\"Old \\\"headline\\\"\",\"change\":\"figure\"}", "23e", "817e021b");
  }

  @Test
  void storyUnchanged() {
    StoryEvent event = new StoryEvent(EventType.UNCHANGED, 9, AT, full(9, false), null, "source");
    assertWire(event, "{\"type\":\"story.unchanged\",\"seq\":9,\"at\":\"2026-03-01T08:15:30.123456789Z\",\"story\":"
      + FULL_STORY + "\"seq\":9},\"change\":\"source\"}", "224", "817e01ff");
  }

  @Test
  void storyRemoved() {
    StoryEvent event = new StoryEvent(EventType.REMOVED, 130_000, AT, full(130_000, true), null, null);
    assertWire(event, "{\"type\":\"story.removed\",\"seq\":130000,\"at\":\"2026-03-01T08:15:30.123456789Z\",\"story\":"
      + FULL_STORY + "\"seq\":130000,\"removed\":true}}", "22c", "817e0204");
  }

  @Test
  void storyUpdatedOutOfAFilterSaysWhatItWas() {
    Story before = new Story("s-2", "Bare", null, null, null, "wire", List.of("wire", "api"), null, "sport", null, true,
      null, null, 1, 7, false);
    Story after = new Story("s-2", "Bare", null, null, null, "wire", List.of("wire"), null, "politics", null, false,
      null, null, 2, 8, false);
    StoryEvent event = StoryEvent.updated(8, PUBLISHED, before, after, null, "content");
    assertWire(event, "{\"type\":\"story.updated\",\"seq\":8,\"at\":\"2026-03-01T08:00:00Z\",\"story\":{\"id\":\"s-2\","
      + "\"headline\":\"Bare\",\"source\":\"wire\",\"sources\":[\"wire\"],\"category\":\"politics\",\"tags\":[],"
      + "\"breaking\":false,\"revision\":2,\"seq\":8},\"change\":\"content\",\"was\":{\"category\":\"sport\","
      + "\"sources\":[\"wire\",\"api\"],\"breaking\":true}}", "146", "817e0123");
  }

  @Test
  void storyMerged() {
    Story absorbed = new Story("s-1", "Other", null, null, null, "api", List.of("api"), null, "sport", null, false,
      null, null, 1, 6, false);
    StoryEvent event = StoryEvent.merged(9, PUBLISHED, bare(9), absorbed);
    assertWire(event, "{\"type\":\"story.merged\",\"seq\":9,\"at\":\"2026-03-01T08:00:00Z\",\"story\":{\"id\":\"s-2\","
      + "\"headline\":\"Bare\",\"sources\":[],\"tags\":[],\"breaking\":false,\"revision\":1,\"seq\":9},"
      + "\"merged\":\"s-1\",\"was\":{\"category\":\"sport\",\"sources\":[\"api\"],\"breaking\":false}}", "10e", "817e00ec");
  }

  @Test
  void anEventPast64KiBHasTheLongestFrameHeader() {
    Story story = new Story("s-3", "Long", null, List.of("x".repeat(70_000)), null, "api", List.of("api"), null, null, null,
      false, null, null, 1, 10, false);
    StoryEvent event = new StoryEvent(EventType.NEW, 10, PUBLISHED, story, null, null);
    String json = "{\"type\":\"story.new\",\"seq\":10,\"at\":\"2026-03-01T08:00:00Z\",\"story\":{\"id\":\"s-3\","
      + "\"headline\":\"Long\",\"body\":[\"" + "x".repeat(70_000) + "\"],\"source\":\"api\",\"sources\":[\"api\"],"
      + "\"tags\":[],\"breaking\":false,\"revision\":1,\"seq\":10}}";
    assertWire(event, json, "1124e", "817f000000000001122e");
  }

  /** The envelope, the whole SSE chunk (size line, id, event, data) and the whole WebSocket frame. */
  private static void assertWire(StoryEvent event, String json, String chunkSize, String frameHeader) {
    OutboundEvent out = OutboundEvent.of(event);
    assertEquals(json, payload(out));
    String sse = chunkSize + "\r\nid: " + event.seq() + "\nevent: " + event.type() + "\ndata: " + json + "\n\n\r\n";
    assertEquals(sse, out.sseChunk().toString(StandardCharsets.UTF_8));
    assertEquals(frameHeader + ByteBufUtil.hexDump(json.getBytes(StandardCharsets.UTF_8)),
      ByteBufUtil.hexDump(out.webSocketFrame()));
  }

  private static String payload(OutboundEvent out) {
    return WireFrames.webSocketPayload(out.webSocketFrame()).toString(StandardCharsets.UTF_8);
  }
}
