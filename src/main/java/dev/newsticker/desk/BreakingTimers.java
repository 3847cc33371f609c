package dev.newsticker.desk;

import dev.newsticker.model.Story;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One timer per story whose breaking flag has an end. A timer runs on the clock the desk decides
 * by: it never calls back before the end by that clock (Vert.x counts in whole milliseconds of
 * its own time, which the wall clock need not keep pace with), so the desk never finds a flag not
 * yet due and leaves it on.
 */
final class BreakingTimers {
  private final Vertx vertx;
  private final Clock clock;
  private final BiConsumer<String, Instant> due;
  private final Map<String, Long> timers = new HashMap<>();

  /** {@code due} gets the story's id and the end it was scheduled for. */
  BreakingTimers(Vertx vertx, Clock clock, BiConsumer<String, Instant> due) {
    this.vertx = vertx;
    this.clock = clock;
    this.due = due;
  }

  /** Schedules the end of {@code story}'s flag, replacing its earlier timer; none when it has no end. */
  void schedule(Story story) {
    cancel(story.id());
    Instant until = story.breakingUntil();
    if (story.removed() || until == null) {
      return;
    }
    arm(story.id(), until);
  }

  /** Whether the story has a timer running. */
  boolean has(String storyId) {
    return timers.containsKey(storyId);
  }

  void cancelAll() {
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
  }

  private void cancel(String storyId) {
    Long previous = timers.remove(storyId);
    if (previous != null) {
      vertx.cancelTimer(previous);
    }
  }

  private void arm(String storyId, Instant until) {
    long delay = Math.max(1, (Duration.between(clock.instant(), until).toNanos() + 999_999) / 1_000_000);
    timers.put(storyId, vertx.setTimer(delay, timer -> {
      timers.remove(storyId, timer);
      if (clock.instant().isBefore(until)) {
        arm(storyId, until);
      } else {
        due.accept(storyId, until);
      }
    }));
  }
}
