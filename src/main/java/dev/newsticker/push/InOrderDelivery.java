package dev.newsticker.push;

import dev.newsticker.store.StoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Hands events on strictly in seq order, each once. The bus may drop an event (a desk node dies
 * between storing and publishing, a cluster connection breaks) or repeat one; the seqs are
 * contiguous, so a gap is visible: the missing events are read from the store, and events that
 * arrive meanwhile wait their turn. Used from one context only.
 */
final class InOrderDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(InOrderDelivery.class);
  private static final int MAX_FILL = 10_000;

  private final StoryStore store;
  private final Consumer<OutboundEvent> next;
  private final ArrayDeque<OutboundEvent> waiting = new ArrayDeque<>();
  private long lastSeq;
  private boolean filling;

  InOrderDelivery(StoryStore store, long lastSeq, Consumer<OutboundEvent> next) {
    this.store = store;
    this.lastSeq = lastSeq;
    this.next = next;
  }

  void accept(OutboundEvent event) {
    if (filling) {
      waiting.add(event);
    } else if (event.seq() == lastSeq + 1) {
      pass(event);
    } else if (event.seq() > lastSeq + 1) {
      waiting.add(event);
      fill(event.seq());
    }
  }

  private void fill(long upTo) {
    filling = true;
    long from = lastSeq;
    int missing = (int) Math.min(MAX_FILL, upTo - from - 1);
    LOG.info("Events {} to {} did not arrive on the bus; reading them from the store", from + 1, upTo - 1);
    store.eventsAfter(from, missing).onComplete(result -> {
      if (result.succeeded()) {
        result.result().stream().map(OutboundEvent::of).filter(event -> event.seq() > lastSeq).forEach(this::pass);
      } else {
        LOG.warn("Could not read missing events {} to {}: {}; going on without them", from + 1, upTo - 1,
          result.cause().getMessage());
        lastSeq = upTo - 1;
      }
      filling = false;
      drainWaiting();
    });
  }

  private void drainWaiting() {
    while (!waiting.isEmpty() && !filling) {
      OutboundEvent event = waiting.poll();
      if (event.seq() > lastSeq + 1) {
        waiting.addFirst(event);
        fill(event.seq());
        return;
      }
      if (event.seq() == lastSeq + 1) {
        pass(event);
      }
    }
  }

  private void pass(OutboundEvent event) {
    lastSeq = event.seq();
    next.accept(event);
  }
}
