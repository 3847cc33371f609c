package dev.newsticker.desk;

import dev.newsticker.model.Story;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The desk ends a flag only when its end has come by the desk's clock; a timer that fires while
 * that clock says "not yet" (it need not keep pace with Vert.x's own time) must not be the last.
 */
class BreakingTimersTest {
  private Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aFlagIsDueOnlyOnceItsEndHasComeByTheDesksClock() throws Exception {
    Clock slow = new HalfSpeedClock();
    Instant until = slow.instant().plusMillis(200);
    CompletableFuture<Instant> dueAt = new CompletableFuture<>();
    vertx.runOnContext(go -> new BreakingTimers(vertx, slow, (id, end) -> dueAt.complete(slow.instant()))
      .schedule(breakingUntil(until)));

    Instant fired = dueAt.get(10, TimeUnit.SECONDS);
    assertFalse(fired.isBefore(until), "due at " + fired + ", before the end " + until);
  }

  @Test
  void aStoryWithoutAnEndHasNoTimer() throws Exception {
    CompletableFuture<Boolean> has = new CompletableFuture<>();
    vertx.runOnContext(go -> {
      BreakingTimers timers = new BreakingTimers(vertx, Clock.systemUTC(), (id, end) -> { });
      timers.schedule(breakingUntil(null));
      has.complete(timers.has("s1"));
    });
    assertEquals(false, has.get(10, TimeUnit.SECONDS));
  }

  private static Story breakingUntil(Instant until) {
    Instant at = Instant.now();
    return new Story("s1", "Flood closes the motorway", null, List.of(), null, "wire", List.of("wire"), null, null,
      List.of(), true, at, at, 1, 1, false, until);
  }

  /** A wall clock that runs at half the speed of real time. */
  private static final class HalfSpeedClock extends Clock {
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();

    @Override
    public Instant instant() {
      return start.plusNanos((System.nanoTime() - startNanos) / 2);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
