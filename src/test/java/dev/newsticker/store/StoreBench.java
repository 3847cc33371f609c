package dev.newsticker.store;

import dev.newsticker.model.Story;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static dev.newsticker.store.Await.await;
import static dev.newsticker.store.StoryFixtures.created;
import static dev.newsticker.store.StoryFixtures.revise;
import static dev.newsticker.store.StoryFixtures.story;
import static dev.newsticker.store.StoryFixtures.updated;

/**
 * Sustained publishing at the StoryStore level, the way the desk writes: one append at a time,
 * the next only once the previous is durable, chained on a Vert.x context; three new stories for
 * every update. Prints events/s and append latency percentiles per store. Run with
 * scripts/bench-store.sh.
 *
 * <p>Arguments: {@code [h2|pg|both] [seconds per store, default 20] [changes per append, default 1]};
 * PostgreSQL from NEWSTICKER_TEST_PG_URL (default postgres@127.0.0.1:5432/test), in a schema of its own.
 */
public final class StoreBench {

  private static final Logger LOG = LoggerFactory.getLogger(StoreBench.class);
  private static final int WARMUP_SECONDS = 3;

  record Result(String store, int batch, long events, double seconds, long[] latencies, long cpuNanos) {

    String line() {
      Arrays.sort(latencies);
      return String.format("%-3s batch=%d events=%d in %.1f s: %.0f events/s, append latency p50=%.2f ms p99=%.2f ms"
          + " max=%.2f ms, process CPU %.0f us per event", store, batch, events, seconds, events / seconds,
        millis(0.50), millis(0.99), millis(1.0), cpuNanos / 1e3 / Math.max(1, events));
    }

    private double millis(double quantile) {
      int index = (int) Math.min(latencies.length - 1, Math.ceil(quantile * latencies.length) - 1);
      return latencies[Math.max(0, index)] / 1e6;
    }
  }

  private StoreBench() {
  }

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "both";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Vertx vertx = Vertx.vertx();
    try {
      if (!which.equals("pg")) {
        Path dir = Files.createTempDirectory("newsticker-bench-h2-");
        LOG.info(run(vertx, "h2", new H2StoryStore(vertx, dir), seconds, batch).line());
      }
      if (!which.equals("h2")) {
        benchPostgres(vertx, seconds, batch);
      }
    } finally {
      await(vertx.close());
    }
  }

  private static void benchPostgres(Vertx vertx, int seconds, int batch) {
    PgTestSupport.TestSchema schema = new PgTestSupport.TestSchema("nt_bench_" + System.currentTimeMillis());
    try {
      PgTestSupport.sql(vertx, "CREATE SCHEMA " + schema.name());
    } catch (RuntimeException e) {
      LOG.warn("pg skipped: PostgreSQL is not reachable at {} ({})", PgTestSupport.URL, e.getMessage());
      return;
    }
    try {
      LOG.info(run(vertx, "pg", new PgStoryStore(vertx, schema.url()), seconds, batch).line());
    } finally {
      PgTestSupport.drop(vertx, schema);
    }
  }

  private static Result run(Vertx vertx, String name, StoryStore store, int seconds, int batch) {
    await(store.open());
    try {
      Publisher publisher = new Publisher(store, batch);
      await(onContext(vertx, publisher::publishFor, WARMUP_SECONDS));
      publisher.latencies = new long[1 << 16];
      publisher.count = 0;
      long started = System.nanoTime();
      long cpuBefore = processCpuNanos();
      await(onContext(vertx, publisher::publishFor, seconds));
      double elapsed = (System.nanoTime() - started) / 1e9;
      return new Result(name, batch, (long) publisher.count * batch, elapsed,
        Arrays.copyOf(publisher.latencies, publisher.count), processCpuNanos() - cpuBefore);
    } finally {
      await(store.close());
    }
  }

  /** This JVM's CPU time (PostgreSQL's own work is in its server processes, not counted). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static Future<Void> onContext(Vertx vertx, Function<Integer, Future<Void>> work, int seconds) {
    Promise<Void> done = Promise.promise();
    vertx.getOrCreateContext().runOnContext(start -> work.apply(seconds).onComplete(done));
    return done.future();
  }

  /** The desk's write pattern: a single writer, the next append only after the previous one is durable. */
  private static final class Publisher {
    private final StoryStore store;
    private final int batch;
    private long seq;
    private Story last;
    long[] latencies = new long[1 << 16];
    int count;

    Publisher(StoryStore store, int batch) {
      this.store = store;
      this.batch = batch;
    }

    Future<Void> publishFor(int seconds) {
      Promise<Void> done = Promise.promise();
      next(System.nanoTime() + seconds * 1_000_000_000L, done);
      return done.future();
    }

    private void next(long until, Promise<Void> done) {
      if (System.nanoTime() >= until) {
        done.complete();
        return;
      }
      long started = System.nanoTime();
      List<StoryChange> changes = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        changes.add(change());
      }
      store.append(changes).onComplete(appended -> {
        if (appended.failed()) {
          done.fail(appended.cause());
          return;
        }
        record(System.nanoTime() - started);
        next(until, done);
      });
    }

    private StoryChange change() {
      seq++;
      if (last != null && seq % 4 == 0) {
        Story revised = revise(last, last.headline() + " (updated)", seq);
        StoryChange change = updated(last, revised);
        last = revised;
        return change;
      }
      last = story("s" + seq, "Headline number " + seq + " about the markets", "business", seq % 10 == 0, seq, "btb");
      return created(last, "url:" + seq, "title:" + seq);
    }

    private void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }
  }
}
