package dev.newsticker.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;

/**
 * Fan-out load against Newsticker or nginx+Nchan: N readers (WebSocket or SSE, ramped), M
 * headlines at R per second, then what arrived, how late, and what it cost the server.
 * {@code --storm} instead measures N readers reconnecting at once with Last-Event-ID.
 * Prints a human summary and one Markdown table row ({@code ROW | ...}) for BENCHMARKS.md.
 */
public final class LoadTool {
  private static final int RAMP_IN_FLIGHT = 200;
  private static final int STORM_IN_FLIGHT = 2000;
  private static final Duration DRAIN = Duration.ofSeconds(20);

  private final LoadOptions options;
  private final Vertx vertx;
  private final ReaderPool pool;
  private final Publisher publisher;

  private LoadTool(LoadOptions options) {
    this.options = options;
    this.vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(10_000));
    this.pool = new ReaderPool(vertx, options);
    this.publisher = new Publisher(vertx, options);
  }

  public static void main(String[] args) throws Exception {
    LoadOptions options = LoadOptions.parse(args);
    LoadTool tool = new LoadTool(options);
    try {
      if (options.storm()) {
        tool.storm();
      } else {
        tool.fanout();
      }
    } finally {
      await(tool.pool.close());
      await(tool.publisher.close());
      await(tool.vertx.close());
    }
  }

  private void fanout() throws InterruptedException {
    ProcStats idle = proc();
    Tally tally = new Tally();
    long rampStart = System.nanoTime();
    int opened = await(pool.open(options.readers(), tally, i -> options.readPath(), i -> Map.of(),
      options.rampPerSecond(), RAMP_IN_FLIGHT)).size();
    System.out.printf("%d readers open in %.1f s (%d failed)%n", opened, seconds(rampStart), pool.failures.get());
    Thread.sleep(1000);
    tally.reset();
    int warmUp = warmUp(tally, opened);
    long deliveredBefore = tally.distinct.get();
    ProcStats before = proc();
    long publishStart = System.nanoTime();
    int headlines = options.headlines();
    await(publisher.publish(warmUp, headlines, options.rate()));
    long expected = (long) opened * (warmUp + headlines);
    waitFor(() -> tally.distinct.get() >= expected, DRAIN);
    double elapsed = seconds(publishStart);
    ProcStats after = proc();
    Histogram latency = tally.latencies();
    ProcStats used = after.minus(before);
    long delivered = tally.distinct.get();
    long measured = delivered - deliveredBefore;
    double cpuMicrosPerDelivery = measured == 0 ? 0 : used.cpuSeconds() * 1e6 / measured;
    double kernelMicrosPerDelivery = measured == 0 ? 0 : used.kernelSeconds() * 1e6 / measured;
    double mbPerThousand = opened == 0 ? 0 : (after.rssKb() - idle.rssKb()) / 1024.0 / opened * 1000;
    System.out.printf(Locale.ROOT, "published %d in %.1f s (%d failed); delivered %d of %d, lost %d, duplicated %d,"
        + " out of order %d; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
      headlines, elapsed, publisher.failures.get(), delivered, expected, expected - delivered, tally.duplicated.get(),
      tally.outOfOrder.get(), ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(99)),
      ms(latency.getMaxValue()));
    System.out.printf("slowest delivery in each second of publishing, ms: %s%n",
      tally.slowestPerGroup(warmUp, headlines, Math.max(1, options.rate())));
    System.out.printf(Locale.ROOT, "server CPU %.2f s (kernel %.2f s), %.2f us per delivery (kernel %.2f); RSS %.0f MB idle,"
        + " %.0f MB with readers, %.1f MB per 1,000 readers%n",
      used.cpuSeconds(), used.kernelSeconds(), cpuMicrosPerDelivery, kernelMicrosPerDelivery, idle.rssKb() / 1024.0,
      after.rssKb() / 1024.0, mbPerThousand);
    System.out.printf(Locale.ROOT,
      "ROW | %s | %d | %d/s | %d/%d | %d | %d | %d | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %.0f | %.1f |%n",
      options.label(), opened, options.rate(), delivered, expected, expected - delivered, tally.duplicated.get(),
      tally.outOfOrder.get(), ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(99)),
      ms(latency.getMaxValue()), used.cpuSeconds(), cpuMicrosPerDelivery, kernelMicrosPerDelivery,
      after.rssKb() / 1024.0, mbPerThousand);
  }

  /**
   * Publishes the first headlines before the measured window: the latency tail of a cold run is
   * this tool's own JIT compiling its receive path in the first second, whichever the server.
   */
  private int warmUp(Tally tally, int opened) throws InterruptedException {
    int warmUp = options.warmUpHeadlines();
    if (warmUp > 0) {
      await(publisher.publish(0, warmUp, options.rate()));
      waitFor(() -> tally.distinct.get() >= (long) opened * warmUp, DRAIN);
      System.out.printf("load tool's warm-up: %d headlines, %d of %d delivered (not in latency or CPU)%n",
        warmUp, tally.distinct.get(), (long) opened * warmUp);
    }
    tally.forgetLatencies();
    return warmUp;
  }

  /**
   * Readers follow a first batch live, all disconnect, a second batch is published, then all
   * reconnect at once with the last seq they saw and must get exactly the second batch.
   */
  private void storm() throws InterruptedException {
    int batch = options.headlines();
    Tally live = new Tally();
    int opened = await(pool.open(options.readers(), live, i -> options.readPath(), i -> Map.of(),
      options.rampPerSecond(), RAMP_IN_FLIGHT)).size();
    System.out.printf("%d readers open (%d failed)%n", opened, pool.failures.get());
    AtomicLongArray seqs = await(publisher.publish(0, batch, options.rate()));
    waitFor(() -> live.distinct.get() >= (long) opened * batch, DRAIN);
    long lastSeen = seqs.get(batch - 1);
    System.out.printf("first batch: %d of %d delivered; last seq %d%n", live.distinct.get(), (long) opened * batch, lastSeen);
    pool.closeReaders();
    Thread.sleep(2000);
    await(publisher.publish(batch, batch, options.rate()));
    double storeBefore = metric("newsticker_replays_total{source=\"store\"");
    double cacheBefore = metric("newsticker_replays_total{source=\"cache\"");
    Tally back = new Tally();
    long start = System.nanoTime();
    String path = options.webSocket() ? "/api/v1/ws?since=" + lastSeen : "/api/v1/stream";
    Map<String, String> headers = options.webSocket() ? Map.of() : Map.of("Last-Event-ID", Long.toString(lastSeen));
    int reopened = await(pool.open(opened, back, i -> path, i -> headers, Integer.MAX_VALUE / 2, STORM_IN_FLIGHT)).size();
    double connected = seconds(start);
    long expected = (long) reopened * batch;
    waitFor(() -> back.distinct.get() >= expected, DRAIN);
    double caughtUp = seconds(start);
    double fromStore = metric("newsticker_replays_total{source=\"store\"") - storeBefore;
    double fromCache = metric("newsticker_replays_total{source=\"cache\"") - cacheBefore;
    System.out.printf(Locale.ROOT, "storm: %d readers reconnected in %.2f s, all caught up in %.2f s; missed events"
        + " delivered %d of %d, duplicated %d, out of order %d; replays from cache %.0f, from store %.0f%n",
      reopened, connected, caughtUp, back.distinct.get(), expected, back.duplicated.get(), back.outOfOrder.get(),
      fromCache, fromStore);
    System.out.printf(Locale.ROOT, "ROW | %s | %d | %d | %.2f | %.2f | %d/%d | %d | %d | %.0f | %.0f |%n",
      options.label(), reopened, batch, connected, caughtUp, back.distinct.get(), expected, back.duplicated.get(),
      back.outOfOrder.get(), fromCache, fromStore);
  }

  /** A counter from the server's /metrics (Prometheus text), 0 when absent; retried while the server is busy. */
  private double metric(String prefix) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        Buffer body = await(publisher.client().request(new RequestOptions().setMethod(HttpMethod.GET)
            .setHost(options.host()).setPort(options.port()).setURI("/metrics"))
          .compose(req -> req.send()).compose(response -> response.body()));
        return body.toString().lines().filter(line -> line.startsWith(prefix))
          .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
      } catch (IllegalStateException e) {
        if (attempt == 5) {
          throw e;
        }
        Thread.sleep(1000);
      }
    }
  }

  private ProcStats proc() {
    return options.pids().isEmpty() ? new ProcStats(0, 0, 0) : ProcStats.read(options.pids());
  }

  private static void waitFor(BooleanSupplier done, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
