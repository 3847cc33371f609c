package dev.newsticker.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last N events of this node, in seq order, for replays without a store query. Written by
 * the fan-out as events arrive, read by every event loop.
 */
public final class RecentEvents {
  private final OutboundEvent[] ring;
  private long newestSeq;
  private int size;
  private int head;

  public RecentEvents(int capacity) {
    this.ring = new OutboundEvent[Math.max(1, capacity)];
  }

  public synchronized void add(OutboundEvent event) {
    if (size > 0 && event.seq() <= newestSeq) {
      return;
    }
    if (size > 0 && event.seq() != newestSeq + 1) {
      clear();
    }
    ring[(head + size) % ring.length] = event;
    if (size < ring.length) {
      size++;
    } else {
      head = (head + 1) % ring.length;
    }
    newestSeq = event.seq();
  }

  /**
   * Every event after {@code seq} when the cache holds them all (the gap is contiguous from
   * {@code seq + 1}), else empty: the caller must read the store.
   */
  public synchronized Optional<List<OutboundEvent>> after(long seq) {
    if (size == 0 || seq >= newestSeq) {
      return size == 0 ? Optional.empty() : Optional.of(List.of());
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
  }
}
