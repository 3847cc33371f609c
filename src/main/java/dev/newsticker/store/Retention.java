package dev.newsticker.store;

import dev.newsticker.config.ConfigReader;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * Prunes events and past revisions older than the configured age, in the background. It deletes a
 * small batch per statement and pauses between batches, so appends never queue behind a long
 * delete. Stories are never pruned; see {@link Prunable} for what else is always kept. Deployed
 * as a verticle: its timer lives and dies with the deployment.
 */
public final class Retention extends VerticleBase {

  /**
   * The "retention" section of the configuration. An age of 0 days keeps that history forever.
   *
   * @param pauseMillis the breath between two batches, leaving the store to writers
   */
  public record Settings(int eventsDays, int revisionsDays, int intervalMinutes, int batchSize, int pauseMillis) {

    public static Settings from(JsonObject section) {
      ConfigReader retention = new ConfigReader(section, "retention");
      return new Settings(
        retention.integer("eventsDays", 30, 0, 36_500),
        retention.integer("revisionsDays", 30, 0, 36_500),
        retention.integer("intervalMinutes", 60, 1, 10_080),
        retention.integer("batchSize", 500, 1, 100_000),
        retention.integer("pauseMillis", 50, 0, 60_000));
    }
  }

  /** What one pass deleted. */
  public record Pruned(long events, long revisions) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final Prunable store;
  private final Settings settings;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();
  private long timerId;

  public Retention(Prunable store, Settings settings) {
    this(store, settings, Clock.systemUTC());
  }

  Retention(Prunable store, Settings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /** Runs a pass a minute from now, then every interval. */
  @Override
  public Future<?> start() {
    long interval = Duration.ofMinutes(settings.intervalMinutes()).toMillis();
    timerId = vertx.setPeriodic(Math.min(interval, 60_000), interval, id -> runOnce());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timerId);
    return Future.succeededFuture();
  }

  /** One full pass: every batch of events, then every batch of revisions, past their age. A pass never overlaps another. */
  public Future<Pruned> runOnce() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(new Pruned(0, 0));
    }
    Instant now = clock.instant();
    return prune(store::pruneEvents, now, settings.eventsDays(), 0)
      .compose(events -> prune(store::pruneRevisions, now, settings.revisionsDays(), 0)
        .map(revisions -> new Pruned(events, revisions)))
      .onSuccess(pruned -> {
        if (pruned.events() + pruned.revisions() > 0) {
          LOG.info("Retention pruned {} events and {} revisions", pruned.events(), pruned.revisions());
        }
      })
      .onFailure(failure -> LOG.warn("Retention pass stopped: {}", failure.getMessage()))
      .onComplete(done -> running.set(false));
  }

  private Future<Long> prune(BiFunction<Instant, Integer, Future<Integer>> batch, Instant now, int days, long sofar) {
    if (days == 0) {
      return Future.succeededFuture(sofar);
    }
    Instant before = now.minus(Duration.ofDays(days));
    return batch.apply(before, settings.batchSize()).compose(deleted -> deleted < settings.batchSize()
      ? Future.succeededFuture(sofar + deleted)
      : vertx.timer(Math.max(1, settings.pauseMillis())).compose(paused -> prune(batch, now, days, sofar + deleted)));
  }
}
