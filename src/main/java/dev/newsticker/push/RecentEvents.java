package dev.newsticker.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last events of this node, in seq order, for replays without a store query: at most
 * {@code capacity} of them and {@code maxBytes} of what they hold ({@link OutboundEvent#retainedBytes}),
 * so large items shorten the history it covers rather than fill the heap. Written by the fan-out
 * as events arrive, read by every event loop.
 */
public final class RecentEvents {
  private final OutboundEvent[] ring;
  private final long maxBytes;
  private long bytes;
  private long newestSeq;
  private int size;
  private int head;

  public RecentEvents(int capacity, long maxBytes) {
    this.ring = new OutboundEvent[Math.max(1, capacity)];
    this.maxBytes = maxBytes;
  }

  public synchronized void add(OutboundEvent event) {
    if (newestSeq > 0 && event.seq() <= newestSeq) {
      return;
    }
    if (newestSeq > 0 && event.seq() != newestSeq + 1) {
      clear();
    }
    newestSeq = event.seq();
    long eventBytes = event.retainedBytes();
    while (size > 0 && (size == ring.length || bytes + eventBytes > maxBytes)) {
      dropOldest();
    }
    // one event larger than the whole budget is not kept: replays of it read the store
    if (eventBytes <= maxBytes) {
      ring[(head + size) % ring.length] = event;
      size++;
      bytes += eventBytes;
    }
  }

  private void dropOldest() {
    bytes -= ring[head].retainedBytes();
    ring[head] = null;
    head = (head + 1) % ring.length;
    size--;
  }

  long maxBytes() {
    return maxBytes;
  }

  /**
   * Every event after {@code seq} when the cache holds them all (the gap is contiguous from
   * {@code seq + 1}), else empty: the caller must read the store.
   */
  public synchronized Optional<List<OutboundEvent>> after(long seq) {
    if (newestSeq > 0 && seq >= newestSeq) {
      return Optional.of(List.of());
    }
    if (size == 0) {
      return Optional.empty();
    }
    long oldest = ring[head].seq();
    if (seq < oldest - 1) {
      return Optional.empty();
    }
    int skip = (int) (seq - oldest + 1);
    List<OutboundEvent> events = new ArrayList<>(size - skip);
    for (int i = skip; i < size; i++) {
      events.add(ring[(head + i) % ring.length]);
    }
    return Optional.of(events);
  }

  public synchronized long newestSeq() {
    return newestSeq;
  }

  private void clear() {
    java.util.Arrays.fill(ring, null);
    size = 0;
    head = 0;
    bytes = 0;
  }
}
