package dev.newsticker.push;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The readers of one event loop. Live events reach it on its own loop, so it needs no locks;
 * one timer per loop sends every reader's heartbeat.
 */
public final class LoopHub {
  private final Set<Subscriber> subscribers = new LinkedHashSet<>();
  private final Context context;
  private final long timer;
  private final Vertx vertx;
  private final PushMetrics metrics;

  public LoopHub(Vertx vertx, Context context, int heartbeatSeconds, PushMetrics metrics) {
    this.vertx = vertx;
    this.context = context;
    this.metrics = metrics;
    this.timer = vertx.setPeriodic(heartbeatSeconds * 1000L, id -> subscribers.forEach(Subscriber::heartbeat));
  }

  void add(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  void remove(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  /** Called from any thread: hands the event to this loop. */
  void publish(OutboundEvent event) {
    context.runOnContext(ignored -> {
      int written = 0;
      for (Subscriber subscriber : subscribers) {
        if (subscriber.offer(event)) {
          written++;
        }
      }
      metrics.delivered(written);
      metrics.fannedOut(event);
    });
  }

  /** Called from any thread: every reader of this loop starts over (resync, then a fresh snapshot). */
  void resyncAll(String reason) {
    context.runOnContext(ignored -> List.copyOf(subscribers).forEach(subscriber -> subscriber.resync(reason)));
  }

  public int size() {
    return subscribers.size();
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }
}
