package dev.newsticker.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counters of the fan-out, exported on /metrics. */
public final class PushMetrics {
  private final Counter published;
  private final Counter deliveries;
  private final Counter conflations;
  private final Counter resyncs;
  private final Timer publishToFanout;
  private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
  private final MeterRegistry registry;

  public PushMetrics(MeterRegistry registry) {
    this.registry = registry;
    published = Counter.builder("newsticker_events_published").description("events received from the desk").register(registry);
    deliveries = Counter.builder("newsticker_deliveries").description("events written to readers").register(registry);
    conflations = Counter.builder("newsticker_conflations").description("queued events replaced by a newer one of the same story").register(registry);
    resyncs = Counter.builder("newsticker_resyncs").description("readers told to resync after falling behind").register(registry);
    publishToFanout = Timer.builder("newsticker_publish_to_fanout").description("time from the desk's decision to this node's fan-out")
      .publishPercentileHistogram().register(registry);
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

  void published(OutboundEvent event) {
    published.increment();
    Instant at = event.at();
    if (at != null) {
      publishToFanout.record(Duration.between(at, Instant.now()));
    }
  }

  void delivered() {
    deliveries.increment();
  }

  void conflated() {
    conflations.increment();
  }

  void resynced() {
    resyncs.increment();
  }
}
