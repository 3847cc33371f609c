package dev.newsticker.push;

import dev.newsticker.store.StoryStore;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands events on strictly in seq order, each once. The bus may drop an event (a desk node dies
 * between storing and publishing, a cluster connection breaks) or repeat one; the seqs are
 * contiguous, so a gap is visible: the missing events are read from the store, and events that
 * arrive meanwhile wait their turn. A read that fails (the store is away for a moment) is tried
 * again with backoff; a gap still open after {@code giveUpMillis} is abandoned and reported, so
 * that every reader is told to resync rather than miss events in silence. Used from one context only.
 */
final class InOrderDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(InOrderDelivery.class);
  private static final int MAX_FILL = 10_000;
  private static final long FIRST_RETRY_MILLIS = 100;
  private static final long MAX_RETRY_MILLIS = 2_000;

  private final Vertx vertx;
  private final StoryStore store;
  private final Consumer<OutboundEvent> next;
  private final Consumer<String> gapAbandoned;
  private final long giveUpMillis;
  private final ArrayDeque<OutboundEvent> waiting = new ArrayDeque<>();
  private long lastSeq;
  private boolean filling;

  /** {@code gapAbandoned}: told why when events are given up on; readers must resync. */
  InOrderDelivery(Vertx vertx, StoryStore store, long lastSeq, long giveUpMillis, Consumer<OutboundEvent> next,
                  Consumer<String> gapAbandoned) {
    this.vertx = vertx;
    this.store = store;
    this.lastSeq = lastSeq;
    this.giveUpMillis = giveUpMillis;
    this.next = next;
    this.gapAbandoned = gapAbandoned;
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
    LOG.info("Events {} to {} did not arrive on the bus; reading them from the store", lastSeq + 1, upTo - 1);
    attempt(upTo, System.nanoTime(), FIRST_RETRY_MILLIS);
  }

  private void attempt(long upTo, long started, long retryMillis) {
    long from = lastSeq;
    int missing = (int) Math.min(MAX_FILL, upTo - from - 1);
    store.eventsAfter(from, missing).onComplete(result -> {
      List<OutboundEvent> found = result.succeeded()
        ? result.result().stream().map(OutboundEvent::of).toList() : List.of();
      found.stream().filter(event -> event.seq() == lastSeq + 1 && event.seq() < upTo).forEach(this::pass);
      if (lastSeq >= upTo - 1) {
        done();
      } else if (lastSeq > from) {
        // more than one read's worth was missing: go on at once
        attempt(upTo, System.nanoTime(), FIRST_RETRY_MILLIS);
      } else if ((System.nanoTime() - started) / 1_000_000 >= giveUpMillis) {
        String reason = "events " + (lastSeq + 1) + " to " + (upTo - 1) + " could not be read";
        LOG.warn("Giving up on events {} to {} after {} ms ({}); readers resync", lastSeq + 1, upTo - 1, giveUpMillis,
          result.failed() ? result.cause().getMessage() : "not in the store");
        lastSeq = upTo - 1;
        gapAbandoned.accept(reason);
        done();
      } else {
        vertx.setTimer(retryMillis, id -> attempt(upTo, started, Math.min(2 * retryMillis, MAX_RETRY_MILLIS)));
      }
    });
  }

  private void done() {
    filling = false;
    drainWaiting();
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
