package dev.newsticker.push;

import dev.newsticker.model.EventType;

import java.util.ArrayDeque;

/**
 * The events waiting for one slow reader, bounded in events and bytes. An event replaces a
 * waiting one of the same story (the reader only needs the newest revision), except a
 * {@code story.merged}: it alone tells the reader to drop the absorbed story's line. The queue holds
 * references to the shared encoded events, so its bytes are a bound, not an allocation.
 */
final class ReaderQueue {
  private final ArrayDeque<OutboundEvent> events = new ArrayDeque<>();
  private final int maxEvents;
  private final int maxBytes;
  private final PushMetrics metrics;
  private int bytes;

  ReaderQueue(int maxEvents, int maxBytes, PushMetrics metrics) {
    this.maxEvents = maxEvents;
    this.maxBytes = maxBytes;
    this.metrics = metrics;
  }

  /** Queues {@code event}; false when the queue is past its bound (the caller must resync). */
  boolean add(OutboundEvent event) {
    if (events.removeIf(waiting -> waiting.storyId().equals(event.storyId())
      && !EventType.MERGED.equals(waiting.type()) && forget(waiting))) {
      metrics.conflated();
    }
    events.add(event);
    bytes += event.size();
    metrics.queued(1, event.size());
    return events.size() <= maxEvents && bytes <= maxBytes;
  }

  private boolean forget(OutboundEvent waiting) {
    bytes -= waiting.size();
    metrics.queued(-1, -waiting.size());
    return true;
  }

  OutboundEvent poll() {
    OutboundEvent event = events.poll();
    if (event != null) {
      forget(event);
    }
    return event;
  }

  boolean isEmpty() {
    return events.isEmpty();
  }

  void clear() {
    metrics.queued(-events.size(), -bytes);
    events.clear();
    bytes = 0;
  }
}
