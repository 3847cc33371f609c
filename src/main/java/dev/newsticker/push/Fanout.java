package dev.newsticker.push;

import dev.newsticker.desk.DeskAddresses;
import dev.newsticker.model.StoryFilter;
import dev.newsticker.store.StoryStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * This node's end of {@code news.events}: decodes each event once, keeps it in the recent-events
 * cache, then hands it to every event loop's hub. The cache is written before any loop sees the
 * event, so a reader that misses an event live always finds it in the cache.
 */
public final class Fanout {
  private static final Logger LOG = LoggerFactory.getLogger(Fanout.class);
  private static final int FIRST_WARM_PAGE = 256;
  private static final int MIN_WARM_PAGE = 8;

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
  /** {@code gapGiveUpMillis}: how long events missing from the bus are sought in the store before readers resync. */
  public Future<Void> start(StoryStore store, int cacheSize, long gapGiveUpMillis) {
    return store.newest(0, StoryFilter.ALL, null).compose(top -> warm(store, top.seq(), cacheSize).compose(warmed -> {
      InOrderDelivery inOrder = new InOrderDelivery(vertx, store, top.seq(), gapGiveUpMillis, this::dispatch,
        reason -> hubs.forEach(hub -> hub.resyncAll(reason)));
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

  /**
   * Fills the cache with the newest events, read back a page at a time from the newest until its
   * count or byte budget is full: a log of large items never sits in memory whole.
   */
  private Future<Void> warm(StoryStore store, long topSeq, int cacheSize) {
    List<List<OutboundEvent>> pages = new ArrayList<>();
    return warmPages(store, topSeq, cacheSize, recent.maxBytes(), FIRST_WARM_PAGE, pages).map(done -> {
      for (int i = pages.size() - 1; i >= 0; i--) {
        pages.get(i).forEach(recent::add);
      }
      return null;
    });
  }

  private Future<Void> warmPages(StoryStore store, long before, int wanted, long budget, int page,
                                 List<List<OutboundEvent>> pages) {
    if (wanted <= 0 || before <= 0 || budget <= 0) {
      return Future.succeededFuture();
    }
    long from = Math.max(0, before - Math.min(page, wanted));
    return store.eventsAfter(from, (int) (before - from)).compose(events -> {
      List<OutboundEvent> encoded = events.stream().map(OutboundEvent::of).toList();
      long bytes = encoded.stream().mapToLong(OutboundEvent::retainedBytes).sum();
      pages.add(encoded);
      long left = budget - bytes;
      long average = Math.max(1, bytes / Math.max(1, encoded.size()));
      int next = (int) Math.max(MIN_WARM_PAGE, Math.min(FIRST_WARM_PAGE, left / average));
      return warmPages(store, from, wanted - encoded.size(), left, next, pages);
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
