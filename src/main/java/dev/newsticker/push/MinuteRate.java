package dev.newsticker.push;

import java.util.function.LongSupplier;

/** How many times something happened in the last minute, counted per second in a ring of sixty. */
final class MinuteRate {
  private static final int SECONDS = 60;
  private final long[] second = new long[SECONDS];
  private final long[] count = new long[SECONDS];
  private final LongSupplier clockSeconds;

  MinuteRate(LongSupplier clockSeconds) {
    this.clockSeconds = clockSeconds;
  }

  synchronized void record() {
    long now = clockSeconds.getAsLong();
    int slot = (int) Math.floorMod(now, (long) SECONDS);
    if (second[slot] != now) {
      second[slot] = now;
      count[slot] = 0;
    }
    count[slot]++;
  }

  synchronized long lastMinute() {
    long now = clockSeconds.getAsLong();
    long total = 0;
    for (int slot = 0; slot < SECONDS; slot++) {
      if (now - second[slot] < SECONDS) {
        total += count[slot];
      }
    }
    return total;
  }
}
