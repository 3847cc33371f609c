package dev.newsticker.push;

import dev.newsticker.desk.DeskAddresses;
import dev.newsticker.model.StoryFilter;
import dev.newsticker.store.StoryStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * This node's end of {@code news.events}: decodes each event once, keeps it in the recent-events
 * cache, then hands it to every event loop's hub. The cache is written before any loop sees the
 * event, so a reader that misses an event live always finds it in the cache.
 */
public final class Fanout {
  private static final Logger LOG = LoggerFactory.getLogger(Fanout.class);

  private final Vertx vertx;
  private final RecentEvents recent;
  private final List<LoopHub> hubs = new CopyOnWriteArrayList<>();
  private final PushMetrics metrics;
  private MessageConsumer<String> consumer;

  public Fanout(Vertx vertx, RecentEvents recent, PushMetrics metrics) {
    this.vertx = vertx;
    this.recent = recent;
    this.metrics = metrics;
  }

  /** Fills the cache with the store's latest events, then listens to the bus. */
  public Future<Void> start(StoryStore store, int cacheSize) {
    return store.newest(0, StoryFilter.ALL, null).compose(top -> warm(store, top.seq(), cacheSize).compose(warmed -> {
      InOrderDelivery inOrder = new InOrderDelivery(store, top.seq(), this::dispatch);
      consumer = vertx.eventBus().consumer(DeskAddresses.EVENTS, message -> {
        try {
          inOrder.accept(OutboundEvent.fromJson(message.body()));
        } catch (RuntimeException e) {
          LOG.error("Dropped an undecodable event: {}", e.getMessage());
        }
      });
      return consumer.completion();
    }));
  }

  private void dispatch(OutboundEvent event) {
    metrics.published(event);
    recent.add(event);
    hubs.forEach(hub -> hub.publish(event));
  }

  private Future<Void> warm(StoryStore store, long topSeq, int cacheSize) {
    if (cacheSize == 0) {
      return Future.succeededFuture();
    }
    return store.eventsAfter(Math.max(0, topSeq - cacheSize), cacheSize).map(events -> {
      events.forEach(event -> recent.add(OutboundEvent.of(event)));
      return null;
    });
  }

  public void register(LoopHub hub) {
    hubs.add(hub);
  }

  public void unregister(LoopHub hub) {
    hubs.remove(hub);
  }

  public Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
