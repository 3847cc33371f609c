package dev.newsticker.ingest;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A feed's new items per hour over the last day: the feeds panel's "items in the last 24 h", to the hour. */
final class LastDay {
  private static final long HOUR_SECONDS = 3600;
  private static final int HOURS = 24;
  /** Epoch hour to items that arrived in it. */
  private final Map<Long, Long> perHour = new TreeMap<>();

  void add(Instant at, long items) {
    long hour = at.getEpochSecond() / HOUR_SECONDS;
    perHour.merge(hour, items, Long::sum);
    perHour.keySet().removeIf(earlier -> hour - earlier >= HOURS);
  }

  long total(Instant now) {
    long hour = now.getEpochSecond() / HOUR_SECONDS;
    return perHour.entrySet().stream()
      .filter(entry -> hour - entry.getKey() < HOURS)
      .mapToLong(Map.Entry::getValue)
      .sum();
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject();
    perHour.forEach((hour, items) -> json.put(Long.toString(hour), items));
    return json;
  }

  void load(JsonObject json) {
    json.forEach(entry -> perHour.put(Long.valueOf(entry.getKey()), ((Number) entry.getValue()).longValue()));
  }
}
