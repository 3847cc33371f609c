package dev.newsticker.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to poll a feed next.
 * <ul>
 *   <li>After a success: half the typical gap between new items (so a feed that changes hourly is polled
 *   every half hour), at least a quarter of the time it has been quiet, never faster than the feed's own
 *   configured interval; raised to the feed's RSS ttl, Cache-Control max-age or Expires; clamped to
 *   [min, max]. A feed with a live WebSub subscription is polled only as a fallback.</li>
 *   <li>After an error: exponential backoff from the base interval up to the cap, and never before a
 *   Retry-After.</li>
 * </ul>
 * Every delay gets ±10% jitter so feeds configured together drift apart.
 */
final class FeedSchedule {
  private final FeedSettings settings;

  FeedSchedule(FeedSettings settings) {
    this.settings = settings;
  }

  Duration afterSuccess(FeedState feed, Duration serverHint, Instant now) {
    long seconds = base(feed);
    List<Long> gaps = gaps(feed);
    if (!gaps.isEmpty()) {
      seconds = Math.max(seconds, median(gaps) / 2);
    }
    Instant quietSince = feed.arrivals.isEmpty() ? feed.firstSuccess : feed.arrivals.peekLast();
    if (quietSince != null) {
      seconds = Math.max(seconds, Duration.between(quietSince, now).toSeconds() / 4);
    }
    seconds = Math.max(seconds, serverHint.toSeconds());
    seconds = clamp(seconds, settings.minIntervalSeconds(), settings.maxIntervalSeconds());
    if (feed.websub.active()) {
      seconds = Math.max(seconds, settings.websub().fallbackPollSeconds());
    }
    return jitter(Duration.ofSeconds(seconds));
  }

  Duration afterError(FeedState feed, Duration retryAfter) {
    int doublings = Math.min(Math.max(feed.consecutiveErrors - 1, 0), 30);
    long seconds = Math.min(settings.backoffMaxSeconds(), base(feed) << doublings);
    Duration delay = jitter(Duration.ofSeconds(seconds));
    // A hostile or mistaken Retry-After must not silence a feed for good: honour it up to a day.
    if (retryAfter != null) {
      Duration honoured = retryAfter.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : retryAfter;
      delay = honoured.compareTo(delay) > 0 ? honoured : delay;
    }
    return delay;
  }

  private long base(FeedState feed) {
    Integer own = feed.definition.intervalSeconds();
    return clamp(own == null ? settings.minIntervalSeconds() : own, settings.minIntervalSeconds(),
      settings.maxIntervalSeconds());
  }

  private static List<Long> gaps(FeedState feed) {
    List<Long> gaps = new ArrayList<>();
    Instant previous = null;
    for (Instant at : feed.arrivals) {
      if (previous != null) {
        gaps.add(Duration.between(previous, at).toSeconds());
      }
      previous = at;
    }
    return gaps;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }

  private static Duration jitter(Duration delay) {
    double factor = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
    return Duration.ofMillis(Math.max(1, (long) (delay.toMillis() * factor)));
  }
}
