package dev.newsticker.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the fan-out counts, exported on /metrics. */
public final class PushMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(PushMetrics.class);
  private final Counter published;
  private final Counter deliveries;
  private final Counter conflations;
  private final Counter resyncs;
  private final Counter replaysFromCache;
  private final Counter replaysFromStore;
  private final Timer publishToFanout;
  private final Timer publishToDelivery;
  private final AtomicLong queuedEvents = new AtomicLong();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
  private final Map<String, Counter> readerWires = new HashMap<>();
  private final AtomicBoolean fallbackLogged = new AtomicBoolean();
  private final MinuteRate publishedLastMinute = new MinuteRate(() -> System.currentTimeMillis() / 1000);
  private final MeterRegistry registry;

  public PushMetrics(MeterRegistry registry) {
    this.registry = registry;
    published = Counter.builder("newsticker_events_published").description("events received from the desk").register(registry);
    deliveries = Counter.builder("newsticker_deliveries").description("events written to readers").register(registry);
    conflations = Counter.builder("newsticker_conflations").description("queued events replaced by a newer one of the same story").register(registry);
    resyncs = Counter.builder("newsticker_resyncs").description("readers told to resync (or closed) after falling behind").register(registry);
    replaysFromCache = replays("cache");
    replaysFromStore = replays("store");
    for (Framing framing : Framing.values()) {
      readerWires.put("direct/" + framing.transport(), readerWire(framing.transport(), true));
      readerWires.put("fallback/" + framing.transport(), readerWire(framing.transport(), false));
    }
    publishToFanout = Timer.builder("newsticker_publish_to_fanout").description("time from the desk's decision to this node's fan-out")
      .publishPercentileHistogram().register(registry);
    publishToDelivery = Timer.builder("newsticker_publish_to_delivery")
      .description("time from the desk's decision until an event loop has written the event to all its readers")
      // the 0.99 over the last two minutes, for the console's live figures
      .publishPercentiles(0.99).publishPercentileHistogram().register(registry);
    Gauge.builder("newsticker_queued_events", queuedEvents, AtomicLong::get)
      .description("events waiting in slow readers' queues, all readers together").register(registry);
    Gauge.builder("newsticker_queued_bytes", queuedBytes, AtomicLong::get)
      .description("bytes of the events waiting in slow readers' queues").register(registry);
  }

  private Counter replays(String source) {
    return Counter.builder("newsticker_replays").tag("source", source)
      .description("catch-ups after Last-Event-ID/since, by where the events came from").register(registry);
  }

  private Counter readerWire(String transport, boolean direct) {
    return Counter.builder(direct ? "newsticker_readers_direct" : "newsticker_readers_fallback").tag("transport", transport)
      .description(direct ? "HTTP/1.1 readers written on the shared-bytes fast path"
        : "HTTP/1.1 readers that could not take the fast path and are written through Vert.x")
      .register(registry);
  }

  /** A reader's wire was chosen: the shared-bytes fast path, or Vert.x where the fast path was expected. */
  void wireChosen(String transport, boolean direct) {
    readerWires.get((direct ? "direct/" : "fallback/") + transport).increment();
    if (!direct && fallbackLogged.compareAndSet(false, true)) {
      LOG.warn("A {} reader on HTTP/1.1 is written through Vert.x, not on the shared-bytes fast path: the "
        + "connection's pipeline is not as expected (a Vert.x upgrade?); see newsticker_readers_fallback_total", transport);
    }
  }

  void connected(String transport) {
    connections.computeIfAbsent(transport, name -> registry.gauge("newsticker_connections",
      Tags.of("transport", name), new AtomicInteger())).incrementAndGet();
  }

  void disconnected(String transport) {
    connections.get(transport).decrementAndGet();
  }

  /** Readers connected to this node right now, over every transport. */
  public int connections() {
    return connections.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Readers connected to this node right now, by transport ({@code sse}, {@code websocket}, ...). */
  public Map<String, Integer> connectionsByTransport() {
    Map<String, Integer> byTransport = new TreeMap<>();
    for (Framing framing : Framing.values()) {
      byTransport.put(framing.transport(), 0);
    }
    connections.forEach((transport, count) -> byTransport.put(transport, count.get()));
    return byTransport;
  }

  /** Events this node received from the desk in the last sixty seconds. */
  public long eventsLastMinute() {
    return publishedLastMinute.lastMinute();
  }

  /** The 99th percentile of publish-to-delivery over the last two minutes, in milliseconds; 0 when nothing was delivered. */
  public double publishToDeliveryP99Millis() {
    for (ValueAtPercentile value : publishToDelivery.takeSnapshot().percentileValues()) {
      if (value.percentile() == 0.99) {
        return value.value(TimeUnit.MILLISECONDS);
      }
    }
    return 0;
  }

  void published(OutboundEvent event) {
    published.increment();
    publishedLastMinute.record();
    record(publishToFanout, event);
  }

  /** An event loop has handed {@code event} to all its readers. */
  void fannedOut(OutboundEvent event) {
    record(publishToDelivery, event);
  }

  private static void record(Timer timer, OutboundEvent event) {
    Instant at = event.at();
    if (at != null) {
      timer.record(Duration.between(at, Instant.now()));
    }
  }

  void delivered(int count) {
    deliveries.increment(count);
  }

  void conflated() {
    conflations.increment();
  }

  void resynced() {
    resyncs.increment();
  }

  void replayed(boolean fromCache) {
    (fromCache ? replaysFromCache : replaysFromStore).increment();
  }

  void queued(int events, int bytes) {
    queuedEvents.addAndGet(events);
    queuedBytes.addAndGet(bytes);
  }

  /** Events waiting in readers' queues on this node now. */
  public long queuedEvents() {
    return queuedEvents.get();
  }
}
