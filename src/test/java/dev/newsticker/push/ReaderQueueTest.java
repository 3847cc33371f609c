package dev.newsticker.push;

import dev.newsticker.model.EventType;
import dev.newsticker.model.Story;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A slow reader's queue: one story's events collapse to the newest; the bounds hold in events and bytes. */
class ReaderQueueTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PushMetrics metrics = new PushMetrics(registry);

  @Test
  void eventsOfOneStoryCollapseToTheNewest() {
    ReaderQueue queue = new ReaderQueue(10, 1 << 20, metrics);
    queue.add(event(1, "a", 100));
    queue.add(event(2, "b", 100));
    queue.add(event(3, "a", 100));
    queue.add(event(4, "a", 100));
    assertEquals(List.of(2L, 4L), drain(queue));
    assertEquals(2, registry.get("newsticker_conflations").counter().count());
    assertEquals(0, metrics.queuedEvents());
  }

  @Test
  void aMergeIsNeverCollapsedAway() {
    ReaderQueue queue = new ReaderQueue(10, 1 << 20, metrics);
    queue.add(event(1, "a", 100));
    queue.add(event(2, "a", EventType.MERGED));
    queue.add(event(3, "a", 100));
    assertEquals(List.of(2L, 3L), drain(queue), "the reader must still learn to drop the absorbed line");
  }

  @Test
  void pastTheEventBoundTheQueueAsksForAResync() {
    ReaderQueue queue = new ReaderQueue(3, 1 << 20, metrics);
    for (int seq = 1; seq <= 3; seq++) {
      assertTrue(queue.add(event(seq, "s" + seq, 100)));
    }
    assertFalse(queue.add(event(4, "s4", 100)));
    assertEquals(4, metrics.queuedEvents());
    queue.clear();
    assertEquals(0, metrics.queuedEvents());
    assertEquals(0.0, registry.get("newsticker_queued_bytes").gauge().value());
  }

  @Test
  void pastTheByteBoundTheQueueAsksForAResync() {
    ReaderQueue queue = new ReaderQueue(100, 1000, metrics);
    assertTrue(queue.add(event(1, "x", 600)));
    assertFalse(queue.add(event(2, "y", 600)));
    assertEquals(1200.0, registry.get("newsticker_queued_bytes").gauge().value());
  }

  private static List<Long> drain(ReaderQueue queue) {
    List<Long> seqs = new ArrayList<>();
    while (!queue.isEmpty()) {
      seqs.add(queue.poll().seq());
    }
    return seqs;
  }

  /** An event of story {@code storyId} whose SSE chunk (size line, frame, CRLF) is {@code bytes} long. */
  private static OutboundEvent event(long seq, String storyId, int bytes) {
    return event(seq, storyId, EventType.UPDATED, bytes);
  }

  private static OutboundEvent event(long seq, String storyId, String type) {
    return event(seq, storyId, type, 100);
  }

  private static OutboundEvent event(long seq, String storyId, String type, int bytes) {
    Story story = new Story(storyId, "Headline " + seq, null, List.of(), null, "test", List.of("test"), null, null,
      List.of(), false, Instant.EPOCH, Instant.EPOCH, 1, seq, false);
    return new OutboundEvent(seq, type, Instant.EPOCH, story, null, WireFrames.webSocketText(new byte[2]),
      WireFrames.chunk(new byte[frameLength(bytes)]));
  }

  private static int frameLength(int chunkBytes) {
    int frame = chunkBytes - 4;
    while (Integer.toHexString(frame).length() + 4 + frame > chunkBytes) {
      frame--;
    }
    return frame;
  }
}
